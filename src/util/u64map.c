/* A map from 64-bit keys to dense indexes. */
#include "util/u64map.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static size_t
slot_of(uint64_t key, size_t nslots)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & (nslots - 1);
}

static void
grow(struct u64map *m)
{
	size_t ns = m->nslots ? m->nslots * 2 : 64;

	free(m->slots);
	m->slots = xcalloc(ns, sizeof(*m->slots));
	m->nslots = ns;
	for (size_t i = 0; i < m->n; i++) {
		size_t at = slot_of(m->keys[i], ns);

		while (m->slots[at] != 0)
			at = (at + 1) & (ns - 1);
		m->slots[at] = i + 1;
	}
}

size_t
u64map_index(struct u64map *m, uint64_t key, bool *added)
{
	size_t at;

	if (m->n * 2 >= m->nslots)
		grow(m);
	for (at = slot_of(key, m->nslots); m->slots[at] != 0; at = (at + 1) & (m->nslots - 1))
		if (m->keys[m->slots[at] - 1] == key) {
			if (added != NULL)
				*added = false;
			return m->slots[at] - 1;
		}
	xgrow((void **)&m->keys, &m->keys_cap, m->n + 1, sizeof(*m->keys));
	m->keys[m->n] = key;
	m->slots[at] = ++m->n;
	if (added != NULL)
		*added = true;
	return m->n - 1;
}

void
u64map_free(struct u64map *m)
{
	free(m->keys);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
