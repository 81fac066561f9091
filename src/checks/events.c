/* The event engine: sorting, de-duplicating and feeding calls to rules. */
#include "checks/events.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/check.h"
#include "checks/rules.h"
#include "profile.h"
#include "util/arena.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

/* Rows of one call (same linked id) close together in time are one attempt. */
#define SAME_CALL_WINDOW (6 * 3600)
#define EXAMPLES 3

void
event_violation(struct event_ctx *ctx, const struct call *c, int32_t offset, uint8_t reason,
    int32_t aux)
{
	struct violation *v;

	xgrow((void **)&ctx->v, &ctx->v_cap, ctx->nv + 1, sizeof(*v));
	v = &ctx->v[ctx->nv++];
	v->number = c->number;
	v->start = c->start;
	v->line = c->line;
	v->campaign = c->campaign;
	v->offset = offset;
	v->aux = aux;
	v->file = c->file;
	v->rule = (uint8_t)(ctx->rule - rule_table);
	v->reason = reason;
}

int32_t
event_offset(const struct event_ctx *ctx, int64_t t)
{
	return ctx->nzones > 0 ? tz_offset_at(ctx->zones[0], t) : 0;
}

int32_t
event_number_offset(const struct event_ctx *ctx, uint64_t number, int64_t t)
{
	const struct tz_zone *const *zones;
	size_t n;
	char e164[32];

	number_unpack(number, e164, sizeof(e164));
	profile_zone_tzs(ctx->profile, e164, &zones, &n);
	return n > 0 ? tz_offset_at(zones[0], t) : 0;
}

const char *
event_campaign_name(const struct event_ctx *ctx, uint32_t id)
{
	return id < ctx->log->campaigns.n ? ctx->log->campaigns.str[id] : "";
}

static int
cmp_number_start(const void *a, const void *b)
{
	const struct call *x = a, *y = b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
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
				g[i]->flags |= g[j]->flags & (CALL_ANSWERED | CALL_LIVE | CALL_AGENT |
				    CALL_ABANDONED | CALL_REFUSED);
				if (g[j]->flags & CALL_ANSWERED && !(g[i]->flags & CALL_ANSWERED))
					g[i]->disposition = g[j]->disposition;
				g[j]->flags |= CALL_DUPLICATE;
			}
	}
}

struct cursor {
	struct call *v;
	size_t i, n;
};

static void
run_groups(struct event_ctx *ctx, bool *active)
{
	struct calllog *log = (struct calllog *)ctx->log;
	struct cursor *cur = xcalloc(log->nruns + 1, sizeof(*cur));
	struct call **group = NULL, **counted = NULL;
	size_t gcap = 0, ccap = 0;

	for (size_t r = 0; r < log->nruns; r++) {
		qsort(log->runs[r].v, log->runs[r].n, sizeof(struct call), cmp_number_start);
		cur[r] = (struct cursor){ log->runs[r].v, 0, log->runs[r].n };
	}
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
			for (size_t j = i; j > 0 && cmp_number_start(group[j - 1], group[j]) > 0; j--) {
				struct call *t = group[j];

				group[j] = group[j - 1];
				group[j - 1] = t;
			}
		dedupe(group, ng);
		ctx->numbers++;
		number_unpack(number, e164, sizeof(e164));
		profile_zone_tzs(ctx->profile, e164, &ctx->zones, &ctx->nzones);
		for (size_t i = 0; i < ng; i++) {
			if (group[i]->flags & CALL_DUPLICATE) {
				log->files[group[i]->file].duplicates++;
				continue;
			}
			xgrow((void **)&counted, &ccap, nc + 1, sizeof(*counted));
			counted[nc++] = group[i];
			ctx->attempts++;
			ctx->calls_per_campaign[group[i]->campaign]++;
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
	}
	ctx->zones = NULL;
	ctx->nzones = 0;
	free(group);
	free(counted);
	free(cur);
}

static int
cmp_violation(const void *a, const void *b)
{
	const struct violation *x = a, *y = b;

	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	if (x->campaign != y->campaign)
		return x->campaign < y->campaign ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void
format_local(int64_t t, int32_t offset, char *buf, size_t size)
{
	int64_t local = t + offset;
	int64_t day = local >= 0 ? local / SECONDS_PER_DAY : (local - SECONDS_PER_DAY + 1) / SECONDS_PER_DAY;
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
	qsort(ctx->v, ctx->nv, sizeof(*ctx->v), cmp_violation);
	for (size_t i = 0; i < ctx->nv;) {
		const struct violation *first = &ctx->v[i];
		const struct rule *r = &rule_table[first->rule];
		size_t j = i;
		struct finding t = { 0 };
		char ex[EXAMPLES][400], limit[512] = "";
		uint64_t total;
		size_t k;

		while (j < ctx->nv && ctx->v[j].rule == first->rule && ctx->v[j].campaign == first->campaign)
			j++;
		for (k = 0; k < EXAMPLES && i + k < j; k++) {
			const struct violation *v = &ctx->v[i + k];
			char when[64], num[48], why[256];

			format_local(v->start, v->offset, when, sizeof(when));
			number_text(ctx, v->number, num, sizeof(num));
			describe(ctx, v, why, sizeof(why));
			if (v->file == first->file)
				snprintf(ex[k], sizeof(ex[k]), "line %" PRIu32 " (%s, %s): %s", v->line, when,
				    num, why);
			else
				snprintf(ex[k], sizeof(ex[k]), "%s:%" PRIu32 " (%s, %s): %s",
				    ctx->log->files[v->file].path, v->line, when, num, why);
		}
		total = first->campaign < ctx->log->campaigns.n ? ctx->calls_per_campaign[first->campaign] : 0;
		if (r->limit != NULL)
			r->limit(ctx->profile, limit, sizeof(limit));
		t.rule = r;
		t.severity = r->severity;
		t.path = ctx->log->files[first->file].path;
		t.line = (int)first->line;
		t.campaign = event_campaign_name(ctx, first->campaign);
		if (t.campaign[0] == '\0')
			t.campaign = NULL;
		t.key = "calls";
		t.limit = limit[0] ? limit : NULL;
		t.actual = arena_printf(ctx->scratch, "%zu of %" PRIu64 " calls", j - i, total);
		t.cite = NULL;
		if (r->limit != NULL) {
			char tmp[8];

			t.cite = r->limit(ctx->profile, tmp, sizeof(tmp));
		}
		t.ident = "events";
		findings_add(ctx->out, &t, "%zu call%s%s%s%s (%.1f%% of %" PRIu64 "): %s%s%s%s%s",
		    j - i, j - i == 1 ? "" : "s", t.campaign ? " of campaign '" : "",
		    t.campaign ? t.campaign : "", t.campaign ? "'" : "",
		    total ? 100.0 * (double)(j - i) / (double)total : 0.0,
		    total, ex[0], k > 1 ? "; " : "", k > 1 ? ex[1] : "", k > 2 ? "; " : "",
		    k > 2 ? ex[2] : "");
		i = j;
	}
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
	run_groups(ctx, active);
	for (size_t k = 0; k < rule_count; k++)
		if (active[k] && rule_table[k].events->finish != NULL) {
			ctx->rule = &rule_table[k];
			rule_table[k].events->finish(ctx);
		}
	summarise(ctx);
}

static void
csv_field(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int
events_write_details(const struct event_ctx *ctx, FILE *out)
{
	fputs("rule,file,line,campaign,number,local_time,reason\n", out);
	for (size_t i = 0; i < ctx->nv; i++) {
		const struct violation *v = &ctx->v[i];
		char when[64], num[48], why[256];

		format_local(v->start, v->offset, when, sizeof(when));
		number_text(ctx, v->number, num, sizeof(num));
		describe(ctx, v, why, sizeof(why));
		csv_field(out, rule_table[v->rule].id);
		fputc(',', out);
		csv_field(out, ctx->log->files[v->file].path);
		fprintf(out, ",%" PRIu32 ",", v->line);
		csv_field(out, event_campaign_name(ctx, v->campaign));
		fputc(',', out);
		csv_field(out, num);
		fputc(',', out);
		csv_field(out, when);
		fputc(',', out);
		csv_field(out, why);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

void
events_free(struct event_ctx *ctx)
{
	free(ctx->v);
	free(ctx->campaign_cfg);
	free(ctx->calls_per_campaign);
	ctx->v = NULL;
	ctx->campaign_cfg = NULL;
	ctx->calls_per_campaign = NULL;
	ctx->nv = ctx->v_cap = 0;
}
