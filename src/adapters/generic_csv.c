/* generic-csv: any CSV call log with a header, read through a mapping file. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "adapters/adapter.h"
#include "logscan.h"
#include "mapping.h"

int generic_csv_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int generic_csv_parse(const char *path, struct model *m, struct diag *d);

/* r->cols[0 … MAP__COUNT-1] are the mapped columns' indexes; r->cols[NCOLS]
 * is the header's number of columns. */
#define NCOLS MAP__COUNT
_Static_assert(NCOLS < sizeof(((struct log_reader *)0)->cols) / sizeof(int),
    "log_reader.cols too small for a mapping");

/* Reasons that name a column or a count; copied by the scanner at once. */
static _Thread_local char why[200];


static bool
same_name(struct text t, const char *name)
{
	size_t n = strlen(name);

	t = text_trim(t);
	return t.n == n && strncasecmp(t.p, name, n) == 0;
}

/* Whether the header line (head[0…len), up to its end) names the column. */
static bool
header_has(const char *head, size_t len, unsigned char delim, const char *name)
{
	size_t i = 0;

	while (i < len && head[i] != '\n') {
		struct text t;
		size_t s = i;
		bool quoted = false;

		while (i < len && head[i] != '\n' && (quoted || (unsigned char)head[i] != delim)) {
			if (head[i] == '"')
				quoted = !quoted;
			i++;
		}
		t.p = head + s;
		t.n = i - s;
		t = text_trim(t);
		if (t.n >= 2 && t.p[0] == '"' && t.p[t.n - 1] == '"') {
			t.p++;
			t.n -= 2;
		}
		if (same_name(t, name))
			return true;
		if (i < len && (unsigned char)head[i] == delim)
			i++;
	}
	return false;
}

/* Nothing recognises arbitrary CSV: only a file whose header has the
 * columns of the mapping in effect is this format. */
int
generic_csv_sniff(const char *path, const char *head, size_t len,
    const struct model *model)
{
	const struct mapping *m = model != NULL ? model->log_opts.format_state : NULL;
	unsigned char delim;

	(void)path;
	if (m == NULL || !mapping_has_columns(m))
		return 0;
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		len -= 3;
	}
	delim = mapping_delimiter(m);
	return header_has(head, len, delim, mapping_column(m, MAP_NUMBER)) &&
	    header_has(head, len, delim, mapping_column(m, MAP_START)) ? 85 : 0;
}

static int
gen_start(struct log_reader *r, const struct text *f, size_t n, const char **reason)
{
	const struct mapping *m = r->state;

	for (int c = 0; c < MAP__COUNT; c++) {
		const char *name = mapping_column(m, (enum map_col)c);
		int at = -1;

		if (name == NULL)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (!same_name(f[i], name))
				continue;
			if (at >= 0) {
				snprintf(why, sizeof(why), "its header names column \"%s\" twice (columns %d "
				    "and %zu), so columns.%s is ambiguous", name, at + 1, i + 1,
				    mapping_column_key((enum map_col)c));
				*reason = why;
				return -1;
			}
			at = (int)i;
		}
		if (at < 0) {
			snprintf(why, sizeof(why), "its header has no column \"%s\" (columns.%s of the "
			    "mapping %s)", name, mapping_column_key((enum map_col)c), mapping_path(m));
			*reason = why;
			return -1;
		}
		r->cols[c] = at;
	}
	r->cols[NCOLS] = (int)n;
	r->has_header = true;
	return 1;
}

static struct text
col(const struct text *f, const struct log_reader *r, enum map_col c)
{
	static const char empty[] = "";
	struct text none = { empty, 0 };

	return r->cols[c] >= 0 ? text_trim(f[r->cols[c]]) : none;
}

/*
 * Seconds as a whole or decimal number ("42", "42.7": the fraction is
 * dropped) or a clock duration ("1:02:03", "2:03"). 0, or -1 with *reason.
 */
static int
seconds(struct text t, const char *what, uint32_t *out, const char **reason)
{
	uint64_t parts[3], total = 0;
	int np = 0;
	size_t i = 0;

	if (t.n > 0 && t.p[0] == '-') {
		snprintf(why, sizeof(why), "negative %s", what);
		*reason = why;
		return -1;
	}
	for (;;) {
		size_t s = i;
		uint64_t v = 0;

		while (i < t.n && isdigit((unsigned char)t.p[i]) && v <= UINT32_MAX)
			v = v * 10 + (uint64_t)(t.p[i++] - '0');
		if (i == s)
			goto bad;
		parts[np++] = v;
		if (i < t.n && t.p[i] == ':' && np < 3) {
			i++;
			continue;
		}
		break;
	}
	if (np == 1 && i < t.n && t.p[i] == '.') {
		size_t s = ++i;

		while (i < t.n && isdigit((unsigned char)t.p[i]))
			i++;
		if (i == s)
			goto bad;
	}
	if (i != t.n)
		goto bad;
	for (int k = 0; k < np; k++) {
		if ((k > 0 && parts[k] >= 60) || parts[k] > UINT32_MAX)
			goto bad;
		total = total * 60 + parts[k];
	}
	if (total > UINT32_MAX)
		goto bad;
	*out = (uint32_t)total;
	return 0;
bad:
	snprintf(why, sizeof(why), "%s is not a number of seconds (or H:MM:SS)", what);
	*reason = why;
	return -1;
}

/* A time cell; 0 when set, 1 when empty or all zeros (not set), -1 when bad. */
static int
opt_time(struct log_reader *r, struct text t, const char *what, int64_t *out,
    const char **reason)
{
	const char *inner = NULL;

	if (t.n == 0 || mapping_time_unset(t))
		return 1;
	if (mapping_time(r->state, r->zone, t, out, &inner) < 0) {
		snprintf(why, sizeof(why), "%s time: %s", what, inner);
		*reason = why;
		return -1;
	}
	return 0;
}

/* Whether an agent cell names an agent (not blank or a placeholder). */
static bool
agent_named(struct text t)
{
	static const char *const none[] = { "0", "-", "none", "null", "n/a" };

	if (t.n == 0)
		return false;
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if (same_name(t, none[i]))
			return false;
	return true;
}

static int
gen_row(struct log_reader *r, const struct text *f, size_t n, struct call *c, const char **reason)
{
	struct mapping *m = r->state;
	int64_t answer = 0, end = 0;
	int has_answer = 1, has_end = 1, disp = -1;
	uint32_t ring = 0;
	bool has_ring = false;
	struct text t;

	if (!r->has_header) {
		/* the first record could not be read, so no column is known */
		*reason = "no readable header line before this row";
		return -1;
	}
	if (n != (size_t)r->cols[NCOLS]) {
		snprintf(why, sizeof(why), "too %s columns (%zu; the header has %d)%s",
		    n < (size_t)r->cols[NCOLS] ? "few" : "many", n, r->cols[NCOLS],
		    n > (size_t)r->cols[NCOLS] ? ": an unquoted delimiter in a value?" : "");
		*reason = why;
		return -1;
	}
	if (log_number(r, col(f, r, MAP_NUMBER), &c->number, reason) < 0)
		return -1;
	t = col(f, r, MAP_START);
	if (t.n == 0 || mapping_time_unset(t)) {
		*reason = "start time missing";
		return -1;
	}
	if (opt_time(r, t, "start", &c->start, reason) < 0)
		return -1;
	if ((has_answer = opt_time(r, col(f, r, MAP_ANSWER), "answer", &answer, reason)) < 0 ||
	    (has_end = opt_time(r, col(f, r, MAP_END), "end", &end, reason)) < 0)
		return -1;
	if (has_end == 0 && end < c->start) {
		*reason = "end time before start time (negative duration)";
		return -1;
	}
	t = col(f, r, MAP_DURATION);
	if (t.n > 0) {
		if (seconds(t, "duration", &c->duration, reason) < 0)
			return -1;
	} else if (has_end == 0) {
		if (end - c->start > UINT32_MAX) {
			*reason = "end time too long after start time";
			return -1;
		}
		c->duration = (uint32_t)(end - c->start);
	} else if (r->cols[MAP_DURATION] >= 0) {
		*reason = r->cols[MAP_END] >= 0 ? "duration and end time missing" : "duration missing";
		return -1;
	}
	t = col(f, r, MAP_RING);
	if (t.n > 0) {
		if (seconds(t, "ring time", &ring, reason) < 0)
			return -1;
		has_ring = true;
	}

	/* The disposition column's value; else the answer time says answered or not. */
	t = col(f, r, MAP_DISPOSITION);
	if (r->cols[MAP_DISPOSITION] >= 0) {
		disp = mapping_disposition(m, t);
		if (disp < 0 && t.n > 0)
			disp = DISP_UNKNOWN; /* tallied by the mapping, the row is kept */
	}
	if (disp < 0)
		disp = has_answer == 0 ? DISP_ANSWERED :
		    r->cols[MAP_ANSWER] >= 0 ? DISP_NO_ANSWER : DISP_UNKNOWN;
	c->disposition = (uint8_t)disp;
	switch (disp) {
	case DISP_ANSWERED:
		c->flags |= CALL_ANSWERED | CALL_LIVE;
		break;
	case DISP_ABANDONED:
		/* A person answered and no agent came in time. */
		c->flags |= CALL_ANSWERED | CALL_LIVE | CALL_ABANDONED;
		break;
	case DISP_REFUSED:
		c->flags |= CALL_ANSWERED | CALL_LIVE | CALL_REFUSED;
		break;
	case DISP_MACHINE:
		c->flags |= CALL_ANSWERED;
		break;
	case DISP_UNKNOWN:
		if (has_answer == 0)
			c->flags |= CALL_ANSWERED;
		break;
	default: /* no answer, busy, failed */
		break;
	}
	if (has_ring)
		c->ring = ring;
	else if (c->flags & CALL_ANSWERED)
		c->ring = has_answer == 0 && answer >= c->start && answer - c->start <= UINT32_MAX ?
		    (uint32_t)(answer - c->start) : 0;
	else
		c->ring = c->duration;
	if ((c->flags & CALL_LIVE) && !(c->flags & CALL_ABANDONED) &&
	    agent_named(col(f, r, MAP_AGENT)))
		c->flags |= CALL_AGENT;
	if (r->cols[MAP_CONSENT] >= 0 && mapping_consent(m, col(f, r, MAP_CONSENT)))
		c->flags |= CALL_CONSENT;
	c->campaign = log_intern_campaign(r, col(f, r, MAP_CAMPAIGN));
	c->caller = log_intern_caller(r, col(f, r, MAP_CALLER_ID));
	c->link = log_hash(col(f, r, MAP_LINK));
	return 0;
}

static const struct log_format log_format_generic = {
	"generic-csv", ',', gen_start, gen_row,
};

int
generic_csv_parse(const char *path, struct model *m, struct diag *d)
{
	struct log_format fmt = log_format_generic;

	if (m->log_opts.format_state == NULL)
		return diag_set(d, path, 0, "generic-csv needs --mapping FILE (or mapping = \"FILE\"; "
		    "in dialaudit.cfg); see docs/mapping-format.md");
	if (!mapping_has_columns(m->log_opts.format_state))
		return diag_set(d, path, 0, "the mapping %s has no columns group, so it cannot read call "
		    "logs (its leads group is for config --leads)",
		    mapping_path(m->log_opts.format_state));
	fmt.delim = mapping_delimiter(m->log_opts.format_state);
	return logscan_file(path, &fmt, &m->log_opts, &m->log, d);
}
