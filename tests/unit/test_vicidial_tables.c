/* VICIdial's call times and statuses: the built-in defaults, schedules and classification. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapters/vicidial_tables.h"
#include "util/arena.h"
#include "util/phone.h"

static void
test_builtin_rows(void **state)
{
	struct vd_tables t;
	size_t ct = 0, sct = 0;

	(void)state;
	vd_tables_init(&t);
	for (size_t i = 0; i < t.nct; i++) {
		ct += !t.ct[i].state;
		sct += t.ct[i].state;
		assert_null(t.ct[i].path);
	}
	/* MySQL_AST_CREATE_tables.sql: 6 call times, 21 state call times, 50 statuses */
	assert_int_equal(ct, 6);
	assert_int_equal(sct, 21);
	assert_int_equal(t.nst, 50);
	vd_tables_free(&t);
}

static void
test_builtin_values(void **state)
{
	struct vd_tables t;
	const struct vd_call_time *c;
	const struct vd_status *s;

	(void)state;
	vd_tables_init(&t);
	c = vd_call_time_find(&t, "9am-9pm", false);
	assert_non_null(c);
	assert_int_equal(c->start[0], 900);
	assert_int_equal(c->stop[0], 2100);
	assert_int_equal(c->start[1], 0); /* Sunday: the column's default, 0 = use the default */
	c = vd_call_time_find(&t, "rhodeislan", true);
	assert_non_null(c);
	assert_string_equal(c->st, "RI");
	assert_int_equal(c->start[1], 2400); /* no Sunday */
	assert_int_equal(c->start[7], 1000);
	assert_int_equal(c->stop[7], 1700);
	assert_int_equal(c->stop[0], 1800);
	s = vd_status_find(&t, NULL, 0, "DNC", 3);
	assert_non_null(s);
	assert_true(s->dnc && s->human && s->completed);
	s = vd_status_find(&t, "X", 1, "ADAIR", 5); /* the INSERT with two columns */
	assert_non_null(s);
	assert_false(s->human);
	assert_null(vd_status_find(&t, NULL, 0, "NOPE", 4));
	vd_tables_free(&t);
}

static void
sched_text(const struct vd_tables *t, const char *id, char *buf, size_t size)
{
	struct arena *a = arena_new();
	struct schedule s;
	struct diag d;

	assert_int_equal(vd_call_time_schedule(t, vd_call_time_find(t, id, false), a, &s, &d), 0);
	schedule_format(&s, buf, size);
	arena_free(a);
}

static int
add(void *ctx, const struct vx_row *row, struct diag *d)
{
	return vd_tables_row(ctx, row, d) < 0 ? -1 : 0;
}

static int
load(struct vd_tables *t, const char *text, const char *table, struct diag *d)
{
	return vx_read_mem("x.csv", text, strlen(text), table, add, t, d);
}

static void
test_schedules(void **state)
{
	struct vd_tables t;
	struct diag d;
	char buf[256];

	(void)state;
	vd_tables_init(&t);
	sched_text(&t, "9am-9pm", buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Sun 09:00–21:00");
	sched_text(&t, "24hours", buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Sun 00:00–24:00");
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop,ct_sunday_start,"
	    "ct_sunday_stop,ct_saturday_start,ct_saturday_stop,ct_state_call_times\n"
	    "site,830,2030,2400,2400,1000,1700,\n"
	    "night,2200,600,0,0,0,0,\n"
	    "fl,900,2100,0,0,0,0,|florida|\n", "vicidial_call_times", &d), 0);
	sched_text(&t, "site", buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Fri 08:30–20:30; Sat 10:00–17:00; Sun none");
	sched_text(&t, "night", buf, sizeof(buf));
	assert_non_null(strstr(buf, "22:00"));
	/* joined with Florida's 08:00-20:00 */
	sched_text(&t, "fl", buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Sun 08:00–21:00");
	/* the site's row replaces the default of the same id */
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop\n"
	    "9am-9pm,800,2000\n", "vicidial_call_times", &d), 0);
	sched_text(&t, "9am-9pm", buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Sun 08:00–20:00");
	vd_tables_free(&t);
}

static void
test_bad_rows(void **state)
{
	struct vd_tables t;
	struct diag d;
	struct arena *a = arena_new();
	struct schedule s;

	(void)state;
	vd_tables_init(&t);
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop\nx,960,2100\n",
	    "vicidial_call_times", &d), -1);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.message, "ct_default_start"));
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop\nx,900,2500\n",
	    "vicidial_call_times", &d), -1);
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop\nx,9am,2100\n",
	    "vicidial_call_times", &d), -1);
	assert_int_equal(load(&t, "status,human_answered\nTOOLONGX,Y\n", "vicidial_statuses", &d), -1);
	assert_int_equal(load(&t, "call_time_id,ct_default_start,ct_default_stop,ct_state_call_times\n"
	    "y,900,2100,|nowhere|\n", "vicidial_call_times", &d), 0);
	assert_int_equal(vd_call_time_schedule(&t, vd_call_time_find(&t, "y", false), a, &s, &d), -1);
	assert_non_null(strstr(d.message, "nowhere"));
	arena_free(a);
	vd_tables_free(&t);
}

static enum vd_class
class_of(const struct vd_tables *t, const char *camp, const char *code)
{
	const struct vd_status *s = vd_status_find(t, camp, camp ? strlen(camp) : 0, code,
	    strlen(code));

	return vd_classify(s, code, strlen(code));
}

static void
test_classify(void **state)
{
	struct vd_tables t;
	struct diag d;

	(void)state;
	vd_tables_init(&t);
	/* VICIdial's own codes */
	assert_int_equal(class_of(&t, NULL, "DROP"), VD_DROP);
	assert_int_equal(class_of(&t, NULL, "PDROP"), VD_DROP);
	assert_int_equal(class_of(&t, NULL, "AA"), VD_MACHINE); /* no answering_machine flag */
	assert_int_equal(class_of(&t, NULL, "AL"), VD_MACHINE);
	assert_int_equal(class_of(&t, NULL, "NA"), VD_NO_ANSWER);
	assert_int_equal(class_of(&t, NULL, "AB"), VD_BUSY);
	assert_int_equal(class_of(&t, NULL, "ADC"), VD_FAILED);
	assert_int_equal(class_of(&t, NULL, "DNCL"), VD_NOT_CALLED);
	/* the default agent codes, by their flags */
	assert_int_equal(class_of(&t, NULL, "DNC"), VD_REFUSED);
	assert_int_equal(class_of(&t, NULL, "NI"), VD_REFUSED);
	assert_int_equal(class_of(&t, NULL, "SALE"), VD_ANSWERED);
	assert_int_equal(class_of(&t, NULL, "CALLBK"), VD_ANSWERED);
	assert_int_equal(class_of(&t, NULL, "XFER"), VD_ANSWERED);
	assert_int_equal(class_of(&t, NULL, "PU"), VD_UNKNOWN);
	assert_int_equal(class_of(&t, NULL, "WHAT"), VD_UNKNOWN);
	/* a site's codes, the campaign's own first */
	assert_int_equal(load(&t, "status,campaign_id,human_answered,dnc,not_interested,"
	    "answering_machine,unworkable\n"
	    "NOPE,C1,Y,Y,N,N,N\nVMX,C1,N,N,N,Y,N\nBADNUM,C1,N,N,N,N,Y\nSALE,C2,N,N,N,Y,N\n",
	    "vicidial_campaign_statuses", &d), 0);
	assert_int_equal(class_of(&t, "C1", "NOPE"), VD_REFUSED);
	assert_int_equal(class_of(&t, "C1", "VMX"), VD_MACHINE);
	assert_int_equal(class_of(&t, "C1", "BADNUM"), VD_FAILED);
	assert_int_equal(class_of(&t, "C2", "SALE"), VD_MACHINE);
	assert_int_equal(class_of(&t, "C1", "SALE"), VD_ANSWERED);
	assert_int_equal(class_of(&t, "C3", "NOPE"), VD_UNKNOWN);
	vd_tables_free(&t);
}

static void
test_text_table(void **state)
{
	(void)state;
	assert_string_equal(vd_text_table("campaign_id,dial_method\n", 24), "vicidial_campaigns");
	assert_string_equal(vd_text_table("\"call_time_id\",\"ct_default_start\"\n", 35),
	    "vicidial_call_times");
	assert_string_equal(vd_text_table("status\thuman_answered\tcampaign_id\r\n", 35),
	    "vicidial_campaign_statuses");
	assert_string_equal(vd_text_table("call_date\tphone_number_dialed\tstatus\r\n", 37),
	    "vicidial_log");
	assert_string_equal(vd_text_table("campaign_id,campaign_cid\n", 25), "vicidial_campaigns");
	assert_null(vd_text_table("campaign_id,campaign_name\n", 26));
	assert_null(vd_text_table("statuses,human\n", 15));
	assert_null(vd_text_table("call_date,status\n", 17));
}

static void
test_all_zero_number(void **state)
{
	static const struct numbering us = { "1", "1", "011", 10 };
	static const struct numbering au = { "61", "0", "0011", 9 };
	char out[PHONE_MAX];

	(void)state;
	assert_int_equal(phone_normalise("0000000000", 10, &us, out), PHONE_MALFORMED);
	assert_int_equal(phone_normalise("0000000", 7, &us, out), PHONE_MALFORMED);
	/* short codes are numbers: 000 is Australia's emergency number */
	assert_int_equal(phone_normalise("000", 3, &au, out), PHONE_OK);
	assert_int_equal(phone_normalise("000000", 6, &us, out), PHONE_OK);
	assert_int_equal(phone_normalise("3125550100", 10, &us, out), PHONE_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_rows),
		cmocka_unit_test(test_builtin_values),
		cmocka_unit_test(test_schedules),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_text_table),
		cmocka_unit_test(test_all_zero_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
