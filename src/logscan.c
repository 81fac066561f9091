/* Reading call logs: the file, its records, and the mapper. */
#include "logscan.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fsutil.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

bool
text_eq(struct text t, const char *s)
{
	size_t n = strlen(s);

	return t.n == n && memcmp(t.p, s, n) == 0;
}

bool
text_has(struct text t, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; n <= t.n && i <= t.n - n; i++)
		if (strncasecmp(t.p + i, s, n) == 0)
			return true;
	return false;
}

static struct text
trim(struct text t)
{
	while (t.n > 0 && isspace((unsigned char)*t.p)) {
		t.p++;
		t.n--;
	}
	while (t.n > 0 && isspace((unsigned char)t.p[t.n - 1]))
		t.n--;
	return t;
}

int
log_uint(struct text t, uint32_t *out)
{
	uint64_t v = 0;

	t = trim(t);
	if (t.n == 0 || t.n > 10)
		return -1;
	for (size_t i = 0; i < t.n; i++) {
		if (!isdigit((unsigned char)t.p[i]))
			return -1;
		v = v * 10 + (uint64_t)(t.p[i] - '0');
	}
	if (v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static bool
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * "YYYY-MM-DD HH:MM:SS" (also with 'T', or '/' in the date) in the log's
 * zone, or epoch seconds. Years before 1970 or after 2099 are rejected:
 * no dialer wrote them, and a log that says so is corrupt.
 */
int
log_time(const struct log_reader *r, struct text t, int64_t *out, const char **reason)
{
	int y, mo, d, h, mi, s;
	const char *p;
	enum tz_local_kind kind;
	int64_t local;

	t = trim(t);
	if (t.n == 0) {
		*reason = "empty time";
		return -1;
	}
	if (t.n >= 9 && t.n <= 11 && strspn(t.p, "0123456789") >= t.n) {
		int64_t v = 0;

		for (size_t i = 0; i < t.n; i++)
			v = v * 10 + (t.p[i] - '0');
		*out = v; /* epoch seconds carry no zone */
		return 0;
	}
	p = t.p;
	if (t.n != 19 || !digits(p, 4, &y) || (p[4] != '-' && p[4] != '/') || !digits(p + 5, 2, &mo) ||
	    p[7] != p[4] || !digits(p + 8, 2, &d) || (p[10] != ' ' && p[10] != 'T') ||
	    !digits(p + 11, 2, &h) || p[13] != ':' || !digits(p + 14, 2, &mi) || p[16] != ':' ||
	    !digits(p + 17, 2, &s)) {
		*reason = "time is not YYYY-MM-DD HH:MM:SS";
		return -1;
	}
	if (!date_is_valid(y, mo, d) || h > 23 || mi > 59 || s > 60) {
		*reason = "impossible date or time";
		return -1;
	}
	if (y < 1970 || y > 2099) {
		*reason = "date outside 1970-2099";
		return -1;
	}
	local = days_from_civil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + (s == 60 ? 59 : s);
	*out = r->zone != NULL ? tz_local_to_utc(r->zone, local, &kind) : local;
	return 0;
}

int
log_number(const struct log_reader *r, struct text t, uint64_t *out, const char **reason)
{
	char e164[PHONE_MAX];
	enum phone_status st = phone_normalise(t.p, t.n, r->numbering, e164);

	if (st != PHONE_OK) {
		*reason = st == PHONE_EMPTY ? "called number missing" :
		    st == PHONE_WITHHELD ? "called number withheld" : "called number is not a number";
		return -1;
	}
	*out = number_pack(e164);
	return 0;
}

uint32_t
log_intern_campaign(struct log_reader *r, struct text t)
{
	t = trim(t);
	return intern_id(r->campaigns, t.p, t.n);
}

uint32_t
log_intern_caller(struct log_reader *r, struct text t)
{
	char e164[PHONE_MAX];

	t = trim(t);
	if (t.n == 0)
		return 0;
	if (phone_normalise(t.p, t.n, r->numbering, e164) == PHONE_OK)
		return intern_id(r->callers, e164, strlen(e164));
	return intern_id(r->callers, t.p, t.n);
}

uint32_t
log_hash(struct text t)
{
	uint32_t h = 2166136261u;

	t = trim(t);
	if (t.n == 0)
		return 0;
	for (size_t i = 0; i < t.n; i++) {
		h ^= (unsigned char)t.p[i];
		h *= 16777619u;
	}
	return h != 0 ? h : 1;
}

static void
push_call(struct call_run *run, const struct call *c)
{
	xgrow((void **)&run->v, &run->cap, run->n + 1, sizeof(*c));
	run->v[run->n++] = *c;
}

static char *
map_file(const char *path, size_t *len, struct diag *d)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *p;

	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno)), NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return diag_set(d, path, 0, "not a regular file"), NULL;
	}
	*len = (size_t)st.st_size;
	if (*len == 0) {
		close(fd);
		return xcalloc(1, 1); /* an empty log: no rows */
	}
	p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return diag_set(d, path, 0, "cannot read: %s", strerror(errno)), NULL;
	madvise(p, *len, MADV_SEQUENTIAL);
	return p;
}

static void
unmap_file(char *p, size_t len)
{
	if (len == 0)
		free(p);
	else
		munmap(p, len);
}

int
logscan_file(const char *path, const struct log_format *fmt, const struct log_scan_opts *o,
    struct calllog *log, struct diag *d)
{
	struct log_reader r = { 0 };
	struct csvrec rec;
	struct call_run run = { 0 };
	struct log_file_stats *st;
	size_t len, pos = 0, fi;
	uint32_t line = 1;
	bool first = true;
	char *buf = map_file(path, &len, d);

	if (buf == NULL)
		return -1;
	if (csvrec_init(&rec, fmt->delim) != 0) {
		unmap_file(buf, len);
		return diag_set(d, path, 0, "out of memory");
	}
	fi = calllog_add_file(log, path, fmt->name);
	r.path = path;
	r.zone = o->zone;
	r.numbering = o->numbering;
	r.campaigns = &log->campaigns;
	r.callers = &log->callers;
	r.file = (uint16_t)fi;
	r.state = o->format_state;
	for (size_t i = 0; i < sizeof(r.cols) / sizeof(r.cols[0]); i++)
		r.cols[i] = -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* a byte-order mark from a spreadsheet */
	for (;;) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(&rec, buf, len, pos, &res);
		const char *reason = NULL;
		struct call c;

		st = &log->files[fi];
		if (s == CSVREC_END)
			break;
		line += res.blank_lines;
		if (s == CSVREC_OK && first) {
			int h;

			first = false;
			h = fmt->start(&r, rec.fields, rec.nfields, &reason);
			if (h < 0) {
				csvrec_free(&rec);
				unmap_file(buf, len);
				free(run.v);
				log->nfiles--;
				free((char *)log->files[fi].path);
				return diag_set(d, path, line, "not a %s log: %s", fmt->name, reason);
			}
			if (h == 1) {
				line += res.lines;
				pos = res.next;
				continue;
			}
		}
		st->rows++;
		if (s == CSVREC_OK) {
			memset(&c, 0, sizeof(c));
			c.line = line;
			c.file = r.file;
			if (fmt->row(&r, rec.fields, rec.nfields, &c, &reason) == 0) {
				st->parsed++;
				if (st->first == 0 || c.start < st->first)
					st->first = c.start;
				if (c.start > st->last)
					st->last = c.start;
				push_call(&run, &c);
				line += res.lines;
				pos = res.next;
				continue;
			}
		} else {
			reason = res.reason;
		}
		log_stats_reject(st, line, reason);
		/* A bad record that ran over several lines most likely swallowed
		 * good rows behind an unbalanced quote: read again from its
		 * second line, so those rows are parsed or rejected one by one. */
		line += 1;
		pos = res.second_line > res.start ? res.second_line : res.next;
		if (res.lines == 1)
			pos = res.next;
	}
	csvrec_free(&rec);
	unmap_file(buf, len);
	xgrow((void **)&log->runs, &log->runs_cap, log->nruns + 1, sizeof(run));
	log->runs[log->nruns++] = run;
	return 0;
}
