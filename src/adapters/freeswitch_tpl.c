/* FreeSWITCH mod_cdr_csv templates and the cdr_csv.conf.xml that holds them. */
#include "adapters/freeswitch_tpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/fsutil.h"
#include "util/xalloc.h"
#include "util/xmlread.h"

/* mod_cdr_csv.c's own default (note the space before the last field). */
const char fs_tpl_builtin_default[] =
	"\"${caller_id_name}\",\"${caller_id_number}\",\"${destination_number}\",\"${context}\","
	"\"${start_stamp}\",\"${answer_stamp}\",\"${end_stamp}\",\"${duration}\",\"${billsec}\","
	"\"${hangup_cause}\",\"${uuid}\",\"${bleg_uuid}\", \"${accountcode}\"";
/* conf/vanilla/autoload_configs/cdr_csv.conf.xml, template "example". */
const char fs_tpl_vanilla_example[] =
	"\"${caller_id_name}\",\"${caller_id_number}\",\"${destination_number}\",\"${context}\","
	"\"${start_stamp}\",\"${answer_stamp}\",\"${end_stamp}\",\"${duration}\",\"${billsec}\","
	"\"${hangup_cause}\",\"${uuid}\",\"${bleg_uuid}\",\"${accountcode}\",\"${read_codec}\","
	"\"${write_codec}\"";

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void
fs_template_free(struct fs_template *t)
{
	free(t->name);
	for (size_t i = 0; i < t->nvars; i++)
		free(t->vars[i]);
	for (size_t i = 0; i <= t->nvars && i <= FS_TPL_MAX_VARS; i++)
		free(t->lits[i]);
	memset(t, 0, sizeof(*t));
}

/* Whether a literal between two variables is a CSV field boundary; says
 * whether the field before closes a quote and the one after opens one. */
static bool
boundary(const char *s, bool first, bool last, bool *close_prev, bool *open_next)
{
	*close_prev = *open_next = false;
	if (!first && *s == '"') {
		*close_prev = true;
		s++;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (!first && !last) {
		if (*s != ',')
			return false;
		s++;
		while (*s == ' ' || *s == '\t')
			s++;
	}
	if (!last && *s == '"') {
		*open_next = true;
		s++;
	}
	return *s == '\0';
}

static bool
shaped(const struct fs_template *t)
{
	bool open = false;

	if (t->nvars == 0)
		return false;
	for (size_t i = 0; i <= t->nvars; i++) {
		bool close, next;

		if (!boundary(t->lits[i], i == 0, i == t->nvars, &close, &next))
			return false;
		if (i > 0 && close != open)
			return false;
		open = next;
	}
	return true;
}

int
fs_template_parse(const char *name, int line, const char *text, size_t len,
    struct fs_template *t, const char **why)
{
	size_t i = 0, lit = 0;

	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	t->line = line;
	if (len > FS_TPL_MAX_TEXT) {
		*why = "template longer than 8 KiB";
		return -1;
	}
	while (len > 0 && blank(text[0])) {
		text++;
		len--;
	}
	while (len > 0 && blank(text[len - 1]))
		len--;
	while (i <= len) {
		size_t depth, j;

		if (i < len && !(text[i] == '$' && i + 1 < len && text[i + 1] == '{') &&
		    !(text[i] == '$' && i + 2 < len && text[i + 1] == '$' && text[i + 2] == '{')) {
			i++;
			continue;
		}
		if (t->nvars == FS_TPL_MAX_VARS) {
			*why = "more than 128 variables";
			return -1;
		}
		t->lits[t->nvars] = xstrndup(text + lit, i - lit);
		if (i == len)
			break;
		if (text[i + 1] == '$')
			i++; /* $${x}: a preprocessor variable, a value all the same */
		for (depth = 0, j = i + 1; j < len; j++) {
			depth += text[j] == '{';
			if (text[j] == '}' && --depth == 0)
				break;
		}
		if (j >= len) {
			t->nvars++; /* lits[nvars - 1] is set: freed with the rest */
			t->lits[t->nvars] = NULL;
			*why = "a ${ without its closing }";
			return -1;
		}
		t->vars[t->nvars++] = xstrndup(text + i + 2, j - i - 2);
		i = lit = j + 1;
	}
	if (t->nvars == 0) {
		*why = "no ${variable} in the template";
		return -1;
	}
	t->csv_shaped = shaped(t);
	return 0;
}

int
fs_template_var(const struct fs_template *t, const char *var)
{
	for (size_t i = 0; i < t->nvars; i++)
		if (t->vars[i] != NULL && strcmp(t->vars[i], var) == 0)
			return (int)i;
	return -1;
}

static const char *
find_first(const char *p, const char *end, const char *s, size_t n)
{
	for (; p + n <= end; p++)
		if (memcmp(p, s, n) == 0)
			return p;
	return NULL;
}

static const char *
find_last(const char *start, const char *p, const char *s, size_t n)
{
	if ((size_t)(p - start) < n)
		return NULL;
	for (p -= n;; p--) {
		if (memcmp(p, s, n) == 0)
			return p;
		if (p == start)
			return NULL;
	}
}

int
fs_template_split(const struct fs_template *t, struct text line, struct text *fields)
{
	const char *p = line.p, *end = line.p + line.n, *body, *bend;
	size_t l0 = strlen(t->lits[0]), ln = strlen(t->lits[t->nvars]);
	const char *left[FS_TPL_MAX_VARS];

	if (t->nvars == 0 || line.n < l0 + ln || memcmp(p, t->lits[0], l0) != 0 ||
	    memcmp(end - ln, t->lits[t->nvars], ln) != 0)
		return -1;
	body = p + l0;
	bend = end - ln;
	p = body;
	for (size_t i = 1; i < t->nvars; i++) {
		size_t n = strlen(t->lits[i]);
		const char *q = n > 0 ? find_first(p, bend, t->lits[i], n) : NULL;

		if (q == NULL)
			return -1;
		left[i] = q;
		fields[i - 1].p = p;
		fields[i - 1].n = (size_t)(q - p);
		p = q + n;
	}
	fields[t->nvars - 1].p = p;
	fields[t->nvars - 1].n = (size_t)(bend - p);
	/* The same from the right: any other split lies between the two. */
	p = bend;
	for (size_t i = t->nvars - 1; i >= 1; i--) {
		size_t n = strlen(t->lits[i]);
		const char *q = find_last(body, p, t->lits[i], n);

		if (q != left[i])
			return -1;
		p = q;
	}
	return 0;
}

void
fs_cdr_conf_free(struct fs_cdr_conf *c)
{
	free(c->path);
	free(c->default_template);
	free(c->legs);
	for (size_t i = 0; i < c->ntpl; i++)
		fs_template_free(&c->tpl[i]);
	memset(c, 0, sizeof(*c));
}

const struct fs_template *
fs_cdr_conf_find(const struct fs_cdr_conf *c, const char *name)
{
	/* the last of a name wins, as in mod_cdr_csv's hash */
	for (size_t i = c->ntpl; i > 0; i--)
		if (strcmp(c->tpl[i - 1].name, name) == 0)
			return &c->tpl[i - 1];
	return NULL;
}

int
fs_cdr_conf_load(const char *path, struct fs_cdr_conf *c, struct diag *d)
{
	struct xml_doc doc;
	struct xml_node *root, *n;
	int rc = -1;

	memset(c, 0, sizeof(*c));
	if (xml_load(path, &doc, d) < 0)
		return -1;
	root = doc.root;
	if (strcmp(root->name, "configuration") != 0 || xml_attr(root, "name") == NULL ||
	    strcmp(xml_attr(root, "name"), "cdr_csv.conf") != 0) {
		diag_set(d, path, root->line, "not a cdr_csv.conf <configuration>");
		goto out;
	}
	c->path = xstrdup(path);
	for (n = xml_child(xml_child(root, "settings"), "param"); n != NULL; n = xml_next(n, "param")) {
		const char *k = xml_attr(n, "name"), *v = xml_attr(n, "value");

		if (k == NULL || v == NULL) {
			diag_set(d, path, n->line, "<param> without name or value");
			goto out;
		}
		if (strcmp(k, "default-template") == 0) {
			free(c->default_template);
			c->default_template = xstrdup(v);
			c->default_line = n->line;
		} else if (strcmp(k, "legs") == 0) {
			if (strspn(v, "ab") != strlen(v) || v[0] == '\0') {
				diag_set(d, path, n->line, "legs \"%s\" is not a, b or ab", v);
				goto out;
			}
			free(c->legs);
			c->legs = xstrdup(v);
		}
	}
	for (n = xml_child(xml_child(root, "templates"), "template"); n != NULL;
	    n = xml_next(n, "template")) {
		const char *name = xml_attr(n, "name"), *why = NULL;

		if (name == NULL) {
			diag_set(d, path, n->line, "<template> without a name");
			goto out;
		}
		if (c->ntpl == FS_TPL_MAX_TEMPLATES) {
			diag_set(d, path, n->line, "more than %d templates", FS_TPL_MAX_TEMPLATES);
			goto out;
		}
		if (fs_template_parse(name, n->line, n->text, n->text_len, &c->tpl[c->ntpl], &why) < 0) {
			fs_template_free(&c->tpl[c->ntpl]);
			diag_set(d, path, n->line, "template \"%s\": %s", name, why);
			goto out;
		}
		c->ntpl++;
	}
	rc = 0;
out:
	xml_free(&doc);
	if (rc < 0)
		fs_cdr_conf_free(c);
	return rc;
}

/* path with each "name/.." removed, lexically; false when nothing changed. */
static bool
collapse(const char *path, char *out, size_t size)
{
	const char *seg[256];
	size_t len[256], n = 0, w = 0;
	bool changed = false, abs = path[0] == '/';

	for (const char *p = path; *p != '\0';) {
		size_t k = strcspn(p, "/");

		if (k == 2 && p[0] == '.' && p[1] == '.' && n > 0 &&
		    !(len[n - 1] == 2 && seg[n - 1][0] == '.' && seg[n - 1][1] == '.')) {
			n--;
			changed = true;
		} else if (k > 0 && !(k == 1 && p[0] == '.')) {
			if (n == 256)
				return false;
			seg[n] = p;
			len[n++] = k;
		}
		p += k;
		while (*p == '/')
			p++;
	}
	if (!changed || size < 2)
		return false;
	out[0] = '\0';
	if (abs)
		out[w++] = '/';
	for (size_t i = 0; i < n; i++) {
		if (w + len[i] + 2 > size)
			return false;
		memcpy(out + w, seg[i], len[i]);
		w += len[i];
		if (i + 1 < n)
			out[w++] = '/';
	}
	if (w == 0)
		out[w++] = '.';
	out[w] = '\0';
	return true;
}

const char *
fs_cdr_conf_locate(const char *log_path, char *buf, size_t size)
{
	/* relative to the log's folder: the same folder, a prefix install
	 * (prefix/log/cdr-csv, prefix/conf/autoload_configs), a copied tree
	 * (var/log/freeswitch/cdr-csv, etc/freeswitch/autoload_configs) */
	static const char *const rel[] = {
		"cdr_csv.conf.xml",
		"../cdr_csv.conf.xml",
		"../autoload_configs/cdr_csv.conf.xml",
		"../conf/autoload_configs/cdr_csv.conf.xml",
		"../../conf/autoload_configs/cdr_csv.conf.xml",
		"../../autoload_configs/cdr_csv.conf.xml",
		"../../../../etc/freeswitch/autoload_configs/cdr_csv.conf.xml",
		NULL,
	};
	char dir[4096];

	fs_dirname(log_path, dir, sizeof(dir));
	for (int i = 0; rel[i] != NULL; i++) {
		struct stat st, lex;
		char shorter[4096];

		fs_join(dir, rel[i], buf, size);
		if (stat(buf, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		/* "log/cdr-csv/../../conf/…" reads better as "conf/…" when both
		 * name the same file (a symbolic link may make them differ) */
		if (collapse(buf, shorter, sizeof(shorter)) && stat(shorter, &lex) == 0 &&
		    lex.st_dev == st.st_dev && lex.st_ino == st.st_ino)
			snprintf(buf, size, "%s", shorter);
		return buf;
	}
	return NULL;
}
