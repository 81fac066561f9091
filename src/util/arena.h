/* Arena allocator: one per loaded document or audit run, freed as a whole. */
#ifndef DIALAUDIT_UTIL_ARENA_H
#define DIALAUDIT_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Ownership: everything allocated from an arena lives until arena_free().
 * Nothing taken from an arena may be passed to free().
 */
struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);       /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s); /* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

#endif
