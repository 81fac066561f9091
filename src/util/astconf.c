/* Asterisk's configuration dialect: categories, templates, includes. */
#include "util/astconf.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/fsutil.h"
#include "util/xalloc.h"

/* A line longer than this is not a configuration line: refused, not held. */
#define ASTCONF_MAX_LINE (64 * 1024)

struct frame {
	dev_t dev;
	ino_t ino;
};

struct reader {
	struct astconf *c;
	struct diag *d;
	struct frame stack[ASTCONF_MAX_DEPTH];
	int depth;
	struct astconf_category *cur; /* where variables go; NULL before the first [name] */
};

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/*
 * Removes comments from line in place: ";" to the end, ";--" … "--;" across
 * lines (*in_block carries the state), and turns "\;" into ";".
 */
static void
strip_comments(char *line, bool *in_block)
{
	char *r = line, *w = line;

	while (*r != '\0') {
		if (*in_block) {
			char *end = strstr(r, "--;");

			if (end == NULL)
				break;
			*in_block = false;
			r = end + 3;
			continue;
		}
		if (r[0] == '\\' && r[1] == ';') {
			*w++ = ';';
			r += 2;
		} else if (r[0] == ';' && r[1] == '-' && r[2] == '-') {
			*in_block = true;
			r += 3;
		} else if (r[0] == ';') {
			break;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static struct astconf_category *
add_category(struct reader *rd, const char *name, const char *file, int line)
{
	struct astconf *c = rd->c;
	struct astconf_category *cat;

	xgrow((void **)&c->cats, &c->cap, c->ncats + 1, sizeof(*c->cats));
	cat = &c->cats[c->ncats++];
	memset(cat, 0, sizeof(*cat));
	cat->name = arena_strdup(c->arena, name);
	cat->file = file;
	cat->line = line;
	return cat;
}

static void
add_var(struct astconf *c, struct astconf_category *cat, const struct astconf_var *v)
{
	xgrow((void **)&cat->vars, &cat->cap, cat->nvars + 1, sizeof(*cat->vars));
	cat->vars[cat->nvars++] = *v;
	(void)c;
}

/* The last category named name among the first n (templates included). */
static struct astconf_category *
find_before(struct astconf *c, const char *name, size_t n)
{
	for (size_t i = n; i > 0; i--)
		if (strcmp(c->cats[i - 1].name, name) == 0)
			return &c->cats[i - 1];
	return NULL;
}

/* "[name]" or "[name](options)": a new category, or more of an old one. */
static int
category_line(struct reader *rd, char *s, const char *file, int line)
{
	struct astconf *c = rd->c;
	char *close = strchr(s, ']'), *opts = NULL, *opts_end = NULL, *name;
	bool is_template = false, append = false;

	if (close == NULL)
		return diag_set(rd->d, file, line, "category has no closing ']'");
	*close = '\0';
	name = trim(s + 1);
	if (*name == '\0')
		return diag_set(rd->d, file, line, "category has no name");
	s = trim(close + 1);
	if (*s == '(') {
		char *end = strchr(s, ')');

		if (end == NULL)
			return diag_set(rd->d, file, line, "category options have no closing ')'");
		*end = '\0';
		opts = s + 1;
		opts_end = end;
		s = trim(end + 1);
	}
	if (*s != '\0')
		return diag_set(rd->d, file, line, "unexpected text after the category's ']' (not "
		    "repeated here: it may hold a secret)");
	/* options: '!' template, '+' append, other names: templates to inherit */
	for (char *o = opts, *next; o != NULL; o = next) {
		next = strchr(o, ',');
		if (next != NULL)
			*next++ = '\0';
		o = trim(o);
		if (strcmp(o, "!") == 0)
			is_template = true;
		else if (strcmp(o, "+") == 0)
			append = true;
	}
	if (append) {
		struct astconf_category *old = find_before(c, name, c->ncats);

		if (old == NULL)
			return diag_set(rd->d, file, line, "[%s](+) appends to a category that does not "
			    "exist yet", name);
		rd->cur = old;
		return 0;
	}
	rd->cur = add_category(rd, name, file, line);
	rd->cur->is_template = is_template;
	/* the options are NUL-separated now */
	for (char *o = opts; o != NULL && o < opts_end; o += strlen(o) + 1) {
		const char *t = trim(o);
		struct astconf_category *tpl;

		if (*t == '\0' || strcmp(t, "!") == 0 || strcmp(t, "+") == 0)
			continue;
		tpl = find_before(c, t, c->ncats - 1);
		if (tpl == NULL)
			return diag_set(rd->d, file, line, "[%s] inherits from '%s', which is not defined "
			    "above it", name, t);
		for (size_t k = 0; k < tpl->nvars; k++) {
			struct astconf_var v = tpl->vars[k];

			v.inherited = true;
			add_var(c, &c->cats[c->ncats - 1], &v);
		}
	}
	rd->cur = &c->cats[c->ncats - 1];
	return 0;
}

static int
variable_line(struct reader *rd, char *s, const char *file, int line)
{
	struct astconf *c = rd->c;
	char *eq = strchr(s, '=');
	struct astconf_var v = { 0 };
	bool append = false;
	char *key, *value;

	if (eq == NULL)
		/* the line is not echoed: in manager.conf or pjsip.conf it may be a secret */
		return diag_set(rd->d, file, line, "not a category, a variable or a directive (a "
		    "variable needs '=')");
	if (rd->cur == NULL)
		return diag_set(rd->d, file, line, "a variable before any [category]");
	*eq = '\0';
	key = trim(s);
	if (*key != '\0' && key[strlen(key) - 1] == '+') {
		append = true;
		key[strlen(key) - 1] = '\0';
		key = trim(key);
	}
	if (*key == '\0')
		return diag_set(rd->d, file, line, "a variable has no name");
	value = eq + 1;
	if (*value == '>') {
		v.object = true;
		value++;
	}
	value = trim(value);
	if (append) {
		for (size_t k = rd->cur->nvars; k > 0; k--) {
			struct astconf_var *old = &rd->cur->vars[k - 1];

			if (strcmp(old->name, key) == 0) {
				old->value = arena_printf(c->arena, "%s%s", old->value, value);
				return 0;
			}
		}
	}
	v.name = arena_strdup(c->arena, key);
	v.value = arena_strdup(c->arena, value);
	v.file = file;
	v.line = line;
	add_var(c, rd->cur, &v);
	return 0;
}

static int read_file(struct reader *rd, const char *path, const char *from, int from_line);

/* "#include X", "#tryinclude X" (X bare, "quoted" or <bracketed>, a glob)
 * and "#exec X", which is recorded, never run. */
static int
directive_line(struct reader *rd, char *s, const char *file, int line)
{
	struct astconf *c = rd->c;
	char *word = s + 1, *arg = word + strcspn(word, " \t");
	bool try = false;
	char path[4096];
	const char *slash;
	glob_t g;
	int rc = 0, grc;

	if (*arg != '\0')
		*arg++ = '\0';
	arg = trim(arg);
	if (strcmp(word, "exec") == 0) {
		struct astconf_var v = { arena_strdup(c->arena, arg), "", file, line, false, false };

		xgrow((void **)&c->execs, &c->execs_cap, c->nexecs + 1, sizeof(*c->execs));
		c->execs[c->nexecs++] = v;
		return 0;
	}
	if (strcmp(word, "tryinclude") == 0)
		try = true;
	else if (strcmp(word, "include") != 0)
		return diag_set(rd->d, file, line, "unknown directive #%s", word);
	if ((arg[0] == '"' && arg[strlen(arg) - 1] == '"' && strlen(arg) >= 2) ||
	    (arg[0] == '<' && arg[strlen(arg) - 1] == '>' && strlen(arg) >= 2)) {
		arg[strlen(arg) - 1] = '\0';
		arg++;
	}
	if (*arg == '\0')
		return diag_set(rd->d, file, line, "#%s names no file", word);
	slash = strrchr(file, '/');
	if (arg[0] == '/' || slash == NULL)
		snprintf(path, sizeof(path), "%s", arg);
	else
		snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - file), file, arg);
	grc = glob(path, GLOB_ERR, NULL, &g);
	if (grc == GLOB_NOMATCH) {
		if (try)
			return 0;
		return diag_set(rd->d, file, line, "#include \"%s\": no such file", arg);
	}
	if (grc != 0) {
		globfree(&g);
		return diag_set(rd->d, file, line, "#%s \"%s\": cannot read the folder", word, arg);
	}
	for (size_t i = 0; i < g.gl_pathc && rc == 0; i++)
		rc = read_file(rd, g.gl_pathv[i], file, line);
	globfree(&g);
	return rc;
}

static int
read_file(struct reader *rd, const char *path, const char *from, int from_line)
{
	struct astconf *c = rd->c;
	struct stat st;
	struct diag why = { 0 };
	const char *file;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	bool in_block = false;
	int line = 0, rc = 0;
	FILE *f;

	if (fs_check_readable_file(path, &why) < 0)
		return from != NULL ? diag_set(rd->d, from, from_line, "#include \"%s\": %s", path,
		    why.message) : diag_set(rd->d, path, 0, "%s", why.message);
	if (stat(path, &st) != 0)
		return diag_set(rd->d, path, 0, "cannot open: %s", strerror(errno));
	for (int i = 0; i < rd->depth; i++)
		if (rd->stack[i].dev == st.st_dev && rd->stack[i].ino == st.st_ino)
			return diag_set(rd->d, from, from_line, "#include \"%s\" includes a file that is "
			    "already being read (an include loop)", path);
	if (rd->depth == ASTCONF_MAX_DEPTH)
		return diag_set(rd->d, from, from_line, "#include \"%s\": includes nest more than %d "
		    "deep", path, ASTCONF_MAX_DEPTH);
	if ((f = fopen(path, "r")) == NULL)
		return diag_set(rd->d, path, 0, "cannot open: %s", strerror(errno));
	rd->stack[rd->depth].dev = st.st_dev;
	rd->stack[rd->depth].ino = st.st_ino;
	rd->depth++;
	file = arena_strdup(c->arena, path);
	xgrow((void **)&c->files, &c->files_cap, c->nfiles + 1, sizeof(*c->files));
	c->files[c->nfiles++] = file;
	while (rc == 0 && (got = getline(&buf, &cap, f)) >= 0) {
		char *s;

		line++;
		if ((size_t)got > ASTCONF_MAX_LINE) {
			rc = diag_set(rd->d, file, line, "line of %zd bytes: longer than any configuration "
			    "line (%d)", got, ASTCONF_MAX_LINE);
			break;
		}
		if (memchr(buf, '\0', (size_t)got) != NULL) {
			rc = diag_set(rd->d, file, line, "NUL byte: not a text configuration file");
			break;
		}
		if (line == 1 && (unsigned char)buf[0] == 0xef && (unsigned char)buf[1] == 0xbb &&
		    (unsigned char)buf[2] == 0xbf)
			memmove(buf, buf + 3, (size_t)got - 2);
		strip_comments(buf, &in_block);
		s = trim(buf);
		if (*s == '\0')
			continue;
		if (*s == '#')
			rc = directive_line(rd, s, file, line);
		else if (*s == '[')
			rc = category_line(rd, s, file, line);
		else
			rc = variable_line(rd, s, file, line);
	}
	if (rc == 0 && ferror(f))
		rc = diag_set(rd->d, file, 0, "cannot read: %s", strerror(errno));
	free(buf);
	fclose(f);
	rd->depth--;
	return rc;
}

int
astconf_load(const char *path, struct astconf *c, struct diag *d)
{
	struct reader rd = { 0 };

	memset(c, 0, sizeof(*c));
	c->arena = arena_new();
	rd.c = c;
	rd.d = d;
	if (read_file(&rd, path, NULL, 0) < 0) {
		astconf_free(c);
		return -1;
	}
	return 0;
}

void
astconf_free(struct astconf *c)
{
	for (size_t i = 0; i < c->ncats; i++)
		free(c->cats[i].vars);
	free(c->cats);
	free(c->execs);
	free(c->files);
	arena_free(c->arena);
	memset(c, 0, sizeof(*c));
}

const struct astconf_category *
astconf_next(const struct astconf *c, const char *name, size_t *i)
{
	for (; *i < c->ncats; (*i)++)
		if (!c->cats[*i].is_template && strcmp(c->cats[*i].name, name) == 0)
			return &c->cats[(*i)++];
	return NULL;
}

const struct astconf_var *
astconf_get(const struct astconf_category *cat, const char *key)
{
	for (size_t k = cat->nvars; k > 0; k--)
		if (strcmp(cat->vars[k - 1].name, key) == 0)
			return &cat->vars[k - 1];
	return NULL;
}
