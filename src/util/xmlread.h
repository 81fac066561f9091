/* XML configuration files (FreeSWITCH's) as a small tree, read by expat. */
#ifndef DIALAUDIT_UTIL_XMLREAD_H
#define DIALAUDIT_UTIL_XMLREAD_H

#include <stddef.h>

#include "diag.h"

struct arena;

/* Caps that keep a hostile file's cost bounded (no DTD is read, so no
 * entity can make the tree larger than the file). */
#define XML_MAX_BYTES (8u << 20)
#define XML_MAX_DEPTH 64
#define XML_MAX_NODES 200000
#define XML_MAX_ATTRS 64

struct xml_attr {
	const char *name, *value;
};

struct xml_node {
	const char *name;
	struct xml_attr *attrs;
	size_t nattrs;
	const char *text;      /* the character data directly inside, joined; "" when none */
	size_t text_len;
	int line;              /* of the start tag */
	struct xml_node *parent, *child, *next;
};

struct xml_doc {
	struct arena *arena;   /* owns every node and string */
	struct xml_node *root;
};

/*
 * Reads path into doc. Fails (diag at file:line) on malformed XML, on a
 * document type declaration (<!DOCTYPE …>, so no entity is ever expanded:
 * "billion laughs" and external entities are refused outright), and past
 * the caps above.
 */
int xml_load(const char *path, struct xml_doc *doc, struct diag *d);
/* The same from memory; path only names the input in diagnostics. */
int xml_parse(const char *path, const char *buf, size_t len, struct xml_doc *doc, struct diag *d);
void xml_free(struct xml_doc *doc);

/* The value of attribute name, or NULL. */
const char *xml_attr(const struct xml_node *n, const char *name);
/* The first child element named name (any when NULL), or NULL. */
struct xml_node *xml_child(const struct xml_node *n, const char *name);
/* The next sibling named name (any when NULL), or NULL. */
struct xml_node *xml_next(const struct xml_node *n, const char *name);

#endif
