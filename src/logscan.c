/* Reading call logs: the file, its records, and the mapper. */
#include "logscan.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
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


int
log_uint(struct text t, uint32_t *out)
{
	uint64_t v = 0;

	t = text_trim(t);
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

	t = text_trim(t);
	if (t.n == 0) {
		*reason = "empty time";
		return -1;
	}
	if (t.n >= 9 && t.n <= 11 && strspn(t.p, "0123456789") >= t.n) {
		int64_t v = 0;

		for (size_t i = 0; i < t.n; i++)
			v = v * 10 + (t.p[i] - '0');
		if (v >= EPOCH_2100) {
			*reason = "date outside 1970-2099";
			return -1;
		}
		*out = v; /* epoch seconds carry no zone */
		return 0;
	}
	p = t.p;
	if (t.n != 19 || !parse_digits(p, 4, &y) || (p[4] != '-' && p[4] != '/') || !parse_digits(p + 5, 2, &mo) ||
	    p[7] != p[4] || !parse_digits(p + 8, 2, &d) || (p[10] != ' ' && p[10] != 'T') ||
	    !parse_digits(p + 11, 2, &h) || p[13] != ':' || !parse_digits(p + 14, 2, &mi) || p[16] != ':' ||
	    !parse_digits(p + 17, 2, &s)) {
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
	t = text_trim(t);
	return intern_id(r->campaigns, t.p, t.n);
}

uint32_t
log_intern_caller(struct log_reader *r, struct text t)
{
	char e164[PHONE_MAX];
	uint32_t h, id;
	struct caller_slot *slot;

	t = text_trim(t);
	if (t.n == 0)
		return 0;
	h = log_hash(t);
	slot = &r->caller_cache[h & 63];
	if (slot->hash == h && t.n < sizeof(slot->raw) && memcmp(slot->raw, t.p, t.n) == 0 &&
	    slot->raw[t.n] == '\0')
		return slot->id;
	if (phone_normalise(t.p, t.n, r->numbering, e164) == PHONE_OK)
		id = intern_id(r->callers, e164, strlen(e164));
	else
		id = intern_id(r->callers, t.p, t.n);
	if (t.n < sizeof(slot->raw)) {
		slot->hash = h;
		slot->id = id;
		memcpy(slot->raw, t.p, t.n);
		slot->raw[t.n] = '\0';
	}
	return id;
}

uint32_t
log_hash(struct text t)
{
	uint32_t h = 2166136261u;

	t = text_trim(t);
	if (t.n == 0)
		return 0;
	for (size_t i = 0; i < t.n; i++) {
		h ^= (unsigned char)t.p[i];
		h *= 16777619u;
	}
	return h != 0 ? h : 1;
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
	fs_note_read_file(path);
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

#define RELEASE_STEP (4u << 20)
#define RECOVER_MAX (64u << 10) /* a longer line is no row a format can rescue */

/*
 * Gives back the pages of [from, to) of the mapped file: the parser never
 * looks behind itself, and without this a large log's pages would count in
 * the process's memory until the end. A page read again (a chunk parsed
 * twice) just faults back in from the page cache.
 */
static void
release(const char *buf, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t a = (from + page - 1) / page * page, b = to / page * page;

	if (b > a)
		madvise((char *)buf + a, b - a, MADV_DONTNEED);
}

/* csvrec's hook for a line longer than a record: its pages go back as it is crossed. */
static void
skim(void *ctx, const char *buf, size_t from, size_t to)
{
	(void)ctx;
	release(buf, from, to);
}

/* One parser thread's share of a file: records starting in [start, end). */
struct worker {
	const struct log_format *fmt;
	struct log_reader r;          /* with the worker's own intern tables */
	struct intern campaigns, callers;
	const char *buf;
	size_t len, start, end;
	size_t stop;                  /* where the record after its last one starts */
	uint32_t lines;               /* physical lines consumed, start → stop */
	struct call_run run;
	struct log_file_stats st;     /* lines relative to the worker's start */
	int failed;                   /* out of memory in the parser */
	_Atomic size_t *done;         /* bytes parsed by every worker of the file */
	const struct log_scan_opts *o;/* for progress reports (worker 0 only) */
};

/* Where a record's first physical line ends (its second begins). */
static size_t
first_line_end(const struct csvrec_result *res)
{
	return res->lines > 1 && res->second_line > res->start ? res->second_line : res->next;
}

/* The format's second chance at a rejected record, from its first line. */
static int
recover(struct worker *w, const struct csvrec_result *res, bool csv_bad, uint32_t line,
    const char **reason)
{
	size_t end = first_line_end(res);
	struct text t = { w->buf + res->start, 0 };
	struct call c;

	if (end <= res->start || end - res->start > RECOVER_MAX)
		return -1;
	t.n = end - res->start;
	while (t.n > 0 && (t.p[t.n - 1] == '\n' || t.p[t.n - 1] == '\r'))
		t.n--;
	memset(&c, 0, sizeof(c));
	c.line = line;
	c.file = w->r.file;
	if (w->fmt->recover(&w->r, t, csv_bad, &c, reason) != 0)
		return -1;
	log_stats_keep(&w->st, &w->run, &c);
	return 0;
}

/*
 * Parses records starting before w->end. Line numbers are relative (the
 * first line of the chunk is 1) and fixed up after the join, when the
 * lines of the chunks before are known.
 */
static void *
work(void *arg)
{
	struct worker *w = arg;
	struct csvrec rec;
	size_t pos = w->start, released = w->start;
	uint32_t line = 1;

	if (csvrec_init(&rec, w->fmt->delim) != 0) {
		w->failed = 1;
		return NULL;
	}
	rec.skim = skim;
	while (pos < w->end) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(&rec, w->buf, w->len, pos, &res);
		const char *reason = NULL;
		struct call c;

		if (s == CSVREC_END || res.start >= w->end)
			break; /* only blank lines were left in the chunk */
		if (pos - released >= RELEASE_STEP) {
			release(w->buf, released, pos);
			*w->done += pos - released;
			released = pos;
			if (w->o != NULL && w->o->progress != NULL)
				w->o->progress(w->o->progress_arg, w->r.path, *w->done, w->len);
		}
		line += res.blank_lines;
		w->st.rows++;
		if (s == CSVREC_OK) {
			memset(&c, 0, sizeof(c));
			c.line = line;
			c.file = w->r.file;
			if (w->fmt->row(&w->r, rec.fields, rec.nfields, &c, &reason) == 0) {
				log_stats_keep(&w->st, &w->run, &c);
				line += res.lines;
				pos = res.next;
				continue;
			}
		} else {
			reason = res.reason;
		}
		if (w->fmt->recover == NULL || recover(w, &res, s != CSVREC_OK, line, &reason) != 0)
			log_stats_reject(&w->st, line, reason);
		/* Rescued or not, the record counts as its first line only. A bad
		 * one that ran over several lines most likely swallowed good rows
		 * behind an unbalanced quote: read again from its second line, so
		 * those rows are parsed or rejected one by one. */
		line += 1;
		pos = first_line_end(&res);
	}
	/* blank lines at the end of the chunk belong to it */
	while (pos < w->end && (w->buf[pos] == '\n' || w->buf[pos] == '\r')) {
		line += w->buf[pos] == '\n';
		pos++;
	}
	w->stop = pos;
	w->lines = line - 1;
	csvrec_free(&rec);
	return NULL;
}

static void
worker_init(struct worker *w, const struct log_reader *r, const struct log_format *fmt,
    const char *buf, size_t len, size_t start, size_t end)
{
	memset(w, 0, sizeof(*w));
	w->fmt = fmt;
	w->r = *r;
	intern_init(&w->campaigns);
	intern_init(&w->callers);
	w->r.campaigns = &w->campaigns;
	w->r.callers = &w->callers;
	w->buf = buf;
	w->len = len;
	w->start = start;
	w->end = end;
}

static void
worker_free(struct worker *w)
{
	free(w->run.v);
	intern_free(&w->campaigns);
	intern_free(&w->callers);
}

/* Folds a finished worker into the log: ids remapped, lines made absolute. */
static void
worker_merge(struct worker *w, uint32_t line0, struct calllog *log, struct log_file_stats *st)
{
	uint32_t *cmap = intern_merge(&log->campaigns, &w->campaigns);
	uint32_t *kmap = intern_merge(&log->callers, &w->callers);

	for (size_t i = 0; i < w->run.n; i++) {
		struct call *c = &w->run.v[i];

		c->campaign = cmap[c->campaign];
		c->caller = kmap[c->caller];
		c->line += line0;
	}
	free(cmap);
	free(kmap);
	st->rows += w->st.rows;
	st->parsed += w->st.parsed;
	st->rejected += w->st.rejected;
	for (size_t k = 0; k < w->st.nexamples && st->nexamples < REJECT_EXAMPLES; k++) {
		st->examples[st->nexamples] = w->st.examples[k];
		st->examples[st->nexamples].line += line0;
		st->nexamples++;
	}
	if (w->st.first != 0 && (st->first == 0 || w->st.first < st->first))
		st->first = w->st.first;
	if (w->st.last > st->last)
		st->last = w->st.last;
	xgrow((void **)&log->runs, &log->runs_cap, log->nruns + 1, sizeof(w->run));
	log->runs[log->nruns++] = w->run;
	w->run.v = NULL;
}

/* Chunk boundaries just after a newline near each even split of [pos, len). */
static size_t
split_point(const char *buf, size_t len, size_t at)
{
	/* giving back what is crossed: the split may fall inside a line of
	 * many megabytes */
	return csvrec_line_end(buf, len, at, at, skim, NULL);
}

#define MIN_CHUNK (4u << 20) /* below this, threads cost more than they save */
#define MAX_JOBS 64

int
logscan_file(const char *path, const struct log_format *fmt, const struct log_scan_opts *o,
    struct calllog *log, struct diag *d)
{
	struct log_reader r = { 0 };
	struct csvrec rec;
	struct worker *w;
	pthread_t tid[MAX_JOBS];
	size_t len, pos = 0, fi, nw;
	uint32_t line = 1;
	int jobs = o->jobs > 0 ? (o->jobs < MAX_JOBS ? o->jobs : MAX_JOBS) : 1;
	_Atomic size_t done = 0;
	char *buf = map_file(path, &len, d);

	if (buf == NULL)
		return -1;
	fi = calllog_add_file(log, path, fmt->name);
	r.path = path;
	r.zone = o->zone;
	r.numbering = o->numbering;
	r.file = (uint16_t)fi;
	r.state = o->format_state;
	for (size_t i = 0; i < sizeof(r.cols) / sizeof(r.cols[0]); i++)
		r.cols[i] = -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* a byte-order mark from a spreadsheet */
	/* The first record decides the layout (a header, or data) before the
	 * file is shared out. */
	if (csvrec_init(&rec, fmt->delim) == 0) {
		struct csvrec_result res;
		const char *reason = NULL;

		rec.skim = skim;
		r.campaigns = &log->campaigns;
		r.callers = &log->callers;
		if (csvrec_next(&rec, buf, len, pos, &res) == CSVREC_OK) {
			int h = fmt->start(&r, rec.fields, rec.nfields, &reason);

			if (h < 0) {
				csvrec_free(&rec);
				unmap_file(buf, len);
				log->nfiles--;
				free((char *)log->files[fi].path);
				return diag_set(d, path, (int)(line + res.blank_lines), "not a log of format "
				    "%s: %s", fmt->name, reason);
			}
			if (h == 1) {
				line += res.blank_lines + res.lines;
				pos = res.next;
			}
		}
		csvrec_free(&rec);
	}
	{
		size_t chunk = o->min_chunk > 0 ? o->min_chunk : MIN_CHUNK;

		nw = (size_t)jobs;
		if ((len - pos) / chunk < nw)
			nw = (len - pos) / chunk > 0 ? (len - pos) / chunk : 1;
	}
	w = xcalloc(nw, sizeof(*w));
	for (size_t k = 0; k < nw; k++) {
		size_t a = k == 0 ? pos : w[k - 1].end;
		size_t b = k + 1 == nw ? len : split_point(buf, len, pos + (len - pos) / nw * (k + 1));

		worker_init(&w[k], &r, fmt, buf, len, a, b < a ? a : b);
		w[k].done = &done;
	}
	w[0].o = o;
	for (size_t k = 1; k < nw; k++)
		if (pthread_create(&tid[k], NULL, work, &w[k]) != 0)
			w[k].failed = 2; /* run it below, in this thread */
	work(&w[0]);
	for (size_t k = 1; k < nw; k++) {
		if (w[k].failed != 2)
			pthread_join(tid[k], NULL);
		else {
			w[k].failed = 0;
			work(&w[k]);
		}
	}
	for (size_t k = 0; k < nw; k++) {
		/* A record that ran over the boundary (a quoted newline) means the
		 * next chunk started inside it: parse that chunk again from where
		 * this one really ended. Rare, and exact. When the record ran past
		 * the next chunk as well (chunks can be empty: several split points
		 * may fall on one newline), that chunk becomes empty and ends where
		 * the record did, so the chunk after it is parsed again too. */
		if (k + 1 < nw && w[k].stop != w[k + 1].start) {
			size_t end = w[k + 1].end;

			worker_free(&w[k + 1]);
			worker_init(&w[k + 1], &r, fmt, buf, len, w[k].stop, w[k].stop > end ? w[k].stop : end);
			w[k + 1].done = &done;
			work(&w[k + 1]);
		}
		if (w[k].failed) {
			for (size_t j = k; j < nw; j++)
				worker_free(&w[j]);
			free(w);
			unmap_file(buf, len);
			return diag_set(d, path, 0, "out of memory while parsing");
		}
		worker_merge(&w[k], line - 1, log, &log->files[fi]);
		line += w[k].lines;
		worker_free(&w[k]);
	}
	free(w);
	unmap_file(buf, len);
	if (o->progress != NULL)
		o->progress(o->progress_arg, path, len, len);
	return 0;
}
