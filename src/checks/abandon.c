/* Abandonment: abandon-rate, abandon-message, recall-after-abandon and recall-after-machine. */
#include "checks/check.h"

#include <stdio.h>
#include <stdlib.h>

#include "checks/events.h"
#include "util/arena.h"
#include "util/u64map.h"
#include "util/xalloc.h"

#include "util/timeutil.h"

/* Whether the campaign's dialling can abandon calls at all. */
bool
campaign_can_abandon(const struct campaign *c)
{
	if (c->dial_mode == DIAL_PREDICTIVE || c->dial_mode == DIAL_UNSET)
		return true;
	/* AMD holds a call while it listens; a late connect is an abandoned call. */
	return c->dial_mode == DIAL_PROGRESSIVE && c->amd == TRI_YES;
}

/* A live agent waits on every call unless the campaign can abandon. */
static bool
agent_guaranteed(const struct campaign *c)
{
	return !campaign_can_abandon(c);
}

const struct citation *
limit_abandon_rate(const struct profile *p, char *buf, size_t size)
{
	static const char *const denom[] = { N_("live-answered calls"), N_("answered calls"),
		N_("attempts") };
	const char *of;
	char w[32];

	if (!p->abandon_rate.set)
		return NULL;
	of = tr(denom[p->abandon_rate.denominator]);
	format_duration(p->abandon_rate.window, w, sizeof(w));
	if (p->abandon_rate.calendar_day)
		snprintf(buf, size, tr("at most %g%% of %s per campaign per calendar day"),
		    p->abandon_rate.max_percent, of);
	else
		snprintf(buf, size, tr("at most %g%% of %s per campaign in each successive window of %s"),
		    p->abandon_rate.max_percent, of, w);
	return &p->abandon_rate.cite;
}

void
check_abandon_rate_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_abandon_rate(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (!campaign_can_abandon(c))
			continue;
		if (c->abandon_target < 0)
			check_campaign(ctx, c->dial_mode == DIAL_UNSET ? SEV_MEDIUM : SEV_HIGH, c,
			    c->dial_mode == DIAL_UNSET ? CS_DIAL_MODE : CS_ABANDON_TARGET,
			    &p->abandon_rate.cite, limit, tr("not set"),
			    c->dial_mode == DIAL_PREDICTIVE ? tr("campaign '%s' dials predictively but "
			    "sets no abandon_target, so the dialer's own default decides how many calls "
			    "it drops") : c->dial_mode == DIAL_PROGRESSIVE ? tr("campaign '%s' dials "
			    "progressively with AMD but sets no abandon_target, so the dialer's own "
			    "default decides how many calls it drops") : tr("campaign '%s' does not say "
			    "its dial_mode (it may dial predictively) but sets no abandon_target, so the "
			    "dialer's own default decides how many calls it drops"), c->name);
		else if (c->abandon_target > p->abandon_rate.max_percent)
			check_campaign(ctx, SEV_HIGH, c, CS_ABANDON_TARGET, &p->abandon_rate.cite, limit,
			    arena_printf(ctx->scratch, "%g%%", c->abandon_target),
			    tr("campaign '%s' targets %g%% abandoned calls, above the limit of %g%%"), c->name,
			    c->abandon_target, p->abandon_rate.max_percent);
	}
}

const struct citation *
limit_abandon_message(const struct profile *p, char *buf, size_t size)
{
	if (!p->abandon_message.set)
		return NULL;
	if (p->abandon_message.required)
		snprintf(buf, size, tr("an identification message within %g s of the answer"),
		    p->abandon_message.max_seconds);
	else
		snprintf(buf, size, tr("any message within %g s of the answer"),
		    p->abandon_message.max_seconds);
	return &p->abandon_message.cite;
}

void
check_abandon_message_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_abandon_message(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (!campaign_can_abandon(c))
			continue;
		if (c->abandon_message != TRI_YES) {
			if (p->abandon_message.required)
				check_campaign(ctx, SEV_MEDIUM, c, CS_ABANDON_MESSAGE,
				    &p->abandon_message.cite, limit,
				    c->abandon_message == TRI_NO ? tr("off") : tr("not set"),
				    tr("campaign '%s' can abandon calls but plays no message on them, so "
				    "they are silent calls"), c->name);
		} else if (c->abandon_message_delay < 0) {
			check_campaign(ctx, SEV_LOW, c, CS_ABANDON_MESSAGE_DELAY,
			    &p->abandon_message.cite, limit, tr("not set"),
			    tr("campaign '%s' does not say how soon its abandon message starts (limit %g s)"),
			    c->name, p->abandon_message.max_seconds);
		} else if (c->abandon_message_delay > p->abandon_message.max_seconds) {
			check_campaign(ctx, SEV_MEDIUM, c, CS_ABANDON_MESSAGE_DELAY,
			    &p->abandon_message.cite, limit,
			    arena_printf(ctx->scratch, tr("%g s"), c->abandon_message_delay),
			    tr("campaign '%s' starts its abandon message after %g s, later than %g s"),
			    c->name, c->abandon_message_delay, p->abandon_message.max_seconds);
		}
	}
}

const struct citation *
limit_recall_after_abandon(const struct profile *p, char *buf, size_t size)
{
	if (!p->recall_after_abandon.set)
		return NULL;
	if (p->recall_after_abandon.live_agent_exempt)
		snprintf(buf, size, tr("no new call within %d h of an abandoned call unless a live agent "
		    "is guaranteed"), p->recall_after_abandon.hours);
	else
		snprintf(buf, size, tr("no new call within %d h of an abandoned call"),
		    p->recall_after_abandon.hours);
	return &p->recall_after_abandon.cite;
}

void
check_recall_after_abandon_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	int64_t need;
	char limit[256];

	if (limit_recall_after_abandon(p, limit, sizeof(limit)) == NULL)
		return;
	need = (int64_t)p->recall_after_abandon.hours * 3600;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];
		enum campaign_setting cs = CS_RETRY_AFTER_ABANDON;
		int64_t delay = c->retry_after_abandon;
		char have[32];

		if (p->recall_after_abandon.live_agent_exempt && agent_guaranteed(c))
			continue;
		if (delay < 0) {
			/* Dialers fall back to the general retry interval. */
			delay = c->retry_interval;
			cs = CS_RETRY_INTERVAL;
		}
		if (delay < 0) {
			check_campaign(ctx, SEV_MEDIUM, c, CS_RETRY_AFTER_ABANDON,
			    &p->recall_after_abandon.cite, limit, tr("not set"),
			    tr("campaign '%s' sets no delay before an abandoned number is called again"),
			    c->name);
			continue;
		}
		if (delay >= need)
			continue;
		format_duration(delay, have, sizeof(have));
		check_campaign(ctx, SEV_MEDIUM, c, cs, &p->recall_after_abandon.cite, limit, have,
		    tr("campaign '%s' may call an abandoned number again after %s, sooner than %d h"),
		    c->name, have, p->recall_after_abandon.hours);
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
recall_applies(const struct event_ctx *ctx)
{
	return ctx->profile->recall_after_abandon.set;
}

/* Whether a live agent was guaranteed on call c: only its campaign's
 * configuration can say so (preview, or progressive without AMD). */
static bool
live_agent_guaranteed(const struct event_ctx *ctx, const struct call *c)
{
	const struct campaign *cfg = ctx->campaign_cfg[c->campaign];

	return cfg != NULL && !campaign_can_abandon(cfg);
}

static bool
was_abandoned(const struct call *c)
{
	return (c->flags & CALL_ABANDONED) != 0;
}

static bool
reached_machine(const struct call *c)
{
	return c->disposition == DISP_MACHINE;
}

/* Flags every call within lim->hours of the last earlier call that trigger
 * picks, unless a live agent is guaranteed on it (when the limit allows). */
static void
recall_after(struct event_ctx *ctx, struct call *const *calls, size_t n,
    const struct limit_recall *lim, bool (*trigger)(const struct call *c))
{
	int64_t need = (int64_t)lim->hours * 3600;
	const struct call *last = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct call *c = calls[i];

		if (last != NULL && c->start - last->start < need &&
		    !(lim->live_agent_exempt && live_agent_guaranteed(ctx, c)))
			event_violation(ctx, c, event_offset(ctx, c->start), 0,
			    (int32_t)((c->start - last->start) / 60));
		if (trigger(c))
			last = c;
	}
}

static void
recall_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	recall_after(ctx, calls, n, &ctx->profile->recall_after_abandon, was_abandoned);
}

static void
recall_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	snprintf(buf, size, tr("called %d h %02d min after an abandoned call to the same number "
	    "(minimum %d h)"), v->aux / 60, v->aux % 60, ctx->profile->recall_after_abandon.hours);
}

const struct event_hooks recall_after_abandon_events = {
	recall_applies, NULL, recall_per_number, NULL, recall_describe,
};

/*
 * abandon-rate: abandoned ÷ the profile's denominator per campaign, in
 * successive windows from the first local day with a counted call of the
 * campaign (or per local day).
 * Counts are kept per campaign and local day, then windows are summed.
 */
struct day_count {
	uint32_t campaign;
	int32_t day;
	uint64_t abandoned, base;
};

struct abandon_state {
	struct day_count *v;
	size_t n, cap;
	struct u64map index; /* (campaign, day) → v[] */
};

static bool
rate_applies(const struct event_ctx *ctx)
{
	return ctx->profile->abandon_rate.set;
}

static struct day_count *
day_bucket(struct abandon_state *s, uint32_t campaign, int32_t day)
{
	bool added;
	size_t i = u64map_index(&s->index, (uint64_t)campaign << 32 | (uint32_t)day, &added);

	if (added) {
		xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
		s->v[s->n++] = (struct day_count){ campaign, day, 0, 0 };
	}
	return &s->v[i];
}

bool
abandon_in_base(const struct profile *p, const struct call *c)
{
	switch (p->abandon_rate.denominator) {
	case DENOM_LIVE_ANSWERED:
		return (c->flags & (CALL_LIVE | CALL_ABANDONED)) != 0;
	case DENOM_ANSWERED:
		return (c->flags & (CALL_ANSWERED | CALL_ABANDONED)) != 0;
	default:
		return true;
	}
}

static void
rate_per_call(struct event_ctx *ctx, const struct call *c)
{
	struct abandon_state *s = ctx->rule_state[ctx->rule - rule_table];
	int32_t day = (int32_t)event_local_day(ctx, c->start);
	struct day_count *b;
	bool base;

	if (s == NULL)
		s = ctx->rule_state[ctx->rule - rule_table] = xcalloc(1, sizeof(*s));
	base = abandon_in_base(ctx->profile, c);
	if (!base && !(c->flags & CALL_ABANDONED))
		return;
	b = day_bucket(s, c->campaign, day);
	b->base += base;
	b->abandoned += (c->flags & CALL_ABANDONED) != 0;
}

static int
cmp_day_count(const void *a, const void *b)
{
	const struct day_count *x = a, *y = b;

	if (x->campaign != y->campaign)
		return x->campaign < y->campaign ? -1 : 1;
	return x->day < y->day ? -1 : x->day > y->day;
}

static void
rate_finish(struct event_ctx *ctx)
{
	struct abandon_state *s = ctx->rule_state[ctx->rule - rule_table];
	const struct profile *p = ctx->profile;
	int32_t span = p->abandon_rate.calendar_day ? 1 :
	    (int32_t)((p->abandon_rate.window + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
	char limit[256];

	if (s == NULL)
		return;
	limit_abandon_rate(p, limit, sizeof(limit));
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_day_count);
	for (size_t i = 0; i < s->n;) {
		uint32_t camp = s->v[i].campaign;
		int32_t first = s->v[i].day;

		while (i < s->n && s->v[i].campaign == camp) {
			int32_t w0 = first + (s->v[i].day - first) / span * span;
			uint64_t ab = 0, base = 0;
			char from[16], to[16];
			struct finding t = { 0 };

			for (; i < s->n && s->v[i].campaign == camp && s->v[i].day < w0 + span; i++) {
				ab += s->v[i].abandoned;
				base += s->v[i].base;
			}
			if (base == 0 || 100.0 * (double)ab / (double)base <= p->abandon_rate.max_percent)
				continue;
			format_date(w0, from, sizeof(from));
			format_date(w0 + span - 1, to, sizeof(to));
			t.rule = ctx->rule;
			t.severity = ctx->rule->severity;
			t.campaign = event_campaign_name(ctx, camp);
			t.key = "abandon-rate";
			t.ident = from;
			t.limit = limit;
			t.actual = arena_printf(ctx->scratch, tr("%.2f%% (%llu of %llu)"),
			    100.0 * (double)ab / (double)base, (unsigned long long)ab,
			    (unsigned long long)base);
			t.cite = &p->abandon_rate.cite;
			if (span == 1)
				findings_add(ctx->out, &t, tr("campaign '%s' abandoned %.2f%% of its calls "
				    "(%llu of %llu) on %s; the limit is %g%%"), t.campaign,
				    100.0 * (double)ab / (double)base, (unsigned long long)ab,
				    (unsigned long long)base, from, p->abandon_rate.max_percent);
			else
				findings_add(ctx->out, &t, tr("campaign '%s' abandoned %.2f%% of its calls "
				    "(%llu of %llu) from %s to %s; the limit is %g%%"), t.campaign,
				    100.0 * (double)ab / (double)base, (unsigned long long)ab,
				    (unsigned long long)base, from, to, p->abandon_rate.max_percent);
		}
	}
	free(s->v);
	u64map_free(&s->index);
	free(s);
	ctx->rule_state[ctx->rule - rule_table] = NULL;
}

static void
rate_merge(struct event_ctx *ctx, void *from)
{
	struct abandon_state *f = from, **into = (struct abandon_state **)&ctx->rule_state[ctx->rule -
	    rule_table];

	if (*into == NULL)
		*into = xcalloc(1, sizeof(**into));
	for (size_t i = 0; i < f->n; i++) {
		struct day_count *b = day_bucket(*into, f->v[i].campaign, f->v[i].day);

		b->abandoned += f->v[i].abandoned;
		b->base += f->v[i].base;
	}
	free(f->v);
	u64map_free(&f->index);
	free(f);
}

const struct event_hooks abandon_rate_events = {
	rate_applies, rate_per_call, NULL, rate_finish, NULL, rate_merge,
};

/*
 * recall-after-machine: after a call an answering machine took (AMD
 * included, false positives too), no new call within the profile's hours
 * unless a live agent is guaranteed. Call logs only: no campaign setting
 * schedules machine-answered numbers apart from the others.
 */
const struct citation *
limit_recall_after_machine(const struct profile *p, char *buf, size_t size)
{
	if (!p->recall_after_machine.set)
		return NULL;
	if (p->recall_after_machine.live_agent_exempt)
		snprintf(buf, size, tr("no new call within %d h of a call an answering machine took, "
		    "unless a live agent is guaranteed"), p->recall_after_machine.hours);
	else
		snprintf(buf, size, tr("no new call within %d h of a call an answering machine took"),
		    p->recall_after_machine.hours);
	return &p->recall_after_machine.cite;
}

static bool
machine_applies(const struct event_ctx *ctx)
{
	return ctx->profile->recall_after_machine.set;
}

static void
machine_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	recall_after(ctx, calls, n, &ctx->profile->recall_after_machine, reached_machine);
}

static void
machine_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	snprintf(buf, size, tr("called %d h %02d min after an answering machine took a call to the "
	    "same number (minimum %d h)"), v->aux / 60, v->aux % 60,
	    ctx->profile->recall_after_machine.hours);
}

const struct event_hooks recall_after_machine_events = {
	machine_applies, NULL, machine_per_number, NULL, machine_describe,
};

