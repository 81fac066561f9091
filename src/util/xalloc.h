/* Allocation wrappers: every allocation in dialaudit goes through these. */
#ifndef DIALAUDIT_UTIL_XALLOC_H
#define DIALAUDIT_UTIL_XALLOC_H

#include <stddef.h>

/*
 * The x* functions never return NULL: on exhaustion they call the
 * out-of-memory handler, which must not return. Memory is a resource we
 * cannot report around, and threading a NULL check through every caller
 * would hide real errors behind untested paths.
 *
 * The library's default handler prints one line and aborts, since library
 * code never calls exit. main.c installs the program's handler, which
 * removes any temporary report file (outfile_unlink_all), prints
 * "dialaudit: out of memory" and ends the process with status 2.
 *
 * jansson, PCRE2 and libcsv allocate through these too (main.c and
 * regex.c, csvrec.c set their allocators), so a failure there takes the
 * same path; libconfig and stdio allocate with malloc, which they report
 * as an ordinary error (docs/testing.md).
 *
 * Tests can make the Nth allocation fail (xalloc_fail_after) to exercise
 * the handler path; the countdown is shared by every thread.
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
/* Allocations still to go before the armed failure (0: none armed); with
 * xalloc_fail_after(ULONG_MAX) a test measures how many a run makes. */
unsigned long xalloc_fail_countdown(void);
/* Handler called on allocation failure; it must not return. NULL: the default. */
void xalloc_set_oom_handler(void (*handler)(void));

#endif
