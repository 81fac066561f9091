/* Sweeps over calls in start order: the calls in progress, as a heap of ends. */
#ifndef DIALAUDIT_CHECKS_SWEEP_H
#define DIALAUDIT_CHECKS_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct call;
struct calllog;

/* A min-heap of end times: n is the number of calls in progress. */
struct end_heap {
	int64_t *v;
	size_t n, cap;
};

void end_heap_push(struct end_heap *h, int64_t end);
/* Drops calls that ended by t: a call ending at this second holds no line. */
void end_heap_expire(struct end_heap *h, int64_t t);
void end_heap_free(struct end_heap *h);

/*
 * Visits every counted call (duplicates left out) in start order. The runs
 * must be sorted by start (calls_sort_runs with CALLS_BY_START); they are
 * merged as they are read, so no copy of the calls is made. keep filters
 * calls (NULL: all).
 */
void sweep_by_start(const struct calllog *log, bool (*keep)(const struct call *c, void *arg),
    void (*visit)(const struct call *c, void *arg), void *arg);

#endif
