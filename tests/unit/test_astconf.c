/* Asterisk's configuration dialect, read as main/config.c reads it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tmpdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/astconf.h"



static const char *
value(const struct astconf_category *cat, const char *key)
{
	const struct astconf_var *v;

	assert_non_null(cat);
	v = astconf_get(cat, key);
	return v != NULL ? v->value : NULL;
}

static void
test_categories_variables_and_comments(void **state)
{
	const char *path = tmp_put("asterisk.conf",
	    "\xef\xbb\xbf; the options\n"
	    "[options]\n"
	    "maxcalls = 120 ; at most\n"
	    "maxload=>0.9\n"
	    "  verbose =   3   \n"
	    "systemname = \"pbx;1\"\n"
	    "astetcdir = /etc/asterisk\\;x\n"
	    ";-- a block\n"
	    "maxcalls = 999\n"
	    "--; minmemfree = 64\n"
	    "[options]\n"
	    "maxcalls = 10\n"
	    "maxcalls = 20\n");
	struct astconf c;
	struct diag d = { 0 };
	const struct astconf_category *cat;
	size_t i = 0;

	(void)state;
	if (astconf_load(path, &c, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
	cat = astconf_next(&c, "options", &i);
	assert_string_equal(value(cat, "maxcalls"), "120");
	assert_int_equal(astconf_get(cat, "maxcalls")->line, 3);
	assert_string_equal(value(cat, "maxload"), "0.9");
	assert_true(astconf_get(cat, "maxload")->object);
	assert_false(astconf_get(cat, "maxcalls")->object);
	assert_string_equal(value(cat, "verbose"), "3");
	/* a semicolon ends the value even inside quotes; quotes are kept */
	assert_string_equal(value(cat, "systemname"), "\"pbx");
	assert_string_equal(value(cat, "astetcdir"), "/etc/asterisk;x");
	/* the block comment hid a line, and what followed it on its last line counts */
	assert_string_equal(value(cat, "minmemfree"), "64");
	assert_int_equal(cat->nvars, 6);
	/* a second [options] is a category of its own; repeated keys are kept */
	cat = astconf_next(&c, "options", &i);
	assert_non_null(cat);
	assert_int_equal(cat->nvars, 2);
	assert_string_equal(value(cat, "maxcalls"), "20");
	assert_null(astconf_next(&c, "options", &i));
	astconf_free(&c);
}

static void
test_templates_and_appends(void **state)
{
	const char *path = tmp_put("pjsip.conf",
	    "[base](!)\n"
	    "type = endpoint\n"
	    "callerid = \"Sales\" <057188001201>\n"
	    "[secure](!)\n"
	    "media_encryption = sdes\n"
	    "[trunk](base,secure)\n"
	    "callerid = <057188001202>\n"
	    "allow = ulaw\n"
	    "allow += ,alaw\n"
	    "[trunk](+)\n"
	    "send_pai = yes\n");
	struct astconf c;
	struct diag d = { 0 };
	const struct astconf_category *cat;
	size_t i = 0;

	(void)state;
	if (astconf_load(path, &c, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
	/* templates are hidden */
	assert_null(astconf_next(&c, "base", &i));
	i = 0;
	cat = astconf_next(&c, "trunk", &i);
	assert_string_equal(value(cat, "type"), "endpoint");
	assert_true(astconf_get(cat, "type")->inherited);
	assert_string_equal(value(cat, "media_encryption"), "sdes");
	/* its own value comes after the inherited one, and wins */
	assert_string_equal(value(cat, "callerid"), "<057188001202>");
	assert_false(astconf_get(cat, "callerid")->inherited);
	assert_string_equal(value(cat, "allow"), "ulaw,alaw");
	assert_string_equal(value(cat, "send_pai"), "yes");
	assert_null(astconf_next(&c, "trunk", &i));
	astconf_free(&c);
}

static void
test_includes(void **state)
{
	char sub[128];
	const char *path;
	struct astconf c;
	struct diag d = { 0 };
	const struct astconf_category *cat;
	size_t i = 0;

	(void)state;
	snprintf(sub, sizeof(sub), "%s/conf.d", tmp_dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	tmp_put("conf.d/a.conf", "[a]\nx = 1\n");
	tmp_put("conf.d/b.conf", "[b]\nx = 2\n");
	tmp_put("custom.conf", "[main](+)\nfrom_custom = yes\n");
	path = tmp_put("extensions.conf",
	    "[main]\n"
	    "exten => _NXXNXXXXXX,1,Dial(PJSIP/${EXTEN}@trunk,30,tT)\n"
	    "same => n,Hangup()\n"
	    "#include \"custom.conf\"\n"
	    "#include <conf.d/*.conf>\n"
	    "#tryinclude missing_custom.conf\n"
	    "#exec /usr/bin/make-dialplan\n");
	if (astconf_load(path, &c, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
	cat = astconf_next(&c, "main", &i);
	assert_int_equal(cat->nvars, 3);
	assert_string_equal(cat->vars[0].name, "exten");
	assert_string_equal(cat->vars[0].value, "_NXXNXXXXXX,1,Dial(PJSIP/${EXTEN}@trunk,30,tT)");
	assert_string_equal(value(cat, "from_custom"), "yes");
	i = 0;
	assert_string_equal(value(astconf_next(&c, "a", &i), "x"), "1");
	i = 0;
	assert_string_equal(value(astconf_next(&c, "b", &i), "x"), "2");
	assert_int_equal(c.nfiles, 4);
	assert_int_equal(c.nexecs, 1);
	assert_string_equal(c.execs[0].name, "/usr/bin/make-dialplan");
	assert_int_equal(c.execs[0].line, 7);
	astconf_free(&c);
}

/* Each error names the file and line where it is. */
static void
assert_error(const char *name, const char *text, const char *errfile, int line, const char *phrase)
{
	const char *path = tmp_put(name, text);
	struct astconf c;
	struct diag d = { 0 };
	char want[256];

	assert_int_equal(astconf_load(path, &c, &d), -1);
	snprintf(want, sizeof(want), "%s/%s", tmp_dir, errfile != NULL ? errfile : name);
	assert_string_equal(d.file, want);
	if (d.line != line)
		fail_msg("%s: error at line %d, expected %d (%s)", name, d.line, line, d.message);
	if (strstr(d.message, phrase) == NULL)
		fail_msg("%s: '%s' does not say '%s'", name, d.message, phrase);
}

static void
test_errors(void **state)
{
	(void)state;
	assert_error("e1.conf", "; top\nmaxcalls = 1\n", NULL, 2, "before any [category]");
	assert_error("e2.conf", "[a]\nthis is not a setting\n", NULL, 2, "not a category");
	assert_error("e3.conf", "[a\nx = 1\n", NULL, 1, "no closing ']'");
	assert_error("e4.conf", "[a](nosuch)\n", NULL, 1, "'nosuch', which is not defined");
	assert_error("e5.conf", "[a](+)\nx = 1\n", NULL, 1, "does not exist yet");
	assert_error("e6.conf", "[a]\n#include nothere.conf\n", NULL, 2, "no such file");
	assert_error("e7.conf", "[a]\n#frobnicate x\n", NULL, 2, "unknown directive");
	tmp_put("loop-b.conf", "[b]\n#include loop-a.conf\n");
	assert_error("loop-a.conf", "[a]\n#include loop-b.conf\n", "loop-b.conf", 2, "include loop");
	{
		char path[128];
		FILE *f;
		struct astconf c;
		struct diag d = { 0 };

		snprintf(path, sizeof(path), "%s/e8.conf", tmp_dir);
		f = fopen(path, "w");
		assert_non_null(f);
		fwrite("[a]\nx = 1\0\n", 1, 11, f);
		fclose(f);
		assert_int_equal(astconf_load(path, &c, &d), -1);
		assert_int_equal(d.line, 2);
		assert_non_null(strstr(d.message, "NUL byte"));
	}
	{
		char sub[128];

		snprintf(sub, sizeof(sub), "%s/a-folder", tmp_dir);
		mkdir(sub, 0700);
		assert_error("e9.conf", "[a]\n#include a-folder\n", NULL, 2, "is a directory");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_categories_variables_and_comments),
		cmocka_unit_test(test_templates_and_appends),
		cmocka_unit_test(test_includes),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, tmp_setup, tmp_teardown);
}
