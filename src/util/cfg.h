/* libconfig helpers: loading a file with good errors and strict schemas. */
#ifndef DIALAUDIT_UTIL_CFG_H
#define DIALAUDIT_UTIL_CFG_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;

/*
 * Every dialaudit libconfig document (profile, campaign, licence, run
 * settings, mapping, waivers) is checked against a schema: a table of the
 * keys a group may hold and their types. Unknown keys and wrong types are
 * errors naming the file and line, because a misspelt limit that is
 * silently ignored is an audit that passes when it should fail.
 */
enum cfg_type {
	CFG_STRING,
	CFG_INT,       /* integer */
	CFG_NUMBER,    /* integer or float */
	CFG_BOOL,
	CFG_GROUP,
	CFG_STRINGS,   /* array or list of strings (a single string is accepted too) */
	CFG_LIST,      /* list of groups */
	CFG_STRING_OR_INT,
	CFG_ANY,       /* checked by the caller */
};

struct cfg_key {
	const char *name;
	enum cfg_type type;
};

/* Loads path into cfg (config_init is done here). Fails for missing,
 * unreadable, non-regular files and syntax errors. On failure cfg is
 * already destroyed. */
int cfg_load_file(config_t *cfg, const char *path, struct diag *d);

/* Checks every child of group against keys (terminated by a NULL name). */
int cfg_check_keys(const config_setting_t *group, const struct cfg_key *keys,
    const char *where, struct diag *d);

const char *cfg_file(const config_setting_t *s);
int cfg_line(const config_setting_t *s);

/* Getters: return 0 when absent (outputs untouched), 1 when found, -1 with
 * d filled when present but invalid. */
int cfg_string(const config_setting_t *group, const char *name, const char **out,
    struct diag *d);
int cfg_int(const config_setting_t *group, const char *name, long long min, long long max,
    long long *out, struct diag *d);
int cfg_number(const config_setting_t *group, const char *name, double min, double max,
    double *out, struct diag *d);
int cfg_bool(const config_setting_t *group, const char *name, bool *out, struct diag *d);
/* A duration string ("5m", "24h") or an integer number of seconds. */
int cfg_duration(const config_setting_t *group, const char *name, bool allow_zero,
    int64_t *out, struct diag *d);
/* A "YYYY-MM-DD" date → days since epoch. */
int cfg_date(const config_setting_t *group, const char *name, int64_t *out, struct diag *d);
/* Strings of an array or list (or one string) copied into arena. */
int cfg_strings(const config_setting_t *group, const char *name, struct arena *a,
    char ***out, size_t *n, struct diag *d);
/* Element i of a string list: its value and line, for element-level errors. */
int cfg_elem_line(const config_setting_t *group, const char *name, size_t i);
/* Reports an error at setting s. Always returns -1. */
int cfg_error(const config_setting_t *s, struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
