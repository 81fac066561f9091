/* XML configuration files as a small tree, read by expat with no DTD. */
#include "util/xmlread.h"

#include <errno.h>
#include <expat.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/fsutil.h"
#include "util/xalloc.h"

struct text_buf {
	char *p;
	size_t n, cap;
};

struct build {
	XML_Parser parser;
	struct xml_doc *doc;
	struct xml_node *cur;
	struct xml_node *last_child[XML_MAX_DEPTH + 1];
	struct text_buf text[XML_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
	const char *error;     /* why the parse was stopped; NULL = expat's own */
	int error_line;
	bool latin1;           /* read as ISO-8859-1: strings go back to the file's bytes */
};

/* Where expat, told the file is ISO-8859-1, made each byte ≥ 0x80 into two
 * UTF-8 bytes, the byte itself again (n is at most the input's length). */
static size_t
unlatin(char *out, const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c == 0xC2 || c == 0xC3) && i + 1 < n) {
			out[w++] = (char)(((c & 0x03) << 6) | ((unsigned char)s[i + 1] & 0x3F));
			i++;
		} else {
			out[w++] = (char)c;
		}
	}
	return w;
}

static const char *
keep(struct build *b, const char *s)
{
	char *p = arena_strdup(b->doc->arena, s);

	if (b->latin1)
		p[unlatin(p, s, strlen(s))] = '\0';
	return p;
}

static void
stop(struct build *b, const char *why)
{
	if (b->error == NULL) {
		b->error = why;
		b->error_line = (int)XML_GetCurrentLineNumber(b->parser);
	}
	XML_StopParser(b->parser, XML_FALSE);
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct build *b = ud;
	struct xml_node *n;
	size_t na = 0;

	if (b->error != NULL)
		return;
	if (b->depth >= XML_MAX_DEPTH) {
		stop(b, "elements nested too deep");
		return;
	}
	if (++b->nodes > XML_MAX_NODES) {
		stop(b, "too many elements");
		return;
	}
	while (atts[na] != NULL)
		na += 2;
	na /= 2;
	if (na > XML_MAX_ATTRS) {
		stop(b, "too many attributes on one element");
		return;
	}
	n = arena_alloc(b->doc->arena, sizeof(*n));
	n->name = keep(b, name);
	n->line = (int)XML_GetCurrentLineNumber(b->parser);
	n->text = "";
	n->attrs = na > 0 ? arena_alloc(b->doc->arena, na * sizeof(*n->attrs)) : NULL;
	n->nattrs = na;
	for (size_t i = 0; i < na; i++) {
		n->attrs[i].name = keep(b, atts[2 * i]);
		n->attrs[i].value = keep(b, atts[2 * i + 1]);
	}
	n->parent = b->cur;
	if (b->cur == NULL)
		b->doc->root = n;
	else if (b->last_child[b->depth] == NULL)
		b->cur->child = n;
	else
		b->last_child[b->depth]->next = n;
	if (b->cur != NULL)
		b->last_child[b->depth] = n;
	b->depth++;
	b->last_child[b->depth] = NULL;
	b->text[b->depth].n = 0;
	b->cur = n;
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct build *b = ud;
	struct text_buf *t = &b->text[b->depth];

	(void)name;
	if (b->error != NULL || b->cur == NULL)
		return;
	if (t->n > 0) {
		b->cur->text = arena_strndup(b->doc->arena, t->p, t->n);
		b->cur->text_len = t->n;
	}
	b->cur = b->cur->parent;
	b->depth--;
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct build *b = ud;
	struct text_buf *t = &b->text[b->depth];

	if (b->error != NULL || b->cur == NULL || len <= 0)
		return;
	xgrow((void **)&t->p, &t->cap, t->n + (size_t)len, 1);
	if (b->latin1) {
		t->n += unlatin(t->p + t->n, s, (size_t)len);
	} else {
		memcpy(t->p + t->n, s, (size_t)len);
		t->n += (size_t)len;
	}
}

/* A DTD is where entities are declared: without one, none can expand. */
static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
    int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	stop(ud, "a document type declaration (<!DOCTYPE>) is not accepted: entities are never "
	    "expanded");
}

static void XMLCALL
on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value, int value_len,
    const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid, const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_len;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	stop(ud, "an entity declaration is not accepted");
}

static void *
mm_malloc(size_t n)
{
	return xmalloc(n);
}

static void *
mm_realloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

/* Whether buf is UTF-8 (a declared encoding expat knows decides otherwise). */
static bool
utf8_ok(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = p[i] < 0x80 ? 0 : (p[i] & 0xE0) == 0xC0 ? 1 : (p[i] & 0xF0) == 0xE0 ? 2 :
		    (p[i] & 0xF8) == 0xF0 ? 3 : 4;

		if (k == 4 || (k > 0 && i + k >= n))
			return false;
		for (size_t j = 1; j <= k; j++)
			if ((p[i + j] & 0xC0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

static int
parse_as(const char *path, const char *buf, size_t len, const char *encoding, struct xml_doc *doc,
    struct diag *d, enum XML_Error *code)
{
	static const XML_Memory_Handling_Suite mm = { mm_malloc, mm_realloc, free };
	struct build b;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	memset(&b, 0, sizeof(b));
	b.doc = doc;
	b.latin1 = encoding != NULL;
	doc->arena = arena_new();
	b.parser = XML_ParserCreate_MM(encoding, &mm, NULL);
	XML_SetUserData(b.parser, &b);
	XML_SetElementHandler(b.parser, on_start, on_end);
	XML_SetCharacterDataHandler(b.parser, on_text);
	XML_SetStartDoctypeDeclHandler(b.parser, on_doctype);
	XML_SetEntityDeclHandler(b.parser, on_entity);
	XML_SetParamEntityParsing(b.parser, XML_PARAM_ENTITY_PARSING_NEVER);
	*code = XML_ERROR_NONE;
	if (XML_Parse(b.parser, buf, (int)len, XML_TRUE) != XML_STATUS_OK) {
		*code = XML_GetErrorCode(b.parser);
		if (b.error != NULL)
			rc = diag_set(d, path, b.error_line, "%s", b.error);
		else
			rc = diag_set(d, path, (int)XML_GetCurrentLineNumber(b.parser), "not well-formed "
			    "XML: %s", XML_ErrorString(*code));
		if (b.error != NULL)
			*code = XML_ERROR_NONE; /* refused by us: no second try */
	} else if (doc->root == NULL) {
		rc = diag_set(d, path, 0, "no XML element");
	}
	XML_ParserFree(b.parser);
	for (int i = 0; i <= XML_MAX_DEPTH; i++)
		free(b.text[i].p);
	if (rc < 0)
		xml_free(doc);
	return rc;
}

int
xml_parse(const char *path, const char *buf, size_t len, struct xml_doc *doc, struct diag *d)
{
	enum XML_Error code;

	memset(doc, 0, sizeof(*doc));
	if (len > XML_MAX_BYTES)
		return diag_set(d, path, 0, "larger than %u MiB: not a configuration file",
		    XML_MAX_BYTES >> 20);
	if (parse_as(path, buf, len, NULL, doc, d, &code) == 0)
		return 0;
	/* FreeSWITCH reads its XML as bytes: a GBK comment, or an encoding
	 * expat does not know (encoding="GBK"), is fine there. Read such a file
	 * as ISO-8859-1, which takes any byte, and give the strings back their
	 * bytes; the settings dialaudit reads are ASCII. */
	if (code == XML_ERROR_UNKNOWN_ENCODING || code == XML_ERROR_INCORRECT_ENCODING ||
	    (code == XML_ERROR_INVALID_TOKEN && !utf8_ok((const unsigned char *)buf, len)))
		return parse_as(path, buf, len, "ISO-8859-1", doc, d, &code);
	return -1;
}

int
xml_load(const char *path, struct xml_doc *doc, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf;
	size_t n, cap;
	int rc;

	memset(doc, 0, sizeof(*doc));
	if (f == NULL)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	fs_note_read_file(path);
	/* sized by the file, so a small one costs little; the read is capped
	 * all the same, in case the file grows meanwhile */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > XML_MAX_BYTES) {
		fclose(f);
		return diag_set(d, path, 0, "larger than %u MiB: not a configuration file",
		    XML_MAX_BYTES >> 20);
	}
	cap = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 :
	    (size_t)XML_MAX_BYTES + 1;
	buf = xmalloc(cap);
	n = fread(buf, 1, cap, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return diag_set(d, path, 0, "cannot read");
	}
	fclose(f);
	if (n == cap && cap <= XML_MAX_BYTES) {
		free(buf);
		return diag_set(d, path, 0, "changed while it was read");
	}
	rc = xml_parse(path, buf, n, doc, d);
	free(buf);
	return rc;
}

void
xml_free(struct xml_doc *doc)
{
	if (doc->arena != NULL)
		arena_free(doc->arena);
	memset(doc, 0, sizeof(*doc));
}

const char *
xml_attr(const struct xml_node *n, const char *name)
{
	for (size_t i = 0; n != NULL && i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return n->attrs[i].value;
	return NULL;
}

static struct xml_node *
first_named(struct xml_node *n, const char *name)
{
	while (n != NULL && name != NULL && strcmp(n->name, name) != 0)
		n = n->next;
	return n;
}

struct xml_node *
xml_child(const struct xml_node *n, const char *name)
{
	return n != NULL ? first_named(n->child, name) : NULL;
}

struct xml_node *
xml_next(const struct xml_node *n, const char *name)
{
	return n != NULL ? first_named(n->next, name) : NULL;
}
