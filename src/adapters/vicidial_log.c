/* vicidial-log: vicidial_log exports (CSV or tab text with a header, or a mysqldump) as calls. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "adapters/vicidial_export.h"
#include "adapters/vicidial_tables.h"
#include "logscan.h"
#include "util/phone.h"
#include "util/xalloc.h"

int vicidial_log_sniff(const char *path, const char *head, size_t len, const struct model *m);
int vicidial_log_parse(const char *path, struct model *m, struct diag *d);

#define DUMP_SNIFF (64u << 20)

enum col {
	L_UNIQUEID, L_CAMPAIGN_ID, L_CALL_DATE, L_START_EPOCH, L_END_EPOCH, L_LENGTH, L_STATUS,
	L_PHONE_CODE, L_PHONE_NUMBER, L_PHONE_DIALED, L_USER, L_TERM_REASON, L_DIAL_TIME,
	L_ANSWERED_TIME, L_DIALSTATUS, L_CALLER_CODE, L__COUNT,
	L_NFIELDS = 31, /* r->cols slot holding the header's field count (0: a dump row) */
};

/* vicidial_log's columns, and those of the Export Calls Report (EXTENDED adds the carrier's). */
static const char *const col_names[L__COUNT] = {
	"uniqueid", "campaign_id", "call_date", "start_epoch", "end_epoch", "length_in_sec", "status",
	"phone_code", "phone_number", "phone_number_dialed", "user", "term_reason", "dial_time",
	"answered_time", "dialstatus", "caller_code",
};

static const char *const log_tables[] = { "vicidial_log", "vicidial_log_archive", NULL };
/* what a first pass over a dump (and the exports beside a log) collect */
static const char *const side_tables[] = { "vicidial_call_times", "vicidial_state_call_times",
	"vicidial_statuses", "vicidial_campaign_statuses", "vicidial_carrier_log",
	"vicidial_drop_log", "vicidial_dial_log", "vicidial_dial_cid_log", "vicidial_log_extended",
	NULL };

/* The carrier's timing and the drop log, keyed by uniqueid. */
struct side {
	uint64_t key;
	uint32_t ring;    /* dial_time - answered_time; UINT32_MAX = no carrier row */
	bool dropped;     /* in vicidial_drop_log */
};

/* The caller ID a call presented, by caller_code (vicidial_dial_log,
 * vicidial_dial_cid_log), and the caller_code of a uniqueid
 * (vicidial_log_extended). */
struct cid_entry {
	uint64_t key;
	uint32_t off;   /* in cid_pool */
	uint8_t prio;   /* dial_cid_log (what was sent) over dial_log (what was asked) */
};

struct ext_entry {
	uint64_t uniqueid, code;
};

struct vlog_state {
	struct vd_tables tables;
	struct cid_entry *cids;
	size_t ncids, cids_cap;
	char *cid_pool;
	size_t pool_used, pool_cap;
	struct ext_entry *ext;
	size_t next, ext_cap;
	struct side *side;
	size_t nside, side_cap;
	bool sorted;
	const char *path; /* of the log, so a carrier log in it is not read twice */
};

static uint64_t
key_of(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h | 1; /* 0 never stands for a key */
}

static int cmp_cid(const void *a, const void *b);
static int cmp_ext(const void *a, const void *b);

static int
cmp_side(const void *a, const void *b)
{
	uint64_t x = ((const struct side *)a)->key, y = ((const struct side *)b)->key;

	return x < y ? -1 : x > y;
}

/* Sorted, and entries of one uniqueid merged (a carrier row and a drop row). */
static void
side_finish(struct vlog_state *st)
{
	size_t w = 0;

	if (st->nside > 1)
		qsort(st->side, st->nside, sizeof(*st->side), cmp_side);
	for (size_t i = 0; i < st->nside; i++) {
		if (w > 0 && st->side[w - 1].key == st->side[i].key) {
			st->side[w - 1].dropped |= st->side[i].dropped;
			if (st->side[i].ring != UINT32_MAX)
				st->side[w - 1].ring = st->side[i].ring;
			continue;
		}
		st->side[w++] = st->side[i];
	}
	st->nside = w;
	st->sorted = true;
	if (st->ncids > 1)
		qsort(st->cids, st->ncids, sizeof(*st->cids), cmp_cid);
	if (st->next > 1)
		qsort(st->ext, st->next, sizeof(*st->ext), cmp_ext);
}

static const struct side *
side_find(const struct vlog_state *st, struct text uniqueid)
{
	uint64_t k;
	size_t lo = 0, hi = st->nside;

	if (uniqueid.n == 0 || st->nside == 0)
		return NULL;
	k = key_of(uniqueid.p, uniqueid.n);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->side[mid].key == k)
			return &st->side[mid];
		if (st->side[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool
value_uint(const struct vx_value *v, uint32_t *out)
{
	struct text t;

	if (v == NULL || v->null)
		return false;
	t.p = v->p;
	t.n = v->n;
	return log_uint(t, out) == 0;
}

/* "V1271230450000012345" <3125551212> → 3125551212; a bare number stays. */
static struct text
cid_number(const struct vx_value *v)
{
	struct text t = { v->p, v->n };

	phone_callerid_brackets(v->p, v->n, &t.p, &t.n);
	return text_trim(t);
}

static int
cid_row(struct vlog_state *st, const struct vx_row *row, bool sent)
{
	const struct vx_value *code, *cid;
	struct cid_entry e;
	struct text num;

	if (row->bad != NULL || (code = vx_get(row, "caller_code")) == NULL || code->null ||
	    code->n == 0 || (cid = vx_get(row, "outbound_cid")) == NULL || cid->null)
		return 1;
	num = cid_number(cid);
	if (num.n == 0 || num.n > 64)
		return 1;
	e.key = key_of(code->p, code->n);
	e.prio = sent;
	e.off = (uint32_t)st->pool_used;
	if (st->pool_used + num.n + 1 > UINT32_MAX)
		return 1; /* 4 GiB of caller IDs: the rest stay unknown */
	xgrow((void **)&st->cid_pool, &st->pool_cap, st->pool_used + num.n + 1, 1);
	memcpy(st->cid_pool + st->pool_used, num.p, num.n);
	st->cid_pool[st->pool_used + num.n] = '\0';
	st->pool_used += num.n + 1;
	xgrow((void **)&st->cids, &st->cids_cap, st->ncids + 1, sizeof(e));
	st->cids[st->ncids++] = e;
	return 1;
}

static int
ext_row(struct vlog_state *st, const struct vx_row *row)
{
	const struct vx_value *u, *code;
	struct ext_entry e;

	if (row->bad != NULL || (u = vx_get(row, "uniqueid")) == NULL || u->null || u->n == 0 ||
	    (code = vx_get(row, "caller_code")) == NULL || code->null || code->n == 0)
		return 1;
	e.uniqueid = key_of(u->p, u->n);
	e.code = key_of(code->p, code->n);
	xgrow((void **)&st->ext, &st->ext_cap, st->next + 1, sizeof(e));
	st->ext[st->next++] = e;
	return 1;
}

static int
cmp_cid(const void *a, const void *b)
{
	const struct cid_entry *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (int)y->prio - (int)x->prio;
}

static int
cmp_ext(const void *a, const void *b)
{
	uint64_t x = ((const struct ext_entry *)a)->uniqueid, y = ((const struct ext_entry *)b)->uniqueid;

	return x < y ? -1 : x > y;
}

/* The caller ID of a call, by its caller_code or, through vicidial_log_extended,
 * its uniqueid; NULL when no dial log says. */
static const char *
cid_find(const struct vlog_state *st, struct text code, struct text uniqueid)
{
	uint64_t k;
	size_t lo = 0, hi;

	if (st->ncids == 0)
		return NULL;
	if (code.n > 0) {
		k = key_of(code.p, code.n);
	} else if (uniqueid.n > 0 && st->next > 0) {
		uint64_t u = key_of(uniqueid.p, uniqueid.n);

		hi = st->next;
		k = 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (st->ext[mid].uniqueid == u) {
				k = st->ext[mid].code;
				break;
			}
			if (st->ext[mid].uniqueid < u)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (k == 0)
			return NULL;
		lo = 0;
	} else {
		return NULL;
	}
	hi = st->ncids;
	while (lo < hi) { /* the first entry of the key: the one sent, when known */
		size_t mid = lo + (hi - lo) / 2;

		if (st->cids[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->ncids && st->cids[lo].key == k ? st->cid_pool + st->cids[lo].off : NULL;
}

/* A carrier-log or drop-log row; 0 when the row is of neither table. */
static int
side_row(struct vlog_state *st, const struct vx_row *row)
{
	bool carrier = strcasecmp(row->table, "vicidial_carrier_log") == 0;
	const struct vx_value *u;
	uint32_t dial, answered;
	struct side e;

	if (strcasecmp(row->table, "vicidial_dial_log") == 0 ||
	    strcasecmp(row->table, "vicidial_dial_cid_log") == 0)
		return cid_row(st, row, strcasecmp(row->table, "vicidial_dial_cid_log") == 0);
	if (strcasecmp(row->table, "vicidial_log_extended") == 0)
		return ext_row(st, row);
	if (!carrier && strcasecmp(row->table, "vicidial_drop_log") != 0)
		return 0;
	if (row->bad != NULL || (u = vx_get(row, "uniqueid")) == NULL || u->null || u->n == 0)
		return 1; /* nothing to join on: the log's own row stands */
	e.key = key_of(u->p, u->n);
	e.ring = UINT32_MAX;
	e.dropped = !carrier;
	if (carrier) {
		if (!value_uint(vx_get(row, "dial_time"), &dial) ||
		    !value_uint(vx_get(row, "answered_time"), &answered) || answered > dial)
			return 1;
		e.ring = dial - answered;
	}
	xgrow((void **)&st->side, &st->side_cap, st->nside + 1, sizeof(*st->side));
	st->side[st->nside++] = e;
	st->sorted = false;
	return 1;
}

static int
side_take(void *ctx, const struct vx_row *row, struct diag *d)
{
	struct vlog_state *st = ctx;

	if (side_row(st, row))
		return 0;
	return vd_tables_row(&st->tables, row, d) < 0 ? -1 : 0;
}

int
vicidial_log_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	const char *tb;
	unsigned mask;

	(void)m;
	if (vx_detect(head, len) == VX_SQL)
		return vx_dump_tables(path, DUMP_SNIFF, log_tables, &mask) == 0 && mask != 0 ? 85 : 0;
	tb = vd_text_table(head, len);
	return tb != NULL && strcmp(tb, "vicidial_log") == 0 ? 90 : 0;
}

/* ---- one row ------------------------------------------------------------- */

static int
vlog_start(struct log_reader *r, const struct text *f, size_t n, const char **reason)
{
	for (size_t i = 0; i < n; i++) {
		struct text t = text_trim(f[i]);

		for (int c = 0; c < L__COUNT; c++)
			if (t.n == strlen(col_names[c]) && strncasecmp(t.p, col_names[c], t.n) == 0 &&
			    r->cols[c] < 0)
				r->cols[c] = (int)i;
	}
	if ((r->cols[L_CALL_DATE] < 0 && r->cols[L_START_EPOCH] < 0) || r->cols[L_STATUS] < 0 ||
	    (r->cols[L_PHONE_NUMBER] < 0 && r->cols[L_PHONE_DIALED] < 0)) {
		*reason = "its header names no call_date, status or phone_number column";
		return -1;
	}
	r->cols[L_NFIELDS] = (int)n;
	r->has_header = true;
	return 1;
}

static struct text
col(const struct text *f, size_t n, const int *cols, enum col c)
{
	static const char empty[] = "";
	struct text none = { empty, 0 };

	return cols[c] >= 0 && (size_t)cols[c] < n ? text_trim(f[cols[c]]) : none;
}

static bool
no_agent(struct text user)
{
	return user.n == 0 || text_eq(user, "VDAD") || text_eq(user, "VDCL");
}

static int
vlog_row(struct log_reader *r, const struct text *f, size_t n, struct call *c, const char **reason)
{
	const struct vlog_state *vs = r->state;
	const struct vd_tables *t = &vs->tables;
	const struct side *side;
	const int *cols = r->cols;
	struct text epoch = col(f, n, cols, L_START_EPOCH), num, code, status, camp, user;
	char raw[64];
	uint32_t len = 0, dial, answered;
	const struct vd_status *st;
	enum vd_class cls;
	bool has_len;

	/* a row with more or fewer fields than the header is shifted: its
	 * columns cannot be trusted */
	if (cols[L_NFIELDS] > 0 && (size_t)cols[L_NFIELDS] != n) {
		*reason = n > (size_t)cols[L_NFIELDS] ? "more fields than the header names" :
		    "fewer fields than the header names";
		return -1;
	}
	/* start_epoch carries no zone; call_date is the server's wall clock */
	if (epoch.n > 0 && !text_eq(epoch, "0") && !text_eq(epoch, "NULL")) {
		if (log_time(r, epoch, &c->start, reason) < 0)
			return -1;
	} else if (log_time(r, col(f, n, cols, L_CALL_DATE), &c->start, reason) < 0) {
		return -1;
	}
	has_len = log_uint(col(f, n, cols, L_LENGTH), &len) == 0;
	if (!has_len) {
		struct text e = col(f, n, cols, L_END_EPOCH), l = col(f, n, cols, L_LENGTH);
		int64_t end;
		uint32_t neg;

		if (e.n > 0 && !text_eq(e, "0") && log_time(r, e, &end, reason) == 0 && end >= c->start) {
			len = (uint32_t)(end - c->start);
			has_len = true;
		} else if (l.n > 1 && l.p[0] == '-' && log_uint((struct text){ l.p + 1, l.n - 1 },
		    &neg) == 0) {
			len = 0; /* VICIdial writes -1 for a call it could not time */
		} else if (l.n > 0 && !text_eq(l, "NULL")) {
			*reason = "length_in_sec is not a whole number of seconds";
			return -1;
		}
	}
	c->duration = len;
	num = col(f, n, cols, L_PHONE_DIALED);
	if (num.n == 0)
		num = col(f, n, cols, L_PHONE_NUMBER);
	code = col(f, n, cols, L_PHONE_CODE);
	if (code.n > 0 && code.p[0] == '+') {
		code.p++;
		code.n--;
	}
	/* phone_code is the country code, phone_number the national number */
	if (code.n > 0 && code.n < 8 && num.n > 0 && num.n < 40 && num.p[0] != '+') {
		snprintf(raw, sizeof(raw), "+%.*s%.*s", (int)code.n, code.p, (int)num.n, num.p);
		num.p = raw;
		num.n = strlen(raw);
	}
	if (log_number(r, num, &c->number, reason) < 0)
		return -1;
	status = col(f, n, cols, L_STATUS);
	camp = col(f, n, cols, L_CAMPAIGN_ID);
	user = col(f, n, cols, L_USER);
	st = vd_status_find(t, camp.p, camp.n, status.p, status.n);
	cls = vd_classify(st, status.p, status.n);
	if (text_eq(col(f, n, cols, L_TERM_REASON), "ABANDON") && no_agent(user) &&
	    (cls == VD_ANSWERED || cls == VD_UNKNOWN))
		cls = VD_DROP; /* the called person hung up waiting for an agent */
	switch (cls) {
	case VD_NOT_CALLED:
		*reason = "a do-not-call block in the hopper (DNCL/DNCC): no call was placed";
		return -1;
	case VD_DROP:
		c->disposition = DISP_ABANDONED;
		c->flags |= CALL_ANSWERED | CALL_LIVE | CALL_ABANDONED;
		break;
	case VD_MACHINE:
		c->disposition = DISP_MACHINE;
		c->flags |= CALL_ANSWERED;
		break;
	case VD_NO_ANSWER:
		c->disposition = DISP_NO_ANSWER;
		c->ring = len;
		break;
	case VD_BUSY:
		c->disposition = DISP_BUSY;
		c->ring = len;
		break;
	case VD_FAILED:
		c->disposition = DISP_FAILED;
		c->ring = len;
		break;
	case VD_REFUSED:
		c->disposition = DISP_REFUSED;
		c->flags |= CALL_ANSWERED | CALL_LIVE | CALL_REFUSED;
		break;
	case VD_ANSWERED:
		c->disposition = DISP_ANSWERED;
		c->flags |= CALL_ANSWERED | CALL_LIVE;
		break;
	case VD_DEAD_AIR:
		c->disposition = DISP_ANSWERED;
		c->flags |= CALL_ANSWERED;
		break;
	default:
		c->disposition = DISP_UNKNOWN;
		break;
	}
	if ((c->flags & CALL_LIVE) && !(c->flags & CALL_ABANDONED) && !no_agent(user))
		c->flags |= CALL_AGENT;
	/* The EXTENDED export carries the carrier's own timing: ringing is
	 * dial_time - answered_time (formats.md §3.3). */
	if (log_uint(col(f, n, cols, L_DIAL_TIME), &dial) == 0 &&
	    log_uint(col(f, n, cols, L_ANSWERED_TIME), &answered) == 0 && dial >= answered) {
		c->ring = dial - answered;
		has_len = true;
	}
	/* the carrier log and the drop log, joined on uniqueid */
	if ((side = side_find(vs, col(f, n, cols, L_UNIQUEID))) != NULL) {
		if (side->ring != UINT32_MAX) {
			c->ring = side->ring;
			has_len = true;
		}
		if (side->dropped && !(c->flags & CALL_ABANDONED)) {
			c->disposition = DISP_ABANDONED;
			c->flags = (uint8_t)((c->flags | CALL_ANSWERED | CALL_LIVE | CALL_ABANDONED) &
			    ~CALL_AGENT);
		}
	}
	/* an unanswered call of no known length (length_in_sec NULL, no end,
	 * no carrier row) rang for a time nobody recorded: not a short ring */
	if (!has_len && c->disposition == DISP_NO_ANSWER)
		c->disposition = DISP_UNKNOWN;
	{
		const char *cid = cid_find(vs, col(f, n, cols, L_CALLER_CODE),
		    col(f, n, cols, L_UNIQUEID));

		if (cid != NULL) {
			struct text ct = { cid, strlen(cid) };

			c->caller = log_intern_caller(r, ct);
		}
	}
	c->campaign = log_intern_campaign(r, camp);
	c->link = log_hash(col(f, n, cols, L_UNIQUEID));
	return 0;
}

static const struct log_format vlog_csv = { "vicidial-log", ',', vlog_start, vlog_row };
static const struct log_format vlog_tab = { "vicidial-log", '\t', vlog_start, vlog_row };
static const struct log_format vlog_scsv = { "vicidial-log", ';', vlog_start, vlog_row };

/* ---- mysqldump ----------------------------------------------------------- */

struct dump {
	struct log_reader r;
	struct calllog *log;
	struct log_file_stats *st;
	struct call_run run;
	size_t fi;
	const char *const *cols; /* the column names map is for */
	size_t ncols;
	signed char map[VX_MAX_COLS]; /* value index → enum col, or -1 */
};

static int
dump_row(void *ctx, const struct vx_row *row, struct diag *d)
{
	struct dump *x = ctx;
	struct text f[L__COUNT];
	const char *reason = NULL;
	struct call c;
	bool wanted = false;

	(void)d;
	for (int i = 0; log_tables[i] != NULL; i++)
		wanted |= strcasecmp(row->table, log_tables[i]) == 0;
	if (!wanted)
		return 0;
	x->st = &x->log->files[x->fi]; /* files may have moved */
	x->st->rows++;
	if (row->bad != NULL) {
		log_stats_reject(x->st, (uint32_t)row->line, row->bad);
		return 0;
	}
	if (row->cols != x->cols || row->n != x->ncols) {
		/* the same column list serves every row of one INSERT */
		for (int k = 0; k < L__COUNT; k++)
			x->r.cols[k] = -1;
		for (size_t i = 0; i < row->n; i++) {
			x->map[i] = -1;
			for (int k = 0; k < L__COUNT; k++)
				if (x->r.cols[k] < 0 && strcasecmp(row->cols[i], col_names[k]) == 0) {
					x->r.cols[k] = k; /* f below is in enum order */
					x->map[i] = (signed char)k;
				}
		}
		x->cols = row->cols;
		x->ncols = row->n;
	}
	for (int k = 0; k < L__COUNT; k++) {
		f[k].p = "";
		f[k].n = 0;
	}
	for (size_t i = 0; i < row->n; i++)
		if (x->map[i] >= 0 && !row->v[i].null) {
			f[x->map[i]].p = row->v[i].p;
			f[x->map[i]].n = row->v[i].n;
		}
	memset(&c, 0, sizeof(c));
	c.line = (uint32_t)row->line;
	c.file = (uint16_t)x->fi;
	if (vlog_row(&x->r, f, L__COUNT, &c, &reason) < 0) {
		log_stats_reject(x->st, (uint32_t)row->line, reason);
		return 0;
	}
	log_stats_keep(x->st, &x->run, &c);
	return 0;
}

static int
parse_dump(const char *path, struct model *m, const struct vlog_state *t, struct diag *d)
{
	struct dump x;
	struct calllog *log = &m->log;
	int rc;

	memset(&x, 0, sizeof(x));
	x.log = log;
	x.fi = calllog_add_file(log, path, "vicidial-log");
	x.r.path = path;
	x.r.zone = m->log_opts.zone;
	x.r.numbering = m->log_opts.numbering;
	x.r.campaigns = &log->campaigns;
	x.r.callers = &log->callers;
	x.r.file = (uint16_t)x.fi;
	x.r.state = (void *)t;
	for (size_t i = 0; i < sizeof(x.r.cols) / sizeof(x.r.cols[0]); i++)
		x.r.cols[i] = -1;
	rc = vx_read_file_only(path, NULL, log_tables, dump_row, &x, d);
	if (rc < 0) {
		free(x.run.v);
		free((char *)log->files[x.fi].path);
		log->nfiles--;
		return -1;
	}
	xgrow((void **)&log->runs, &log->runs_cap, log->nruns + 1, sizeof(x.run));
	log->runs[log->nruns++] = x.run;
	log->files[x.fi].no_caller_ids = true;
	return 0;
}

/* Whether the first line of head names every column of cols (whole fields). */
static bool
header_all(const char *head, size_t len, const char *const *cols)
{
	const char *end = memchr(head, '\n', len);

	if (end == NULL)
		end = head + len;
	for (int i = 0; cols[i] != NULL; i++) {
		size_t n = strlen(cols[i]);
		bool found = false;

		for (const char *p = head; p + n <= end && !found; p++)
			found = strncasecmp(p, cols[i], n) == 0 &&
			    (p == head || strchr(",;\t\"`", p[-1]) != NULL) &&
			    (p + n == end || strchr(",;\t\"`\r", p[n]) != NULL);
		if (!found)
			return false;
	}
	return true;
}

/* Carrier, drop and dial logs exported beside the log (CSV or tab with a header). */
static int
load_side(void *ctx, const char *file, const char *head, size_t len, struct diag *d)
{
	static const char *const cols_carrier[] = { "uniqueid", "dialstatus", "dial_time", NULL };
	static const char *const cols_drop[] = { "uniqueid", "drop_date", NULL };
	static const char *const cols_dial[] = { "caller_code", "outbound_cid", NULL };
	static const char *const cols_cid_log[] = { "call_type", NULL };
	static const char *const cols_ext[] = { "uniqueid", "caller_code", NULL };
	static const char *const cols_status[] = { "status", NULL };
	const char *table = vd_text_table(head, len);

	/* another call log beside this one (last week's Export Calls Report,
	 * whose EXTENDED columns look like a carrier log) is no side table */
	if (vx_detect(head, len) == VX_SQL || (table != NULL && strcmp(table, "vicidial_log") == 0))
		return 0;
	table = NULL;
	if (header_all(head, len, cols_carrier))
		table = "vicidial_carrier_log";
	else if (header_all(head, len, cols_drop))
		table = "vicidial_drop_log";
	else if (header_all(head, len, cols_dial))
		table = header_all(head, len, cols_cid_log) ? "vicidial_dial_cid_log" :
		    "vicidial_dial_log";
	else if (header_all(head, len, cols_ext) && !header_all(head, len, cols_status))
		table = "vicidial_log_extended";
	return table != NULL ? vx_read_file(file, table, side_take, ctx, d) : 0;
}

int
vicidial_log_parse(const char *path, struct model *m, struct diag *d)
{
	struct vlog_state st;
	struct log_scan_opts o = m->log_opts;
	char head[4096];
	ssize_t len;
	int fd, rc = -1;
	enum vx_form form;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	len = read(fd, head, sizeof(head));
	if (len < 0)
		diag_set(d, path, 0, "cannot read: %s", strerror(errno));
	close(fd);
	if (len < 0)
		return -1;
	form = vx_detect(head, (size_t)len);
	memset(&st, 0, sizeof(st));
	st.path = path;
	vd_tables_init(&st.tables);
	/* the site's statuses, carrier and drop logs: beside the log, then in
	 * the dump itself (mysqldump writes vicidial_statuses after vicidial_log) */
	if (vd_tables_load_beside(&st.tables, path, d) < 0 || vd_each_beside(path, load_side, &st, d) < 0 ||
	    (form == VX_SQL && vx_read_file_only(path, NULL, side_tables, side_take, &st, d) < 0))
		goto out;
	side_finish(&st);
	if (form == VX_SQL) {
		rc = parse_dump(path, m, &st, d);
	} else {
		o.format_state = &st;
		rc = logscan_file(path, form == VX_TAB ? &vlog_tab : form == VX_SCSV ? &vlog_scsv :
		    &vlog_csv, &o, &m->log, d);
		if (rc == 0) /* the caller ID is in vicidial_dial_log, not here */
			m->log.files[m->log.nfiles - 1].no_caller_ids = true;
	}
out:
	vd_tables_free(&st.tables);
	free(st.side);
	free(st.cids);
	free(st.cid_pool);
	free(st.ext);
	return rc;
}
