/* The CSV record reader: its fast path gives exactly what libcsv gives.
 * A differential test over random inputs built from the characters that
 * matter to CSV, plus the record boundaries, caps and resync behaviour. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/csvrec.h"

/* Reads every record of buf and appends a canonical description to out. */
static size_t
describe_all(struct csvrec *r, const char *buf, size_t len, char *out, size_t cap)
{
	size_t used = 0, pos = 0;

	for (int guard = 0; guard < 10000; guard++) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(r, buf, len, pos, &res);

		if (s == CSVREC_END) {
			used += (size_t)snprintf(out + used, cap - used, "END;");
			return used;
		}
		used += (size_t)snprintf(out + used, cap - used, "%d s%zu n%zu l%u b%u 2nd%zu [", s,
		    res.start, res.next, res.lines, res.blank_lines, res.second_line);
		if (s == CSVREC_OK)
			for (size_t i = 0; i < r->nfields && used + r->fields[i].n + 8 < cap; i++) {
				out[used++] = '<';
				memcpy(out + used, r->fields[i].p, r->fields[i].n);
				used += r->fields[i].n;
				out[used++] = '>';
			}
		else
			used += (size_t)snprintf(out + used, cap - used, "%s", res.reason);
		used += (size_t)snprintf(out + used, cap - used, "];");
		if (used + 200 > cap)
			return used;
		/* advance as the log scanner does: a bad multi-line record is read
		 * again from its second line */
		pos = s == CSVREC_BAD && res.lines > 1 && res.second_line > res.start ?
		    res.second_line : res.next;
	}
	fail_msg("reader did not advance");
	return used;
}

static void
compare(const char *buf, size_t len)
{
	static char a[1 << 16], b[1 << 16];
	struct csvrec fast, slow;
	size_t na, nb;

	assert_int_equal(csvrec_init(&fast, ','), 0);
	assert_int_equal(csvrec_init(&slow, ','), 0);
	slow.no_fast = true;
	na = describe_all(&fast, buf, len, a, sizeof(a));
	nb = describe_all(&slow, buf, len, b, sizeof(b));
	if (na != nb || memcmp(a, b, na) != 0) {
		fprintf(stderr, "input (%zu bytes):", len);
		for (size_t i = 0; i < len; i++)
			fprintf(stderr, " %02x", (unsigned char)buf[i]);
		fprintf(stderr, "\nfast: %.*s\nlibcsv: %.*s\n", (int)na, a, (int)nb, b);
		fail();
	}
	csvrec_free(&fast);
	csvrec_free(&slow);
}

static void
test_known_cases(void **state)
{
	static const char *const cases[] = {
		"a,b,c\n", "a,b,c", "a,b,\n", ",\n", "\"a\",\"b\"\n", "\"a\"\"b\",c\n",
		"  a  , b ,c  \n", " \"a\" , \"b\"\t\n", "\"a,b\",c\r\n", "a,b\r\n\r\nc\n",
		"\"multi\nline\",x\ny\n", "\"open\n", "a\"b,c\n", "\"a\"x,c\n", "a\rb,c\n",
		"a,\0b\n", "   \n\t\n a\n", "\"\",\"\"\n", "\"\"\"\"\n", "a,\"b\nc\"\n",
		"x\r", "\"x\"\r", "a,b\n\n\n", "", "\n", "\"a\" \"b\"\n", ",,,\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		compare(cases[i], strlen(cases[i]) + (strstr(cases[i], "a,") == cases[i] &&
		    cases[i][2] == '\0' ? 0 : 0));
	compare("a,\0b\n", 5); /* a NUL byte, which strlen would hide */
}

static void
test_random_inputs(void **state)
{
	static const char alphabet[] = "ab,\" \t\r\n\0";
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	char buf[64];

	(void)state;
	for (int iter = 0; iter < 200000; iter++) {
		size_t len;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		len = x % 40;
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* commas and letters more often, so that real records form */
			buf[i] = alphabet[(x >> 11) % 16 < 9 ? (x >> 11) % 16 : (x >> 17) % 3];
		}
		compare(buf, len);
	}
}

static void
test_overlong_record_resyncs(void **state)
{
	size_t n = CSVREC_MAX_BYTES + 100;
	char *buf = malloc(n + 32);
	struct csvrec r;
	struct csvrec_result res;

	(void)state;
	/* an open quote, then more than 1 MiB of lines, then a good record */
	buf[0] = '"';
	for (size_t i = 1; i < n; i++)
		buf[i] = i % 100 == 0 ? '\n' : 'x';
	memcpy(buf + n, "\nok,1\n", 6);
	assert_int_equal(csvrec_init(&r, ','), 0);
	assert_int_equal(csvrec_next(&r, buf, n + 6, 0, &res), CSVREC_BAD);
	assert_non_null(strstr(res.reason, "1 MiB"));
	assert_int_equal(res.second_line, 101); /* read again from the second line */
	csvrec_free(&r);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_cases),
		cmocka_unit_test(test_random_inputs),
		cmocka_unit_test(test_overlong_record_resyncs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
