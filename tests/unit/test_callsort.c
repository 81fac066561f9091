/* Sorting call records: the radix sort orders exactly as the comparison does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "calllog.h"
#include "util/callsort.h"

static int
cmp_number(const void *a, const void *b)
{
	const struct call *x = a, *y = b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct call *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
check(size_t n, uint64_t numbers, int64_t span)
{
	struct call *a = calloc(n + 1, sizeof(*a)), *b = calloc(n + 1, sizeof(*b));

	for (size_t i = 0; i < n; i++) {
		a[i].number = 8613900000000ULL + next() % numbers;
		a[i].start = (int64_t)(next() % (uint64_t)span) - span / 3; /* some before 1970 */
		a[i].file = (uint16_t)(next() % 3);
		a[i].line = (uint32_t)i + 1;
	}
	for (int order = 0; order < 2; order++) {
		memcpy(b, a, n * sizeof(*a));
		calls_sort(b, n, order == 0 ? CALLS_BY_NUMBER : CALLS_BY_START);
		qsort(a, n, sizeof(*a), order == 0 ? cmp_number : cmp_start);
		assert_memory_equal(a, b, n * sizeof(*a));
	}
	free(a);
	free(b);
}

static void
test_radix_matches_comparison(void **state)
{
	(void)state;
	check(0, 10, 100);
	check(1, 10, 100);
	check(63, 5, 10);
	check(65, 5, 10);             /* just past the comparison-sort cut-off */
	check(5000, 1, 1);            /* all keys equal */
	check(20000, 7, 1000);        /* many ties */
	check(100000, 1000000, 86400 * 365);
	check(100000, 1ULL << 40, INT64_C(1) << 40);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_radix_matches_comparison),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
