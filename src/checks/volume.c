/* call-volume and short-calls: how each caller ID is used, from the logs. */
#include "checks/check.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/events.h"
#include "util/arena.h"
#include "util/phone.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/u64map.h"
#include "util/xalloc.h"

/* ---- call-volume ------------------------------------------------------- */

const struct citation *
limit_call_volume(const struct profile *p, char *buf, size_t size)
{
	if (!p->call_volume.set)
		return NULL;
	if (p->call_volume.per_hour > 0 && p->call_volume.per_day > 0)
		snprintf(buf, size, tr("at most %d calls per caller ID per hour and %d per local day"),
		    p->call_volume.per_hour, p->call_volume.per_day);
	else if (p->call_volume.per_hour > 0)
		snprintf(buf, size, tr("at most %d calls per caller ID per hour"),
		    p->call_volume.per_hour);
	else
		snprintf(buf, size, tr("at most %d calls per caller ID per local day"),
		    p->call_volume.per_day);
	return &p->call_volume.cite;
}

/* Calls per caller ID per clock hour and per local day (the profile's zone:
 * the caller's side of the call), counted while the calls stream past. */
struct bucket {
	uint32_t caller;
	int32_t slot;    /* hour or day number, local */
	uint8_t is_day;
	uint64_t calls;
};

struct volume_state {
	struct bucket *v;
	size_t n, cap;
	struct u64map index;
	const struct tz_zone *zone;
};

static bool
volume_applies(const struct event_ctx *ctx)
{
	return ctx->profile->call_volume.set;
}

static void
count(struct volume_state *s, uint32_t caller, int32_t slot, bool is_day, uint64_t n)
{
	bool added;
	size_t i = u64map_index(&s->index, (uint64_t)caller << 33 | (uint64_t)is_day << 32 |
	    (uint32_t)slot, &added);

	if (added) {
		xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
		s->v[s->n++] = (struct bucket){ caller, slot, is_day, 0 };
	}
	s->v[i].calls += n;
}

static void
volume_per_call(struct event_ctx *ctx, const struct call *c)
{
	struct volume_state *s = ctx->rule_state[ctx->rule - rule_table];
	int64_t local;

	if (c->caller == 0)
		return;
	if (s == NULL) {
		struct diag d;

		s = ctx->rule_state[ctx->rule - rule_table] = xcalloc(1, sizeof(*s));
		s->zone = tz_get(ctx->profile->timezone, &d);
	}
	local = c->start + (s->zone != NULL ? tz_offset_at(s->zone, c->start) : 0);
	if (ctx->profile->call_volume.per_hour > 0)
		count(s, c->caller, (int32_t)(local >= 0 ? local / 3600 : (local - 3599) / 3600), false, 1);
	if (ctx->profile->call_volume.per_day > 0)
		count(s, c->caller, (int32_t)days_from_seconds(local), true, 1);
}

static int
cmp_bucket(const void *a, const void *b)
{
	const struct bucket *x = a, *y = b;

	if (x->caller != y->caller)
		return x->caller < y->caller ? -1 : 1;
	if (x->is_day != y->is_day)
		return x->is_day < y->is_day ? -1 : 1;
	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* One finding per caller ID and kind of limit: how many hours (days) went
 * over, and the worst one. */
static void
volume_finish(struct event_ctx *ctx)
{
	struct volume_state *s = ctx->rule_state[ctx->rule - rule_table];
	const struct profile *p = ctx->profile;
	char limit[256];

	if (s == NULL)
		return;
	limit_call_volume(p, limit, sizeof(limit));
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_bucket);
	for (size_t i = 0; i < s->n;) {
		uint32_t caller = s->v[i].caller;
		uint8_t is_day = s->v[i].is_day;
		int max = is_day ? p->call_volume.per_day : p->call_volume.per_hour;
		size_t over = 0;
		const struct bucket *worst = NULL;

		for (; i < s->n && s->v[i].caller == caller && s->v[i].is_day == is_day; i++)
			if (s->v[i].calls > (uint64_t)max) {
				over++;
				if (worst == NULL || s->v[i].calls > worst->calls)
					worst = &s->v[i];
			}
		if (worst != NULL) {
			struct finding t = { 0 };
			char shown[PHONE_MAX + 16], when[32];
			const char *id = ctx->log->callers.str[caller];
			int64_t day = is_day ? worst->slot : (int64_t)worst->slot * 3600 / SECONDS_PER_DAY;

			phone_display(id, &p->numbering, ctx->show_numbers, shown, sizeof(shown));
			format_date(day, when, sizeof(when));
			if (!is_day)
				snprintf(when + strlen(when), sizeof(when) - strlen(when), " %02d:00",
				    (int)((int64_t)worst->slot * 3600 % SECONDS_PER_DAY / 3600));
			t.rule = ctx->rule;
			t.severity = ctx->rule->severity;
			t.key = is_day ? "volume/day" : "volume/hour";
			t.ident = id;
			t.limit = limit;
			t.cite = &p->call_volume.cite;
			t.actual = arena_printf(ctx->scratch, tr("%" PRIu64 " calls in %s"), worst->calls,
			    when);
			if (is_day)
				findings_add(ctx->out, &t, over == 1 ? tr("caller ID %s placed more than %d "
				    "calls in %zu day; the most was %" PRIu64 " in the day from %s") :
				    tr("caller ID %s placed more than %d calls in %zu days; the most was "
				    "%" PRIu64 " in the day from %s"), shown, max, over, worst->calls, when);
			else
				findings_add(ctx->out, &t, over == 1 ? tr("caller ID %s placed more than %d "
				    "calls in %zu hour; the most was %" PRIu64 " in the hour from %s") :
				    tr("caller ID %s placed more than %d calls in %zu hours; the most was "
				    "%" PRIu64 " in the hour from %s"), shown, max, over, worst->calls, when);
		}
	}
	free(s->v);
	u64map_free(&s->index);
	free(s);
	ctx->rule_state[ctx->rule - rule_table] = NULL;
}

static void
volume_merge(struct event_ctx *ctx, void *from)
{
	struct volume_state *f = from, **into = (struct volume_state **)&ctx->rule_state[ctx->rule -
	    rule_table];

	if (*into == NULL) {
		*into = f; /* the first share becomes the whole */
		return;
	}
	for (size_t i = 0; i < f->n; i++)
		count(*into, f->v[i].caller, f->v[i].slot, f->v[i].is_day, f->v[i].calls);
	free(f->v);
	u64map_free(&f->index);
	free(f);
}

const struct event_hooks call_volume_events = {
	volume_applies, volume_per_call, NULL, volume_finish, NULL, volume_merge,
};

/* ---- short-calls ------------------------------------------------------- */

const struct citation *
limit_short_calls(const struct profile *p, char *buf, size_t size)
{
	if (!p->short_calls.set)
		return NULL;
	snprintf(buf, size, tr("at most %g%% of answered calls shorter than %d s, per caller ID and "
	    "campaign (judged from %d answered calls)"), p->short_calls.max_share_percent,
	    p->short_calls.max_seconds, p->short_calls.min_answered);
	return &p->short_calls.cite;
}

struct tally {
	uint32_t caller, campaign;
	uint64_t answered, short_calls;
};

struct short_state {
	struct tally *v;
	size_t n, cap;
	struct u64map index;
};

static bool
short_applies(const struct event_ctx *ctx)
{
	return ctx->profile->short_calls.set;
}

static void
short_per_call(struct event_ctx *ctx, const struct call *c)
{
	struct short_state *s = ctx->rule_state[ctx->rule - rule_table];
	bool added;
	size_t i;

	if (!(c->flags & CALL_ANSWERED) || c->caller == 0)
		return;
	if (s == NULL)
		s = ctx->rule_state[ctx->rule - rule_table] = xcalloc(1, sizeof(*s));
	i = u64map_index(&s->index, (uint64_t)c->caller << 32 | c->campaign, &added);
	if (added) {
		xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
		s->v[s->n++] = (struct tally){ c->caller, c->campaign, 0, 0 };
	}
	s->v[i].answered++;
	/* talk time: from the answer to the end */
	s->v[i].short_calls += c->duration - (c->ring < c->duration ? c->ring : c->duration) <
	    (uint32_t)ctx->profile->short_calls.max_seconds;
}

static void
short_finish(struct event_ctx *ctx)
{
	struct short_state *s = ctx->rule_state[ctx->rule - rule_table];
	const struct profile *p = ctx->profile;
	char limit[256];

	if (s == NULL)
		return;
	limit_short_calls(p, limit, sizeof(limit));
	for (size_t i = 0; i < s->n; i++) {
		const struct tally *x = &s->v[i];
		double share = x->answered ? 100.0 * (double)x->short_calls / (double)x->answered : 0;
		struct finding t = { 0 };
		char shown[PHONE_MAX + 16];

		if (x->answered < (uint64_t)p->short_calls.min_answered ||
		    share <= p->short_calls.max_share_percent)
			continue;
		phone_display(ctx->log->callers.str[x->caller], &p->numbering, ctx->show_numbers, shown,
		    sizeof(shown));
		t.rule = ctx->rule;
		t.severity = ctx->rule->severity;
		t.campaign = x->campaign != 0 ? event_campaign_name(ctx, x->campaign) : NULL;
		t.key = "short-calls";
		t.ident = ctx->log->callers.str[x->caller];
		t.limit = limit;
		t.cite = &p->short_calls.cite;
		t.actual = arena_printf(ctx->scratch, tr("%.1f%% (%" PRIu64 " of %" PRIu64 ")"), share,
		    x->short_calls, x->answered);
		findings_add(ctx->out, &t, tr("caller ID %s: %.1f%% of its answered calls (%" PRIu64 " of "
		    "%" PRIu64 ") lasted under %d s; the limit is %g%%"), shown, share, x->short_calls,
		    x->answered, p->short_calls.max_seconds, p->short_calls.max_share_percent);
	}
	free(s->v);
	u64map_free(&s->index);
	free(s);
	ctx->rule_state[ctx->rule - rule_table] = NULL;
}

static void
short_merge(struct event_ctx *ctx, void *from)
{
	struct short_state *f = from, **into = (struct short_state **)&ctx->rule_state[ctx->rule -
	    rule_table];

	if (*into == NULL) {
		*into = f;
		return;
	}
	for (size_t i = 0; i < f->n; i++) {
		bool added;
		size_t k = u64map_index(&(*into)->index, (uint64_t)f->v[i].caller << 32 | f->v[i].campaign,
		    &added);

		if (added) {
			xgrow((void **)&(*into)->v, &(*into)->cap, (*into)->n + 1, sizeof(*(*into)->v));
			(*into)->v[(*into)->n++] = (struct tally){ f->v[i].caller, f->v[i].campaign, 0, 0 };
		}
		(*into)->v[k].answered += f->v[i].answered;
		(*into)->v[k].short_calls += f->v[i].short_calls;
	}
	free(f->v);
	u64map_free(&f->index);
	free(f);
}

const struct event_hooks short_calls_events = {
	short_applies, short_per_call, NULL, short_finish, NULL, short_merge,
};
