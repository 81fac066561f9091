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
};

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
	n->name = arena_strdup(b->doc->arena, name);
	n->line = (int)XML_GetCurrentLineNumber(b->parser);
	n->text = "";
	n->attrs = na > 0 ? arena_alloc(b->doc->arena, na * sizeof(*n->attrs)) : NULL;
	n->nattrs = na;
	for (size_t i = 0; i < na; i++) {
		n->attrs[i].name = arena_strdup(b->doc->arena, atts[2 * i]);
		n->attrs[i].value = arena_strdup(b->doc->arena, atts[2 * i + 1]);
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
	memcpy(t->p + t->n, s, (size_t)len);
	t->n += (size_t)len;
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

int
xml_parse(const char *path, const char *buf, size_t len, struct xml_doc *doc, struct diag *d)
{
	static const XML_Memory_Handling_Suite mm = { mm_malloc, mm_realloc, free };
	struct build b;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	if (len > XML_MAX_BYTES)
		return diag_set(d, path, 0, "larger than %u MiB: not a configuration file",
		    XML_MAX_BYTES >> 20);
	memset(&b, 0, sizeof(b));
	b.doc = doc;
	doc->arena = arena_new();
	b.parser = XML_ParserCreate_MM(NULL, &mm, NULL);
	XML_SetUserData(b.parser, &b);
	XML_SetElementHandler(b.parser, on_start, on_end);
	XML_SetCharacterDataHandler(b.parser, on_text);
	XML_SetStartDoctypeDeclHandler(b.parser, on_doctype);
	XML_SetEntityDeclHandler(b.parser, on_entity);
	XML_SetParamEntityParsing(b.parser, XML_PARAM_ENTITY_PARSING_NEVER);
	if (XML_Parse(b.parser, buf, (int)len, XML_TRUE) != XML_STATUS_OK) {
		if (b.error != NULL)
			rc = diag_set(d, path, b.error_line, "%s", b.error);
		else
			rc = diag_set(d, path, (int)XML_GetCurrentLineNumber(b.parser), "not well-formed "
			    "XML: %s", XML_ErrorString(XML_GetErrorCode(b.parser)));
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
