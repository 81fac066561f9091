/* The event engine: sorting, de-duplicating and feeding calls to rules. */
#include "checks/events.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/chartdata.h"
#include "checks/check.h"
#include "checks/rules.h"
#include "profile.h"
#include "util/arena.h"
#include "util/callsort.h"
#include "util/csvout.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"
#include "waiver.h"

/* Rows of one call (same linked id) close together in time are one attempt. */
#define SAME_CALL_WINDOW (6 * 3600)

static bool
violation_before(const struct violation *a, const struct violation *b)
{
	if (a->start != b->start)
		return a->start < b->start;
	if (a->file != b->file)
		return a->file < b->file;
	return a->line < b->line;
}

static void write_detail(const struct event_ctx *ctx, const struct violation *v, bool waived);

/* Keeps the earliest few violations of an aggregate, in order. */
static void
keep_example(struct event_agg *g, const struct violation *v)
{
	if (g->nex < EVENT_EXAMPLES || violation_before(v, &g->ex[g->nex - 1])) {
		size_t k = g->nex < EVENT_EXAMPLES ? g->nex++ : EVENT_EXAMPLES - 1;

		for (; k > 0 && violation_before(v, &g->ex[k - 1]); k--)
			g->ex[k] = g->ex[k - 1];
		g->ex[k] = *v;
	}
}

static struct event_agg *
agg_for(struct event_ctx *ctx, uint8_t rule, uint32_t campaign, const struct waiver *waiver)
{
	uint64_t slot = waiver != NULL ? (uint64_t)(waiver - ctx->waivers->v) + 1 : 0;
	uint64_t key = slot << 40 | (uint64_t)rule << 32 | campaign;
	bool added;
	size_t i;

	/* violations come in runs of one rule and campaign: remember the last */
	if (ctx->naggs > 0 && ctx->last_agg_key == key)
		return &ctx->aggs[ctx->last_agg];
	i = u64map_index(&ctx->agg_index, key, &added);
	ctx->last_agg_key = key;
	ctx->last_agg = i;

	if (added) {
		xgrow((void **)&ctx->aggs, &ctx->aggs_cap, ctx->naggs + 1, sizeof(*ctx->aggs));
		memset(&ctx->aggs[ctx->naggs], 0, sizeof(*ctx->aggs));
		ctx->aggs[ctx->naggs].rule = rule;
		ctx->aggs[ctx->naggs].campaign = campaign;
		ctx->aggs[ctx->naggs].waiver = waiver;
		ctx->naggs++;
	}
	return &ctx->aggs[i];
}

void
event_violation(struct event_ctx *ctx, const struct call *c, int32_t offset, uint8_t reason,
    int32_t aux)
{
	struct violation v;
	struct event_agg *g;
	const struct waiver *waiver;

	v.number = c->number;
	v.start = c->start;
	v.line = c->line;
	v.campaign = c->campaign;
	v.offset = offset;
	v.aux = aux;
	v.file = c->file;
	v.rule = (uint8_t)(ctx->rule - rule_table);
	v.reason = reason;
	ctx->nv++;
	waiver = ctx->waivers != NULL ? waivers_for_call(ctx->waivers, ctx->rule->id, c->number,
	    c->campaign != 0 ? event_campaign_name(ctx, c->campaign) : NULL, ctx->today) : NULL;
	g = agg_for(ctx, v.rule, v.campaign, waiver);
	g->count++;
	keep_example(g, &v);
	if (ctx->details != NULL)
		write_detail(ctx, &v, waiver != NULL);
}

int32_t
event_offset(const struct event_ctx *ctx, int64_t t)
{
	return ctx->nzones > 0 ? tz_offset_at(ctx->zones[0], t) : 0;
}

int64_t
event_local_day(const struct event_ctx *ctx, int64_t t)
{
	return days_from_seconds(t + event_offset(ctx, t));
}

int32_t
event_number_offset(const struct event_ctx *ctx, uint64_t number, int64_t t)
{
	const struct tz_zone *const *zones = ctx->profile->zones_tz;
	size_t n = ctx->profile->nzones;
	char e164[32];

	if (ctx->profile->nzone_map > 0) {
		number_unpack(number, e164, sizeof(e164));
		profile_zone_tzs(ctx->profile, e164, &zones, &n);
	}
	return n > 0 ? tz_offset_at(zones[0], t) : 0;
}

const char *
event_campaign_name(const struct event_ctx *ctx, uint32_t id)
{
	return id < ctx->log->campaigns.n ? ctx->log->campaigns.str[id] : "";
}

static bool
hook_applies(struct event_ctx *ctx, const struct rule *r)
{
	ctx->rule = r;
	return r->events != NULL && (r->events->applies == NULL || r->events->applies(ctx));
}

/* Marks further rows of an attempt as duplicates, folding what they saw into the first. */
static void
dedupe(struct call *const *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (g[i]->flags & CALL_DUPLICATE || g[i]->link == 0)
			continue;
		for (size_t j = i + 1; j < n && g[j]->start - g[i]->start <= SAME_CALL_WINDOW; j++)
			if (g[j]->link == g[i]->link && !(g[j]->flags & CALL_DUPLICATE)) {
				if (g[j]->flags & CALL_ANSWERED && !(g[i]->flags & CALL_ANSWERED)) {
					g[i]->disposition = g[j]->disposition;
					g[i]->ring = g[j]->ring;
				}
				g[i]->flags |= g[j]->flags & (CALL_ANSWERED | CALL_LIVE | CALL_AGENT |
				    CALL_ABANDONED | CALL_REFUSED);
				g[j]->flags |= CALL_DUPLICATE;
			}
	}
}

struct cursor {
	struct call *v;
	size_t i, n;
};

/* First index of run whose number is at least number. */
static size_t
lower_bound(const struct call_run *run, uint64_t number)
{
	size_t lo = 0, hi = run->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (run->v[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
run_groups(struct event_share *pt)
{
	struct event_ctx *ctx = &pt->ctx;
	const bool *active = pt->ctx.active;
	struct calllog *log = (struct calllog *)ctx->log;
	struct cursor *cur = xcalloc(log->nruns + 1, sizeof(*cur));
	struct call **group = NULL, **counted = NULL;
	size_t gcap = 0, ccap = 0;

	const uint64_t *bounds = pt->arg;
	uint64_t lo = bounds[pt->index], hi = bounds[pt->index + 1];

	if (ctx->charts != NULL)
		ctx->charts = chartdata_share(ctx->charts); /* folded back by merge_share */
	for (size_t r = 0; r < log->nruns; r++)
		cur[r] = (struct cursor){ log->runs[r].v, lower_bound(&log->runs[r], lo),
		    lower_bound(&log->runs[r], hi) };
	for (;;) {
		uint64_t number = UINT64_MAX;
		size_t ng = 0, nc = 0;
		char e164[32];
		bool any = false;

		for (size_t r = 0; r < log->nruns; r++)
			if (cur[r].i < cur[r].n && (!any || cur[r].v[cur[r].i].number < number)) {
				number = cur[r].v[cur[r].i].number;
				any = true;
			}
		if (!any)
			break;
		/* gather the number's calls from every run, in start order */
		for (size_t r = 0; r < log->nruns; r++)
			for (; cur[r].i < cur[r].n && cur[r].v[cur[r].i].number == number; cur[r].i++) {
				xgrow((void **)&group, &gcap, ng + 1, sizeof(*group));
				group[ng++] = &cur[r].v[cur[r].i];
			}
		for (size_t i = 1; i < ng; i++)
			for (size_t j = i; j > 0 && calls_before(group[j], group[j - 1], CALLS_BY_NUMBER); j--) {
				struct call *t = group[j];

				group[j] = group[j - 1];
				group[j - 1] = t;
			}
		dedupe(group, ng);
		ctx->numbers++;
		if (ctx->profile->nzone_map > 0) {
			number_unpack(number, e164, sizeof(e164));
			profile_zone_tzs(ctx->profile, e164, &ctx->zones, &ctx->nzones);
		} else {
			ctx->zones = ctx->profile->zones_tz;
			ctx->nzones = ctx->profile->nzones;
		}
		for (size_t i = 0; i < ng; i++) {
			if (group[i]->flags & CALL_DUPLICATE) {
				pt->dups[group[i]->file]++;
				continue;
			}
			xgrow((void **)&counted, &ccap, nc + 1, sizeof(*counted));
			counted[nc++] = group[i];
			ctx->attempts++;
			ctx->calls_per_campaign[group[i]->campaign]++;
			if (ctx->charts != NULL)
				chartdata_call(ctx->charts, ctx, group[i]);
			for (size_t k = 0; k < rule_count; k++)
				if (active[k] && rule_table[k].events->per_call != NULL) {
					ctx->rule = &rule_table[k];
					rule_table[k].events->per_call(ctx, group[i]);
				}
		}
		for (size_t k = 0; k < rule_count; k++)
			if (active[k] && rule_table[k].events->per_number != NULL && nc > 0) {
				ctx->rule = &rule_table[k];
				rule_table[k].events->per_number(ctx, counted, nc);
			}
		if (ctx->charts != NULL && nc > 0)
			chartdata_number(ctx->charts, ctx, counted, nc);
	}
	ctx->zones = NULL;
	ctx->nzones = 0;
	free(group);
	free(counted);
	free(cur);
}

static int
cmp_agg(const void *a, const void *b)
{
	const struct event_agg *x = a, *y = b;

	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return x->campaign < y->campaign ? -1 : x->campaign > y->campaign;
}

static void
format_local(int64_t t, int32_t offset, char *buf, size_t size)
{
	int64_t local = t + offset;
	int64_t day = days_from_seconds(local);
	int32_t sec = (int32_t)(local - day * SECONDS_PER_DAY);
	int32_t off = offset < 0 ? -offset : offset;
	char date[32];

	format_date(day, date, sizeof(date));
	if (size < 40)
		return;
	snprintf(buf, size, "%s %02d:%02d:%02d%c%02d:%02d", date, sec / 3600, sec / 60 % 60, sec % 60,
	    offset < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

static void
describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	const struct rule *r = &rule_table[v->rule];

	buf[0] = '\0';
	if (r->events != NULL && r->events->describe != NULL)
		r->events->describe(ctx, v, buf, size);
}

static void
number_text(const struct event_ctx *ctx, uint64_t number, char *buf, size_t size)
{
	char e164[32];

	number_unpack(number, e164, sizeof(e164));
	phone_display(e164, &ctx->profile->numbering, ctx->show_numbers, buf, size);
}

/* One finding per rule and campaign: the count, the share and the first examples. */
static void
summarise(struct event_ctx *ctx)
{
	if (ctx->naggs > 1)
		qsort(ctx->aggs, ctx->naggs, sizeof(*ctx->aggs), cmp_agg);
	for (size_t i = 0; i < ctx->naggs; i++) {
		const struct event_agg *g = &ctx->aggs[i];
		const struct violation *first = &g->ex[0];
		const struct rule *r = &rule_table[g->rule];
		struct finding t = { 0 };
		char ex[EVENT_EXAMPLES][400], limit[512] = "";
		uint64_t total = g->campaign < ctx->log->campaigns.n ?
		    ctx->calls_per_campaign[g->campaign] : 0;
		struct finding *added;
		size_t k;

		for (k = 0; k < g->nex; k++) {
			const struct violation *v = &g->ex[k];
			char when[64], num[48], why[256];

			format_local(v->start, v->offset, when, sizeof(when));
			number_text(ctx, v->number, num, sizeof(num));
			describe(ctx, v, why, sizeof(why));
			if (v->file == first->file)
				snprintf(ex[k], sizeof(ex[k]), tr("line %" PRIu32 " (%s, %s): %s"), v->line, when,
				    num, why);
			else
				snprintf(ex[k], sizeof(ex[k]), "%s:%" PRIu32 " (%s, %s): %s",
				    ctx->log->files[v->file].path, v->line, when, num, why);
		}
		t.rule = r;
		t.severity = r->severity;
		t.path = ctx->log->files[first->file].path;
		t.line = (int)first->line;
		t.campaign = event_campaign_name(ctx, g->campaign);
		if (t.campaign[0] == '\0')
			t.campaign = NULL;
		t.key = "calls";
		if (r->limit != NULL)
			t.cite = r->limit(ctx->profile, limit, sizeof(limit));
		t.limit = limit[0] ? limit : NULL;
		t.actual = arena_printf(ctx->scratch, tr("%" PRIu64 " of %" PRIu64 " calls"), g->count, total);
		t.ident = g->waiver != NULL ? "events/waived" : "events";
		added = check_event_summary(ctx->out, &t, g->count, total, ex, k);
		added->waived = g->waiver;
	}
}

/* Split points: numbers at even positions of the largest run, increasing. */
static size_t
split_numbers(const struct calllog *log, size_t parts, uint64_t *bounds)
{
	const struct call_run *big = NULL;
	size_t n = 0;

	for (size_t r = 0; r < log->nruns; r++)
		if (big == NULL || log->runs[r].n > big->n)
			big = &log->runs[r];
	bounds[n++] = 0;
	for (size_t k = 1; big != NULL && k < parts; k++) {
		uint64_t b = big->v[big->n * k / parts].number;

		if (b > bounds[n - 1])
			bounds[n++] = b;
	}
	bounds[n] = UINT64_MAX; /* no E.164 number is this large */
	return n;
}

static void
merge_share(struct event_ctx *ctx, struct event_share *pt)
{
	struct event_ctx *p = &pt->ctx;

	ctx->attempts += p->attempts;
	ctx->numbers += p->numbers;
	ctx->nv += p->nv;
	for (size_t id = 0; id < ctx->log->campaigns.n; id++)
		ctx->calls_per_campaign[id] += p->calls_per_campaign[id];
	for (size_t f = 0; f < ctx->log->nfiles; f++)
		((struct calllog *)ctx->log)->files[f].duplicates += pt->dups[f];
	for (size_t i = 0; i < p->naggs; i++) {
		const struct event_agg *from = &p->aggs[i];
		struct event_agg *g = agg_for(ctx, from->rule, from->campaign, from->waiver);

		g->count += from->count;
		for (size_t k = 0; k < from->nex; k++)
			keep_example(g, &from->ex[k]);
	}
	for (size_t k = 0; k < rule_count; k++) {
		if (p->rule_state[k] == NULL)
			continue;
		ctx->rule = &rule_table[k];
		if (rule_table[k].events != NULL && rule_table[k].events->merge != NULL)
			rule_table[k].events->merge(ctx, p->rule_state[k]);
		else
			free(p->rule_state[k]);
	}
	if (p->charts != NULL && p->charts != ctx->charts) {
		chartdata_merge(ctx->charts, p->charts);
		chartdata_free(p->charts);
	}
	if (p->details != NULL && p->details != ctx->details) {
		char buf[65536];
		size_t got;

		/* a share's rows went to a temporary file: a write that failed there
		 * (a full /tmp) would otherwise drop rows from the details silently */
		if (fflush(p->details) != 0 || ferror(p->details))
			ctx->details_errno = errno != 0 ? errno : EIO;
		rewind(p->details);
		while ((got = fread(buf, 1, sizeof(buf), p->details)) > 0)
			fwrite(buf, 1, got, ctx->details);
		if (ferror(p->details) && ctx->details_errno == 0)
			ctx->details_errno = errno != 0 ? errno : EIO;
		fclose(p->details);
	}
	free(p->calls_per_campaign);
	free(p->aggs);
	u64map_free(&p->agg_index);
	free(pt->dups);
}

struct pool {
	struct event_share *shares;
	size_t n;
	_Atomic size_t next;
	void (*work)(struct event_share *sh);
};

static void *
pool_worker(void *arg)
{
	struct pool *pl = arg;

	for (size_t k; (k = pl->next++) < pl->n;)
		pl->work(&pl->shares[k]);
	return NULL;
}

void
events_in_shares(struct event_ctx *ctx, size_t nshares, void (*work)(struct event_share *sh),
    void *arg)
{
	struct pool pl = { 0 };
	size_t threads = ctx->jobs > 1 ? (size_t)ctx->jobs : 1;
	pthread_t tid[64];
	bool started[64] = { false };

	if (nshares == 0)
		return;
	pl.shares = xcalloc(nshares, sizeof(*pl.shares));
	pl.n = nshares;
	pl.work = work;
	for (size_t k = 0; k < nshares; k++) {
		struct event_share *sh = &pl.shares[k];

		sh->ctx = *ctx;
		sh->ctx.aggs = NULL;
		sh->ctx.last_agg_key = 0;
		sh->ctx.last_agg = 0;
		sh->ctx.naggs = sh->ctx.aggs_cap = 0;
		memset(&sh->ctx.agg_index, 0, sizeof(sh->ctx.agg_index));
		memset(sh->ctx.rule_state, 0, sizeof(sh->ctx.rule_state));
		sh->ctx.calls_per_campaign = xcalloc(ctx->log->campaigns.n + 1, sizeof(uint64_t));
		sh->ctx.attempts = sh->ctx.numbers = sh->ctx.nv = 0;
		/* The first share writes its details in place; the others to their own
		 * temporary files, appended in share order, so the file does not
		 * depend on the number of threads. Without temporary files, one
		 * thread does all shares in order, writing in place. */
		sh->ctx.details = ctx->details;
		if (ctx->details != NULL && k > 0 && threads > 1 &&
		    (sh->ctx.details = tmpfile()) == NULL) {
			for (size_t j = 1; j < k; j++) {
				fclose(pl.shares[j].ctx.details);
				pl.shares[j].ctx.details = ctx->details;
			}
			sh->ctx.details = ctx->details;
			threads = 1;
		}
		sh->index = k;
		sh->count = nshares;
		sh->arg = arg;
		sh->dups = xcalloc(ctx->log->nfiles + 1, sizeof(uint64_t));
	}
	if (threads > nshares)
		threads = nshares;
	if (threads > 64)
		threads = 64;
	for (size_t t = 1; t < threads; t++)
		started[t] = pthread_create(&tid[t], NULL, pool_worker, &pl) == 0;
	pool_worker(&pl);
	for (size_t t = 1; t < threads; t++)
		if (started[t])
			pthread_join(tid[t], NULL);
	{
		const struct rule *rule = ctx->rule; /* merging sets it per rule tally */

		for (size_t k = 0; k < nshares; k++)
			merge_share(ctx, &pl.shares[k]);
		ctx->rule = rule;
	}
	free(pl.shares);
}

/*
 * The number pass: numbers are split into ranges, each checked as a share
 * with its own copy of the context; the shares' counts, examples, rule
 * tallies and details are folded back in range order, so the result does
 * not depend on the number of threads.
 */
static void
number_pass(struct event_ctx *ctx, const bool *active)
{
	size_t want = ctx->jobs > 1 ? (size_t)ctx->jobs : 1, nparts;
	uint64_t bounds[66];

	(void)active;
	if (want > 64)
		want = 64;
	if (calllog_count(ctx->log) < (ctx->min_parallel > 0 ? ctx->min_parallel : 100000))
		want = 1; /* threads cost more than they save */
	nparts = split_numbers(ctx->log, want, bounds);
	events_in_shares(ctx, nparts, run_groups, bounds);
}

void
events_run(struct event_ctx *ctx)
{
	bool active[64] = { false };

	ctx->campaign_cfg = xcalloc(ctx->log->campaigns.n + 1, sizeof(*ctx->campaign_cfg));
	ctx->calls_per_campaign = xcalloc(ctx->log->campaigns.n + 1, sizeof(uint64_t));
	for (size_t id = 0; id < ctx->log->campaigns.n; id++)
		for (size_t c = 0; ctx->campaigns != NULL && c < ctx->campaigns->n; c++)
			if (strcmp(ctx->campaigns->v[c].name, ctx->log->campaigns.str[id]) == 0)
				ctx->campaign_cfg[id] = &ctx->campaigns->v[c];
	for (size_t k = 0; k < rule_count && k < 64; k++)
		active[k] = hook_applies(ctx, &rule_table[k]);
	calls_sort_runs(((struct calllog *)ctx->log)->runs, ctx->log->nruns, CALLS_BY_NUMBER,
	    ctx->jobs);
	ctx->active = active;
	number_pass(ctx, active);
	for (size_t k = 0; k < rule_count; k++)
		if (active[k] && rule_table[k].events->finish != NULL) {
			ctx->rule = &rule_table[k];
			rule_table[k].events->finish(ctx);
		}
	if (ctx->charts != NULL) {
		calls_sort_runs(((struct calllog *)ctx->log)->runs, ctx->log->nruns, CALLS_BY_START,
		    ctx->jobs);
		chartdata_concurrency(ctx->charts, ctx->log);
	}
	summarise(ctx);
}

const char events_details_header[] = "rule,file,line,campaign,number,local_time,reason\n";

static void
write_detail(const struct event_ctx *ctx, const struct violation *v, bool waived)
{
	FILE *out = ctx->details;
	char when[64], num[48], why[256];

	format_local(v->start, v->offset, when, sizeof(when));
	number_text(ctx, v->number, num, sizeof(num));
	describe(ctx, v, why, sizeof(why));
	if (waived)
		strncat(why, tr(" (waived)"), sizeof(why) - strlen(why) - 1);
	csv_cell(out, rule_table[v->rule].id);
	fputc(',', out);
	csv_cell(out, ctx->log->files[v->file].path);
	fprintf(out, ",%" PRIu32 ",", v->line);
	csv_cell(out, event_campaign_name(ctx, v->campaign));
	fputc(',', out);
	csv_cell(out, num);
	fputc(',', out);
	csv_cell(out, when);
	fputc(',', out);
	csv_cell(out, why);
	fputc('\n', out);
}

void
events_free(struct event_ctx *ctx)
{
	free(ctx->aggs);
	u64map_free(&ctx->agg_index);
	free(ctx->campaign_cfg);
	free(ctx->calls_per_campaign);
	chartdata_free(ctx->charts);
	ctx->charts = NULL;
	ctx->aggs = NULL;
	ctx->campaign_cfg = NULL;
	ctx->calls_per_campaign = NULL;
	ctx->naggs = ctx->aggs_cap = 0;
}
