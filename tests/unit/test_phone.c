/* Unit tests for util/phone: normalising to E.164 and masking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "util/phone.h"

/* The numbering plans of profiles/cn.cfg and profiles/us.cfg. */
static const struct numbering cn = { "86", "0", "00", 11 };
static const struct numbering us = { "1", "1", "011", 10 };

static enum phone_status
norm(const char *raw, const struct numbering *np, char *out)
{
	/* A sentinel, so a status that forgets to clear out is caught. */
	memset(out, 'X', PHONE_MAX);
	return phone_normalise(raw, strlen(raw), np, out);
}

static void
assert_ok(const char *raw, const struct numbering *np, const char *want)
{
	char out[PHONE_MAX];
	enum phone_status st = norm(raw, np, out);

	if (st != PHONE_OK)
		fail_msg("\"%s\": status %s, expected valid", raw, phone_status_text(st));
	assert_string_equal(out, want);
}

static void
assert_status(const char *raw, const struct numbering *np, enum phone_status want)
{
	char out[PHONE_MAX];
	enum phone_status st = norm(raw, np, out);

	if (st != want)
		fail_msg("\"%s\": status %s (\"%s\"), expected %s", raw, phone_status_text(st), out,
		    phone_status_text(want));
	assert_string_equal(out, "");
}

static void
test_cn_landline_with_trunk(void **state)
{
	(void)state;
	assert_ok("0571-8800-1201", &cn, "8657188001201");
	assert_ok("(0571) 8800 1201", &cn, "8657188001201");
	assert_ok("010-12345678", &cn, "861012345678");
}

static void
test_cn_mobile(void **state)
{
	(void)state;
	assert_ok("13912345678", &cn, "8613912345678");
	assert_ok("139.1234.5678", &cn, "8613912345678");
	assert_ok("  139 1234 5678  ", &cn, "8613912345678");
}

static void
test_cn_international_forms(void **state)
{
	(void)state;
	assert_ok("+86 139 1234 5678", &cn, "8613912345678");
	assert_ok("+8613912345678", &cn, "8613912345678");
	assert_ok("008613912345678", &cn, "8613912345678");
	assert_ok("00 86 139 1234 5678", &cn, "8613912345678");
	/* Longer than any national number and starting with 86: the country code. */
	assert_ok("8613912345678", &cn, "8613912345678");
	assert_ok("+44 20 7946 0000", &cn, "442079460000");
	assert_ok("0044 20 7946 0000", &cn, "442079460000");
}

static void
test_cn_cc_prefix_at_national_length(void **state)
{
	(void)state;
	/* 11 digits starting with 86 is not longer than a national number, so
	 * it is read as national and gets the country code in front. */
	assert_ok("86123456789", &cn, "8686123456789");
}

static void
test_cn_short_service_numbers(void **state)
{
	(void)state;
	assert_ok("110", &cn, "86110");
	assert_ok("12315", &cn, "8612315");
	assert_ok("95555", &cn, "8695555");
}

static void
test_withheld(void **state)
{
	(void)state;
	assert_status("anonymous", &cn, PHONE_WITHHELD);
	assert_status("Anonymous", &cn, PHONE_WITHHELD);
	assert_status("  PRIVATE ", &cn, PHONE_WITHHELD);
	assert_status("unknown", &us, PHONE_WITHHELD);
	assert_status("restricted", &us, PHONE_WITHHELD);
	assert_status("withheld", &cn, PHONE_WITHHELD);
	/* A word that only starts like one is not withheld but malformed. */
	assert_status("anonymously", &cn, PHONE_MALFORMED);
}

static void
test_malformed(void **state)
{
	(void)state;
	assert_status("12a3", &cn, PHONE_MALFORMED);
	assert_status("139-1234-567#", &cn, PHONE_MALFORMED);
	assert_status("+", &cn, PHONE_MALFORMED);
	assert_status("++8613912345678", &cn, PHONE_MALFORMED);
	assert_status("139+12345678", &cn, PHONE_MALFORMED);
	/* Only the trunk prefix: nothing national is left. */
	assert_status("0", &cn, PHONE_MALFORMED);
	/* International with fewer than 3 digits. */
	assert_status("+86", &cn, PHONE_MALFORMED);
	assert_status("0086", &cn, PHONE_MALFORMED);
}

static void
test_empty(void **state)
{
	(void)state;
	assert_status("", &cn, PHONE_EMPTY);
	assert_status("   ", &cn, PHONE_EMPTY);
	assert_status("--- ()", &cn, PHONE_EMPTY);
}

static void
test_too_long(void **state)
{
	(void)state;
	assert_status("123456789012345678901234567890", &cn, PHONE_MALFORMED);
	assert_status("+123456789012345678901234567890", &cn, PHONE_MALFORMED);
	/* E.164 allows 15 digits: 16 digits international are refused, 15 pass. */
	assert_status("+1234567890123456", &cn, PHONE_MALFORMED);
	assert_ok("+123456789012345", &cn, "123456789012345");
	/* National: 86 + 13 digits is 15, 86 + 14 is 16. */
	assert_ok("1234567890123", &cn, "861234567890123");
	assert_status("12345678901234", &cn, PHONE_MALFORMED);
}

static void
test_us(void **state)
{
	(void)state;
	assert_ok("(212) 555-0100", &us, "12125550100");
	assert_ok("1-212-555-0100", &us, "12125550100");
	assert_ok("212.555.0100", &us, "12125550100");
	assert_ok("+1 212 555 0100", &us, "12125550100");
	assert_ok("011 44 20 7946 0000", &us, "442079460000");
	assert_ok("911", &us, "1911");
}

static void
test_status_text(void **state)
{
	(void)state;
	assert_string_equal(phone_status_text(PHONE_OK), "valid");
	assert_string_equal(phone_status_text(PHONE_EMPTY), "empty");
	assert_string_equal(phone_status_text(PHONE_WITHHELD), "withheld");
	assert_string_equal(phone_status_text(PHONE_MALFORMED), "malformed");
}

static void
test_national(void **state)
{
	(void)state;
	assert_string_equal(phone_national("8613912345678", &cn), "13912345678");
	assert_string_equal(phone_national("12125550100", &us), "2125550100");
	assert_null(phone_national("442079460000", &cn));
}

static void
test_mask(void **state)
{
	char out[PHONE_MAX + 8];

	(void)state;
	phone_mask("8613912345678", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 139******78");
	phone_mask("8657188001201", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 571******01");
	phone_mask("12125550100", &us, out, sizeof(out));
	assert_string_equal(out, "+1 212*****00");
	/* A foreign number is masked whole, with no country split. */
	phone_mask("442079460000", &cn, out, sizeof(out));
	assert_string_equal(out, "+**********00");
}

static void
test_mask_short_numbers(void **state)
{
	char out[PHONE_MAX + 8];

	(void)state;
	/* 8 national digits keep the first three; 7 keep only the last two. */
	phone_mask("8612345678", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 123***78");
	phone_mask("861234567", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 *****67");
	phone_mask("86110", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 *10");
	phone_mask("8612", &cn, out, sizeof(out));
	assert_string_equal(out, "+86 12");
}

static void
test_display(void **state)
{
	char out[PHONE_MAX + 8];

	(void)state;
	phone_display("8613912345678", &cn, true, out, sizeof(out));
	assert_string_equal(out, "+8613912345678");
	phone_display("8613912345678", &cn, false, out, sizeof(out));
	assert_string_equal(out, "+86 139******78");
}

static void
check_brackets(const char *cid, const char *want)
{
	const char *num = "untouched";
	size_t n = 9;
	bool found = phone_callerid_brackets(cid, strlen(cid), &num, &n);

	if (want == NULL) {
		assert_false(found);
		assert_string_equal(num, "untouched");
		return;
	}
	assert_true(found);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(num, want, n);
}

static void
test_callerid_brackets(void **state)
{
	(void)state;
	check_brackets("\"Acme\" <2125550100>", "2125550100");
	check_brackets("Acme <2125550100>", "2125550100");
	check_brackets("<+86 571 8800 1201>", "+86 571 8800 1201");
	/* the last <…> is the number, and a missing > is tolerated (Asterisk) */
	check_brackets("\"a <b>\" <3125551212>", "3125551212");
	check_brackets("Acme <2125550100", "2125550100");
	check_brackets("<>", "");
	check_brackets("2125550100", NULL);
	check_brackets("", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cn_landline_with_trunk),
		cmocka_unit_test(test_cn_mobile),
		cmocka_unit_test(test_cn_international_forms),
		cmocka_unit_test(test_cn_cc_prefix_at_national_length),
		cmocka_unit_test(test_cn_short_service_numbers),
		cmocka_unit_test(test_withheld),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_us),
		cmocka_unit_test(test_status_text),
		cmocka_unit_test(test_national),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_mask_short_numbers),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_callerid_brackets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
