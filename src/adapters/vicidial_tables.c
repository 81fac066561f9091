/* VICIdial's call times and statuses: the defaults it installs, and a site's exported rows. */
#include "adapters/vicidial_tables.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/timeutil.h"
#include "util/xalloc.h"

extern const char vicidial_schema_sql[];
extern const size_t vicidial_schema_sql_len;

static const char builtin_name[] = "built-in VICIdial defaults";

static const char *const day_names[8] = { "default", "sunday", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday" };

const char *const vd_lookup_tables[] = { "vicidial_call_times", "vicidial_state_call_times",
	"vicidial_statuses", "vicidial_campaign_statuses", "vicidial_lists",
	"vicidial_campaign_cid_areacodes", "vicidial_call_time_holidays", NULL };

/* A copy of path that lives as long as the tables (rows point at it). */
static const char *
stable_path(struct vd_tables *t, const char *path)
{
	if (path == builtin_name)
		return NULL;
	for (size_t i = 0; i < t->npaths; i++)
		if (strcmp(t->paths[i], path) == 0)
			return t->paths[i];
	t->paths = xrealloc(t->paths, sizeof(*t->paths) * (t->npaths + 1));
	t->paths[t->npaths] = xstrdup(path);
	return t->paths[t->npaths++];
}

static void
copy_text(char *dst, size_t size, const struct vx_value *v)
{
	size_t n = v != NULL && !v->null ? v->n : 0;

	if (n >= size)
		n = size - 1;
	if (n > 0)
		memcpy(dst, v->p, n);
	dst[n] = '\0';
}

static char *
dup_value(const struct vx_value *v)
{
	return v != NULL && !v->null ? xstrndup(v->p, v->n) : NULL;
}

/* An HHMM column: absent or NULL gives the schema's default. */
static int
read_hhmm(const struct vx_row *row, const char *col, int dflt, int *out, struct diag *d)
{
	const struct vx_value *v = vx_get(row, col);
	long x = 0;

	if (v == NULL || v->null || v->n == 0) {
		*out = dflt;
		return 0;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (!isdigit((unsigned char)v->p[i]) || x > 100000)
			return diag_set(d, row->path, row->line, "%s: '%.*s' is not an HHMM time such as "
			    "900 or 2100", col, (int)(v->n > 20 ? 20 : v->n), v->p);
		x = x * 10 + (v->p[i] - '0');
	}
	/* 2400 and above on a start mean "no calls that day" (AST_VDhopper.pl) */
	if (x % 100 >= 60 || (x > 2400 && strstr(col, "_stop") != NULL))
		return diag_set(d, row->path, row->line, "%s: %ld is not an HHMM time (00:00 to 24:00)",
		    col, x);
	*out = (int)x;
	return 0;
}

static int
add_call_time(struct vd_tables *t, const struct vx_row *row, bool state, struct diag *d)
{
	const char *pre = state ? "sct_" : "ct_";
	struct vd_call_time ct;
	char col[48];
	const struct vx_value *id = vx_get(row, state ? "state_call_time_id" : "call_time_id");

	memset(&ct, 0, sizeof(ct));
	if (id == NULL || id->null || id->n == 0)
		return diag_set(d, row->path, row->line, "a %s row without %s", row->table,
		    state ? "state_call_time_id" : "call_time_id");
	for (int k = 0; k < 8; k++) {
		snprintf(col, sizeof(col), "%s%s_start", pre, day_names[k]);
		if (read_hhmm(row, col, k == 0 ? 900 : 0, &ct.start[k], d) < 0)
			return -1;
		snprintf(col, sizeof(col), "%s%s_stop", pre, day_names[k]);
		if (read_hhmm(row, col, k == 0 ? 2100 : 0, &ct.stop[k], d) < 0)
			return -1;
	}
	ct.state = state;
	if (state)
		copy_text(ct.st, sizeof(ct.st), vx_get(row, "state_call_time_state"));
	else {
		ct.state_ids = dup_value(vx_get(row, "ct_state_call_times"));
		ct.holiday_ids = dup_value(vx_get(row, "ct_holidays"));
	}
	ct.id = xstrndup(id->p, id->n);
	ct.path = stable_path(t, row->path);
	ct.line = row->line;
	for (size_t i = 0; i < t->nct; i++)
		if (t->ct[i].state == state && strcmp(t->ct[i].id, ct.id) == 0) {
			free(t->ct[i].id);
			free(t->ct[i].state_ids);
			free(t->ct[i].holiday_ids);
			t->ct[i] = ct; /* the site's row replaces the default */
			return 1;
		}
	xgrow((void **)&t->ct, &t->ct_cap, t->nct + 1, sizeof(*t->ct));
	t->ct[t->nct++] = ct;
	return 1;
}

static bool
flag(const struct vx_row *row, const char *col)
{
	return vx_eq(vx_get(row, col), "Y");
}

static int
add_status(struct vd_tables *t, const struct vx_row *row, bool campaign, struct diag *d)
{
	struct vd_status s;
	const struct vx_value *code = vx_get(row, "status");

	memset(&s, 0, sizeof(s));
	if (code == NULL || code->null || code->n == 0 || code->n >= sizeof(s.code))
		return diag_set(d, row->path, row->line, "a %s row without a status code of 1 to 7 "
		    "characters", row->table);
	copy_text(s.code, sizeof(s.code), code);
	s.human = flag(row, "human_answered");
	s.sale = flag(row, "sale");
	s.dnc = flag(row, "dnc");
	s.contact = flag(row, "customer_contact");
	s.not_interested = flag(row, "not_interested");
	s.unworkable = flag(row, "unworkable");
	s.callback = flag(row, "scheduled_callback");
	s.completed = flag(row, "completed");
	s.machine = flag(row, "answering_machine");
	s.path = stable_path(t, row->path);
	s.line = row->line;
	if (campaign) {
		const struct vx_value *c = vx_get(row, "campaign_id");

		if (c == NULL || c->null || c->n == 0)
			return diag_set(d, row->path, row->line, "a vicidial_campaign_statuses row "
			    "without campaign_id");
		s.campaign = xstrndup(c->p, c->n);
	}
	for (size_t i = 0; i < t->nst; i++)
		if (strcmp(t->st[i].code, s.code) == 0 && (t->st[i].campaign == NULL) == !campaign &&
		    (!campaign || strcmp(t->st[i].campaign, s.campaign) == 0)) {
			free(t->st[i].campaign);
			t->st[i] = s;
			return 1;
		}
	xgrow((void **)&t->st, &t->st_cap, t->nst + 1, sizeof(*t->st));
	t->st[t->nst++] = s;
	return 1;
}

static char *
dup_nonempty(const struct vx_value *v)
{
	return v != NULL && !v->null && v->n > 0 ? xstrndup(v->p, v->n) : NULL;
}

static int
add_list(struct vd_tables *t, const struct vx_row *row, bool areacode, struct diag *d)
{
	const struct vx_value *camp = vx_get(row, "campaign_id");
	struct vd_list l;

	memset(&l, 0, sizeof(l));
	if (camp == NULL || camp->null || camp->n == 0) {
		if (areacode)
			return diag_set(d, row->path, row->line, "a %s row without campaign_id", row->table);
		return 1; /* a list in no campaign is never dialled */
	}
	l.campaign = xstrndup(camp->p, camp->n);
	/* an area-code caller ID is active unless 'N'; a list only when 'Y' */
	l.active = areacode ? !vx_eq(vx_get(row, "active"), "N") : vx_eq(vx_get(row, "active"), "Y");
	l.call_time = areacode ? NULL : dup_nonempty(vx_get(row, "local_call_time"));
	l.cid = dup_nonempty(vx_get(row, areacode ? "outbound_cid" : "campaign_cid_override"));
	l.path = stable_path(t, row->path);
	l.line = row->line;
	if (areacode) {
		xgrow((void **)&t->areacids, &t->areacids_cap, t->nareacids + 1, sizeof(l));
		t->areacids[t->nareacids++] = l;
	} else {
		xgrow((void **)&t->lists, &t->lists_cap, t->nlists + 1, sizeof(l));
		t->lists[t->nlists++] = l;
	}
	return 1;
}

static int
add_holiday(struct vd_tables *t, const struct vx_row *row, struct diag *d)
{
	const struct vx_value *id = vx_get(row, "holiday_id"), *date = vx_get(row, "holiday_date");
	struct vd_holiday h;
	char buf[16];

	memset(&h, 0, sizeof(h));
	if (id == NULL || id->null || id->n == 0)
		return diag_set(d, row->path, row->line, "a vicidial_call_time_holidays row without "
		    "holiday_id");
	/* a holiday without a date never applies: VICIdial matches it on the date */
	if (date == NULL || date->null || date->n == 0)
		return 1;
	copy_text(buf, sizeof(buf), date);
	if (date->n != 10 || !parse_date(buf, &h.day))
		return diag_set(d, row->path, row->line, "holiday_date: '%.*s' is not a date "
		    "YYYY-MM-DD", (int)(date->n > 20 ? 20 : date->n), date->p);
	if (read_hhmm(row, "ct_default_start", 900, &h.start, d) < 0 ||
	    read_hhmm(row, "ct_default_stop", 2100, &h.stop, d) < 0)
		return -1;
	h.active = vx_eq(vx_get(row, "holiday_status"), "ACTIVE");
	h.id = xstrndup(id->p, id->n);
	h.path = stable_path(t, row->path);
	h.line = row->line;
	for (size_t i = 0; i < t->nhol; i++)
		if (strcmp(t->hol[i].id, h.id) == 0) {
			free(t->hol[i].id);
			t->hol[i] = h;
			return 1;
		}
	xgrow((void **)&t->hol, &t->hol_cap, t->nhol + 1, sizeof(*t->hol));
	t->hol[t->nhol++] = h;
	return 1;
}

int
vd_tables_row(struct vd_tables *t, const struct vx_row *row, struct diag *d)
{
	int which = -1;

	for (int i = 0; vd_lookup_tables[i] != NULL; i++)
		if (strcasecmp(row->table, vd_lookup_tables[i]) == 0)
			which = i;
	if (which < 0)
		return 0;
	if (row->bad != NULL)
		return diag_set(d, row->path, row->line, "%s", row->bad);
	if (which <= 1)
		return add_call_time(t, row, which == 1, d);
	if (which == 6)
		return add_holiday(t, row, d);
	if (which >= 4)
		return add_list(t, row, which == 5, d);
	return add_status(t, row, which == 3, d);
}

static int
builtin_row(void *ctx, const struct vx_row *row, struct diag *d)
{
	return vd_tables_row(ctx, row, d) < 0 ? -1 : 0;
}

/* The SQL file's own default rows, read once: every file a scan reads
 * starts from a copy. */
static struct vd_tables builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void
builtin_load(void)
{
	struct diag d;

	/* a failure here is a defect the unit tests catch (test_vicidial_tables
	 * counts the rows) */
	(void)vx_read_mem(builtin_name, vicidial_schema_sql, vicidial_schema_sql_len, NULL,
	    builtin_row, &builtin, &d);
}

void
vd_tables_init(struct vd_tables *t)
{
	pthread_once(&builtin_once, builtin_load);
	memset(t, 0, sizeof(*t));
	if (builtin.nct > 0) {
		t->ct = xmalloc(sizeof(*t->ct) * builtin.nct);
		t->nct = t->ct_cap = builtin.nct;
		for (size_t i = 0; i < builtin.nct; i++) {
			t->ct[i] = builtin.ct[i];
			t->ct[i].id = xstrdup(builtin.ct[i].id);
			t->ct[i].state_ids = builtin.ct[i].state_ids != NULL ?
			    xstrdup(builtin.ct[i].state_ids) : NULL;
			t->ct[i].holiday_ids = builtin.ct[i].holiday_ids != NULL ?
			    xstrdup(builtin.ct[i].holiday_ids) : NULL;
		}
	}
	if (builtin.nst > 0) {
		t->st = xmalloc(sizeof(*t->st) * builtin.nst);
		t->nst = t->st_cap = builtin.nst;
		memcpy(t->st, builtin.st, sizeof(*t->st) * builtin.nst); /* no campaign strings */
	}
}

void
vd_tables_free(struct vd_tables *t)
{
	for (size_t i = 0; i < t->nct; i++) {
		free(t->ct[i].id);
		free(t->ct[i].state_ids);
		free(t->ct[i].holiday_ids);
	}
	free(t->ct);
	for (size_t i = 0; i < t->nhol; i++)
		free(t->hol[i].id);
	free(t->hol);
	for (size_t i = 0; i < t->nst; i++)
		free(t->st[i].campaign);
	free(t->st);
	for (size_t k = 0; k < 2; k++) {
		struct vd_list *v = k == 0 ? t->lists : t->areacids;
		size_t n = k == 0 ? t->nlists : t->nareacids;

		for (size_t i = 0; i < n; i++) {
			free(v[i].campaign);
			free(v[i].call_time);
			free(v[i].cid);
		}
		free(v);
	}
	for (size_t i = 0; i < t->npaths; i++)
		free(t->paths[i]);
	free(t->paths);
	memset(t, 0, sizeof(*t));
}

/* ---- recognising exports ------------------------------------------------- */

/* Whether the first line of head names column (a whole field). */
static bool
header_has(const char *head, size_t len, const char *col)
{
	const char *end = memchr(head, '\n', len);
	size_t n = strlen(col);

	if (end == NULL)
		end = head + len;
	for (const char *p = head; p + n <= end; p++)
		if (strncasecmp(p, col, n) == 0 && (p == head || strchr(",;\t\"`", p[-1]) != NULL) &&
		    (p + n == end || strchr(",;\t\"`\r", p[n]) != NULL))
			return true;
	return false;
}

const char *
vd_text_table(const char *head, size_t len)
{
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		len -= 3;
	}
	if (header_has(head, len, "list_id") && header_has(head, len, "campaign_id") &&
	    (header_has(head, len, "local_call_time") ||
	    header_has(head, len, "campaign_cid_override")))
		return "vicidial_lists";
	if (header_has(head, len, "campaign_id") && (header_has(head, len, "dial_method") ||
	    header_has(head, len, "local_call_time") || header_has(head, len, "campaign_cid") ||
	    header_has(head, len, "dial_timeout") || header_has(head, len, "auto_dial_level")))
		return "vicidial_campaigns";
	if (header_has(head, len, "call_time_id") && header_has(head, len, "ct_default_start"))
		return "vicidial_call_times";
	if (header_has(head, len, "state_call_time_id"))
		return "vicidial_state_call_times";
	if (header_has(head, len, "holiday_id") && header_has(head, len, "holiday_date"))
		return "vicidial_call_time_holidays";
	if (header_has(head, len, "campaign_id") && header_has(head, len, "areacode") &&
	    header_has(head, len, "outbound_cid"))
		return "vicidial_campaign_cid_areacodes";
	if (header_has(head, len, "status") && header_has(head, len, "human_answered"))
		return header_has(head, len, "campaign_id") ? "vicidial_campaign_statuses" :
		    "vicidial_statuses";
	if (header_has(head, len, "call_date") && header_has(head, len, "status") &&
	    (header_has(head, len, "phone_number") || header_has(head, len, "phone_number_dialed")))
		return "vicidial_log";
	return NULL;
}

#define BESIDE_DUMP_SCAN (16u << 20) /* bytes of a dump beside looked through for lookup rows */

bool
vd_is_lookup_export(const char *path, const char *head, size_t len)
{
	const char *tb;
	unsigned mask;

	if (vx_detect(head, len) == VX_SQL)
		return vx_dump_tables(path, BESIDE_DUMP_SCAN, vd_lookup_tables, &mask) == 0 && mask != 0;
	tb = vd_text_table(head, len);
	if (tb == NULL)
		return false;
	for (int i = 0; vd_lookup_tables[i] != NULL; i++)
		if (strcmp(tb, vd_lookup_tables[i]) == 0)
			return true;
	return false;
}

static int
take_row(void *ctx, const struct vx_row *row, struct diag *d)
{
	return vd_tables_row(ctx, row, d) < 0 ? -1 : 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
vd_each_beside(const char *path, vd_beside_fn fn, void *ctx, struct diag *d)
{
	char dir[PATH_MAX], me[PATH_MAX];
	const char *slash = strrchr(path, '/');
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *dp;
	int rc = 0;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path) > 0 ? (int)(slash - path) : 1,
		    path);
	if (realpath(path, me) == NULL)
		snprintf(me, sizeof(me), "%s", path);
	if ((dp = opendir(dir)) == NULL)
		return 0; /* nothing beside can be read: the defaults serve */
	while ((e = readdir(dp)) != NULL && n < 4096) {
		if (e->d_name[0] == '.')
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char full[PATH_MAX + 256], real[PATH_MAX], head[4096];
		struct stat st;
		ssize_t len;
		int fd;

		/* a bare file name's neighbours are named bare too, as the user wrote it */
		snprintf(full, sizeof(full), "%s%s%s", slash == NULL ? "" : dir, slash == NULL ? "" : "/",
		    names[i]);
		if (rc < 0 || stat(full, &st) != 0 || !S_ISREG(st.st_mode) ||
		    (realpath(full, real) != NULL && strcmp(real, me) == 0))
			continue;
		if ((fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
			continue;
		len = read(fd, head, sizeof(head));
		close(fd);
		if (len > 0 && fn(ctx, full, head, (size_t)len, d) < 0)
			rc = -1;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int
load_lookup(void *ctx, const char *full, const char *head, size_t len, struct diag *d)
{
	if (!vd_is_lookup_export(full, head, len))
		return 0;
	return vx_read_file(full, vd_text_table(head, len), take_row, ctx, d);
}

int
vd_tables_load_beside(struct vd_tables *t, const char *path, struct diag *d)
{
	return vd_each_beside(path, load_lookup, t, d);
}

/* ---- call times ---------------------------------------------------------- */

/* Whether the pipe list ids ("|a|b|") names id. */
static bool
list_names(const char *ids, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = ids; p != NULL && *p != '\0'; p = strchr(p, '|')) {
		while (*p == '|')
			p++;
		if (strncmp(p, id, n) == 0 && (p[n] == '|' || p[n] == '\0'))
			return true;
		if (*p == '\0')
			break;
	}
	return false;
}

int64_t *
vd_call_time_closed_days(const struct vd_tables *t, const struct vd_call_time *ct, size_t *n)
{
	int64_t *days = NULL;
	size_t cap = 0;

	*n = 0;
	if (ct->holiday_ids == NULL)
		return NULL;
	for (size_t i = 0; i < t->nhol; i++) {
		const struct vd_holiday *h = &t->hol[i];

		if (!h->active || !list_names(ct->holiday_ids, h->id))
			continue;
		if (h->start < 2400 && h->start < h->stop)
			continue; /* a narrower window, but still calls */
		xgrow((void **)&days, &cap, *n + 1, sizeof(*days));
		days[(*n)++] = h->day;
	}
	if (*n > 1)
		qsort(days, *n, sizeof(*days), days_cmp);
	return days;
}

const struct vd_call_time *
vd_call_time_find(const struct vd_tables *t, const char *id, bool state)
{
	for (size_t i = 0; i < t->nct; i++)
		if (t->ct[i].state == state && strcmp(t->ct[i].id, id) == 0)
			return &t->ct[i];
	return NULL;
}

static int32_t
hhmm_seconds(int v)
{
	return (int32_t)((v / 100) * 3600 + (v % 100) * 60);
}

/* The windows of one call time, appended to iv (room for 14). */
static size_t
call_time_ivs(const struct vd_call_time *ct, struct sched_iv *iv)
{
	size_t n = 0;

	for (int wd = 0; wd < 7; wd++) {
		int k = wd == 6 ? 1 : wd + 2; /* Monday first here, Sunday first in VICIdial */
		int start = ct->start[k], stop = ct->stop[k];
		int32_t day = wd * SECONDS_PER_DAY;

		if (start == 0 && stop == 0) {
			start = ct->start[0];
			stop = ct->stop[0];
		}
		if (start > 2399 || start == stop)
			continue; /* no calls that day */
		if (stop > 2400)
			stop = 2400;
		if (start < stop) {
			iv[n].start = day + hhmm_seconds(start);
			iv[n++].end = day + hhmm_seconds(stop);
		} else {
			/* past midnight into the next day (wrapping round the week) */
			iv[n].start = day + hhmm_seconds(start);
			iv[n++].end = day + SECONDS_PER_DAY;
			iv[n].start = (day + SECONDS_PER_DAY) % SECONDS_PER_WEEK;
			iv[n].end = iv[n].start + hhmm_seconds(stop);
			n++;
		}
	}
	return n;
}

int
vd_call_time_schedule(const struct vd_tables *t, const struct vd_call_time *ct, struct arena *a,
    struct schedule *out, struct diag *d)
{
	struct sched_iv *iv;
	size_t n = 0, nstates = 0;
	const char *p = ct->state_ids;

	for (const char *q = p; q != NULL && *q != '\0'; q++)
		nstates += *q == '|';
	iv = xmalloc(sizeof(*iv) * 14 * (nstates + 2));
	n = call_time_ivs(ct, iv);
	/* A state call time sets the hours of that state's leads (AST_VDhopper.pl):
	 * calls may happen in any of them, so the campaign may call in their union. */
	while (p != NULL && *p != '\0') {
		const char *bar = strchr(p, '|');
		size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
		char id[64];
		const struct vd_call_time *s;

		if (len > 0 && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			if ((s = vd_call_time_find(t, id, true)) == NULL) {
				free(iv);
				return diag_set(d, ct->path, ct->line, "call time '%s' names state call time "
				    "'%s', which is neither a VICIdial default nor in a vicidial_state_call_times "
				    "export beside it", ct->id, id);
			}
			n += call_time_ivs(s, iv + n);
		}
		p = bar != NULL ? bar + 1 : NULL;
	}
	schedule_from_intervals(iv, n, a, out);
	free(iv);
	return 0;
}

/* ---- statuses ------------------------------------------------------------ */

const struct vd_status *
vd_status_find(const struct vd_tables *t, const char *campaign, size_t clen, const char *code,
    size_t len)
{
	const struct vd_status *sys = NULL;

	for (size_t i = 0; i < t->nst; i++) {
		const struct vd_status *s = &t->st[i];

		if (strlen(s->code) != len || strncasecmp(s->code, code, len) != 0)
			continue;
		if (s->campaign == NULL)
			sys = s;
		else if (campaign != NULL && strlen(s->campaign) == clen &&
		    strncmp(s->campaign, campaign, clen) == 0)
			return s;
	}
	return sys;
}

static bool
code_in(const char *code, size_t len, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], code, len) == 0)
			return true;
	return false;
}

enum vd_class
vd_classify(const struct vd_status *s, const char *code, size_t len)
{
	/* The codes VICIdial's own programs set (AST_VDauto_dial.pl, the agent
	 * screen's timers, the hopper): their meaning is fixed by the code that
	 * writes them, and several carry no flag that says it (DROP is
	 * human_answered only; AA has no answering_machine flag). */
	static const char *const drop[] = { "DROP", "XDROP", "PDROP", "IVRXFR", "TIMEOT", "AFTHRS",
		"NANQUE", "IQNANQ", "MAXCAL", NULL };
	static const char *const machine[] = { "A", "AA", "AM", "AL", "AFAX", NULL };
	static const char *const no_answer[] = { "NA", "N", "CPDNA", NULL };
	static const char *const busy[] = { "B", "AB", "CPDB", NULL };
	static const char *const failed[] = { "DC", "ADC", "ADCT", "CPDATB", "CPDREJ", "CPDINV",
		"CPDSUA", "CPDSI", "CPDSNC", "CPDSR", "CPDSUK", "CPDSV", "CPDUK", "CPDERR", NULL };
	static const char *const dead[] = { "DAIR", "ADAIR", NULL };
	static const char *const blocked[] = { "DNCL", "DNCC", NULL };

	if (code_in(code, len, drop))
		return VD_DROP;
	if (code_in(code, len, machine))
		return VD_MACHINE;
	if (code_in(code, len, no_answer))
		return VD_NO_ANSWER;
	if (code_in(code, len, busy))
		return VD_BUSY;
	if (code_in(code, len, failed))
		return VD_FAILED;
	if (code_in(code, len, dead))
		return VD_DEAD_AIR;
	if (code_in(code, len, blocked))
		return VD_NOT_CALLED;
	/* a site's own codes: their flags say what the agent found */
	if (s == NULL)
		return VD_UNKNOWN;
	if (s->dnc || s->not_interested)
		return VD_REFUSED;
	if (s->machine)
		return VD_MACHINE;
	if (s->human || s->sale || s->contact || s->callback)
		return VD_ANSWERED;
	if (s->unworkable)
		return VD_FAILED;
	return VD_UNKNOWN;
}

int
vd_tables_load_dump(struct vd_tables *t, const char *path, struct diag *d)
{
	return vx_read_file_only(path, NULL, vd_lookup_tables, take_row, t, d);
}
