/* asterisk-callfile: Asterisk outgoing call files into the campaign model and the call log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "tmpdir.h"

#include "adapters/adapter.h"
#include "model.h"
#include "util/phone.h"

static const struct numbering us = { "1", "1", "011", 10 };

/* 2026-03-02 15:00:00 UTC */
#define T0 INT64_C(1772463600)

static const char *
put(const char *name, const char *text, int64_t mtime)
{
	struct utimbuf t = { (time_t)mtime, (time_t)mtime };
	const char *p = tmp_put(name, text);

	assert_int_equal(utime(p, &t), 0);
	return p;
}

static const struct adapter *
callfile(void)
{
	const struct adapter *a = adapter_find("asterisk-callfile");

	assert_non_null(a);
	assert_int_equal(a->kind, KIND_CAMPAIGN);
	return a;
}

static void
new_model(struct model *m)
{
	model_init(m);
	m->log_opts.numbering = &us;
}

static void
parse_ok(struct model *m, const char *path)
{
	struct diag d = { 0 };

	if (callfile()->parse(path, m, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
}

static const struct call *
call_at(const struct model *m, size_t k)
{
	size_t seen = 0;

	for (size_t i = 0; i < m->log.nruns; i++) {
		if (k < seen + m->log.runs[i].n)
			return &m->log.runs[i].v[k - seen];
		seen += m->log.runs[i].n;
	}
	fail_msg("no call %zu", k);
	return NULL;
}

static void
test_sniff(void **state)
{
	static const char text[] = "# a wake-up call\nChannel: SIP/trunk/3055551212\nContext: x\n";
	static const char cdr[] = "\"\",\"100\",\"200\",\"from\",\"\",\"SIP/1\",\"\",\"Dial\",\"\","
	    "\"2026-01-01 10:00:00\",,\"2026-01-01 10:00:01\",1,0,\"NO ANSWER\",\"DOCUMENTATION\"\n";
	const struct adapter *a = callfile();

	(void)state;
	assert_int_equal(a->sniff("x.call", text, strlen(text), NULL), 95);
	assert_int_equal(a->sniff("x.txt", text, strlen(text), NULL), 70);
	/* a .call file without a Channel is read, so its error is shown */
	assert_int_equal(a->sniff("x.call", "garbage\n", 8, NULL), 30);
	assert_int_equal(a->sniff("x.txt", "garbage\n", 8, NULL), 0);
	/* Channel alone is not enough in a file of another name */
	assert_int_equal(a->sniff("x.txt", "Channel: x/y\n", 13, NULL), 0);
	assert_int_equal(a->sniff("Master.csv", cdr, strlen(cdr), NULL), 0);
	/* manager events carry Channel: and Context: too */
	assert_int_equal(a->sniff("ami.log", "Event: Newchannel\nChannel: SIP/a-1\nContext: x\n", 46,
	    NULL), 0);
}

static void
test_settings_and_defaults(void **state)
{
	struct model m;
	const struct campaign *c;
	const char *p = put("one.call",
	    "# comment\n"
	    "channel: PJSIP/3055551212@trunk\n"
	    "CallerID: \"Sales\" <(305) 555-0100>   # presented\n"
	    "MaxRetries: 2\n"
	    "RetryTime: 600 ; ten minutes\n"
	    "Account: spring\\;;1 ; the campaign\n"
	    "Application: Playback\n"
	    "Data: hello\n", T0);

	(void)state;
	new_model(&m);
	parse_ok(&m, p);
	assert_int_equal(m.campaigns.n, 1);
	c = &m.campaigns.v[0];
	assert_string_equal(c->name, "spring;;1");
	assert_int_equal(c->line[CS_CAMPAIGN], 6);
	assert_int_equal(c->max_attempts, 3);
	assert_int_equal(c->line[CS_MAX_ATTEMPTS], 4);
	assert_int_equal(c->attempts_window, 0);
	assert_int_equal(c->retry_interval, 600);
	assert_int_equal(c->retry_after_no_answer, 600);
	assert_int_equal(c->line[CS_RETRY_INTERVAL], 5);
	assert_true(c->retry_after_abandon == INT64_MAX);
	/* absent WaitTime: Asterisk's 45 s, pointed at by the Channel line */
	assert_int_equal(c->ring_timeout, 45);
	assert_int_equal(c->line[CS_RING_TIMEOUT], 2);
	assert_int_equal(c->ncaller_ids, 1);
	assert_string_equal(c->caller_ids[0], "3055550100");
	assert_int_equal(c->caller_id_lines[0], 3);
	/* the planned call: at the file's time, to the Channel's number */
	assert_int_equal(m.log.nfiles, 1);
	assert_int_equal(m.log.files[0].rows, 1);
	assert_int_equal(m.log.files[0].parsed, 1);
	assert_int_equal(calllog_count(&m.log), 1);
	assert_true(call_at(&m, 0)->start == T0);
	assert_true(call_at(&m, 0)->number == UINT64_C(13055551212));
	assert_int_equal(call_at(&m, 0)->line, 2);
	assert_int_equal(call_at(&m, 0)->disposition, DISP_UNKNOWN);
	assert_string_equal(m.log.campaigns.str[call_at(&m, 0)->campaign], "spring;;1");
	assert_string_equal(m.log.callers.str[call_at(&m, 0)->caller], "13055550100");
	model_free(&m);
}

static void
test_values_below_one_and_defaults(void **state)
{
	struct model m;
	const char *p = put("low.call",
	    "Channel: SIP/trunk/3055551212\nWaitTime: 0\nRetryTime: -5\nExtension: s\n", T0);

	(void)state;
	new_model(&m);
	parse_ok(&m, p);
	assert_string_equal(m.campaigns.v[0].name, "asterisk-outgoing");
	assert_int_equal(m.campaigns.v[0].ring_timeout, 45);
	assert_int_equal(m.campaigns.v[0].line[CS_RING_TIMEOUT], 2);
	assert_int_equal(m.campaigns.v[0].retry_interval, 300);
	assert_int_equal(m.campaigns.v[0].max_attempts, 1);
	assert_int_equal(m.campaigns.v[0].ncaller_ids, 0);
	model_free(&m);
}

static void
test_worst_case_over_files(void **state)
{
	struct model m;
	const struct campaign *c;
	const char *a = put("a.call", "Channel: SIP/t/3055551001\nAccount: fl\nMaxRetries: 1\n"
	    "RetryTime: 900\nWaitTime: 30\nCallerID: 3055550100\nExtension: s\n", T0);
	const char *b = put("b.call", "Account: fl\nChannel: SIP/t/3055551002\nMaxRetries: 4\n"
	    "RetryTime: 1200\nWaitTime: 20\nCallerID: <3055550100>\nCallerID: anonymous\n"
	    "Extension: s\n", T0 + 60);

	(void)state;
	new_model(&m);
	parse_ok(&m, a);
	parse_ok(&m, b);
	assert_int_equal(m.campaigns.n, 1);
	c = &m.campaigns.v[0];
	assert_string_equal(c->path, a);
	assert_int_equal(c->max_attempts, 5);
	assert_string_equal(c->file[CS_MAX_ATTEMPTS], b);
	assert_int_equal(c->line[CS_MAX_ATTEMPTS], 3);
	assert_int_equal(c->retry_interval, 900);
	assert_string_equal(c->file[CS_RETRY_INTERVAL], a);
	assert_int_equal(c->line[CS_RETRY_INTERVAL], 4);
	assert_int_equal(c->ring_timeout, 20);
	assert_string_equal(c->file[CS_RING_TIMEOUT], b);
	assert_int_equal(c->line[CS_RING_TIMEOUT], 5);
	/* the last CallerID line wins in a file, as in Asterisk; "anonymous"
	 * as a bare name is a withheld ID */
	assert_int_equal(c->ncaller_ids, 2);
	assert_string_equal(c->caller_ids[0], "3055550100");
	assert_string_equal(c->caller_id_files[0], a);
	assert_string_equal(c->caller_ids[1], "anonymous");
	assert_string_equal(c->caller_id_files[1], b);
	assert_int_equal(c->caller_id_lines[1], 7);
	assert_int_equal(calllog_count(&m.log), 2);
	assert_int_equal(m.log.nfiles, 2);
	model_free(&m);
}

static void
test_archived_attempts(void **state)
{
	struct model m;
	/* StartRetry's time is the attempt's plus RetryTime (scan_service adds it first) */
	const char *done = put("done.call",
	    "Channel: DAHDI/g1/3055551212\nMaxRetries: 2\nRetryTime: 60\nExtension: s\n"
	    "Archive: yes\n"
	    "\nStartRetry: 4242 1 (1772463660)\n"
	    "\nEndRetry: 4242 1 (1772463690)\n"
	    "\nStartRetry: 4242 2 (1772463820)\n"
	    "Status: Completed\n", T0 + 86400);
	const char *spool = put("spool.call",
	    "Channel: DAHDI/g1/3055551212\nMaxRetries: 1\nRetryTime: 60\nExtension: s\n"
	    "\nStartRetry: 4242 1 (1772463660)\n"
	    "\nEndRetry: 4242 1 (1772463690)\n", T0 + 3600);
	const char *spent = put("spent.call",
	    "Channel: DAHDI/g1/3055551212\nMaxRetries: 0\nExtension: s\n"
	    "StartRetry: 4242 1 (1772463900)\nEndRetry: 4242 1 (1772463690)\n", T0 + 3600);

	(void)state;
	new_model(&m);
	parse_ok(&m, done);
	/* archived: the attempts made, not the file's time (its archiving) */
	assert_int_equal(m.log.files[0].rows, 2);
	assert_int_equal(calllog_count(&m.log), 2);
	assert_true(call_at(&m, 0)->start == T0);
	assert_int_equal(call_at(&m, 0)->line, 7);
	assert_true(call_at(&m, 1)->start == T0 + 160);
	assert_int_equal(call_at(&m, 1)->line, 11);
	parse_ok(&m, spool);
	/* still spooled with a retry left: the attempt made and the next one */
	assert_int_equal(m.log.files[1].rows, 2);
	assert_true(call_at(&m, 2)->start == T0);
	assert_true(call_at(&m, 3)->start == T0 + 3600);
	parse_ok(&m, spent);
	/* retries used up: Asterisk expires it without dialling again */
	assert_int_equal(m.log.files[2].rows, 1);
	assert_int_equal(calllog_count(&m.log), 5);
	model_free(&m);
}

static void
check_number(const char *channel, uint64_t want, const char *reason)
{
	struct model m;
	char text[256];
	const char *p;

	snprintf(text, sizeof(text), "Channel: %s\nExtension: s\n", channel);
	p = put("n.call", text, T0);
	new_model(&m);
	parse_ok(&m, p);
	assert_int_equal(m.log.files[0].rows, 1);
	if (reason == NULL) {
		assert_int_equal(m.log.files[0].parsed, 1);
		if (call_at(&m, 0)->number != want)
			fail_msg("%s: %llu, not %llu", channel, (unsigned long long)call_at(&m, 0)->number,
			    (unsigned long long)want);
	} else {
		assert_int_equal(m.log.files[0].rejected, 1);
		assert_int_equal(m.log.files[0].examples[0].line, 1);
		if (strstr(m.log.files[0].examples[0].reason, reason) == NULL)
			fail_msg("%s: %s", channel, m.log.files[0].examples[0].reason);
	}
	model_free(&m);
}

static void
test_channel_numbers(void **state)
{
	(void)state;
	check_number("PJSIP/13055551212@trunk", UINT64_C(13055551212), NULL);
	check_number("SIP/trunk/3055551212", UINT64_C(13055551212), NULL);
	check_number("DAHDI/g1/+13055551212", UINT64_C(13055551212), NULL);
	check_number("PJSIP/trunk/sip:13055551212@carrier:5060", UINT64_C(13055551212), NULL);
	check_number("Local/3055551212@outbound/n", UINT64_C(13055551212), NULL);
	check_number("IAX2/user:secret@host/3055551212", UINT64_C(13055551212), NULL);
	check_number("DAHDI/1", 0, "a device or a line");
	check_number("SIP/alice", 0, "a device or a line");
	check_number("Local/123@agents", 0, "an extension or a name");
	check_number("PJSIP/sales@trunk", 0, "an extension or a name");
	/* a secret in the Channel never reaches a reason */
	check_number("IAX2/user:secret@host", 0, "an extension");
	{
		struct model m;
		const char *p = put("s.call", "Channel: IAX2/user:secret@host\nExtension: s\n", T0);

		new_model(&m);
		parse_ok(&m, p);
		assert_null(strstr(m.log.files[0].examples[0].reason, "secret"));
		model_free(&m);
	}
}

static void
assert_error(const char *name, const char *text, int line, const char *fragment)
{
	struct model m;
	struct diag d = { 0 };
	const char *p = put(name, text, T0);

	new_model(&m);
	assert_int_equal(callfile()->parse(p, &m, &d), -1);
	assert_string_equal(d.file, p);
	if (d.line != line || strstr(d.message, fragment) == NULL)
		fail_msg("%s: line %d: %s", name, d.line, d.message);
	assert_null(strstr(d.message, "secret"));
	model_free(&m);
}

static void
test_errors(void **state)
{
	(void)state;
	assert_error("e1.call", "Channel: SIP/t/3055551212\nMaxRetries 2\nExtension: s\n", 2,
	    "no ':'");
	assert_error("e2.call", "# nothing\nContext: x\nExtension: s\n", 0, "no Channel");
	assert_error("e3.call", " Channel: SIP/t/3055551212\nExtension: s\n", 0, "no Channel");
	assert_error("e4.call", "Channel: SIP/t/3055551212\nContext: x\n", 0,
	    "neither Application nor Extension");
	assert_error("e5.call", "Channel: IAX2-user:secret\nExtension: s\n", 1, "Tech/destination");
	assert_error("e6.call", "Channel: SIP/t/3055551212\nWaitTime: 30s\nExtension: s\n", 2,
	    "not a whole number");
	assert_error("e7.call", "Channel: SIP/t/3055551212\nWaitTime: 99999\nExtension: s\n", 2,
	    "out of range");
	assert_error("e7b.call", "Channel: SIP/t/3055551212\nWaitTime: 3601\nExtension: s\n", 2,
	    "out of range");
	assert_error("e7c.call", "Channel: SIP/t/3055551212\nRetryTime: 2592001\nExtension: s\n", 2,
	    "out of range");
	assert_error("e7d.call", "Channel: SIP/t/3055551212\nMaxRetries: 1001\nExtension: s\n", 2,
	    "out of range");
	{
		/* the bounds themselves are settings */
		struct model m;
		const char *p = put("max.call", "Channel: SIP/t/3055551212\nWaitTime: 3600\n"
		    "RetryTime: 2592000\nMaxRetries: 1000\nExtension: s\n", T0);

		new_model(&m);
		parse_ok(&m, p);
		assert_int_equal(m.campaigns.v[0].ring_timeout, 3600);
		assert_int_equal(m.campaigns.v[0].retry_interval, 2592000);
		assert_int_equal(m.campaigns.v[0].max_attempts, 1001);
		model_free(&m);
	}
	assert_error("e8.call", "Channel: SIP/t/3055551212\nMaxRetries: -1\nExtension: s\n", 2,
	    "out of range");
	assert_error("e9.call", "Channel: SIP/t/3055551212\nMaxRetries: 99999999999\nExtension: s\n",
	    2, "out of range");
	assert_error("e10.call", "Channel: SIP/t/3055551212\nExtension: s\nStartRetry: 1 1 1772463660\n",
	    3, "StartRetry");
	assert_error("e11.call", "Channel: SIP/t/3055551212\nExtension: s\nEndRetry: 1 1 (9999999999)\n",
	    3, "EndRetry");
	{
		/* bounded: a long line and too many lines */
		char *big = malloc(20000 * 3 + 64);
		size_t n = 0;

		n += (size_t)sprintf(big, "Channel: SIP/t/3055551212\nExtension: s\n");
		for (int i = 0; i < 20000; i++)
			n += (size_t)sprintf(big + n, "x:\n");
		assert_error("e12.call", big, 10001, "more than 10000 lines");
		memset(big, 'a', 2000);
		memcpy(big, "Data: ", 6);
		big[2000] = '\0';
		assert_error("e13.call", big, 1, "longer than 1024");
		free(big);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_settings_and_defaults),
		cmocka_unit_test(test_values_below_one_and_defaults),
		cmocka_unit_test(test_worst_case_over_files),
		cmocka_unit_test(test_archived_attempts),
		cmocka_unit_test(test_channel_numbers),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, tmp_setup, tmp_teardown);
}
