/* Sweeps over calls in start order (capacity and the concurrency chart). */
#include "checks/sweep.h"

#include <stdlib.h>

#include "calllog.h"
#include "util/callsort.h"
#include "util/xalloc.h"

void
end_heap_push(struct end_heap *h, int64_t x)
{
	size_t i;

	xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof(*h->v));
	for (i = h->n++; i > 0 && h->v[(i - 1) / 2] > x; i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = x;
}

static void
heap_pop(struct end_heap *h)
{
	int64_t x = h->v[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->v[c + 1] < h->v[c])
			c++;
		if (h->v[c] >= x)
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n > 0)
		h->v[i] = x;
}

void
end_heap_expire(struct end_heap *h, int64_t t)
{
	while (h->n > 0 && h->v[0] <= t)
		heap_pop(h);
}

void
end_heap_free(struct end_heap *h)
{
	free(h->v);
	*h = (struct end_heap){ 0 };
}

void
sweep_by_start(const struct calllog *log, bool (*keep)(const struct call *c, void *arg),
    void (*visit)(const struct call *c, void *arg), void *arg)
{
	size_t *at = xcalloc(log->nruns + 1, sizeof(*at));

	for (;;) {
		const struct call *best = NULL;
		size_t br = 0;

		for (size_t r = 0; r < log->nruns; r++) {
			while (at[r] < log->runs[r].n && (log->runs[r].v[at[r]].flags & CALL_DUPLICATE ||
			    (keep != NULL && !keep(&log->runs[r].v[at[r]], arg))))
				at[r]++;
			if (at[r] < log->runs[r].n && (best == NULL ||
			    calls_before(&log->runs[r].v[at[r]], best, CALLS_BY_START))) {
				best = &log->runs[r].v[at[r]];
				br = r;
			}
		}
		if (best == NULL)
			break;
		at[br]++;
		visit(best, arg);
	}
	free(at);
}
