/*
 * asterisk-callfile: Asterisk outgoing call files (.call, the spool of
 * pbx_spool.c). A call file is both a setting (how long to ring, how often
 * to retry, what caller ID) and a planned call: its schedule is the file's
 * mtime, and an archived file's StartRetry lines record the attempts made.
 * So it adds to the campaign model and to the call log (docs/adapters.md).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "adapters/sniff.h"
#include "logscan.h"
#include "util/arena.h"
#include "util/fsutil.h"
#include "util/phone.h"
#include "util/xalloc.h"

int asterisk_callfile_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_callfile_parse(const char *path, struct model *m, struct diag *d);

static const char format_name[] = "asterisk-callfile";

/* The campaign of call files that name no Account. */
#define DEFAULT_CAMPAIGN "asterisk-outgoing"

/* A call file is a few hundred bytes; an archived one gains a line or two a
 * retry. These bounds are far above any real file and keep hostile ones cheap. */
#define CF_MAX_BYTES (256u << 10)
#define CF_MAX_LINE 1024
#define CF_MAX_LINES 10000

/* pbx_spool.c's defaults (new_outgoing) and what it does with values below 1. */
#define AST_WAITTIME 45
#define AST_RETRYTIME 300
#define AST_MAXRETRIES 0

/* Beyond these a value is a typing error, not a setting. */
#define CF_MAX_WAITTIME 3600          /* an hour of ringing */
#define CF_MAX_RETRYTIME (30 * 86400) /* a retry a month */
#define CF_MAX_RETRIES 1000

/* An answered call ends a call file (pbx_spool.c: "Call completed"), and an
 * abandoned call is an answered one: the file never dials again after it. */
#define NEVER INT64_MAX

struct num_setting {
	long long value; /* the effective value (Asterisk's default when absent) */
	int line;        /* 0 = absent */
};

struct attempt {
	int64_t start;
	int line;
};

struct callfile {
	const char *path;
	int channel_line, account_line, callerid_line;
	char channel[CF_MAX_LINE];
	char account[CF_MAX_LINE];
	char caller[CF_MAX_LINE];   /* the number part of CallerID, or a withheld word */
	bool has_app, has_exten, has_status;
	struct num_setting waittime, retrytime, maxretries;
	int retries;                /* Retry, EndRetry and AbortRetry lines: attempts ended */
	bool in_progress;           /* the last retry line is a StartRetry */
	struct attempt *starts;     /* StartRetry lines (epoch still + RetryTime) */
	size_t nstarts, starts_cap;
};

/* ---- recognising ------------------------------------------------------- */

/* Whether the line [p, end) is "key:" (any case, nothing before the key). */
static bool
line_has_key(const char *p, const char *end, const char *key)
{
	size_t n = strlen(key);

	return (size_t)(end - p) > n && strncasecmp(p, key, n) == 0 && p[n] == ':';
}

int
asterisk_callfile_sniff(const char *path, const char *head, size_t len,
    const struct model *m)
{
	static const char *const sfx[] = { ".call", NULL };
	static const char *const keys[] = { "context", "extension", "application", "maxretries",
		"retrytime", "waittime", "callerid", "account", NULL };
	const char *p = head, *end = head + len;
	bool channel = false, other = false, manager = false;

	(void)m;
	if (memchr(head, '\0', len) != NULL)
		return 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl != NULL ? nl : end;

		if (line_has_key(p, e, "channel"))
			channel = true;
		for (int k = 0; keys[k] != NULL; k++)
			other |= line_has_key(p, e, keys[k]);
		/* a dump of manager (AMI) events also has Channel: and Context: */
		manager |= line_has_key(p, e, "event") || line_has_key(p, e, "response") ||
		    line_has_key(p, e, "action");
		p = e + 1;
	}
	if (sniff_has_suffix(path, sfx))
		/* a damaged .call file is read, so that its error is reported */
		return channel ? 95 : 30;
	return channel && other && !manager ? 70 : 0;
}

/* ---- reading ----------------------------------------------------------- */

static char *
read_all(const char *path, size_t *len, time_t *mtime, struct diag *d)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *buf;
	size_t got = 0;

	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno)), NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return diag_set(d, path, 0, "not a regular file"), NULL;
	}
	if ((uintmax_t)st.st_size > CF_MAX_BYTES) {
		close(fd);
		return diag_set(d, path, 0, "%lld bytes: larger than any call file (at most %u)",
		    (long long)st.st_size, CF_MAX_BYTES), NULL;
	}
	fs_note_read_file(path);
	*mtime = st.st_mtime;
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_set(d, path, 0, "cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break; /* shrank while read: what was there is the file */
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* As apply_outgoing() does: '#' at the start or after a blank ends the line;
 * ';' ends it unless written "\;", which stands for ';'; trailing blanks go. */
static void
strip_line(char *s)
{
	char *c;
	size_t n;

	for (c = s; (c = strchr(c, '#')) != NULL; c++)
		if (c == s || c[-1] == ' ' || c[-1] == '\t') {
			*c = '\0';
			break;
		}
	for (c = s; (c = strchr(c, ';')) != NULL;) {
		if (c > s && c[-1] == '\\') {
			/* as Asterisk does, the byte after the kept ';' is not looked
			 * at: "\\;;" keeps both */
			memmove(c - 1, c, strlen(c) + 1);
			if (*c != '\0')
				c++;
			continue;
		}
		*c = '\0';
		break;
	}
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

/* A whole number, optionally signed: "30", "-1". Asterisk's sscanf("%d")
 * would take "30s" as 30; a value that is not a number is an error here.
 * Digits past ten saturate (the range check then refuses them). */
static bool
parse_int(const char *s, long long *out)
{
	long long v = 0;
	bool neg = false;
	size_t digits = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; isdigit((unsigned char)*s); s++)
		if (++digits <= 11)
			v = v * 10 + (*s - '0');
	if (digits == 0 || *s != '\0')
		return false;
	*out = neg ? -v : v;
	return true;
}

static int
number_setting(const struct callfile *f, int line, const char *key, const char *value,
    long long lo, long long hi, struct num_setting *out, struct diag *d)
{
	long long v;

	if (!parse_int(value, &v))
		return diag_set(d, f->path, line, "%s \"%.40s\" is not a whole number of %s", key, value,
		    strcmp(key, "MaxRetries") == 0 ? "retries" : "seconds");
	if (v < lo || v > hi)
		return diag_set(d, f->path, line, "%s %lld is out of range (%lld to %lld)", key, v, lo, hi);
	out->value = v;
	out->line = line;
	return 0;
}

/* "StartRetry: <pid> <retries> (<epoch>)", as safe_append() writes it. */
static int
retry_epoch(const struct callfile *f, int line, const char *key, const char *value, int64_t *epoch,
    struct diag *d)
{
	long long pid, tries, when;
	char rest[2];

	if (sscanf(value, "%lld %lld (%lld)%1s", &pid, &tries, &when, rest) != 3 || pid < 0 ||
	    tries < 0 || when <= 0 || when >= EPOCH_2100)
		return diag_set(d, f->path, line, "%s is not \"<pid> <retries> (<epoch seconds>)\" "
		    "with a time from 1970 to 2099", key);
	*epoch = when;
	return 0;
}

/* ast_shrink_phone_number: the blanks, '(', ')' and '-' of a number go. */
static void
shrink_number(char *s)
{
	size_t k = 0;

	for (size_t i = 0; s[i]; i++)
		if (strchr("( )-\t", s[i]) == NULL)
			s[k++] = s[i];
	s[k] = '\0';
}

/* ast_callerid_split: "Name" <number>, Name <number>, <number>, a bare
 * number, or a bare name (no number). Keeps the number, or a withheld word
 * ("anonymous") written where a number would be, so the report can say so. */
static void
split_callerid(const char *v, char *out, size_t size)
{
	const char *num;
	size_t n;
	bool phone = true;
	char e164[PHONE_MAX];
	struct numbering none = { "", "", "", 0 };

	out[0] = '\0';
	if (phone_callerid_brackets(v, strlen(v), &num, &n)) {
		snprintf(out, size, "%.*s", (int)n, num);
		shrink_number(out);
		return;
	}
	for (const char *p = v; *p; p++)
		if (!isdigit((unsigned char)*p) && strchr(" -.()+\t", *p) == NULL)
			phone = false;
	if (phone) {
		snprintf(out, size, "%s", v);
		shrink_number(out);
		return;
	}
	/* a name alone; "Anonymous" or "Private" there is a withheld ID */
	n = strlen(v);
	if (n > 1 && v[0] == '"' && v[n - 1] == '"') {
		v++;
		n -= 2;
	}
	if (phone_normalise(v, n, &none, e164) == PHONE_WITHHELD)
		snprintf(out, size, "%.*s", (int)n, v);
}

static int
apply_line(struct callfile *f, int line, char *key, char *value, struct diag *d)
{
	if (strcasecmp(key, "channel") == 0) {
		if (strchr(value, '/') == NULL || value[0] == '/')
			/* the value may hold a password (IAX2/user:secret@host): not shown */
			return diag_set(d, f->path, line, "Channel is not Tech/destination (as for Dial)");
		snprintf(f->channel, sizeof(f->channel), "%s", value);
		f->channel_line = line;
	} else if (strcasecmp(key, "callerid") == 0) {
		split_callerid(value, f->caller, sizeof(f->caller));
		f->callerid_line = line;
	} else if (strcasecmp(key, "account") == 0) {
		snprintf(f->account, sizeof(f->account), "%s", value);
		f->account_line = value[0] != '\0' ? line : 0;
	} else if (strcasecmp(key, "application") == 0) {
		f->has_app = value[0] != '\0';
	} else if (strcasecmp(key, "extension") == 0) {
		f->has_exten = value[0] != '\0';
	} else if (strcasecmp(key, "waittime") == 0) {
		if (number_setting(f, line, "WaitTime", value, INT32_MIN, CF_MAX_WAITTIME, &f->waittime,
		    d) < 0)
			return -1;
		if (f->waittime.value < 1)
			f->waittime.value = AST_WAITTIME; /* as pbx_spool.c does */
	} else if (strcasecmp(key, "retrytime") == 0) {
		if (number_setting(f, line, "RetryTime", value, INT32_MIN, CF_MAX_RETRYTIME,
		    &f->retrytime, d) < 0)
			return -1;
		if (f->retrytime.value < 1)
			f->retrytime.value = AST_RETRYTIME; /* as pbx_spool.c does */
	} else if (strcasecmp(key, "maxretries") == 0) {
		/* negative: Asterisk would expire the file without dialling; not a setting */
		if (number_setting(f, line, "MaxRetries", value, 0, CF_MAX_RETRIES, &f->maxretries, d) < 0)
			return -1;
	} else if (strcasecmp(key, "startretry") == 0) {
		struct attempt *a;
		int64_t when;

		if (retry_epoch(f, line, "StartRetry", value, &when, d) < 0)
			return -1;
		xgrow((void **)&f->starts, &f->starts_cap, f->nstarts + 1, sizeof(*a));
		a = &f->starts[f->nstarts++];
		a->start = when; /* RetryTime is taken off once the whole file is read */
		a->line = line;
		f->in_progress = true;
	} else if (strcasecmp(key, "endretry") == 0 || strcasecmp(key, "abortretry") == 0) {
		int64_t when;

		if (retry_epoch(f, line, key[0] == 'e' || key[0] == 'E' ? "EndRetry" : "AbortRetry",
		    value, &when, d) < 0)
			return -1;
		f->retries++;
		f->in_progress = false;
	} else if (strcasecmp(key, "retry") == 0) {
		f->retries++;
	} else if (strcasecmp(key, "status") == 0) {
		f->has_status = true; /* appended on archiving: the file is finished */
	}
	/* Context, Priority, Data, Codecs, Set/SetVar, AlwaysDelete, Archive,
	 * Early_media, DelayedRetry and unknown keys (Asterisk only warns)
	 * change nothing that is audited. */
	return 0;
}

static int
parse_text(struct callfile *f, char *buf, size_t len, struct diag *d)
{
	char *p = buf, *end = buf + len;
	int line = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl != NULL ? nl : end;
		char *colon, *value;

		if (++line > CF_MAX_LINES)
			return diag_set(d, f->path, line, "more than %d lines: not a call file",
			    CF_MAX_LINES);
		if (e - p > CF_MAX_LINE)
			return diag_set(d, f->path, line, "line longer than %d bytes", CF_MAX_LINE);
		if (memchr(p, '\0', (size_t)(e - p)) != NULL)
			return diag_set(d, f->path, line, "a NUL byte: not a text file");
		*e = '\0';
		if (e > p && e[-1] == '\r')
			e[-1] = '\0';
		strip_line(p);
		if (p[0] != '\0') {
			colon = strchr(p, ':');
			if (colon == NULL)
				return diag_set(d, f->path, line, "no ':' on this line (a call file line is "
				    "\"Key: value\")");
			*colon = '\0';
			for (value = colon + 1; *value == ' ' || *value == '\t'; value++)
				;
			if (apply_line(f, line, p, value, d) < 0)
				return -1;
		}
		p = e + 1;
	}
	if (f->channel_line == 0)
		return diag_set(d, f->path, 0, "no Channel line: Asterisk refuses such a call file "
		    "(keys are matched as written: no blank before the ':')");
	if (!f->has_app && !f->has_exten)
		return diag_set(d, f->path, 0, "neither Application nor Extension: Asterisk refuses "
		    "such a call file");
	return 0;
}

/* ---- the dialled number ------------------------------------------------ */

static bool
tech_is(const char *chan, const char *tech)
{
	size_t n = strlen(tech);

	return strncasecmp(chan, tech, n) == 0 && chan[n] == '/';
}

/*
 * The number a Channel dials, as digits (an optional '+'), or NULL with why:
 * "PJSIP/18005551212@trunk", "SIP/trunk/18005551212", "DAHDI/g1/18005551212",
 * "PJSIP/trunk/sip:+18005551212@host", "Local/18005551212@outbound/n". A
 * device, a channel or an extension ("DAHDI/1", "SIP/alice",
 * "Local/200@agents") is not a call to a person's number.
 */
static const char *
channel_number(const char *chan, char *out, size_t size, const char **why)
{
	const char *rest = strchr(chan, '/') + 1, *tok, *stop;
	size_t n, digits = 0;

	if (tech_is(chan, "Local")) {
		tok = rest;
	} else {
		const char *last = strrchr(rest, '/');

		if (last == NULL && strchr(rest, '@') == NULL) {
			*why = "the Channel names a device or a line, not a dialled number";
			return NULL;
		}
		tok = last != NULL ? last + 1 : rest;
		if (strncasecmp(tok, "sip:", 4) == 0 || strncasecmp(tok, "tel:", 4) == 0)
			tok += 4;
		else if (strncasecmp(tok, "sips:", 5) == 0)
			tok += 5;
	}
	for (stop = tok; *stop && strchr("@/;:,&", *stop) == NULL; stop++)
		;
	n = (size_t)(stop - tok);
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)tok[i]))
			digits++;
		else if (!(i == 0 && tok[i] == '+')) {
			digits = 0;
			break;
		}
	}
	/* the shortest national numbers have 6 digits; fewer is an extension */
	if (digits < 6 || n >= size) {
		*why = "the Channel's destination is an extension or a name, not a phone number";
		return NULL;
	}
	memcpy(out, tok, n);
	out[n] = '\0';
	return out;
}

/* ---- into the model ---------------------------------------------------- */

/* The campaign these call files already made, if any: one whose first file
 * this adapter read (a native campaign of the same name stays apart). */
static struct campaign *
find_campaign(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->campaigns.n; i++) {
		struct campaign *c = &m->campaigns.v[i];

		if (strcmp(c->name, name) != 0)
			continue;
		/* its first file was read early: a spool of thousands stays quick */
		for (size_t k = 0; k < m->log.nfiles; k++)
			if (m->log.files[k].format == format_name &&
			    strcmp(m->log.files[k].path, c->path) == 0)
				return c;
	}
	return NULL;
}

/* Setting cs now comes from this file and line. */
static void
take(struct campaign *c, enum campaign_setting cs, const char *file, int line)
{
	c->file[cs] = file;
	c->line[cs] = line;
}

static void
fold_settings(struct model *m, struct campaign *c, bool first, const struct callfile *f,
    const char *file)
{
	/* An absent key has Asterisk's default: it is pointed at by the Channel
	 * line, the line of the call it applies to. */
	int wl = f->waittime.line ? f->waittime.line : f->channel_line;
	int rl = f->retrytime.line ? f->retrytime.line : f->channel_line;
	int ml = f->maxretries.line ? f->maxretries.line : f->channel_line;
	int attempts = (int)f->maxretries.value + 1;

	if (first || attempts > c->max_attempts) {
		c->max_attempts = attempts;
		take(c, CS_MAX_ATTEMPTS, file, ml);
	}
	c->attempts_window = 0; /* MaxRetries counts over the file's whole life */
	if (first || f->retrytime.value < c->retry_interval) {
		c->retry_interval = c->retry_after_no_answer = f->retrytime.value;
		take(c, CS_RETRY_INTERVAL, file, rl);
		take(c, CS_RETRY_AFTER_NO_ANSWER, file, rl);
	}
	c->retry_after_abandon = NEVER;
	if (first || f->waittime.value < c->ring_timeout) {
		c->ring_timeout = (int)f->waittime.value;
		take(c, CS_RING_TIMEOUT, file, wl);
	}
	if (f->caller[0] != '\0') {
		size_t n = c->ncaller_ids;
		char **ids;
		const char **files;
		int *lines;

		for (size_t i = 0; i < n; i++)
			if (strcmp(c->caller_ids[i], f->caller) == 0)
				return; /* one finding per caller ID, at its first file */
		/* the arena keeps the old arrays: a few pointers a distinct ID */
		ids = arena_alloc(m->arena, (n + 1) * sizeof(*ids));
		files = arena_alloc(m->arena, (n + 1) * sizeof(*files));
		lines = arena_alloc(m->arena, (n + 1) * sizeof(*lines));
		if (n > 0) {
			memcpy(ids, c->caller_ids, n * sizeof(*ids));
			memcpy(files, c->caller_id_files, n * sizeof(*files));
			memcpy(lines, c->caller_id_lines, n * sizeof(*lines));
		}
		ids[n] = arena_strdup(m->arena, f->caller);
		files[n] = file;
		lines[n] = f->callerid_line;
		c->caller_ids = ids;
		c->caller_id_files = files;
		c->caller_id_lines = lines;
		c->ncaller_ids = n + 1;
		if (n == 0) {
			c->file[CS_CALLER_IDS] = file;
			c->line[CS_CALLER_IDS] = f->callerid_line;
		}
	}
}

static int
add_calls(struct model *m, const struct callfile *f, time_t mtime, const char *campaign,
    struct diag *d)
{
	struct calllog *log = &m->log;
	struct log_reader r;
	struct log_file_stats *st;
	struct call_run run = { 0 };
	size_t fi, nattempts = f->nstarts;
	bool pending = !f->has_status && !f->in_progress && f->retries <= f->maxretries.value;
	char digits[CF_MAX_LINE];
	const char *why = NULL, *num;
	uint64_t number = 0;

	if (log->nfiles >= UINT16_MAX)
		return diag_set(d, f->path, 0, "more than %u call logs and call files in one audit",
		    UINT16_MAX);
	fi = calllog_add_file(log, f->path, format_name);
	st = &log->files[fi];
	memset(&r, 0, sizeof(r));
	r.path = f->path;
	r.numbering = m->log_opts.numbering;
	r.campaigns = &log->campaigns;
	r.callers = &log->callers;
	r.file = (uint16_t)fi;
	nattempts += pending;
	num = channel_number(f->channel, digits, sizeof(digits), &why);
	if (num != NULL && r.numbering == NULL) {
		why = "no numbering plan (profile) to read the number with";
		num = NULL;
	}
	if (num != NULL && log_number(&r, (struct text){ num, strlen(num) }, &number, &why) < 0)
		num = NULL;
	for (size_t i = 0; i < nattempts; i++) {
		bool planned = i == f->nstarts;
		int64_t start = planned ? (int64_t)mtime : f->starts[i].start - f->retrytime.value;
		int line = planned ? f->channel_line : f->starts[i].line;
		struct call c;

		st->rows++;
		if (num == NULL) {
			log_stats_reject(st, (uint32_t)line, why);
			continue;
		}
		if (start <= 0 || start >= EPOCH_2100) {
			log_stats_reject(st, (uint32_t)line, planned ? "the file's time (its schedule) is "
			    "outside 1970-2099" : "StartRetry time minus RetryTime is before 1970");
			continue;
		}
		memset(&c, 0, sizeof(c));
		c.number = number;
		c.start = start;
		c.line = (uint32_t)line;
		c.file = (uint16_t)fi;
		/* not known from the file: a planned call has not happened, and
		 * an attempt's outcome is in the CDR, not here */
		c.disposition = DISP_UNKNOWN;
		c.campaign = log_intern_campaign(&r, (struct text){ campaign, strlen(campaign) });
		c.caller = log_intern_caller(&r, (struct text){ f->caller, strlen(f->caller) });
		log_stats_keep(st, &run, &c);
	}
	if (run.n > 0) {
		xgrow((void **)&log->runs, &log->runs_cap, log->nruns + 1, sizeof(run));
		log->runs[log->nruns++] = run;
	} else {
		free(run.v);
	}
	return 0;
}

int
asterisk_callfile_parse(const char *path, struct model *m, struct diag *d)
{
	struct callfile f;
	size_t len;
	time_t mtime = 0;
	char *buf = read_all(path, &len, &mtime, d);
	const char *name, *file;
	struct campaign *c;
	bool first;
	int rc = -1;

	if (buf == NULL)
		return -1;
	memset(&f, 0, sizeof(f));
	f.path = path;
	f.waittime.value = AST_WAITTIME;
	f.retrytime.value = AST_RETRYTIME;
	f.maxretries.value = AST_MAXRETRIES;
	if (parse_text(&f, buf, len, d) < 0)
		goto out;
	name = f.account[0] != '\0' ? f.account : DEFAULT_CAMPAIGN;
	c = find_campaign(m, name);
	first = c == NULL;
	if (first) {
		c = model_add_campaign(m, name, path);
		c->line[CS_CAMPAIGN] = f.account_line ? f.account_line : f.channel_line;
	}
	file = first ? c->path : arena_strdup(m->arena, path);
	fold_settings(m, c, first, &f, file);
	if (add_calls(m, &f, mtime, c->name, d) < 0)
		goto out;
	rc = 0;
out:
	free(f.starts);
	free(buf);
	return rc;
}
