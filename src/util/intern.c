/* String interning with an open-addressing hash table. */
#include "util/intern.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
rehash(struct intern *t, size_t nslots)
{
	free(t->slots);
	t->slots = xcalloc(nslots, sizeof(*t->slots));
	t->nslots = nslots;
	for (size_t i = 0; i < t->n; i++) {
		size_t at = hash(t->str[i], strlen(t->str[i])) & (nslots - 1);

		while (t->slots[at] != 0)
			at = (at + 1) & (nslots - 1);
		t->slots[at] = (uint32_t)i + 1;
	}
}

void
intern_init(struct intern *t)
{
	memset(t, 0, sizeof(*t));
	rehash(t, 64);
	intern_id(t, "", 0);
}

void
intern_free(struct intern *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->str[i]);
	free(t->str);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

uint32_t
intern_id(struct intern *t, const char *s, size_t len)
{
	size_t at = hash(s, len) & (t->nslots - 1);
	uint32_t id;

	for (; t->slots[at] != 0; at = (at + 1) & (t->nslots - 1)) {
		const char *c = t->str[t->slots[at] - 1];

		if (strncmp(c, s, len) == 0 && c[len] == '\0')
			return t->slots[at] - 1;
	}
	xgrow((void **)&t->str, &t->cap, t->n + 1, sizeof(*t->str));
	id = (uint32_t)t->n;
	t->str[t->n++] = xstrndup(s, len);
	t->slots[at] = id + 1;
	if (t->n * 2 > t->nslots)
		rehash(t, t->nslots * 2);
	return id;
}

uint32_t *
intern_merge(struct intern *dst, const struct intern *src)
{
	uint32_t *map = xmalloc(sizeof(*map) * (src->n + 1));

	for (size_t i = 0; i < src->n; i++)
		map[i] = intern_id(dst, src->str[i], strlen(src->str[i]));
	return map;
}
