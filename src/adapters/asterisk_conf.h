/*
 * Shared by the asterisk-config adapter's files (asterisk_conf.c,
 * asterisk_dialplan.c, asterisk_channels.c, asterisk_services.c): every
 * Asterisk configuration file of one folder feeds one campaign, named
 * "asterisk:<folder>", and each setting keeps its own file and line.
 */
#ifndef DIALAUDIT_ADAPTERS_ASTERISK_CONF_H
#define DIALAUDIT_ADAPTERS_ASTERISK_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "util/astconf.h"

/* What one file's reader works with. */
struct ast_file {
	struct model *m;
	const char *path;      /* the file named as input */
	const char *group;     /* "asterisk:<folder>", the campaign and exposure group */
	const struct astconf *conf;
	bool full;             /* the model refused a caller ID or an exposure: too many */
};

/* The folder's campaign, created on first use. */
struct campaign *asterisk_campaign(struct ast_file *f);
/* Records that setting cs of c was read from v's file and line. */
void asterisk_mark(struct ast_file *f, struct campaign *c, enum campaign_setting cs,
    const struct astconf_var *v);
/* How a caller ID value is written. */
enum ast_cid_form {
	AST_CID_NUMBER,   /* the number itself: CALLERID(num)=… (whatever it is) */
	AST_CID_FULL,     /* "Name" <num>, <num>, or one bare word that is a name or a number */
};
/* Adds the number of a caller ID value read at v. A full form without
 * <num> whose word is not a phone number is a name alone (ast_callerid_parse):
 * no number, nothing added. */
void asterisk_add_caller_id(struct ast_file *f, struct campaign *c, const char *value,
    enum ast_cid_form form, const struct astconf_var *v);
/* Records an exposure at file:line (subject and service may be NULL). */
void asterisk_expose(struct ast_file *f, enum exposure_kind kind, int detail, const char *file,
    int line, const char *service, const char *subject);

/* Records a weak secret (never the secret itself) of user, under subject
 * (the section). A subject holding the secret is not named (asterisk_safe_name). secret may be NULL (not set: nothing to judge). */
void asterisk_judge_secret(struct ast_file *f, const char *service, const char *subject,
    const char *user, const struct astconf_var *secret);

/* name, or NULL when it holds secret (case ignored): printing it would print
 * the secret, or part of it. */
const char *asterisk_safe_name(const char *name, const char *secret);

/* Asterisk's ast_true() and ast_false(): yes/true/y/t/1/on and their opposites. */
bool asterisk_true(const char *v);
bool asterisk_false(const char *v);
/* Whether a bind address listens beyond the host and private networks:
 * every address (0.0.0.0, ::, empty host) or a public IP literal. A host
 * name is not judged (false). A ":port" suffix and [brackets] are allowed. */
bool asterisk_addr_exposed(const char *addr);
/* A category's value of key, or NULL (the last one, as Asterisk keeps). */
const char *asterisk_value(const struct astconf_category *cat, const char *key);

/* extensions.conf: ring timeout, caller IDs, AMD. */
int asterisk_dialplan_read(struct ast_file *f, struct diag *d);
/* The trunk names extensions.conf's outbound Dial()s go through (channel
 * resources such as "trunk" of PJSIP/${EXTEN}@trunk), at most max. */
size_t asterisk_dialplan_trunks(const struct astconf *conf, char (*names)[64], size_t max);
/* pjsip.conf, pjsip_wizard.conf and sip.conf. */
int asterisk_pjsip_read(struct ast_file *f, struct diag *d);
int asterisk_sip_read(struct ast_file *f, struct diag *d);
/* manager.conf, ari.conf, http.conf, asterisk.conf, amd.conf. */
int asterisk_manager_read(struct ast_file *f, struct diag *d);
int asterisk_ari_read(struct ast_file *f, struct diag *d);
int asterisk_http_read(struct ast_file *f, struct diag *d);
int asterisk_options_read(struct ast_file *f, struct diag *d);
int asterisk_amd_read(struct ast_file *f, struct diag *d);

#endif
