/* FreeSWITCH mod_cdr_csv templates: the layout of a cdr-csv log, and where it is configured. */
#ifndef DIALAUDIT_ADAPTERS_FREESWITCH_TPL_H
#define DIALAUDIT_ADAPTERS_FREESWITCH_TPL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util/csvrec.h"

#define FS_TPL_MAX_VARS 128
#define FS_TPL_MAX_TEMPLATES 64
#define FS_TPL_MAX_TEXT 8192

/*
 * A template is literal text around ${variables}: lits[0] var[0] lits[1] …
 * var[n-1] lits[n]. FreeSWITCH expands the variables with no escaping, so a
 * row is the template with each variable replaced by its raw value.
 */
struct fs_template {
	char *name;
	int line;                         /* in its cdr_csv.conf.xml; 0 = built in */
	size_t nvars;
	char *vars[FS_TPL_MAX_VARS];
	char *lits[FS_TPL_MAX_VARS + 1];
	bool csv_shaped;                  /* one variable per CSV field: a CSV reader splits rows */
};

/* The built-in template mod_cdr_csv uses when it has no configuration
 * (13 columns), and the one the vanilla cdr_csv.conf.xml makes the default
 * ("example", 15 columns). */
extern const char fs_tpl_builtin_default[];
extern const char fs_tpl_vanilla_example[];

/* Parses template text; -1 with *why when it cannot describe a CSV row. */
int fs_template_parse(const char *name, int line, const char *text, size_t len,
    struct fs_template *t, const char **why);
void fs_template_free(struct fs_template *t);
/* The index of variable var in t, or -1. */
int fs_template_var(const struct fs_template *t, const char *var);
/*
 * Splits one line (no newline) by the template's literal text into
 * fields[t->nvars]: 0 when the split is the only possible one (matching
 * each separator at its first and at its last possible place gives the
 * same fields), -1 otherwise. This is how a row whose values hold
 * unescaped quotes is read.
 */
int fs_template_split(const struct fs_template *t, struct text line, struct text *fields);

/* What a cdr_csv.conf.xml says. */
struct fs_cdr_conf {
	char *path;
	char *default_template;           /* NULL: not set */
	int default_line;
	char *legs;                       /* "a", "b", "ab"; NULL = not set (a) */
	struct fs_template tpl[FS_TPL_MAX_TEMPLATES];
	size_t ntpl;
};

/* Reads a cdr_csv.conf.xml; errors at file:line. */
int fs_cdr_conf_load(const char *path, struct fs_cdr_conf *c, struct diag *d);
void fs_cdr_conf_free(struct fs_cdr_conf *c);
/* The template named name, or NULL. */
const struct fs_template *fs_cdr_conf_find(const struct fs_cdr_conf *c, const char *name);
/*
 * The cdr_csv.conf.xml that belongs to the log at log_path, looked for
 * where FreeSWITCH installs keep it relative to log/cdr-csv/ (the list is
 * in docs/adapters.md); writes its path to buf and returns it, or NULL.
 */
const char *fs_cdr_conf_locate(const char *log_path, char *buf, size_t size);

#endif
