/* A map from 64-bit keys to dense indexes (0, 1, 2 … in insertion order). */
#ifndef DIALAUDIT_UTIL_U64MAP_H
#define DIALAUDIT_UTIL_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Callers keep their values in their own array, indexed by what
 * u64map_index returns; the map only finds the index. Open addressing,
 * grown at half load. Ownership: free with u64map_free().
 */
struct u64map {
	uint64_t *keys;
	size_t *slots;   /* index + 1; 0 = empty */
	size_t n, nslots, keys_cap;
};

/* The index of key, added (as n, the next index) when absent; *added says which. */
size_t u64map_index(struct u64map *m, uint64_t key, bool *added);
void u64map_free(struct u64map *m);

#endif
