/*
 * Unit tests for util/i18n and the catalogs: every translation takes the
 * same printf arguments as its English key (a wrong one would print garbage
 * or crash in that language only), no key twice, the language choice from
 * the environment, and tr()'s fallback to English.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/i18n.h"

#define MAX_ARGS 16

/*
 * The argument types a printf format consumes, by argument position (from
 * 1): types[i] is a key such as "d", "lld", "zu", "f", "s"; "*" for a
 * field width or precision taken from an argument. Returns the number of
 * arguments, or -1 when the format is malformed: an unknown conversion,
 * positional and sequential conversions mixed (printf does not allow it),
 * an argument used with two types, or a position left unused.
 */
static int
arg_types(const char *fmt, char types[MAX_ARGS + 1][8])
{
	int next = 1, max = 0, positional = -1;

	memset(types, 0, (MAX_ARGS + 1) * sizeof(types[0]));
	for (const char *p = fmt; *p != '\0'; p++) {
		int pos = 0, stars[2] = { 0, 0 }, nstars = 0;
		char len[3] = "", key[8];

		if (*p != '%')
			continue;
		if (*++p == '%')
			continue;
		/* %n$ */
		if (*p >= '1' && *p <= '9') {
			const char *q = p;
			int n = 0;

			while (*q >= '0' && *q <= '9')
				n = n * 10 + (*q++ - '0');
			if (*q == '$') {
				pos = n;
				p = q + 1;
			}
		}
		while (*p != '\0' && strchr("-+ #0'I", *p) != NULL)
			p++;
		/* width and precision, either of which may be * or *m$ */
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				if (*p != '.')
					break;
				p++;
			}
			if (*p == '*') {
				int n = 0;

				p++;
				while (*p >= '0' && *p <= '9')
					n = n * 10 + (*p++ - '0');
				if (n > 0 && *p++ != '$')
					return -1;
				if ((n > 0) != (pos > 0))
					return -1;
				stars[nstars++] = n;
			} else {
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
		if (strncmp(p, "hh", 2) == 0 || strncmp(p, "ll", 2) == 0) {
			memcpy(len, p, 2);
			p += 2;
		} else if (*p != '\0' && strchr("hlLqjzZt", *p) != NULL) {
			len[0] = *p++;
		}
		switch (*p) {
		case 'd':
		case 'i':
			snprintf(key, sizeof(key), "%sd", len);
			break;
		case 'o':
		case 'u':
		case 'x':
		case 'X':
			snprintf(key, sizeof(key), "%su", len);
			break;
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			snprintf(key, sizeof(key), "%sf", strcmp(len, "L") == 0 ? "L" : "");
			break;
		case 'c':
		case 's':
			snprintf(key, sizeof(key), "%s%c", strcmp(len, "l") == 0 ? "l" : "", *p);
			break;
		case 'p':
			snprintf(key, sizeof(key), "p");
			break;
		default:
			return -1; /* %n, %m and the unknown have no place in report text */
		}
		if (positional >= 0 && positional != (pos > 0))
			return -1;
		positional = pos > 0;
		/* the starred width and precision come before the value itself */
		for (int k = 0; k <= nstars; k++) {
			int at = k < nstars ? (pos > 0 ? stars[k] : next++) : (pos > 0 ? pos : next++);
			const char *t = k < nstars ? "*" : key;

			if (at > MAX_ARGS)
				return -1;
			if (types[at][0] != '\0' && strcmp(types[at], t) != 0)
				return -1;
			snprintf(types[at], sizeof(types[at]), "%s", t);
			if (at > max)
				max = at;
		}
	}
	for (int i = 1; i <= max; i++)
		if (types[i][0] == '\0')
			return -1;
	return max;
}

static bool quiet; /* the checker's own test expects failures: no noise */

/* Whether two formats take the same arguments; prints why not. */
static bool
same_args(const char *en, const char *tr_)
{
	char a[MAX_ARGS + 1][8], b[MAX_ARGS + 1][8];
	int na = arg_types(en, a), nb = arg_types(tr_, b);

	if (na < 0 || nb < 0 || na != nb) {
		if (!quiet)
			print_error("conversions differ (%d, %d):\n  %s\n  %s\n", na, nb, en, tr_);
		return false;
	}
	for (int i = 1; i <= na; i++)
		if (strcmp(a[i], b[i]) != 0) {
			if (!quiet)
				print_error("argument %d is %s in\n  %s\nbut %s in\n  %s\n", i, a[i], en, b[i],
			    tr_);
			return false;
		}
	return true;
}

/* The checker itself, so that a catalog passing it means something. */
static void
test_arg_types_checker(void **state)
{
	char t[MAX_ARGS + 1][8];

	(void)state;
	quiet = true;
	assert_int_equal(arg_types("no conversions, 100%%", t), 0);
	assert_int_equal(arg_types("%s: %d of %lld (%.1f%%) %zu %" PRIu64, t), 6);
	assert_string_equal(t[1], "s");
	assert_string_equal(t[3], "lld");
	assert_string_equal(t[4], "f");
	assert_string_equal(t[5], "zu");
	assert_int_equal(arg_types("\"%.*s\"", t), 2);
	assert_string_equal(t[1], "*");
	assert_string_equal(t[2], "s");
	assert_int_equal(arg_types("%1$s %s", t), -1);      /* mixed */
	assert_int_equal(arg_types("%2$s", t), -1);         /* %1$ unused */
	assert_int_equal(arg_types("%1$s %1$d", t), -1);    /* one argument, two types */
	assert_int_equal(arg_types("%n", t), -1);
	assert_true(same_args("%s has %d", "%2$d：%1$s"));
	assert_true(same_args("%s %s", "%2$s %1$s %1$s"));
	assert_true(same_args("%02d min", "%02d 分钟"));
	assert_false(same_args("%s has %d", "%d：%s"));
	assert_false(same_args("%d calls", "%lld 次"));
	assert_false(same_args("%zu rows", "%lu 行"));
	assert_false(same_args("%s and %s", "%s"));
	assert_false(same_args("%g%%", "%g%"));
	quiet = false;
}

static void
test_catalog_conversions_match(void **state)
{
	size_t n;
	const struct i18n_entry *cat = i18n_catalog(LANG_ZH_CN, &n);
	size_t bad = 0;

	(void)state;
	assert_non_null(cat);
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++) {
		size_t le = strlen(cat[i].en), lt = strlen(cat[i].tr);

		if (!same_args(cat[i].en, cat[i].tr))
			bad++;
		/* report lines keep their line ends, and nothing is left untranslated empty */
		if (lt == 0 || (le > 0 && lt > 0 && (cat[i].en[le - 1] == '\n') != (cat[i].tr[lt - 1] == '\n'))) {
			print_error("line end or emptiness differs:\n  %s\n  %s\n", cat[i].en, cat[i].tr);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static int
cmp_en(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
test_catalog_no_duplicate_keys(void **state)
{
	size_t n;
	const struct i18n_entry *cat = i18n_catalog(LANG_ZH_CN, &n);
	const char **keys = malloc(n * sizeof(*keys));

	(void)state;
	assert_non_null(keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = cat[i].en;
	qsort(keys, n, sizeof(*keys), cmp_en);
	for (size_t i = 1; i < n; i++)
		if (strcmp(keys[i - 1], keys[i]) == 0)
			fail_msg("duplicate catalog key: %s", keys[i]);
	free(keys);
}

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(i18n_parse("en"), LANG_EN);
	assert_int_equal(i18n_parse("en_US.UTF-8"), LANG_EN);
	assert_int_equal(i18n_parse("C"), LANG_EN);
	assert_int_equal(i18n_parse("zh-CN"), LANG_ZH_CN);
	assert_int_equal(i18n_parse("zh_CN.UTF-8"), LANG_ZH_CN);
	assert_int_equal(i18n_parse("zh"), LANG_ZH_CN);
	assert_int_equal(i18n_parse("fr_FR.UTF-8"), -1);
	assert_int_equal(i18n_parse("xx"), -1);
	assert_int_equal(i18n_parse(""), -1);
	assert_int_equal(i18n_parse(NULL), -1);
	assert_string_equal(i18n_code(LANG_EN), "en");
	assert_string_equal(i18n_code(LANG_ZH_CN), "zh-CN");
}

/* Sets the three variables (NULL: unset) and returns the language they name. */
static enum lang
env(const char *lc_all, const char *lc_messages, const char *lang)
{
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *values[] = { lc_all, lc_messages, lang };

	for (int i = 0; i < 3; i++) {
		if (values[i] != NULL)
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	}
	return i18n_from_environment();
}

static void
test_from_environment(void **state)
{
	(void)state;
	assert_int_equal(env(NULL, NULL, NULL), LANG_EN);
	assert_int_equal(env(NULL, NULL, "zh_CN.UTF-8"), LANG_ZH_CN);
	assert_int_equal(env(NULL, NULL, "fr_FR.UTF-8"), LANG_EN);  /* unknown: English, quietly */
	assert_int_equal(env(NULL, NULL, "C.UTF-8"), LANG_EN);
	assert_int_equal(env("C", NULL, "zh_CN.UTF-8"), LANG_EN);   /* LC_ALL beats LANG */
	assert_int_equal(env("zh_CN.UTF-8", NULL, "C"), LANG_ZH_CN);
	assert_int_equal(env(NULL, "zh_CN.UTF-8", "en_US.UTF-8"), LANG_ZH_CN); /* LC_MESSAGES too */
	assert_int_equal(env("", NULL, "zh_CN.UTF-8"), LANG_ZH_CN); /* empty is unset */
	env(NULL, NULL, NULL);
}

static void
test_tr(void **state)
{
	static const char unknown[] = "no catalog has this text";

	(void)state;
	i18n_set_language(LANG_ZH_CN);
	assert_int_equal(i18n_language(), LANG_ZH_CN);
	assert_string_equal(tr("Calls outside permitted hours"), "在允许拨打时段之外呼叫");
	assert_string_equal(tr("not set"), "未设置");
	assert_ptr_equal(tr(unknown), unknown);
	i18n_set_language(LANG_EN);
	assert_string_equal(tr("Calls outside permitted hours"), "Calls outside permitted hours");
	assert_ptr_equal(tr(unknown), unknown);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arg_types_checker),
		cmocka_unit_test(test_catalog_conversions_match),
		cmocka_unit_test(test_catalog_no_duplicate_keys),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_from_environment),
		cmocka_unit_test(test_tr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
