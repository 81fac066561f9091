/* String interning: small dense ids for campaign names and caller IDs. */
#ifndef DIALAUDIT_UTIL_INTERN_H
#define DIALAUDIT_UTIL_INTERN_H

#include <stddef.h>
#include <stdint.h>

/*
 * Id 0 is always the empty string. Not thread-safe: each parser thread
 * keeps its own table and the tables are merged afterwards
 * (intern_merge), so the hot path never takes a lock.
 * Ownership: the table owns its strings; free with intern_free().
 */
struct intern {
	char **str;
	size_t n, cap;
	uint32_t *slots;   /* open addressing, id + 1; 0 = empty */
	size_t nslots;
};

void intern_init(struct intern *t);
void intern_free(struct intern *t);
uint32_t intern_id(struct intern *t, const char *s, size_t len);
/* Adds every string of src to dst; map[i] is the dst id of src id i (caller frees map). */
uint32_t *intern_merge(struct intern *dst, const struct intern *src);

#endif
