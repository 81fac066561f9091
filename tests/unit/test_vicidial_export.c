/* VICIdial table exports: CSV, tab text and mysqldump read as rows of named columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapters/vicidial_export.h"

/* Every row, flattened: "table@line:col=value|col=NULL|…" or "table@line:BAD reason". */
struct got {
	char text[8192];
	size_t used;
	int rows;
};

static int
collect(void *ctx, const struct vx_row *row, struct diag *d)
{
	struct got *g = ctx;

	(void)d;
	g->rows++;
	g->used += (size_t)snprintf(g->text + g->used, sizeof(g->text) - g->used, "%s@%d:",
	    row->table, row->line);
	if (row->bad != NULL)
		g->used += (size_t)snprintf(g->text + g->used, sizeof(g->text) - g->used, "BAD %s;",
		    row->bad);
	for (size_t i = 0; i < row->n; i++) {
		char v[256];
		size_t k = 0;

		for (size_t j = 0; j < row->v[i].n && k + 3 < sizeof(v); j++) {
			unsigned char c = (unsigned char)row->v[i].p[j];

			if (c == '\n') { v[k++] = '\\'; v[k++] = 'n'; }
			else if (c == '\0') { v[k++] = '\\'; v[k++] = '0'; }
			else v[k++] = (char)c;
		}
		v[k] = '\0';
		g->used += (size_t)snprintf(g->text + g->used, sizeof(g->text) - g->used, "%s=%s%s",
		    row->cols[i], row->v[i].null ? "NULL" : v, i + 1 < row->n ? "|" : ";");
	}
	return 0;
}

static int
read_text(const char *text, const char *table, struct got *g, struct diag *d)
{
	memset(g, 0, sizeof(*g));
	return vx_read_mem("t.sql", text, strlen(text), table, collect, g, d);
}

static void
test_detect(void **state)
{
	(void)state;
	assert_int_equal(vx_detect("-- MySQL dump 10.13\n", 20), VX_SQL);
	assert_int_equal(vx_detect("/*!40101 SET */;\n", 17), VX_SQL);
	assert_int_equal(vx_detect("\xEF\xBB\xBFINSERT INTO x VALUES (1);", 28), VX_SQL);
	assert_int_equal(vx_detect("a\tb\r\n1\t2\r\n", 10), VX_TAB);
	assert_int_equal(vx_detect("a,b\n1,2\n", 8), VX_CSV);
	assert_int_equal(vx_detect("a;b;\"c,d,e\"\n", 12), VX_SCSV);
	assert_int_equal(vx_detect("a,b;c\n", 6), VX_CSV);
	/* a word that merely starts like SQL is not SQL */
	assert_int_equal(vx_detect("settings,b\n", 11), VX_CSV);
}

static void
test_escapes(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("INSERT INTO `t` (`a`,`b`,`c`) VALUES "
	    "('it\\'s','say \\\"hi\\\"','back\\\\slash'),"
	    "('two''quotes','line\\none','nul\\0end'),"
	    "(NULL,'NULL',-1.5),"
	    "('a,b)c;d','',NOW());\n", NULL, &g, &d), 0);
	assert_int_equal(g.rows, 4);
	assert_string_equal(g.text,
	    "t@1:a=it's|b=say \"hi\"|c=back\\slash;"
	    "t@1:a=two'quotes|b=line\\none|c=nul\\0end;"
	    "t@1:a=NULL|b=NULL|c=-1.5;"
	    "t@1:a=a,b)c;d|b=|c=NOW();");
	/* the string 'NULL' is a string, the bare word is NULL */
	assert_non_null(strstr(g.text, "a=NULL|b=NULL"));
}

static void
test_null_is_flagged(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("INSERT INTO t (a,b) VALUES (NULL,'NULL');", NULL, &g, &d), 0);
	/* rendered alike above; the flag tells them apart */
	assert_string_equal(g.text, "t@1:a=NULL|b=NULL;");
}

static int
null_flags(void *ctx, const struct vx_row *row, struct diag *d)
{
	int *out = ctx;

	(void)d;
	out[0] = row->v[0].null;
	out[1] = row->v[1].null;
	return 0;
}

static void
test_null_flags(void **state)
{
	const char *s = "INSERT INTO t (a,b) VALUES (NULL,'NULL');";
	int f[2] = { -1, -1 };
	struct diag d;

	(void)state;
	assert_int_equal(vx_read_mem("t", s, strlen(s), NULL, null_flags, f, &d), 0);
	assert_int_equal(f[0], 1);
	assert_int_equal(f[1], 0);
}

static void
test_mysqldump(void **state)
{
	struct got g;
	struct diag d;
	const char *dump =
	    "-- MySQL dump 10.19  Distrib 10.5.23-MariaDB\n"
	    "/*!40103 SET TIME_ZONE='+00:00' */;\n"
	    "DROP TABLE IF EXISTS `vicidial_call_times`;\n"
	    "CREATE TABLE `vicidial_call_times` (\n"
	    "  `call_time_id` varchar(10) NOT NULL,\n"
	    "  `ct_default_start` smallint(4) unsigned NOT NULL DEFAULT 900,\n"
	    "  `note` enum('a,b','c') DEFAULT 'x)y',\n"
	    "  PRIMARY KEY (`call_time_id`),\n"
	    "  KEY `k` (`note`)\n"
	    ") ENGINE=MyISAM DEFAULT CHARSET=utf8;\n"
	    "LOCK TABLES `vicidial_call_times` WRITE;\n"
	    "/*!40000 ALTER TABLE `vicidial_call_times` DISABLE KEYS */;\n"
	    "INSERT INTO `vicidial_call_times` VALUES ('24hours',0,'a,b'),\n"
	    "('9am-9pm',900,'c');\n"
	    "UNLOCK TABLES;\n";

	(void)state;
	assert_int_equal(read_text(dump, NULL, &g, &d), 0);
	assert_string_equal(g.text,
	    "vicidial_call_times@13:call_time_id=24hours|ct_default_start=0|note=a,b;"
	    "vicidial_call_times@14:call_time_id=9am-9pm|ct_default_start=900|note=c;");
}

static void
test_builtin_order_and_count(void **state)
{
	struct got g;
	struct diag d;
	size_t n;
	const char *const *cols = vx_schema_columns("vicidial_drop_log", &n);

	(void)state;
	assert_non_null(cols);
	assert_int_equal(n, 9);
	assert_string_equal(cols[0], "uniqueid");
	assert_string_equal(cols[8], "drop_processed");
	/* no CREATE TABLE in the dump: the built-in order */
	assert_int_equal(read_text("INSERT INTO vicidial_drop_log VALUES "
	    "('1.2','10.0.0.1','2024-01-02 10:00:00',7,'1','3125551212','CAMP','DROP','N');",
	    NULL, &g, &d), 0);
	assert_string_equal(g.text, "vicidial_drop_log@1:uniqueid=1.2|server_ip=10.0.0.1|"
	    "drop_date=2024-01-02 10:00:00|lead_id=7|phone_code=1|phone_number=3125551212|"
	    "campaign_id=CAMP|status=DROP|drop_processed=N;");
	/* a count that differs is a bad row, not a guess */
	assert_int_equal(read_text("INSERT INTO vicidial_drop_log VALUES ('1.2','x');", NULL, &g,
	    &d), 0);
	assert_string_equal(g.text, "vicidial_drop_log@1:BAD 2 values where vicidial_drop_log has 9 "
	    "columns;");
	/* an unknown table without a column list */
	assert_int_equal(read_text("INSERT INTO other VALUES (1);", NULL, &g, &d), 0);
	assert_string_equal(g.text, "other@1:BAD no column order known for table other;");
	/* LIKE copies the columns */
	assert_int_equal(read_text("CREATE TABLE vicidial_drop_log_archive LIKE vicidial_drop_log;\n"
	    "INSERT INTO vicidial_drop_log_archive VALUES ('1','2','3',4,'5','6','7','8','9');", NULL,
	    &g, &d), 0);
	assert_non_null(strstr(g.text, "vicidial_drop_log_archive@2:uniqueid=1|"));
}

static void
test_insert_set(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("INSERT INTO vicidial_call_times SET call_time_id='24hours',"
	    "ct_default_start='0';\nUPDATE system_settings SET db_schema_version='1728';\n", NULL,
	    &g, &d), 0);
	assert_string_equal(g.text, "vicidial_call_times@1:call_time_id=24hours|ct_default_start=0;");
}

static void
test_truncated(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x'),\n('y", NULL, &g, &d), -1);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.message, "truncated"));
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x'),\n(", NULL, &g, &d), -1);
	assert_non_null(strstr(d.message, "truncated"));
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x')", NULL, &g, &d), -1);
	assert_non_null(strstr(d.message, "truncated"));
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x\\", NULL, &g, &d), -1);
	assert_int_equal(read_text("CREATE TABLE t (\n a int,\n b", NULL, &g, &d), -1);
	assert_non_null(strstr(d.message, "CREATE TABLE"));
	assert_int_equal(read_text("/* open comment\nINSERT", NULL, &g, &d), -1);
	assert_int_equal(d.line, 1);
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x') junk;", NULL, &g, &d), 0);
}

static void
test_syntax_errors(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("INSERT INTO t (a) SELECT 1;", NULL, &g, &d), -1);
	assert_non_null(strstr(d.message, "VALUES or SET"));
	assert_int_equal(read_text("INSERT INTO t (a) VALUES ('x' 'y');", NULL, &g, &d), -1);
	assert_int_equal(read_text("INSERT INTO t (a VALUES (1);", NULL, &g, &d), -1);
}

static void
test_csv(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("\xEF\xBB\xBF" "campaign_id, \"campaign_cid\" ,note\r\n"
	    "CAMP1,0000000000,\"a, \"\"quoted\"\"\r\nsecond line\"\r\n"
	    "\r\n"
	    "CAMP2,3125551212,\r\n"
	    "CAMP3,1\r\n", "vicidial_campaigns", &g, &d), 0);
	assert_string_equal(g.text,
	    "vicidial_campaigns@2:campaign_id=CAMP1|campaign_cid=0000000000|"
	    "note=a, \"quoted\"\r\\nsecond line;"
	    "vicidial_campaigns@5:campaign_id=CAMP2|campaign_cid=3125551212|note=;"
	    "vicidial_campaigns@6:BAD 2 values where vicidial_campaigns has 3 columns;");
	assert_int_equal(read_text("a,b\n\"open,2\n", "t", &g, &d), -1);
	assert_int_equal(d.line, 2);
	assert_int_equal(read_text("a,b\n\"x\"y,2\n", "t", &g, &d), -1);
	assert_int_equal(read_text("a,,b\n1,2,3\n", "t", &g, &d), -1);
	assert_non_null(strstr(d.message, "empty"));
}

static void
test_semicolon(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("campaign_id;campaign_name;dial_timeout\r\n"
	    "C1;\"a; b\";30\r\n", "vicidial_campaigns", &g, &d), 0);
	assert_string_equal(g.text,
	    "vicidial_campaigns@2:campaign_id=C1|campaign_name=a; b|dial_timeout=30;");
}

static void
test_tab(void **state)
{
	struct got g;
	struct diag d;

	(void)state;
	assert_int_equal(read_text("call_date\tstatus\tcomments\r\n"
	    "2024-01-02 10:00:00\tDROP\t\\N\r\n"
	    "2024-01-02 10:01:00\tSALE\tsaid \"yes\" -- ok\r\n", "vicidial_log", &g, &d), 0);
	assert_string_equal(g.text,
	    "vicidial_log@2:call_date=2024-01-02 10:00:00|status=DROP|comments=NULL;"
	    "vicidial_log@3:call_date=2024-01-02 10:01:00|status=SALE|comments=said \"yes\" -- ok;");
}

static void
test_caps(void **state)
{
	size_t n = VX_MAX_VALUE + 64;
	char *big = malloc(n + 64);
	struct got g;
	struct diag d;

	(void)state;
	strcpy(big, "INSERT INTO t (a) VALUES ('");
	memset(big + strlen(big), 'x', n);
	strcpy(big + 27 + n, "');");
	assert_int_equal(vx_read_mem("t", big, strlen(big), NULL, collect, &g, &d), -1);
	assert_non_null(strstr(d.message, "1 MiB"));
	free(big);
}

static int
stop_first(void *ctx, const struct vx_row *row, struct diag *d)
{
	(void)row;
	(void)d;
	++*(int *)ctx;
	return 1;
}

static void
test_stop(void **state)
{
	const char *s = "INSERT INTO t (a) VALUES (1),(2);INSERT INTO t (a) VALUES (3);";
	int n = 0;
	struct diag d;

	(void)state;
	assert_int_equal(vx_read_mem("t", s, strlen(s), NULL, stop_first, &n, &d), 0);
	assert_int_equal(n, 1);
}

/* The real schema file: every statement read, its default rows counted. */
struct counts {
	int call_times, state_call_times, statuses, other;
};

static int
count(void *ctx, const struct vx_row *row, struct diag *d)
{
	struct counts *c = ctx;

	(void)d;
	assert_null(row->bad);
	if (strcmp(row->table, "vicidial_call_times") == 0)
		c->call_times++;
	else if (strcmp(row->table, "vicidial_state_call_times") == 0)
		c->state_call_times++;
	else if (strcmp(row->table, "vicidial_statuses") == 0)
		c->statuses++;
	else
		c->other++;
	return 0;
}

static void
test_real_schema(void **state)
{
	struct counts c = { 0 };
	struct diag d;
	unsigned mask;
	static const char *const names[] = { "vicidial_campaigns", "vicidial_call_times",
		"vicidial_statuses", NULL };

	(void)state;
	assert_int_equal(vx_read_file(TEST_DATA_DIR
	    "/real/vicidial/MySQL_AST_CREATE_tables.sql", NULL, count, &c, &d), 0);
	assert_int_equal(c.call_times, 6);
	assert_int_equal(c.state_call_times, 21);
	assert_int_equal(c.statuses, 50);
	assert_int_equal(c.other, 0);
	assert_int_equal(vx_dump_tables(TEST_DATA_DIR
	    "/real/vicidial/MySQL_AST_CREATE_tables.sql", 1u << 20, names, &mask), 0);
	assert_int_equal(mask, 6u); /* no INSERT into vicidial_campaigns */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_null_is_flagged),
		cmocka_unit_test(test_null_flags),
		cmocka_unit_test(test_mysqldump),
		cmocka_unit_test(test_builtin_order_and_count),
		cmocka_unit_test(test_insert_set),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_tab),
		cmocka_unit_test(test_semicolon),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_real_schema),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
