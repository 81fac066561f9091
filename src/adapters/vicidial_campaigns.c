/* vicidial-campaigns: vicidial_campaigns exported as CSV, tab text or a mysqldump. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "adapters/vicidial_export.h"
#include "adapters/vicidial_tables.h"
#include "util/arena.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

int vicidial_campaigns_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int vicidial_campaigns_parse(const char *path, struct model *m, struct diag *d);
int vicidial_tables_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int vicidial_tables_parse(const char *path, struct model *m, struct diag *d);

#define DUMP_SNIFF (64u << 20) /* bytes of a dump looked through for its tables */

static const char *const main_tables[] = { "vicidial_campaigns", "vicidial_log", NULL };

int
vicidial_campaigns_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	const char *tb;
	unsigned mask;

	(void)m;
	if (vx_detect(head, len) == VX_SQL)
		return vx_dump_tables(path, DUMP_SNIFF, main_tables, &mask) == 0 && (mask & 1) ? 90 : 0;
	tb = vd_text_table(head, len);
	return tb != NULL && strcmp(tb, "vicidial_campaigns") == 0 ? 90 : 0;
}

/* ---- one campaign row ---------------------------------------------------- */

struct pending {
	size_t c;         /* index in m->campaigns: the array moves as campaigns are added */
	char *call_time;  /* local_call_time; NULL when the export has none */
	int line;
	bool areacode_cids; /* use_custom_cid = AREACODE */
	bool manual_unchecked; /* manual dialling with manual_dial_call_time_check off */
};

struct ctx {
	struct model *m;
	const char *path;  /* arena copy */
	struct vd_tables tables;
	struct pending *pend;
	size_t npend, pend_cap;
};

static bool
present(const struct vx_value *v)
{
	return v != NULL && !v->null;
}

/* A number column; 0 when absent or NULL, 1 with *out, -1 when not a number. */
static int
number(const struct vx_row *row, const char *col, double lo, double hi, double *out,
    struct diag *d)
{
	const struct vx_value *v = vx_get(row, col);
	char *end;
	double x;

	if (!present(v))
		return 0;
	x = strtod(v->p, &end);
	while (end < v->p + v->n && isspace((unsigned char)*end))
		end++;
	if (v->n == 0 || end != v->p + v->n || !isfinite(x) || x < lo || x > hi)
		return diag_set(d, row->path, row->line, "campaign %s: %s '%.*s' is not a number from "
		    "%g to %g", vx_get(row, "campaign_id")->p, col, (int)(v->n > 20 ? 20 : v->n), v->p,
		    lo, hi);
	*out = x;
	return 1;
}

static void
set_line(struct campaign *c, enum campaign_setting s, int line)
{
	c->line[s] = line;
}

static int
map_dial(struct campaign *c, const struct vx_row *row, struct diag *d)
{
	const struct vx_value *dm = vx_get(row, "dial_method");
	double level = 0, drop;
	int has_level, has_drop;
	const char *m;

	if ((has_level = number(row, "auto_dial_level", 0, 100, &level, d)) < 0 ||
	    (has_drop = number(row, "adaptive_dropped_percentage", 0, 100, &drop, d)) < 0)
		return -1;
	if (has_level > 0 && level > 0) {
		c->pacing = level < 0.1 ? 0.1 : level;
		set_line(c, CS_PACING, row->line);
	}
	if (!present(dm))
		return 0;
	m = dm->p;
	if (strncmp(m, "SHARED_", 7) == 0)
		m += 7; /* a shared-agent campaign paces the same way */
	if (strcmp(m, "MANUAL") == 0 || strcmp(m, "INBOUND_MAN") == 0) {
		c->dial_mode = DIAL_PREVIEW;
	} else if (strcmp(m, "RATIO") == 0) {
		/* a fixed ratio: 0 dials nothing by itself, up to 1 a line per
		 * free agent, above 1 more lines than agents */
		if (has_level == 0)
			return diag_set(d, row->path, row->line, "campaign %s: dial_method RATIO without "
			    "auto_dial_level", c->name);
		c->dial_mode = level <= 0 ? DIAL_PREVIEW : level <= 1.0 ? DIAL_PROGRESSIVE :
		    DIAL_PREDICTIVE;
	} else if (strncmp(m, "ADAPT_", 6) == 0) {
		/* the adaptive pacing dials up to adaptive_maximum_level lines an agent,
		 * steering by the drop percentage */
		c->dial_mode = DIAL_PREDICTIVE;
		if (has_drop > 0) {
			c->abandon_target = drop;
			set_line(c, CS_ABANDON_TARGET, row->line);
		}
	} else {
		return diag_set(d, row->path, row->line, "campaign %s: unknown dial_method '%.*s'",
		    c->name, (int)(dm->n > 30 ? 30 : dm->n), dm->p);
	}
	set_line(c, CS_DIAL_MODE, row->line);
	return 0;
}

static int
map_drop(struct campaign *c, const struct vx_row *row, struct diag *d)
{
	const struct vx_value *act = vx_get(row, "drop_action");
	double secs, lock;
	int r;

	if ((r = number(row, "drop_call_seconds", 0, 255, &secs, d)) < 0)
		return -1;
	if (r > 0) {
		/* the call waits this long for an agent before the drop action */
		c->abandon_message_delay = secs;
		set_line(c, CS_ABANDON_MESSAGE_DELAY, row->line);
	}
	if (present(act)) {
		const struct vx_value *audio = vx_get(row, "safe_harbor_audio");
		const struct vx_value *exten = vx_get(row, "safe_harbor_exten");
		const struct vx_value *menu = vx_get(row, "safe_harbor_menu_id");

		if (vx_eq(act, "HANGUP"))
			c->abandon_message = TRI_NO;
		else if (vx_eq(act, "AUDIO"))
			/* 'buzz', the default, is a tone, not a message */
			c->abandon_message = present(audio) && audio->n > 0 && !vx_eq(audio, "buzz") ?
			    TRI_YES : audio == NULL ? TRI_UNSET : TRI_NO;
		else if (vx_eq(act, "MESSAGE"))
			c->abandon_message = exten == NULL ? TRI_UNSET : present(exten) && exten->n > 0 ?
			    TRI_YES : TRI_NO;
		else if (vx_eq(act, "CALLMENU"))
			c->abandon_message = menu == NULL ? TRI_UNSET : present(menu) && menu->n > 0 ?
			    TRI_YES : TRI_NO;
		else if (vx_eq(act, "VOICEMAIL") || vx_eq(act, "VMAIL_NO_INST"))
			c->abandon_message = TRI_YES;
		else if (!vx_eq(act, "IN_GROUP")) /* an in-group may or may not play one */
			return diag_set(d, row->path, row->line, "campaign %s: unknown drop_action '%.*s'",
			    c->name, (int)(act->n > 30 ? 30 : act->n), act->p);
		set_line(c, CS_ABANDON_MESSAGE, row->line);
	}
	if ((r = number(row, "drop_lockout_time", 0, 100000, &lock, d)) < 0)
		return -1;
	if (r > 0) {
		c->retry_after_abandon = (int64_t)(lock * 3600);
		set_line(c, CS_RETRY_AFTER_ABANDON, row->line);
	}
	return 0;
}

static enum tristate
dnc_switch(const struct vx_value *v)
{
	if (!present(v))
		return TRI_UNSET;
	return vx_eq(v, "Y") || vx_eq(v, "AREACODE") ? TRI_YES : TRI_NO;
}

static int
map_limits(struct campaign *c, const struct vx_row *row, struct diag *d)
{
	const struct vx_value *method = vx_get(row, "call_limit_24hour_method");
	double lifetime = 0, day24 = 0, timeout;
	int hl, h24, ht;
	enum tristate a = dnc_switch(vx_get(row, "use_internal_dnc"));
	enum tristate b = dnc_switch(vx_get(row, "use_campaign_dnc"));

	if ((hl = number(row, "call_count_limit", 0, 65535, &lifetime, d)) < 0 ||
	    (h24 = number(row, "call_limit_24hour", 0, 255, &day24, d)) < 0 ||
	    (ht = number(row, "dial_timeout", 0, 255, &timeout, d)) < 0)
		return -1;
	if (present(method) && !vx_eq(method, "DISABLED") && h24 > 0 && day24 > 0) {
		/* the rolling 24-hour limit (vicidial_lead_24hour_calls) */
		c->max_attempts = (int)day24;
		c->attempts_window = 86400;
		set_line(c, CS_MAX_ATTEMPTS, row->line);
		set_line(c, CS_ATTEMPTS_WINDOW, row->line);
	} else if (hl > 0) {
		/* lifetime calls per lead; 0 is unlimited */
		c->max_attempts = (int)lifetime;
		set_line(c, CS_MAX_ATTEMPTS, row->line);
	}
	if (ht > 0) {
		/* AST_VDauto_dial.pl dials 60 s when the setting is 4 or less */
		c->ring_timeout = timeout <= 4 ? 60 : (int)timeout;
		set_line(c, CS_RING_TIMEOUT, row->line);
	}
	if (a != TRI_UNSET || b != TRI_UNSET) {
		c->dnc_scrub = a == TRI_YES || b == TRI_YES ? TRI_YES : TRI_NO;
		set_line(c, CS_DNC_SCRUB, row->line);
	}
	return 0;
}

static int
campaign_row(struct ctx *x, const struct vx_row *row, struct diag *d)
{
	const struct vx_value *id = vx_get(row, "campaign_id");
	const struct vx_value *cid = vx_get(row, "campaign_cid");
	const struct vx_value *vdad = vx_get(row, "campaign_vdad_exten");
	const struct vx_value *ct = vx_get(row, "local_call_time");
	struct model *m = x->m;
	struct campaign *c;

	if (row->bad != NULL)
		return diag_set(d, row->path, row->line, "%s", row->bad);
	if (!present(id) || id->n == 0)
		return diag_set(d, row->path, row->line, "a vicidial_campaigns row without campaign_id");
	for (size_t i = 0; i < m->campaigns.n; i++)
		if (strcmp(m->campaigns.v[i].name, id->p) == 0)
			return diag_set(d, row->path, row->line, "campaign '%s' is defined twice (first in "
			    "%s)", id->p, m->campaigns.v[i].path);
	c = model_add_campaign(m, arena_strndup(m->arena, id->p, id->n), x->path);
	c->line[CS_CAMPAIGN] = row->line;
	if (map_dial(c, row, d) < 0 || map_drop(c, row, d) < 0 || map_limits(c, row, d) < 0)
		return -1;
	if (present(cid)) {
		set_line(c, CS_CALLER_IDS, row->line);
		if (cid->n > 0) {
			/* 0000000000, the default, is kept as written: the caller-id
			 * rule sees an all-zero number as no valid number */
			c->caller_ids = arena_alloc(m->arena, sizeof(*c->caller_ids));
			c->caller_ids[0] = arena_strndup(m->arena, cid->p, cid->n);
			c->ncaller_ids = 1;
		}
	}
	if (present(vdad) && (vx_eq(vdad, "8369") || vx_eq(vdad, "8368"))) {
		c->amd = vx_eq(vdad, "8369") ? TRI_YES : TRI_NO;
		set_line(c, CS_AMD, row->line);
	}
	if (present(ct) && ct->n == 0)
		return diag_set(d, row->path, row->line, "campaign %s: empty local_call_time", c->name);
	xgrow((void **)&x->pend, &x->pend_cap, x->npend + 1, sizeof(*x->pend));
	x->pend[x->npend].c = (size_t)(c - m->campaigns.v);
	x->pend[x->npend].call_time = present(ct) ? arena_strndup(m->arena, ct->p, ct->n) : NULL;
	x->pend[x->npend].areacode_cids = vx_eq(vx_get(row, "use_custom_cid"), "AREACODE");
	/* the agents' manual dials are checked against the call time only when
	 * manual_dial_call_time_check is ENABLED (DISABLED by default) */
	x->pend[x->npend].manual_unchecked = c->dial_mode == DIAL_PREVIEW &&
	    present(vx_get(row, "manual_dial_call_time_check")) &&
	    !vx_eq(vx_get(row, "manual_dial_call_time_check"), "ENABLED");
	x->pend[x->npend++].line = row->line;
	return 0;
}

static int
on_row(void *ctx, const struct vx_row *row, struct diag *d)
{
	struct ctx *x = ctx;

	if (strcasecmp(row->table, "vicidial_campaigns") == 0)
		return campaign_row(x, row, d);
	return vd_tables_row(&x->tables, row, d) < 0 ? -1 : 0;
}

/* The intervals of call time id appended to *iv (which grows); -1 with d set when unknown. */
static int
add_call_time(struct ctx *x, const char *id, const char *path, int line, const char *who,
    struct sched_iv **iv, size_t *n, size_t *cap, const struct vd_call_time **found,
    int64_t *total, struct diag *d)
{
	const struct vd_call_time *ct = vd_call_time_find(&x->tables, id, false);
	struct arena *a;
	struct schedule s;
	int rc;

	if (ct == NULL)
		return diag_set(d, path, line, "%s: local_call_time '%s' is not one of VICIdial's default "
		    "call times, and no vicidial_call_times export in this file or beside it defines it",
		    who, id);
	a = arena_new();
	rc = vd_call_time_schedule(&x->tables, ct, a, &s, d);
	if (rc == 0) {
		xgrow((void **)iv, cap, *n + s.n, sizeof(**iv));
		memcpy(*iv + *n, s.iv, sizeof(**iv) * s.n);
		*n += s.n;
		*total = schedule_total(&s);
	}
	arena_free(a);
	*found = ct;
	return rc;
}

#define MAX_USED_CALL_TIMES 64 /* more lists than this: the first ones decide */

/* The days every call time in used closes (its ct_holidays), kept in the
 * campaign with the place of the first call time that lists holidays. */
static void
closed_days(struct ctx *x, struct campaign *c, const struct vd_call_time *const *used, size_t n)
{
	size_t kept;
	int64_t *days = vd_call_time_closed_days(&x->tables, used[0], &kept), *out;

	for (size_t k = 1; k < n && kept > 0; k++) {
		size_t mk, left = 0;
		int64_t *other = vd_call_time_closed_days(&x->tables, used[k], &mk);

		for (size_t i = 0; i < kept; i++)
			if (other != NULL && bsearch(&days[i], other, mk, sizeof(*other), days_cmp) != NULL)
				days[left++] = days[i];
		kept = left;
		free(other);
	}
	if (kept > 0) {
		out = arena_alloc(x->m->arena, sizeof(*out) * kept);
		memcpy(out, days, sizeof(*out) * kept);
		c->closed_days = out;
		c->nclosed_days = kept;
	}
	for (size_t k = 0; k < n; k++)
		if (used[k]->holiday_ids != NULL && used[k]->path != NULL &&
		    c->line[CS_SKIP_HOLIDAYS] == 0) {
			c->file[CS_SKIP_HOLIDAYS] = arena_strdup(x->m->arena, used[k]->path);
			c->line[CS_SKIP_HOLIDAYS] = used[k]->line;
		}
	free(days);
}

/*
 * Windows from local_call_time, once every call time of the file and beside
 * it is known. A campaign dials the leads of its active lists, each in the
 * list's own local_call_time unless that is 'campaign': it may call in any
 * of them.
 */
static int
resolve_windows(struct ctx *x, struct pending *p, struct diag *d)
{
	struct campaign *c = &x->m->campaigns.v[p->c];
	struct sched_iv *iv = NULL;
	size_t n = 0, cap = 0, lists = 0;
	const struct vd_call_time *ct = NULL, *own = NULL;
	/* where the widest of the call times used was set: the finding points there */
	const char *where = NULL;
	int where_line = 0;
	int64_t total = 0, widest = -1;
	bool own_added = false;
	char who[64];
	int rc = 0;
	/* every call time the campaign dials in: a day is closed when all close it */
	const struct vd_call_time *used[MAX_USED_CALL_TIMES + 1];
	size_t nused = 0;

	snprintf(who, sizeof(who), "campaign %.40s", c->name);
	if (p->manual_unchecked) {
		struct sched_iv week = { 0, SECONDS_PER_WEEK };

		schedule_from_intervals(&week, 1, x->m->arena, &c->windows);
		c->has_windows = true;
		c->windows_in_callee_zone = true;
		c->line[CS_WINDOWS] = p->line;
		return 0;
	}
	for (size_t i = 0; i < x->tables.nlists && rc == 0; i++) {
		const struct vd_list *l = &x->tables.lists[i];

		if (!l->active || strcmp(l->campaign, c->name) != 0)
			continue;
		lists++;
		if (l->call_time != NULL && strcasecmp(l->call_time, "campaign") != 0) {
			char lwho[96];

			snprintf(lwho, sizeof(lwho), "a list of campaign %.40s", c->name);
			rc = add_call_time(x, l->call_time, l->path, l->line, lwho, &iv, &n, &cap, &ct,
			    &total, d);
			if (rc == 0 && nused < MAX_USED_CALL_TIMES)
				used[nused++] = ct;
			if (rc == 0 && total > widest) {
				widest = total;
				where = l->path;
				where_line = l->line;
			}
		} else if (p->call_time != NULL && !own_added) {
			own_added = true;
			rc = add_call_time(x, p->call_time, x->path, p->line, who, &iv, &n, &cap, &own,
			    &total, d);
			if (rc == 0 && nused < MAX_USED_CALL_TIMES)
				used[nused++] = own;
			if (rc == 0 && total > widest) {
				widest = total;
				where = own->path != NULL ? own->path : NULL;
				where_line = own->path != NULL ? own->line : p->line;
			}
		}
	}
	if (rc == 0 && lists == 0 && p->call_time != NULL) {
		rc = add_call_time(x, p->call_time, x->path, p->line, who, &iv, &n, &cap, &own, &total,
		    d);
		if (rc == 0)
			used[nused++] = own;
		if (rc == 0) {
			widest = total;
			where = own->path;
			where_line = own->path != NULL ? own->line : p->line;
		}
	}
	if (rc == 0 && widest >= 0) {
		schedule_from_intervals(iv, n, x->m->arena, &c->windows);
		c->has_windows = true;
		c->windows_in_callee_zone = true; /* the hopper judges the lead's local time */
		if (where != NULL)
			c->file[CS_WINDOWS] = arena_strdup(x->m->arena, where);
		c->line[CS_WINDOWS] = where_line;
	}
	if (rc == 0 && nused > 0)
		closed_days(x, c, used, nused);
	free(iv);
	return rc;
}

/* Adds cid, read at path:line, unless the campaign presents it already. */
static void
add_caller_id(struct model *m, struct campaign *c, const char *cid, const char *path, int line)
{
	char **ids;
	const char **files;
	int *lines;

	for (size_t i = 0; i < c->ncaller_ids; i++)
		if (strcmp(c->caller_ids[i], cid) == 0)
			return;
	ids = arena_alloc(m->arena, sizeof(*ids) * (c->ncaller_ids + 1));
	files = arena_alloc(m->arena, sizeof(*files) * (c->ncaller_ids + 1));
	lines = arena_alloc(m->arena, sizeof(*lines) * (c->ncaller_ids + 1));
	for (size_t i = 0; i < c->ncaller_ids; i++) {
		ids[i] = c->caller_ids[i];
		files[i] = c->caller_id_files != NULL ? c->caller_id_files[i] : NULL;
		lines[i] = c->caller_id_lines != NULL ? c->caller_id_lines[i] : c->line[CS_CALLER_IDS];
	}
	ids[c->ncaller_ids] = arena_strdup(m->arena, cid);
	files[c->ncaller_ids] = arena_strdup(m->arena, path);
	lines[c->ncaller_ids] = line;
	c->caller_ids = ids;
	c->caller_id_files = files;
	c->caller_id_lines = lines;
	if (c->ncaller_ids++ == 0 && c->line[CS_CALLER_IDS] == 0)
		c->line[CS_CALLER_IDS] = c->line[CS_CAMPAIGN];
}

/* The caller IDs of the campaign's active lists (campaign_cid_override) and,
 * with use_custom_cid = AREACODE, of vicidial_campaign_cid_areacodes. */
static void
resolve_caller_ids(struct ctx *x, const struct pending *p)
{
	struct campaign *c = &x->m->campaigns.v[p->c];

	for (size_t i = 0; i < x->tables.nlists; i++) {
		const struct vd_list *l = &x->tables.lists[i];

		if (l->active && l->cid != NULL && strcmp(l->campaign, c->name) == 0)
			add_caller_id(x->m, c, l->cid, l->path, l->line);
	}
	for (size_t i = 0; p->areacode_cids && i < x->tables.nareacids; i++) {
		const struct vd_list *l = &x->tables.areacids[i];

		if (l->active && l->cid != NULL && strcmp(l->campaign, c->name) == 0)
			add_caller_id(x->m, c, l->cid, l->path, l->line);
	}
}

static int
resolve(struct ctx *x, struct diag *d)
{
	for (size_t i = 0; i < x->npend; i++) {
		if (resolve_windows(x, &x->pend[i], d) < 0)
			return -1;
		resolve_caller_ids(x, &x->pend[i]);
	}
	return 0;
}

/* The first bytes of path, which say what its export is; -1 when it cannot
 * be read or is empty. */
static ssize_t
read_head(const char *path, char *head, size_t size, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t len;

	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	len = read(fd, head, size);
	if (len < 0)
		diag_set(d, path, 0, "cannot read: %s", strerror(errno));
	else if (len == 0)
		diag_set(d, path, 0, "empty file");
	close(fd);
	return len > 0 ? len : -1;
}

int
vicidial_campaigns_parse(const char *path, struct model *m, struct diag *d)
{
	struct ctx x;
	char head[4096];
	ssize_t len;
	int rc = -1;
	size_t before = m->campaigns.n;

	memset(&x, 0, sizeof(x));
	x.m = m;
	x.path = arena_strdup(m->arena, path);
	if ((len = read_head(path, head, sizeof(head), d)) < 0)
		return -1;
	vd_tables_init(&x.tables);
	if (vd_tables_load_beside(&x.tables, path, d) < 0)
		goto out;
	if (vx_read_file(path, "vicidial_campaigns", on_row, &x, d) < 0 || resolve(&x, d) < 0)
		goto out;
	if (m->campaigns.n == before) {
		diag_set(d, path, 0, "no vicidial_campaigns rows");
		goto out;
	}
	rc = 0;
out:
	free(x.pend);
	vd_tables_free(&x.tables);
	return rc;
}

/* ---- vicidial-tables: call times and statuses on their own --------------- */

/* Whether a header line names column (a whole field). */
static bool
field(const char *line, const char *col)
{
	size_t n = strlen(col);

	for (const char *p = strstr(line, col); p != NULL; p = strstr(p + 1, col))
		if ((p == line || strchr(",;\t\"`", p[-1]) != NULL) &&
		    (p[n] == '\0' || strchr(",;\t\"`\r", p[n]) != NULL))
			return true;
	return false;
}

/* The carrier and drop logs the vicidial-log adapter joins to the log beside them. */
static bool
is_side_log(const char *path, const char *head, size_t len)
{
	static const char *const side[] = { "vicidial_carrier_log", "vicidial_drop_log",
		"vicidial_dial_log", "vicidial_dial_cid_log", "vicidial_log_extended", NULL };
	unsigned mask;
	const char *nl = memchr(head, '\n', len);
	size_t line = nl != NULL ? (size_t)(nl - head) : len;
	char first[1024];

	if (vx_detect(head, len) == VX_SQL)
		return vx_dump_tables(path, DUMP_SNIFF, main_tables, &mask) == 0 && mask == 0 &&
		    vx_dump_tables(path, DUMP_SNIFF, side, &mask) == 0 && mask != 0;
	snprintf(first, sizeof(first), "%.*s", (int)(line < sizeof(first) ? line : sizeof(first) - 1),
	    head);
	/* vicidial_drop_log; vicidial_carrier_log; vicidial_dial_log and
	 * vicidial_dial_cid_log; vicidial_log_extended (not a log export, which
	 * has uniqueid and caller_code too, with a status) */
	return (field(first, "uniqueid") && field(first, "drop_date")) ||
	    (field(first, "uniqueid") && field(first, "dialstatus") && field(first, "dial_time") &&
	    !field(first, "phone_number")) ||
	    (field(first, "caller_code") && field(first, "outbound_cid")) ||
	    (field(first, "uniqueid") && field(first, "caller_code") && !field(first, "status"));
}

int
vicidial_tables_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	unsigned mask;

	(void)m;
	/* a dump of the campaigns or the log belongs to those adapters */
	if (vx_detect(head, len) == VX_SQL &&
	    (vx_dump_tables(path, DUMP_SNIFF, main_tables, &mask) != 0 || mask != 0))
		return 0;
	return vd_is_lookup_export(path, head, len) || is_side_log(path, head, len) ? 80 : 0;
}

static int
check_row(void *ctx, const struct vx_row *row, struct diag *d)
{
	/* carrier and drop rows are checked by the log adapter that joins them */
	return vd_tables_row(ctx, row, d) < 0 ? -1 : 0;
}

/* Read to prove they are sound and list them as inputs; the campaigns and
 * logs beside them take their rows (vd_tables_load_beside). */
int
vicidial_tables_parse(const char *path, struct model *m, struct diag *d)
{
	struct vd_tables t;
	char head[4096];
	ssize_t len;
	int rc;

	(void)m;
	if ((len = read_head(path, head, sizeof(head), d)) < 0)
		return -1;
	vd_tables_init(&t);
	rc = vd_tables_load_beside(&t, path, d);
	if (rc == 0)
		rc = vx_read_file(path, vd_text_table(head, (size_t)len), check_row, &t, d);
	if (rc == 0) {
		/* every call time's state call times must exist */
		for (size_t i = 0; i < t.nct && rc == 0; i++) {
			struct schedule s;
			struct arena *a = arena_new();

			if (!t.ct[i].state && t.ct[i].path != NULL && strcmp(t.ct[i].path, path) == 0)
				rc = vd_call_time_schedule(&t, &t.ct[i], a, &s, d);
			arena_free(a);
		}
	}
	vd_tables_free(&t);
	return rc;
}
