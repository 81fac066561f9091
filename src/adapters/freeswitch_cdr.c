/* freeswitch-cdr: FreeSWITCH mod_cdr_csv logs, laid out by the site's template. */
#include <ctype.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adapters/adapter.h"
#include "adapters/freeswitch_tpl.h"
#include "adapters/sniff.h"
#include "logscan.h"
#include "util/arena.h"
#include "util/xalloc.h"

int freeswitch_cdr_sniff(const char *path, const char *head, size_t len, const struct model *m);
int freeswitch_cdr_parse(const char *path, struct model *m, struct diag *d);

/* The variables the mapping reads; a template may hold any of them. */
enum var {
	V_CALLER_ID_NUMBER, V_ORIG_CALLER_ID_NUMBER, V_EFFECTIVE_CALLER_ID_NUMBER,
	V_DESTINATION_NUMBER, V_CALLEE_ID_NUMBER,
	V_START_STAMP, V_START_EPOCH, V_START_UEPOCH, V_ANSWER_STAMP, V_ANSWER_EPOCH,
	V_ANSWER_UEPOCH, V_END_STAMP, V_END_EPOCH, V_END_UEPOCH, V_DURATION, V_BILLSEC,
	V_HANGUP_CAUSE, V_UUID, V_BLEG_UUID, V_ACCOUNTCODE, V_AMD_RESULT, V_AVMD_DETECT,
	V_CC_CAUSE, V_CC_CANCEL_REASON, V_CC_AGENT, V__COUNT,
};

static const char *const var_names[V__COUNT] = {
	"caller_id_number", "origination_caller_id_number", "effective_caller_id_number",
	"destination_number", "callee_id_number",
	"start_stamp", "start_epoch", "start_uepoch", "answer_stamp", "answer_epoch",
	"answer_uepoch", "end_stamp", "end_epoch", "end_uepoch", "duration", "billsec",
	"hangup_cause", "uuid", "bleg_uuid", "accountcode", "amd_result", "avmd_detect",
	"cc_cause", "cc_cancel_reason", "cc_agent",
};

struct fs_state {
	struct fs_cdr_conf conf;
	bool have_conf;
	struct fs_template own;          /* a built-in template, when no conf gives one */
	const struct fs_template *tpl;
	int col[V__COUNT];
	char count_reason[120];
	char split_reason[120];
	_Atomic unsigned long recovered;
};

/* Hangup causes (switch_channel.c CAUSE_CHART) as dispositions of an unanswered call. */
static const char *const no_answer_causes[] = { "NO_ANSWER", "NO_USER_RESPONSE",
	"ORIGINATOR_CANCEL", "NORMAL_CLEARING", "ALLOTTED_TIMEOUT", "PROGRESS_TIMEOUT",
	"RECOVERY_ON_TIMER_EXPIRE", "LOSE_RACE", "SUBSCRIBER_ABSENT", "PICKED_OFF", NULL };
static const char *const busy_causes[] = { "USER_BUSY", "BUSY_EVERYWHERE", "CALL_REJECTED",
	"DECLINE", NULL };
static const char *const failed_causes[] = { "UNALLOCATED_NUMBER", "NO_ROUTE_TRANSIT_NET",
	"NO_ROUTE_DESTINATION", "NUMBER_CHANGED", "DESTINATION_OUT_OF_ORDER",
	"INVALID_NUMBER_FORMAT", "FACILITY_REJECTED", "NETWORK_OUT_OF_ORDER",
	"NORMAL_TEMPORARY_FAILURE", "SWITCH_CONGESTION", "NORMAL_CIRCUIT_CONGESTION",
	"REQUESTED_CHAN_UNAVAIL", "OUTGOING_CALL_BARRED", "INCOMING_CALL_BARRED",
	"BEARERCAPABILITY_NOTAVAIL", "SERVICE_UNAVAILABLE", "CHAN_NOT_IMPLEMENTED",
	"INCOMPATIBLE_DESTINATION", "EXCHANGE_ROUTING_ERROR", "USER_NOT_REGISTERED",
	"GATEWAY_DOWN", "MEDIA_TIMEOUT", "INVALID_GATEWAY", "INVALID_PROFILE",
	"MANDATORY_IE_MISSING", "INTERWORKING", "DESTINATION_OUT_OF_ORDER", "UNWANTED",
	"NO_IDENTITY", "BAD_IDENTITY_INFO", "INVALID_IDENTITY", "UNSUPPORTED_CERTIFICATE",
	"STALE_DATE", "NETWORK_OUT_OF_ORDER", "CRASH", "SYSTEM_SHUTDOWN", "MANAGER_REQUEST",
	"BLIND_TRANSFER", "ATTENDED_TRANSFER", "CALL_AWARDED_DELIVERED", "PRE_EMPTED", NULL };

static bool
in_list(struct text t, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (text_eq(t, list[i]))
			return true;
	return false;
}

/* ---- sniffing ------------------------------------------------------------ */

static bool
is_uuid(const char *p, size_t n)
{
	static const int dash[] = { 8, 13, 18, 23 };

	if (n != 36)
		return false;
	for (size_t i = 0, k = 0; i < n; i++) {
		if (k < 4 && (size_t)dash[k] == i) {
			if (p[i] != '-')
				return false;
			k++;
		} else if (!isxdigit((unsigned char)p[i])) {
			return false;
		}
	}
	return true;
}

/* A line holds a FreeSWITCH hangup cause and a channel UUID as fields of their own. */
static int
sniff_line(const char *line, size_t len)
{
	bool cause = false, uuid = false;

	for (size_t i = 0; i <= len;) {
		size_t j = i;
		struct text f;

		while (j < len && line[j] != ',')
			j++;
		f.p = line + i;
		f.n = j - i;
		while (f.n > 0 && (f.p[0] == ' ' || f.p[0] == '"')) {
			f.p++;
			f.n--;
		}
		while (f.n > 0 && (f.p[f.n - 1] == ' ' || f.p[f.n - 1] == '"' || f.p[f.n - 1] == '\r'))
			f.n--;
		cause |= in_list(f, no_answer_causes) || in_list(f, busy_causes) ||
		    in_list(f, failed_causes);
		uuid |= is_uuid(f.p, f.n);
		i = j + 1;
	}
	return cause && uuid ? 2 : cause ? 1 : 0;
}

/*
 * A cause word and a UUID on one line are FreeSWITCH's (Asterisk writes
 * ANSWERED/NO ANSWER and epoch.seq ids): 90 beats asterisk-cdr's best.
 */
int
freeswitch_cdr_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	const char *p = head, *end = head + len;
	int best = 0;

	(void)m;
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == '\n' || *p == '\r'))
		p++;
	/* mod_cdr_csv writes no header, and every row has a date or a UUID: a
	 * first line without a digit is the header of some other export (a
	 * generic-csv one built on FreeSWITCH, say) */
	{
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *q = p;

		while (q < (nl != NULL ? nl : end) && !isdigit((unsigned char)*q))
			q++;
		if (q == (nl != NULL ? nl : end))
			return 0;
	}
	for (int i = 0; i < 8 && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		int s;

		if (nl == NULL && i > 0)
			break;
		s = sniff_line(p, nl != NULL ? (size_t)(nl - p) : (size_t)(end - p));
		if (s > best)
			best = s;
		p = nl != NULL ? nl + 1 : end;
	}
	if (best == 2)
		return 90;
	/* a cause alone: only where FreeSWITCH writes its CSV logs */
	return best == 1 && strstr(path, "cdr-csv/") != NULL ? 60 : 0;
}

/* ---- values -------------------------------------------------------------- */

static struct text
val(const struct fs_state *s, const struct text *f, size_t n, enum var v)
{
	static const char empty[] = "";
	struct text none = { empty, 0 };

	return s->col[v] >= 0 && (size_t)s->col[v] < n ? text_trim(f[s->col[v]]) : none;
}

/* From min to max digits at *p; the number they make, or -1. */
static int
digits(const char **p, const char *end, int min, int max)
{
	int v = 0, k = 0;

	while (*p < end && k < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k >= min ? v : -1;
}

/*
 * A wall-clock stamp: FreeSWITCH's "YYYY-MM-DD HH:MM:SS", or the same after a
 * spreadsheet round trip ("2020/2/10 22:41": no padding, no seconds).
 */
static int
stamp(const struct log_reader *r, struct text t, int64_t *out, const char **reason)
{
	const char *p = t.p, *end = t.p + t.n;
	int y, mo, d, h, mi, sec = 0;
	char buf[64];
	struct text norm = { buf, 19 };

	if (t.n == 19 || t.n == 0)
		return log_time(r, t, out, reason);
	y = digits(&p, end, 4, 4);
	if (y < 0 || p >= end || (*p != '/' && *p != '-'))
		return log_time(r, t, out, reason);
	p++;
	mo = digits(&p, end, 1, 2);
	if (mo < 0 || p >= end || p[0] != t.p[4])
		return log_time(r, t, out, reason);
	p++;
	d = digits(&p, end, 1, 2);
	if (d < 0 || p >= end || (*p != ' ' && *p != 'T'))
		return log_time(r, t, out, reason);
	p++;
	h = digits(&p, end, 1, 2);
	if (h < 0 || p >= end || *p++ != ':' || (mi = digits(&p, end, 2, 2)) < 0)
		return log_time(r, t, out, reason);
	if (p < end && *p == ':') {
		p++;
		if ((sec = digits(&p, end, 2, 2)) < 0)
			return log_time(r, t, out, reason);
	}
	if (p != end || mo > 12 || d > 31 || h > 23)
		return log_time(r, t, out, reason);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, sec);
	return log_time(r, norm, out, reason);
}

/* A time from its epoch, microsecond epoch or stamp variable, whichever the
 * template has (epochs first: they carry no zone). 0 = absent or empty; an
 * epoch of 0 is FreeSWITCH's "never happened". */
static int
when(const struct log_reader *r, const struct text *f, size_t n, enum var epoch, enum var uepoch,
    enum var st, int64_t *out, const char **reason)
{
	const struct fs_state *s = r->state;
	struct text t = val(s, f, n, epoch);

	*out = 0;
	if (t.n > 0)
		return text_eq(t, "0") ? 0 : log_time(r, t, out, reason);
	t = val(s, f, n, uepoch);
	if (t.n > 6) {
		t.n -= 6;
		return log_time(r, t, out, reason);
	}
	if (t.n > 0)
		return 0; /* "0": never */
	t = val(s, f, n, st);
	return t.n > 0 ? stamp(r, t, out, reason) : 0;
}

static bool
text_ieq(struct text t, const char *s)
{
	return t.n == strlen(s) && strncasecmp(t.p, s, t.n) == 0;
}

static int
map(struct log_reader *r, const struct text *f, size_t n, struct call *c, const char **reason)
{
	const struct fs_state *s = r->state;
	int64_t start, answer, end;
	uint32_t duration, billsec = 0;
	struct text num, cause, caller;
	bool answered;

	if (when(r, f, n, V_START_EPOCH, V_START_UEPOCH, V_START_STAMP, &start, reason) < 0)
		return -1;
	if (start == 0) {
		*reason = "empty start time";
		return -1;
	}
	c->start = start;
	if (when(r, f, n, V_ANSWER_EPOCH, V_ANSWER_UEPOCH, V_ANSWER_STAMP, &answer, reason) < 0 ||
	    when(r, f, n, V_END_EPOCH, V_END_UEPOCH, V_END_STAMP, &end, reason) < 0)
		return -1;
	if (val(s, f, n, V_DURATION).n > 0) {
		if (log_uint(val(s, f, n, V_DURATION), &duration) < 0) {
			*reason = "duration is not a whole number of seconds";
			return -1;
		}
	} else if (end != 0 && end >= start) {
		duration = (uint32_t)(end - start);
	} else {
		*reason = "no duration and no end time";
		return -1;
	}
	if (val(s, f, n, V_BILLSEC).n > 0 && log_uint(val(s, f, n, V_BILLSEC), &billsec) < 0) {
		*reason = "billsec is not a whole number of seconds";
		return -1;
	}
	c->duration = duration;
	num = val(s, f, n, V_DESTINATION_NUMBER);
	if (log_number(r, num, &c->number, reason) < 0) {
		/* an originate A leg's destination may be an application ("&park()") */
		struct text callee = val(s, f, n, V_CALLEE_ID_NUMBER);

		if (callee.n > 0 && log_number(r, callee, &c->number, reason) == 0)
			goto numbered;
		if (num.n > 0 && num.p[0] == '&')
			*reason = "destination_number is an application (an originate leg): the "
			    "template needs ${callee_id_number}";
		return -1;
	}
numbered:
	cause = val(s, f, n, V_HANGUP_CAUSE);
	answered = answer != 0 || billsec > 0;
	if (answered) {
		c->disposition = DISP_ANSWERED;
		c->flags |= CALL_ANSWERED | CALL_LIVE;
		if (answer >= start)
			c->ring = (uint32_t)(answer - start);
		else
			c->ring = duration > billsec ? duration - billsec : 0;
		if (val(s, f, n, V_BLEG_UUID).n > 0 && (s->col[V_BILLSEC] < 0 || billsec > 0))
			c->flags |= CALL_AGENT;
	} else {
		c->ring = duration;
		c->disposition = in_list(cause, no_answer_causes) ? DISP_NO_ANSWER :
		    in_list(cause, busy_causes) ? DISP_BUSY : in_list(cause, failed_causes) ?
		    DISP_FAILED : DISP_UNKNOWN;
	}
	/* mod_amd / mod_avmd verdicts, and mod_callcenter's outcome, when the
	 * template carries them (docs/adapters.md) */
	if (answered && (text_eq(val(s, f, n, V_AMD_RESULT), "MACHINE") ||
	    text_ieq(val(s, f, n, V_AVMD_DETECT), "true"))) {
		c->disposition = DISP_MACHINE;
		c->flags &= (uint8_t)~CALL_LIVE;
	} else if (answered && text_eq(val(s, f, n, V_CC_CAUSE), "cancel")) {
		c->disposition = DISP_ABANDONED;
		c->flags |= CALL_ABANDONED;
		c->flags &= (uint8_t)~CALL_AGENT;
	} else if (answered && (text_eq(val(s, f, n, V_CC_CAUSE), "answered") ||
	    val(s, f, n, V_CC_AGENT).n > 0)) {
		c->flags |= CALL_AGENT;
	}
	caller = val(s, f, n, V_ORIG_CALLER_ID_NUMBER);
	if (caller.n == 0)
		caller = val(s, f, n, V_EFFECTIVE_CALLER_ID_NUMBER);
	if (caller.n == 0)
		caller = val(s, f, n, V_CALLER_ID_NUMBER);
	c->caller = log_intern_caller(r, caller);
	c->campaign = log_intern_campaign(r, val(s, f, n, V_ACCOUNTCODE));
	c->link = log_hash(val(s, f, n, V_UUID));
	return 0;
}

static int
fs_start(struct log_reader *r, const struct text *f, size_t n, const char **reason)
{
	(void)r;
	(void)f;
	(void)n;
	(void)reason;
	return 0; /* mod_cdr_csv writes no header */
}

static int
fs_row(struct log_reader *r, const struct text *f, size_t n, struct call *c, const char **reason)
{
	const struct fs_state *s = r->state;

	if (!s->tpl->csv_shaped || n != s->tpl->nvars) {
		*reason = s->count_reason;
		return -1;
	}
	return map(r, f, n, c, reason);
}

/* A row with a stray quote (FreeSWITCH never escapes one) or of the wrong
 * count, read again by the template's own separators. */
static int
fs_recover(struct log_reader *r, struct text line, bool csv_bad, struct call *c,
    const char **reason)
{
	struct fs_state *s = r->state;
	struct text f[FS_TPL_MAX_VARS];

	if (!csv_bad && *reason != s->count_reason)
		return -1; /* read as CSV, rejected for what it says */
	if (fs_template_split(s->tpl, line, f) < 0) {
		*reason = csv_bad ? s->split_reason : s->count_reason;
		return -1;
	}
	if (map(r, f, s->tpl->nvars, c, reason) < 0)
		return -1;
	if (s->tpl->csv_shaped)
		atomic_fetch_add(&s->recovered, 1);
	return 0;
}

static const struct log_format log_format_freeswitch = {
	"freeswitch-cdr", ',', fs_start, fs_row, fs_recover,
};

/* ---- which template ------------------------------------------------------ */

/* Fields of the first row, counted outside quotes (for the built-in choice). */
static size_t
first_row_fields(const char *path)
{
	char buf[8192];
	FILE *fp = fopen(path, "rb");
	size_t n = 0, fields = 0;
	bool quoted = false;

	if (fp == NULL)
		return 0;
	while (fgets(buf, sizeof(buf), fp) != NULL) {
		n = strlen(buf);
		if (strspn(buf, " \t\r\n") < n)
			break;
		n = 0;
	}
	fclose(fp);
	if (n == 0)
		return 0;
	fields = 1;
	for (size_t i = 0; i < n; i++) {
		quoted ^= buf[i] == '"';
		fields += buf[i] == ',' && !quoted;
	}
	return fields;
}

/* The template mod_cdr_csv used for this file: Master.csv (and its rotations)
 * the default template, <accountcode>.csv the one named after the account. */
static int
choose(struct fs_state *s, const char *path, const char **how, struct arena *a, struct diag *d)
{
	char conf[4096];
	const char *base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	const char *why = NULL;

	if (fs_cdr_conf_locate(path, conf, sizeof(conf)) != NULL) {
		char acct[256];
		size_t k = strcspn(base, ".");

		if (fs_cdr_conf_load(conf, &s->conf, d) < 0)
			return -1;
		s->have_conf = true;
		snprintf(acct, sizeof(acct), "%.*s", (int)k, base);
		if (strcmp(base + k, ".csv") == 0 && strcmp(acct, "Master") != 0 &&
		    (s->tpl = fs_cdr_conf_find(&s->conf, acct)) != NULL) {
			*how = arena_printf(a, "template '%s' (%s:%d, named after the account)",
			    s->tpl->name, conf, s->tpl->line);
		} else if (s->conf.default_template != NULL &&
		    (s->tpl = fs_cdr_conf_find(&s->conf, s->conf.default_template)) != NULL) {
			*how = arena_printf(a, "template '%s' (%s:%d, the default-template at line %d)",
			    s->tpl->name, conf, s->tpl->line, s->conf.default_line);
		} else {
			if (fs_template_parse("default", 0, fs_tpl_builtin_default,
			    strlen(fs_tpl_builtin_default), &s->own, &why) < 0)
				return diag_set(d, path, 0, "built-in template: %s", why);
			s->tpl = &s->own;
			*how = arena_printf(a, "mod_cdr_csv's built-in template 'default' (%s names %s)",
			    conf, s->conf.default_template != NULL ? "a default-template it does not "
			    "define" : "no default-template");
		}
		if (s->conf.legs != NULL && strchr(s->conf.legs, 'b') != NULL)
			*how = arena_printf(a, "%s; legs=%s: B legs are rows of their own", *how,
			    s->conf.legs);
		return 0;
	}
	/* No configuration: the vanilla one (template "example", 15 columns) is
	 * what nearly every install writes; mod_cdr_csv's own default (13) is
	 * what one without cdr_csv.conf.xml writes. */
	if (first_row_fields(path) == 15) {
		if (fs_template_parse("example", 0, fs_tpl_vanilla_example,
		    strlen(fs_tpl_vanilla_example), &s->own, &why) < 0)
			return diag_set(d, path, 0, "built-in template: %s", why);
		*how = "no cdr_csv.conf.xml found: the vanilla configuration's template 'example' "
		    "(15 columns)";
	} else {
		if (fs_template_parse("default", 0, fs_tpl_builtin_default,
		    strlen(fs_tpl_builtin_default), &s->own, &why) < 0)
			return diag_set(d, path, 0, "built-in template: %s", why);
		*how = "no cdr_csv.conf.xml found: mod_cdr_csv's built-in template 'default' "
		    "(13 columns)";
	}
	s->tpl = &s->own;
	return 0;
}

int
freeswitch_cdr_parse(const char *path, struct model *m, struct diag *d)
{
	struct fs_state *s = xcalloc(1, sizeof(*s));
	struct log_scan_opts o = m->log_opts;
	const char *how = NULL;
	size_t before = m->log.nfiles;
	int rc = -1;

	if (choose(s, path, &how, m->arena, d) < 0)
		goto out;
	for (int v = 0; v < V__COUNT; v++)
		s->col[v] = fs_template_var(s->tpl, var_names[v]);
	if (s->col[V_DESTINATION_NUMBER] < 0 && s->col[V_CALLEE_ID_NUMBER] < 0) {
		rc = diag_set(d, s->have_conf ? s->conf.path : path, s->tpl->line, "template '%s' "
		    "has no ${destination_number}: its log %s cannot be audited", s->tpl->name, path);
		goto out;
	}
	if (s->col[V_START_STAMP] < 0 && s->col[V_START_EPOCH] < 0 && s->col[V_START_UEPOCH] < 0) {
		rc = diag_set(d, s->have_conf ? s->conf.path : path, s->tpl->line, "template '%s' "
		    "has no ${start_stamp} or ${start_epoch}: its log %s cannot be audited",
		    s->tpl->name, path);
		goto out;
	}
	snprintf(s->count_reason, sizeof(s->count_reason), "wrong column count (template '%s' "
	    "has %zu)", s->tpl->name, s->tpl->nvars);
	snprintf(s->split_reason, sizeof(s->split_reason), "stray quote, and the template '%s' "
	    "does not split the line into %zu fields either", s->tpl->name, s->tpl->nvars);
	o.format_state = s;
	rc = logscan_file(path, &log_format_freeswitch, &o, &m->log, d);
	if (rc == 0 && m->log.nfiles > before) {
		unsigned long rec = atomic_load(&s->recovered);

		m->log.files[before].layout = rec > 0 ? arena_printf(m->arena, "%s; %lu row%s with "
		    "unescaped quotes read by the template's separators", how, rec, rec == 1 ? "" : "s") :
		    arena_strdup(m->arena, how);
	}
out:
	if (s->have_conf)
		fs_cdr_conf_free(&s->conf);
	fs_template_free(&s->own);
	free(s);
	return rc;
}
