/* In-place introsort of call records. */
#include "util/callsort.h"

#include <pthread.h>
#include <stdbool.h>

#include "calllog.h"

static inline bool
less(const struct call *a, const struct call *b, enum call_order o)
{
	if (o == CALLS_BY_NUMBER && a->number != b->number)
		return a->number < b->number;
	if (a->start != b->start)
		return a->start < b->start;
	if (a->file != b->file)
		return a->file < b->file;
	return a->line < b->line;
}

static inline void
swap(struct call *a, struct call *b)
{
	struct call t = *a;

	*a = *b;
	*b = t;
}

static void
insertion(struct call *v, size_t n, enum call_order o)
{
	for (size_t i = 1; i < n; i++) {
		struct call x = v[i];
		size_t j = i;

		for (; j > 0 && less(&x, &v[j - 1], o); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void
sift(struct call *v, size_t root, size_t n, enum call_order o)
{
	for (;;) {
		size_t c = 2 * root + 1;

		if (c >= n)
			return;
		if (c + 1 < n && less(&v[c], &v[c + 1], o))
			c++;
		if (!less(&v[root], &v[c], o))
			return;
		swap(&v[root], &v[c]);
		root = c;
	}
}

static void
heapsort(struct call *v, size_t n, enum call_order o)
{
	for (size_t i = n / 2; i-- > 0;)
		sift(v, i, n, o);
	for (size_t i = n; i-- > 1;) {
		swap(&v[0], &v[i]);
		sift(v, 0, i, o);
	}
}

static void
intro(struct call *v, size_t n, int depth, enum call_order o)
{
	while (n > 24) {
		size_t mid = n / 2, i = 0, j = n - 1;
		struct call pivot;

		if (depth-- == 0) {
			heapsort(v, n, o);
			return;
		}
		/* median of three, moved out of the way */
		if (less(&v[mid], &v[0], o))
			swap(&v[mid], &v[0]);
		if (less(&v[n - 1], &v[0], o))
			swap(&v[n - 1], &v[0]);
		if (less(&v[n - 1], &v[mid], o))
			swap(&v[n - 1], &v[mid]);
		pivot = v[mid];
		for (;;) {
			while (less(&v[i], &pivot, o))
				i++;
			while (less(&pivot, &v[j], o))
				j--;
			if (i >= j)
				break;
			swap(&v[i], &v[j]);
			i++;
			j--;
		}
		/* recurse into the smaller side, loop on the larger */
		if (j + 1 < n - j - 1) {
			intro(v, j + 1, depth, o);
			v += j + 1;
			n -= j + 1;
		} else {
			intro(v + j + 1, n - j - 1, depth, o);
			n = j + 1;
		}
	}
	insertion(v, n, o);
}

struct sort_job {
	struct call_run *run;
	enum call_order order;
};

static void *
sort_one(void *arg)
{
	struct sort_job *j = arg;

	calls_sort(j->run->v, j->run->n, j->order);
	return NULL;
}

void
calls_sort_runs(struct call_run *runs, size_t nruns, enum call_order order, int jobs)
{
	pthread_t tid[64];
	struct sort_job job[64];

	if (jobs < 1)
		jobs = 1;
	if (jobs > 64)
		jobs = 64;
	for (size_t base = 0; base < nruns; base += (size_t)jobs) {
		size_t n = nruns - base < (size_t)jobs ? nruns - base : (size_t)jobs;
		bool started[64] = { false };

		for (size_t k = 0; k < n; k++) {
			job[k] = (struct sort_job){ &runs[base + k], order };
			started[k] = k > 0 && pthread_create(&tid[k], NULL, sort_one, &job[k]) == 0;
		}
		sort_one(&job[0]);
		for (size_t k = 1; k < n; k++) {
			if (started[k])
				pthread_join(tid[k], NULL);
			else
				sort_one(&job[k]);
		}
	}
}

void
calls_sort(struct call *v, size_t n, enum call_order o)
{
	int depth = 0;

	for (size_t k = n; k > 1; k >>= 1)
		depth += 2;
	intro(v, n, depth, o);
}
