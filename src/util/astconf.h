/*
 * Asterisk's configuration dialect (main/config.c), read the way Asterisk
 * reads it, for every adapter of an Asterisk file: asterisk.conf,
 * extensions.conf, pjsip.conf, sip.conf, manager.conf, queues.conf, …
 *
 *   [name]            a category; a name may appear more than once
 *   [name](!)         a template: hidden, only inherited
 *   [name](a,b)       starts with the variables of templates a and b
 *   [name](+)         appends to the last category of that name
 *   key = value       also key => value (an "object") and key += value
 *   ; comment         \; is a literal semicolon; ;-- … --; a block comment
 *   #include FILE     also "FILE" and <FILE>, globs; #tryinclude may be missing
 *
 * Repeated keys are kept in order (exten =>, allow =). Values are trimmed
 * and keep their quotes. #exec is never run: it is recorded so that an
 * adapter can report it.
 */
#ifndef DIALAUDIT_UTIL_ASTCONF_H
#define DIALAUDIT_UTIL_ASTCONF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;

struct astconf_var {
	const char *name, *value;
	const char *file;
	int line;
	bool object;     /* written with => */
	bool inherited;  /* copied from a template */
};

struct astconf_category {
	const char *name;
	const char *file;
	int line;
	bool is_template;
	struct astconf_var *vars;
	size_t nvars, cap;
};

struct astconf {
	struct astconf_category *cats;
	size_t ncats, cap;
	struct astconf_var *execs;   /* #exec lines, not run: name = the command */
	size_t nexecs, execs_cap;
	const char **files;          /* every file read, the top one first */
	size_t nfiles, files_cap;
	struct arena *arena;         /* owns every string */
};

/* Includes nest at most this deep (Asterisk's own limit is far higher; a
 * deeper chain is a loop in all but name). */
#define ASTCONF_MAX_DEPTH 16

/*
 * Reads path and everything it includes. Include paths are relative to the
 * folder of the file that names them. Errors name file and line: a line
 * that is neither a category, a variable, a comment nor a directive, a
 * variable before any category, an unknown template, a missing #include,
 * an include loop, a file that is not a readable regular file.
 * On success *c owns everything; free it with astconf_free().
 */
int astconf_load(const char *path, struct astconf *c, struct diag *d);
void astconf_free(struct astconf *c);

/* The next category named name (templates excluded) after index *i
 * (start with *i = 0); NULL when there is none. */
const struct astconf_category *astconf_next(const struct astconf *c, const char *name,
    size_t *i);
/* The last value of key in cat (Asterisk keeps the last), or NULL. */
const struct astconf_var *astconf_get(const struct astconf_category *cat, const char *key);

#endif
