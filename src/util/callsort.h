/* In-place sorting of call records, without qsort's temporary copy. */
#ifndef DIALAUDIT_UTIL_CALLSORT_H
#define DIALAUDIT_UTIL_CALLSORT_H

#include <stdbool.h>
#include <stddef.h>

struct call;

enum call_order {
	CALLS_BY_NUMBER,  /* number, start, file, line */
	CALLS_BY_START,   /* start, file, line */
};

/*
 * Sorts calls in place. glibc's qsort merge-sorts through a buffer as large
 * as the array, which doubles peak memory on millions of calls; this is an
 * introsort (quicksort, heapsort when it degrades, insertion sort for small
 * ranges) with the comparison inlined. Not stable; ties are fully ordered
 * by file and line, so the result is deterministic.
 */
void calls_sort(struct call *v, size_t n, enum call_order order);
/* Whether a comes before b in the order (ties broken by file, then line). */
bool calls_before(const struct call *a, const struct call *b, enum call_order order);
/* Sorts each of nruns runs (struct call_run) at once, one thread per run, at
 * most jobs threads at a time. */
struct call_run;
void calls_sort_runs(struct call_run *runs, size_t nruns, enum call_order order, int jobs);

#endif
