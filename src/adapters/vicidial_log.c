/* vicidial-log: vicidial_log exports (CSV or tab text with a header, or a mysqldump) as calls. */
#include <ctype.h>
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
#include "util/xalloc.h"

int vicidial_log_sniff(const char *path, const char *head, size_t len, const struct model *m);
int vicidial_log_parse(const char *path, struct model *m, struct diag *d);

#define DUMP_SNIFF (64u << 20)

enum col {
	L_UNIQUEID, L_CAMPAIGN_ID, L_CALL_DATE, L_START_EPOCH, L_END_EPOCH, L_LENGTH, L_STATUS,
	L_PHONE_CODE, L_PHONE_NUMBER, L_PHONE_DIALED, L_USER, L_TERM_REASON, L_DIAL_TIME,
	L_ANSWERED_TIME, L_DIALSTATUS, L__COUNT,
};

/* vicidial_log's columns, and those of the Export Calls Report (EXTENDED adds the carrier's). */
static const char *const col_names[L__COUNT] = {
	"uniqueid", "campaign_id", "call_date", "start_epoch", "end_epoch", "length_in_sec", "status",
	"phone_code", "phone_number", "phone_number_dialed", "user", "term_reason", "dial_time",
	"answered_time", "dialstatus",
};

static const char *const log_tables[] = { "vicidial_log", "vicidial_log_archive", NULL };

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
	const struct vd_tables *t = r->state;
	const int *cols = r->cols;
	struct text epoch = col(f, n, cols, L_START_EPOCH), num, code, status, camp, user;
	char raw[64];
	uint32_t len = 0, dial, answered;
	const struct vd_status *st;
	enum vd_class cls;
	bool has_len;

	/* start_epoch carries no zone; call_date is the server's wall clock */
	if (epoch.n > 0 && !text_eq(epoch, "0") && !text_eq(epoch, "NULL")) {
		if (log_time(r, epoch, &c->start, reason) < 0)
			return -1;
	} else if (log_time(r, col(f, n, cols, L_CALL_DATE), &c->start, reason) < 0) {
		return -1;
	}
	has_len = log_uint(col(f, n, cols, L_LENGTH), &len) == 0;
	if (!has_len) {
		struct text e = col(f, n, cols, L_END_EPOCH);
		int64_t end;

		if (e.n > 0 && !text_eq(e, "0") && log_time(r, e, &end, reason) == 0 && end >= c->start)
			len = (uint32_t)(end - c->start);
		else if (col(f, n, cols, L_LENGTH).n > 0 && col(f, n, cols, L_LENGTH).p[0] == '-')
			len = 0; /* VICIdial writes -1 for a call it could not time */
		else if (col(f, n, cols, L_LENGTH).n > 0) {
			*reason = "length_in_sec is not a whole number of seconds";
			return -1;
		}
	}
	c->duration = len;
	num = col(f, n, cols, L_PHONE_DIALED);
	if (num.n == 0)
		num = col(f, n, cols, L_PHONE_NUMBER);
	code = col(f, n, cols, L_PHONE_CODE);
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
	    log_uint(col(f, n, cols, L_ANSWERED_TIME), &answered) == 0 && dial >= answered)
		c->ring = dial - answered;
	c->campaign = log_intern_campaign(r, camp);
	c->link = log_hash(col(f, n, cols, L_UNIQUEID));
	return 0;
}

static const struct log_format vlog_csv = { "vicidial-log", ',', vlog_start, vlog_row };
static const struct log_format vlog_tab = { "vicidial-log", '\t', vlog_start, vlog_row };

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
	x->st->parsed++;
	if (x->st->first == 0 || c.start < x->st->first)
		x->st->first = c.start;
	if (c.start > x->st->last)
		x->st->last = c.start;
	if (x->run.n == x->run.cap)
		xgrow((void **)&x->run.v, &x->run.cap, x->run.n + 1, sizeof(c));
	x->run.v[x->run.n++] = c;
	return 0;
}

static int
parse_dump(const char *path, struct model *m, const struct vd_tables *t, struct diag *d)
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

int
vicidial_log_parse(const char *path, struct model *m, struct diag *d)
{
	struct vd_tables t;
	struct log_scan_opts o = m->log_opts;
	char head[4096];
	ssize_t len;
	int fd, rc = -1;
	enum vx_form form;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return diag_set(d, path, 0, "cannot open");
	len = read(fd, head, sizeof(head));
	close(fd);
	if (len < 0)
		return diag_set(d, path, 0, "cannot read");
	form = vx_detect(head, (size_t)len);
	vd_tables_init(&t);
	/* the site's statuses: beside the log, then in the dump itself (where
	 * mysqldump writes vicidial_statuses after vicidial_log) */
	if (vd_tables_load_beside(&t, path, d) < 0 ||
	    (form == VX_SQL && vd_tables_load_dump(&t, path, d) < 0))
		goto out;
	if (form == VX_SQL) {
		rc = parse_dump(path, m, &t, d);
	} else {
		o.format_state = &t;
		rc = logscan_file(path, form == VX_TAB ? &vlog_tab : &vlog_csv, &o, &m->log, d);
		if (rc == 0) /* the caller ID is in vicidial_dial_log, not here */
			m->log.files[m->log.nfiles - 1].no_caller_ids = true;
	}
out:
	vd_tables_free(&t);
	return rc;
}
