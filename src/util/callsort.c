/* In-place introsort of call records. */
#include "util/callsort.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "calllog.h"

bool
calls_before(const struct call *a, const struct call *b, enum call_order o)
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

		for (; j > 0 && calls_before(&x, &v[j - 1], o); j--)
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
		if (c + 1 < n && calls_before(&v[c], &v[c + 1], o))
			c++;
		if (!calls_before(&v[root], &v[c], o))
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
		if (calls_before(&v[mid], &v[0], o))
			swap(&v[mid], &v[0]);
		if (calls_before(&v[n - 1], &v[0], o))
			swap(&v[n - 1], &v[0]);
		if (calls_before(&v[n - 1], &v[mid], o))
			swap(&v[n - 1], &v[mid]);
		pivot = v[mid];
		for (;;) {
			while (calls_before(&v[i], &pivot, o))
				i++;
			while (calls_before(&pivot, &v[j], o))
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

static void
introsort(struct call *v, size_t n, enum call_order o)
{
	int depth = 0;

	for (size_t k = n; k > 1; k >>= 1)
		depth += 2;
	intro(v, n, depth, o);
}

/* The primary key as an unsigned integer that orders like the key. */
static inline uint64_t
key_of(const struct call *c, enum call_order o)
{
	return o == CALLS_BY_NUMBER ? c->number : (uint64_t)c->start ^ 0x8000000000000000ULL;
}

#define RADIX_SMALL 64

/*
 * In-place MSD radix sort (American flag sort) on the primary key, one byte
 * at a time from the highest byte that differs; ranges of equal keys, and
 * small ranges, are finished by the comparison sort, which also orders ties
 * by file and line. No buffer: records are swapped into their buckets.
 */
static void
radix(struct call *v, size_t n, int shift, enum call_order o)
{
	size_t count[256] = { 0 }, start[257], next[256];

	if (n <= RADIX_SMALL) {
		introsort(v, n, o);
		return;
	}
	if (shift < 0) {
		introsort(v, n, o); /* all keys equal: order the ties */
		return;
	}
	for (size_t i = 0; i < n; i++)
		count[(key_of(&v[i], o) >> shift) & 0xff]++;
	start[0] = 0;
	for (int b = 0; b < 256; b++)
		start[b + 1] = start[b] + count[b];
	for (int b = 0; b < 256; b++)
		next[b] = start[b];
	for (int b = 0; b < 256; b++) {
		while (next[b] < start[b + 1]) {
			struct call x = v[next[b]];
			int d = (int)((key_of(&x, o) >> shift) & 0xff);

			while (d != b) {
				struct call y = v[next[d]];

				v[next[d]++] = x;
				x = y;
				d = (int)((key_of(&x, o) >> shift) & 0xff);
			}
			v[next[b]++] = x;
		}
	}
	for (int b = 0; b < 256; b++)
		if (count[b] > 1)
			radix(v + start[b], count[b], shift - 8, o);
}

void
calls_sort(struct call *v, size_t n, enum call_order o)
{
	uint64_t lo = UINT64_MAX, hi = 0, diff;
	int shift = 56;

	if (n <= RADIX_SMALL) {
		introsort(v, n, o);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t k = key_of(&v[i], o);

		lo = k < lo ? k : lo;
		hi = k > hi ? k : hi;
	}
	/* start at the highest byte in which keys differ (numbers share "86…") */
	diff = lo ^ hi;
	if (diff == 0) {
		introsort(v, n, o);
		return;
	}
	while (shift > 0 && (diff >> shift) == 0)
		shift -= 8;
	radix(v, n, shift, o);
}
