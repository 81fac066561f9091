/* Allocation wrappers: every allocation in dialaudit goes through these. */
#ifndef DIALAUDIT_UTIL_XALLOC_H
#define DIALAUDIT_UTIL_XALLOC_H

#include <stddef.h>

/*
 * The x* functions never return NULL: on exhaustion they call the
 * out-of-memory handler, which by default prints one line and aborts.
 * Memory is a resource we cannot report around, and threading a NULL check
 * through every caller would hide real errors behind untested paths.
 * Tests can make the Nth allocation fail (xalloc_fail_after) to exercise
 * the handler path.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *p (an array of *cap elements of elem bytes) to hold at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t elem);

/* Test seam: allocation number n (1-based, counted from now) fails; 0 turns it off. */
void xalloc_fail_after(unsigned long n);
/* Handler called on allocation failure; it must not return. */
void xalloc_set_oom_handler(void (*handler)(void));

#endif
