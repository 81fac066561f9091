/* mod_cdr_csv templates: their shape, the split that reads unescaped quotes, cdr_csv.conf.xml. */
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

#include "adapters/freeswitch_tpl.h"

static void
tpl(const char *text, struct fs_template *t)
{
	const char *why = NULL;

	assert_int_equal(fs_template_parse("t", 1, text, strlen(text), t, &why), 0);
}

static void
shapes(void **state)
{
	struct fs_template t;
	const char *why = NULL;

	(void)state;
	tpl(fs_tpl_builtin_default, &t);
	assert_int_equal(t.nvars, 13);
	assert_true(t.csv_shaped); /* the space before the last field is outside quotes */
	assert_string_equal(t.lits[12], "\", \"");
	assert_int_equal(fs_template_var(&t, "accountcode"), 12);
	assert_int_equal(fs_template_var(&t, "nope"), -1);
	fs_template_free(&t);
	tpl(fs_tpl_vanilla_example, &t);
	assert_int_equal(t.nvars, 15);
	assert_true(t.csv_shaped);
	fs_template_free(&t);
	/* unquoted, and mixed */
	tpl("${a},${b}, ${c}", &t);
	assert_true(t.csv_shaped);
	fs_template_free(&t);
	tpl("\"${a}\",${b}", &t);
	assert_true(t.csv_shaped);
	fs_template_free(&t);
	/* a quote opened and not closed, text inside a field, SQL */
	tpl("\"${a},\"${b}\"", &t);
	assert_false(t.csv_shaped);
	fs_template_free(&t);
	tpl("\"x${a}\",\"${b}\"", &t);
	assert_false(t.csv_shaped);
	fs_template_free(&t);
	tpl("INSERT INTO cdr VALUES (\"${a}\",\"${b}\");", &t);
	assert_false(t.csv_shaped);
	assert_int_equal(t.nvars, 2);
	fs_template_free(&t);
	/* nested braces are one variable; surrounding white space is dropped */
	tpl("\n  \"${uuid}\",\"${regex('${original_caller_id_name}'|^.)}\"\n", &t);
	assert_int_equal(t.nvars, 2);
	assert_string_equal(t.vars[1], "regex('${original_caller_id_name}'|^.)");
	assert_true(t.csv_shaped);
	fs_template_free(&t);
	assert_int_equal(fs_template_parse("t", 1, "\"${a}\",\"${b\"", 11, &t, &why), -1);
	assert_non_null(strstr(why, "closing }"));
	fs_template_free(&t);
	assert_int_equal(fs_template_parse("t", 1, "no variables", 12, &t, &why), -1);
	fs_template_free(&t);
}

static int
split(const struct fs_template *t, const char *line, struct text *f)
{
	struct text l = { line, strlen(line) };

	return fs_template_split(t, l, f);
}

static bool
is(struct text t, const char *s)
{
	return t.n == strlen(s) && memcmp(t.p, s, t.n) == 0;
}

static void
quote_recovery(void **state)
{
	struct fs_template t;
	struct text f[FS_TPL_MAX_VARS];

	(void)state;
	tpl("\"${caller_id_name}\",\"${caller_id_number}\",\"${destination_number}\", \"${accountcode}\"",
	    &t);
	assert_int_equal(split(&t, "\"Bob \"the\" Smith\",\"1001\",\"13900001111\", \"acct\"", f), 0);
	assert_true(is(f[0], "Bob \"the\" Smith"));
	assert_true(is(f[1], "1001"));
	assert_true(is(f[2], "13900001111"));
	assert_true(is(f[3], "acct"));
	/* a quote at the end of a value: first and last match agree */
	assert_int_equal(split(&t, "\"Bob \"\",\"1001\",\"13900001111\", \"acct\"", f), 0);
	assert_true(is(f[0], "Bob \""));
	/* empty values */
	assert_int_equal(split(&t, "\"\",\"\",\"\", \"\"", f), 0);
	assert_true(is(f[3], ""));
	/* a value holding the separator: two splits possible, none taken */
	assert_int_equal(split(&t, "\"Bob \"x\",\"y\",\"1001\",\"13900001111\", \"acct\"", f), -1);
	/* one field short, a missing prefix or suffix */
	assert_int_equal(split(&t, "\"Bob\",\"1001\", \"acct\"", f), -1);
	assert_int_equal(split(&t, "Bob\",\"1001\",\"1390\", \"acct\"", f), -1);
	assert_int_equal(split(&t, "\"Bob\",\"1001\",\"1390\", \"acct", f), -1);
	assert_int_equal(split(&t, "\"", f), -1);
	fs_template_free(&t);
	/* unquoted separators: a comma inside a value cannot be placed */
	tpl("${a},${b},${c}", &t);
	assert_int_equal(split(&t, "x\"y,2,3", f), 0);
	assert_true(is(f[0], "x\"y"));
	assert_int_equal(split(&t, "x,y,2,3", f), -1);
	fs_template_free(&t);
	/* adjacent variables can never be told apart */
	tpl("\"${a}${b}\"", &t);
	assert_int_equal(split(&t, "\"xy\"", f), -1);
	fs_template_free(&t);
}


static void
conf_and_locate(void **state)
{
	struct fs_cdr_conf c;
	struct diag d;
	char sub[256], buf[1024];
	const char *conf;

	(void)state;
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/dialaudit-fstpl-XXXXXX");
	assert_non_null(mkdtemp(tmp_dir));
	snprintf(sub, sizeof(sub), "%s/conf", tmp_dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/conf/autoload_configs", tmp_dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/log", tmp_dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/log/cdr-csv", tmp_dir);
	mkdir(sub, 0700);
	conf = tmp_put("conf/autoload_configs/cdr_csv.conf.xml",
	    "<configuration name=\"cdr_csv.conf\">\n"
	    "  <settings>\n"
	    "    <param name=\"default-template\" value=\"b\"/>\n"
	    "    <param name=\"legs\" value=\"ab\"/>\n"
	    "  </settings>\n"
	    "  <templates>\n"
	    "    <template name=\"a\">\"${uuid}\"</template>\n"
	    "    <template name=\"b\">\"${destination_number}\",\"${start_stamp}\"</template>\n"
	    "    <template name=\"a\">\"${uuid}\",\"${accountcode}\"</template>\n"
	    "  </templates>\n"
	    "</configuration>\n");
	assert_int_equal(fs_cdr_conf_load(conf, &c, &d), 0);
	assert_string_equal(c.default_template, "b");
	assert_int_equal(c.default_line, 3);
	assert_string_equal(c.legs, "ab");
	assert_int_equal(fs_cdr_conf_find(&c, "b")->line, 8);
	assert_int_equal(fs_cdr_conf_find(&c, "a")->line, 9); /* the last of a name */
	assert_null(fs_cdr_conf_find(&c, "c"));
	fs_cdr_conf_free(&c);
	/* found from the log's folder, named without "../" */
	snprintf(sub, sizeof(sub), "%s/log/cdr-csv/Master.csv", tmp_dir);
	assert_non_null(fs_cdr_conf_locate(sub, buf, sizeof(buf)));
	assert_string_equal(buf, conf);
	snprintf(sub, sizeof(sub), "%s/elsewhere/Master.csv", tmp_dir);
	assert_null(fs_cdr_conf_locate(sub, buf, sizeof(buf)));
	/* errors at their line */
	conf = tmp_put("conf/autoload_configs/cdr_csv.conf.xml",
	    "<configuration name=\"cdr_csv.conf\">\n<templates>\n<template>x</template>\n"
	    "</templates>\n</configuration>\n");
	assert_int_equal(fs_cdr_conf_load(conf, &c, &d), -1);
	assert_int_equal(d.line, 3);
	conf = tmp_put("conf/autoload_configs/cdr_csv.conf.xml",
	    "<configuration name=\"cdr_csv.conf\">\n<templates>\n\n<template name=\"x\">\"${a\"</template>\n"
	    "</templates>\n</configuration>\n");
	assert_int_equal(fs_cdr_conf_load(conf, &c, &d), -1);
	assert_int_equal(d.line, 4);
	assert_non_null(strstr(d.message, "template \"x\""));
	conf = tmp_put("conf/autoload_configs/cdr_csv.conf.xml",
	    "<configuration name=\"cdr_csv.conf\">\n<settings>\n<param name=\"legs\" value=\"c\"/>\n"
	    "</settings>\n</configuration>\n");
	assert_int_equal(fs_cdr_conf_load(conf, &c, &d), -1);
	assert_int_equal(d.line, 3);
	conf = tmp_put("conf/autoload_configs/cdr_csv.conf.xml", "<configuration name=\"switch.conf\"/>\n");
	assert_int_equal(fs_cdr_conf_load(conf, &c, &d), -1);
	unlink(conf);
	snprintf(sub, sizeof(sub), "rm -rf '%s'", tmp_dir);
	assert_int_equal(system(sub), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shapes),
		cmocka_unit_test(quote_recovery),
		cmocka_unit_test(conf_and_locate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
