/* pjsip.conf, pjsip_wizard.conf and sip.conf: trunk caller IDs and SIP exposure. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adapters/asterisk_conf.h"
#include "util/fsutil.h"

#define MAX_TRUNKS 256

struct trunks {
	char names[MAX_TRUNKS][64];
	size_t n;
};

/*
 * The trunks the folder's extensions.conf dials out through. Only their
 * caller IDs are presented to called people: a phone's callerid is an
 * internal extension the outbound route replaces or passes, which the
 * configuration alone cannot tell. No extensions.conf: no trunks known.
 */
static int
load_trunks(const struct ast_file *f, struct trunks *t, struct diag *d)
{
	char dir[PATH_MAX], path[PATH_MAX];
	struct astconf conf;

	t->n = 0;
	fs_join(fs_dirname(f->path, dir, sizeof(dir)), "extensions.conf", path, sizeof(path));
	if (access(path, F_OK) != 0)
		return 0;
	if (astconf_load(path, &conf, d) < 0)
		return -1;
	t->n = asterisk_dialplan_trunks(&conf, t->names, MAX_TRUNKS);
	astconf_free(&conf);
	return 0;
}

static bool
is_trunk(const struct trunks *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->names[i], name) == 0)
			return true;
	return false;
}

static bool
prohibited(const char *pres)
{
	return pres != NULL && (strncasecmp(pres, "prohib", 6) == 0 ||
	    strcasecmp(pres, "unavailable") == 0);
}

/* A trunk's presented caller ID and presentation (callerid + privacy key). */
static void
trunk_caller_id(struct ast_file *f, const struct astconf_category *cat, const char *cid_key,
    const char *pres_key)
{
	const struct astconf_var *cid = astconf_get(cat, cid_key);
	const struct astconf_var *pres = astconf_get(cat, pres_key);
	struct campaign *c = asterisk_campaign(f);

	if (cid != NULL && cid->value[0] != '\0' && strchr(cid->value, '$') == NULL)
		asterisk_add_caller_id(f, c, cid->value, AST_CID_FULL, cid);
	if (pres != NULL && prohibited(pres->value))
		asterisk_add_caller_id(f, c, "withheld", AST_CID_NUMBER, pres);
}

static bool
listed(const char *list, const char *name)
{
	size_t len = strlen(name);

	for (const char *s = list; *s != '\0';) {
		size_t n;

		while (*s == ' ' || *s == ',')
			s++;
		n = strcspn(s, ",");
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n == len && strncmp(s, name, n) == 0)
			return true;
		s += strcspn(s, ",");
	}
	return false;
}

/* Whether a type=identify section matches requests to endpoint by address. */
static bool
identified(const struct astconf *conf, const char *endpoint)
{
	for (size_t i = 0; i < conf->ncats; i++) {
		const struct astconf_category *cat = &conf->cats[i];
		const char *type = asterisk_value(cat, "type"), *ep = asterisk_value(cat, "endpoint");

		if (!cat->is_template && type != NULL && strcasecmp(type, "identify") == 0 &&
		    ep != NULL && listed(ep, endpoint))
			return true;
	}
	return false;
}

/* The first transport bound to every or a public address, or NULL. */
static const struct astconf_var *
open_transport(const struct astconf *conf)
{
	for (size_t i = 0; i < conf->ncats; i++) {
		const struct astconf_category *cat = &conf->cats[i];
		const char *type = asterisk_value(cat, "type");
		const struct astconf_var *bind = astconf_get(cat, "bind");

		if (!cat->is_template && type != NULL && strcasecmp(type, "transport") == 0 &&
		    bind != NULL && asterisk_addr_exposed(bind->value))
			return bind;
	}
	return NULL;
}

static void
read_wizard(struct ast_file *f, const struct astconf_category *cat, const struct trunks *t)
{
	if (is_trunk(t, cat->name))
		trunk_caller_id(f, cat, "endpoint/callerid", "endpoint/callerid_privacy");
	asterisk_judge_secret(f, "SIP", cat->name, asterisk_value(cat, "inbound_auth/username"),
	    astconf_get(cat, "inbound_auth/password"));
}

int
asterisk_pjsip_read(struct ast_file *f, struct diag *d)
{
	struct trunks *t = calloc(1, sizeof(*t));
	const struct astconf_var *bind = open_transport(f->conf);

	if (t == NULL)
		return diag_set(d, f->path, 0, "out of memory");
	if (load_trunks(f, t, d) < 0) {
		free(t);
		return -1;
	}
	for (size_t i = 0; i < f->conf->ncats; i++) {
		const struct astconf_category *cat = &f->conf->cats[i];
		const char *type = asterisk_value(cat, "type");

		if (cat->is_template || type == NULL)
			continue;
		if (strcasecmp(type, "wizard") == 0) {
			read_wizard(f, cat, t);
		} else if (strcasecmp(type, "endpoint") == 0) {
			const char *auth = asterisk_value(cat, "auth");

			if (is_trunk(t, cat->name))
				trunk_caller_id(f, cat, "callerid", "callerid_privacy");
			if (bind != NULL && (auth == NULL || auth[0] == '\0') &&
			    !identified(f->conf, cat->name))
				asterisk_expose(f, EXP_PJSIP_NO_AUTH, 0, cat->file, cat->line, "SIP",
				    cat->name);
		} else if (strcasecmp(type, "auth") == 0) {
			const char *at = asterisk_value(cat, "auth_type");

			/* md5 credentials are a hash: not judged */
			if (at == NULL || strcasecmp(at, "userpass") == 0)
				asterisk_judge_secret(f, "SIP", cat->name, asterisk_value(cat, "username"),
				    astconf_get(cat, "password"));
		}
	}
	free(t);
	return 0;
}

int
asterisk_sip_read(struct ast_file *f, struct diag *d)
{
	struct trunks *t = calloc(1, sizeof(*t));
	size_t i = 0;
	const struct astconf_category *g = astconf_next(f->conf, "general", &i);
	const char *bind = asterisk_value(g, "udpbindaddr");

	if (t == NULL)
		return diag_set(d, f->path, 0, "out of memory");
	if (load_trunks(f, t, d) < 0) {
		free(t);
		return -1;
	}
	if (bind == NULL)
		bind = asterisk_value(g, "bindaddr");
	/* chan_sip binds every address unless told otherwise */
	if (bind == NULL || asterisk_addr_exposed(bind)) {
		const struct astconf_var *guest = g != NULL ? astconf_get(g, "allowguest") : NULL;
		const struct astconf_var *reject = g != NULL ? astconf_get(g, "alwaysauthreject") : NULL;

		if (guest == NULL || !asterisk_false(guest->value))
			asterisk_expose(f, EXP_SIP_GUEST, guest == NULL, guest != NULL ? guest->file :
			    g != NULL ? g->file : NULL, guest != NULL ? guest->line : g != NULL ? g->line :
			    0, "SIP", NULL);
		if (reject != NULL && asterisk_false(reject->value))
			asterisk_expose(f, EXP_SIP_AUTH_REVEALS, 0, reject->file, reject->line, "SIP",
			    NULL);
	}
	for (size_t k = 0; k < f->conf->ncats; k++) {
		const struct astconf_category *cat = &f->conf->cats[k];
		const char *user;

		if (cat->is_template || strcasecmp(cat->name, "general") == 0 ||
		    strcasecmp(cat->name, "authentication") == 0)
			continue;
		if (is_trunk(t, cat->name))
			trunk_caller_id(f, cat, "callerid", "callingpres");
		user = asterisk_value(cat, "defaultuser");
		if (user == NULL)
			user = asterisk_value(cat, "username");
		asterisk_judge_secret(f, "SIP", cat->name, user != NULL ? user : cat->name,
		    astconf_get(cat, "secret"));
	}
	free(t);
	return 0;
}
