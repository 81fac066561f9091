/* libconfig helpers: strict, line-numbered access to settings. */
#include "util/cfg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/fsutil.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

#define CFG_INCLUDE_DEPTH 10 /* libconfig's own limit */

struct include_frame {
	dev_t dev;
	ino_t ino;
};

/*
 * libconfig opens @include files itself and blocks on a FIFO, reads a
 * device forever, and exits the process from its scanner on a directory.
 * So every @include is checked here first, as libconfig will find it
 * (relative to the top file's folder), and a loop is named as one.
 */
static int
check_includes(const char *path, const char *dir, struct include_frame *stack, int depth,
    struct diag *d)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = 0;
	struct stat st;

	if (depth >= CFG_INCLUDE_DEPTH || stat(path, &st) != 0 || (f = fopen(path, "r")) == NULL)
		return 0; /* libconfig says what is wrong */
	stack[depth].dev = st.st_dev;
	stack[depth].ino = st.st_ino;
	while (rc == 0 && getline(&line, &cap, f) >= 0) {
		const char *p = line;
		char name[2048], target[4096 + 2048];
		size_t n = 0;
		struct stat ts;
		struct diag why;

		lineno++;
		p += strspn(p, " \t");
		if (strncmp(p, "@include", 8) != 0 || (p[8] != ' ' && p[8] != '\t'))
			continue;
		p += 8 + strspn(p + 8, " \t");
		if (*p++ != '"')
			continue;
		for (; *p != '\0' && *p != '"' && n + 1 < sizeof(name); p++) {
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			name[n++] = *p;
		}
		name[n] = '\0';
		if (*p != '"')
			continue;
		if (dir != NULL && name[0] != '/')
			snprintf(target, sizeof(target), "%s/%s", dir, name);
		else
			snprintf(target, sizeof(target), "%s", name);
		if (stat(target, &ts) != 0)
			continue; /* libconfig: cannot open include file */
		for (int i = 0; i <= depth; i++)
			if (stack[i].dev == ts.st_dev && stack[i].ino == ts.st_ino)
				rc = diag_set(d, path, lineno, "@include \"%s\" includes a file that is "
				    "already being read (an @include loop)", name);
		if (rc == 0 && fs_check_readable_file(target, &why) < 0)
			rc = diag_set(d, path, lineno, "@include \"%s\": %s", name, why.message);
		if (rc == 0)
			rc = check_includes(target, dir, stack, depth + 1, d);
	}
	if (rc == 0 && ferror(f))
		rc = diag_set(d, path, 0, "cannot read: %s", strerror(errno));
	free(line);
	fclose(f);
	return rc;
}

/*
 * path's text, NUL-terminated, every read checked. libconfig is given
 * the text rather than the file because its reader (a flex scanner) ends
 * the process on a read error, printing only "input in flex scanner failed".
 */
static char *
read_text(const char *path, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno)), NULL;
	for (;;) {
		ssize_t got;

		xgrow((void **)&buf, &cap, n + 4096, 1);
		got = read(fd, buf + n, cap - n - 1);
		if (got == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			diag_set(d, path, 0, "cannot read: %s", strerror(errno));
			close(fd);
			free(buf);
			return NULL;
		}
		n += (size_t)got;
	}
	close(fd);
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL) {
		free(buf);
		return diag_set(d, path, 0, "holds a NUL byte: not a libconfig text file"), NULL;
	}
	return buf;
}

int
cfg_load_file(config_t *cfg, const char *path, struct diag *d)
{
	struct include_frame stack[CFG_INCLUDE_DEPTH];
	char dir[4096];
	const char *slash;
	char *text;
	int ok;

	config_init(cfg);
	if (fs_check_readable_file(path, d) < 0 || (text = read_text(path, d)) == NULL) {
		config_destroy(cfg);
		return -1;
	}
	slash = strrchr(path, '/');
	if (slash != NULL) {
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
		config_set_include_dir(cfg, dir[0] ? dir : "/");
	}
	if (check_includes(path, slash != NULL ? (dir[0] ? dir : "/") : NULL, stack, 0, d) < 0) {
		free(text);
		config_destroy(cfg);
		return -1;
	}
	ok = config_read_string(cfg, text);
	free(text);
	if (ok != CONFIG_TRUE) {
		const char *ef = config_error_file(cfg);
		int line = config_error_line(cfg);
		const char *msg = config_error_text(cfg);

		if (config_error_type(cfg) == CONFIG_ERR_FILE_IO)
			diag_set(d, ef != NULL ? ef : path, line, "cannot read %s",
			    msg != NULL ? msg : "file");
		else
			diag_set(d, ef != NULL ? ef : path, line, "libconfig syntax error: %s",
			    msg != NULL ? msg : "invalid syntax");
		config_destroy(cfg);
		return -1;
	}
	/* settings read from text name no file: the root's hook holds the
	 * path for cfg_file, freed by config_destroy (set after the read,
	 * which makes a new root) */
	config_set_destructor(cfg, free);
	config_setting_set_hook(config_root_setting(cfg), xstrdup(path));
	return 0;
}

const char *
cfg_file(const config_setting_t *s)
{
	const char *f = s != NULL ? config_setting_source_file(s) : NULL;

	/* read from text (cfg_load_file): the root setting's hook names the file */
	if (f == NULL && s != NULL) {
		while (s->parent != NULL)
			s = s->parent;
		f = config_setting_get_hook(s);
	}
	return f != NULL ? f : "";
}

int
cfg_line(const config_setting_t *s)
{
	return s != NULL ? (int)config_setting_source_line(s) : 0;
}

int
cfg_error(const config_setting_t *s, struct diag *d, const char *fmt, ...)
{
	va_list ap;
	char msg[900];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return diag_set(d, cfg_file(s), cfg_line(s), "%s", msg);
}

static const char *
type_word(enum cfg_type t)
{
	switch (t) {
	case CFG_STRING:
		return "a string";
	case CFG_INT:
		return "an integer";
	case CFG_NUMBER:
		return "a number";
	case CFG_BOOL:
		return "true or false";
	case CFG_GROUP:
		return "a group { … }";
	case CFG_STRINGS:
		return "a list of strings [ \"…\", … ]";
	case CFG_LIST:
		return "a list of groups ( { … }, … )";
	case CFG_STRING_OR_INT:
		return "a string or an integer";
	case CFG_ANY:
		return "a value";
	}
	return "?";
}

static bool
is_string_list(const config_setting_t *s)
{
	int t = config_setting_type(s);

	if (t == CONFIG_TYPE_STRING)
		return true;
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return false;
	for (int i = 0; i < config_setting_length(s); i++)
		if (config_setting_type(config_setting_get_elem(s, (unsigned)i)) != CONFIG_TYPE_STRING)
			return false;
	return true;
}

static bool
type_ok(const config_setting_t *s, enum cfg_type want)
{
	int t = config_setting_type(s);

	switch (want) {
	case CFG_STRING:
		return t == CONFIG_TYPE_STRING;
	case CFG_INT:
		return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
	case CFG_NUMBER:
		return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
	case CFG_BOOL:
		return t == CONFIG_TYPE_BOOL;
	case CFG_GROUP:
		return t == CONFIG_TYPE_GROUP;
	case CFG_STRINGS:
		return is_string_list(s);
	case CFG_LIST:
		if (t != CONFIG_TYPE_LIST)
			return false;
		for (int i = 0; i < config_setting_length(s); i++)
			if (config_setting_type(config_setting_get_elem(s, (unsigned)i)) !=
			    CONFIG_TYPE_GROUP)
				return false;
		return true;
	case CFG_STRING_OR_INT:
		return t == CONFIG_TYPE_STRING || t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
	case CFG_ANY:
		return true;
	}
	return false;
}

int
cfg_check_keys(const config_setting_t *group, const struct cfg_key *keys, const char *where,
    struct diag *d)
{
	for (int i = 0; i < config_setting_length(group); i++) {
		const config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);
		const struct cfg_key *k;
		char allowed[600] = "";
		size_t used = 0;

		for (k = keys; k->name != NULL; k++)
			if (name != NULL && strcmp(k->name, name) == 0)
				break;
		if (k->name != NULL) {
			if (!type_ok(s, k->type))
				return cfg_error(s, d, "'%s' in %s must be %s", name, where,
				    type_word(k->type));
			continue;
		}
		for (k = keys; k->name != NULL && used + 40 < sizeof(allowed); k++)
			used += (size_t)snprintf(allowed + used, sizeof(allowed) - used, "%s%s",
			    used ? ", " : "", k->name);
		return cfg_error(s, d, "unknown key '%s' in %s (allowed: %s)",
		    name != NULL ? name : "?", where, allowed);
	}
	return 0;
}

int
cfg_string(const config_setting_t *group, const char *name, const char **out, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);

	if (s == NULL)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return cfg_error(s, d, "'%s' must be a string", name);
	*out = config_setting_get_string(s);
	return 1;
}

int
cfg_int(const config_setting_t *group, const char *name, long long min, long long max,
    long long *out, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);
	long long v;

	if (s == NULL)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_INT && config_setting_type(s) != CONFIG_TYPE_INT64)
		return cfg_error(s, d, "'%s' must be an integer", name);
	v = config_setting_get_int64(s);
	if (v < min || v > max)
		return cfg_error(s, d, "'%s' is %lld; it must be between %lld and %lld", name, v,
		    min, max);
	*out = v;
	return 1;
}

int
cfg_number(const config_setting_t *group, const char *name, double min, double max,
    double *out, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);
	double v;

	if (s == NULL)
		return 0;
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		v = (double)config_setting_get_int64(s);
		break;
	case CONFIG_TYPE_FLOAT:
		v = config_setting_get_float(s);
		break;
	default:
		return cfg_error(s, d, "'%s' must be a number", name);
	}
	if (!(v >= min && v <= max))
		return cfg_error(s, d, "'%s' is %g; it must be between %g and %g", name, v, min, max);
	*out = v;
	return 1;
}

int
cfg_bool(const config_setting_t *group, const char *name, bool *out, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);

	if (s == NULL)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return cfg_error(s, d, "'%s' must be true or false", name);
	*out = config_setting_get_bool(s) != 0;
	return 1;
}

int
cfg_duration(const config_setting_t *group, const char *name, bool allow_zero, int64_t *out,
    struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);

	if (s == NULL)
		return 0;
	if (config_setting_type(s) == CONFIG_TYPE_INT || config_setting_type(s) == CONFIG_TYPE_INT64) {
		long long v = config_setting_get_int64(s);

		if (v < 0 || (v == 0 && !allow_zero) || v > 100LL * 365 * 86400)
			return cfg_error(s, d, "'%s' is %lld seconds; it must be %s and at most 100 "
			    "years", name, v, allow_zero ? "0 or more" : "more than 0");
		*out = v;
		return 1;
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return cfg_error(s, d, "'%s' must be a duration such as \"90s\", \"5m\", \"24h\" or \"7d\"",
		    name);
	if (!parse_duration(config_setting_get_string(s), allow_zero, out) ||
	    *out > 100LL * 365 * 86400)
		return cfg_error(s, d, "'%s' = \"%s\" is not a valid duration (use e.g. \"90s\", "
		    "\"5m\", \"24h\", \"7d\"%s)", name, config_setting_get_string(s),
		    allow_zero ? "" : "; it must be more than 0");
	return 1;
}

int
cfg_date(const config_setting_t *group, const char *name, int64_t *out, struct diag *d)
{
	const char *v = "";
	int r = cfg_string(group, name, &v, d);

	if (r <= 0)
		return r;
	if (!parse_date(v, out))
		return cfg_error(config_setting_get_member(group, name), d,
		    "'%s' = \"%s\" is not a valid date (YYYY-MM-DD)", name, v);
	return 1;
}

int
cfg_strings(const config_setting_t *group, const char *name, struct arena *a, char ***out,
    size_t *n, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(group, name);
	int len;

	if (s == NULL)
		return 0;
	if (!is_string_list(s))
		return cfg_error(s, d, "'%s' must be a list of strings", name);
	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		*out = arena_alloc(a, sizeof(char *));
		(*out)[0] = arena_strdup(a, config_setting_get_string(s));
		*n = 1;
		return 1;
	}
	len = config_setting_length(s);
	*out = arena_alloc(a, sizeof(char *) * (size_t)(len > 0 ? len : 1));
	for (int i = 0; i < len; i++)
		(*out)[i] = arena_strdup(a, config_setting_get_string(
		    config_setting_get_elem(s, (unsigned)i)));
	*n = (size_t)len;
	return 1;
}

int
cfg_elem_line(const config_setting_t *group, const char *name, size_t i)
{
	const config_setting_t *s = config_setting_get_member(group, name);
	const config_setting_t *e;

	if (s == NULL)
		return cfg_line(group);
	if (config_setting_type(s) == CONFIG_TYPE_STRING)
		return cfg_line(s);
	e = config_setting_get_elem(s, (unsigned)i);
	/* libconfig records no line for scalar array elements: use the list's. */
	return e != NULL && cfg_line(e) > 0 ? cfg_line(e) : cfg_line(s);
}
