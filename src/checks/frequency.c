/* call-frequency: the most attempts retry settings allow in each window. */
#include "checks/check.h"
#include "util/arena.h"

#include <limits.h>
#include <stdio.h>

#include "checks/events.h"
#include "util/timeutil.h"

const struct citation *
limit_frequency(const struct profile *p, char *buf, size_t size)
{
	size_t used = 0;

	if (p->nfrequency == 0)
		return NULL;
	buf[0] = '\0';
	for (size_t i = 0; i < p->nfrequency && used < size; i++) {
		const struct limit_frequency *f = &p->frequency[i];
		char w[32];

		format_duration(f->window, w, sizeof(w));
		if (i > 0)
			used += (size_t)snprintf(buf + used, size - used, "%s", tr("; "));
		if (used >= size)
			break;
		if (f->calendar_day)
			used += (size_t)snprintf(buf + used, size - used, f->calls == 1 ?
			    tr("at most %d call per number per local calendar day") :
			    tr("at most %d calls per number per local calendar day"), f->calls);
		else if (f->days > 0)
			used += (size_t)snprintf(buf + used, size - used, f->calls == 1 ?
			    tr("at most %d call per number in any %d consecutive local calendar days") :
			    tr("at most %d calls per number in any %d consecutive local calendar days"),
			    f->calls, f->days);
		else
			used += (size_t)snprintf(buf + used, size - used, f->calls == 1 ?
			    tr("at most %d call per number in any rolling %s") :
			    tr("at most %d calls per number in any rolling %s"), f->calls, w);
	}
	return &p->frequency[0].cite;
}

/* Shortest gap the campaign keeps between two attempts to one number. */
static int64_t
min_spacing(const struct campaign *c, enum campaign_setting *which)
{
	int64_t best = -1;

	*which = CS_RETRY_INTERVAL;
	if (c->retry_interval >= 0)
		best = c->retry_interval;
	if (c->retry_after_no_answer >= 0 && (best < 0 || c->retry_after_no_answer < best)) {
		best = c->retry_after_no_answer;
		*which = CS_RETRY_AFTER_NO_ANSWER;
	}
	if (c->retry_after_abandon >= 0 && (best < 0 || c->retry_after_abandon < best)) {
		best = c->retry_after_abandon;
		*which = CS_RETRY_AFTER_ABANDON;
	}
	return best;
}

/*
 * Attempts at t0, t0+s, t0+2s … fall in a window (start - W, start] when
 * their span is below W, so a window holds at most (W - 1) / s + 1 of them;
 * a calendar day (86 400 s) likewise. max_attempts over attempts_window
 * caps that at max_attempts per started campaign window.
 */
long long
frequency_max_in_window(const struct campaign *c, int64_t window, enum campaign_setting *bound)
{
	enum campaign_setting which;
	int64_t s = min_spacing(c, &which);
	long long by_spacing = LLONG_MAX, by_attempts = LLONG_MAX;

	if (s > 0)
		by_spacing = (window - 1) / s + 1;
	if (c->max_attempts > 0) {
		by_attempts = c->max_attempts;
		if (c->attempts_window > 0 && window > c->attempts_window)
			by_attempts = (long long)c->max_attempts *
			    ((window + c->attempts_window - 1) / c->attempts_window);
	}
	*bound = by_attempts <= by_spacing ? CS_MAX_ATTEMPTS : which;
	return by_attempts < by_spacing ? by_attempts : by_spacing;
}

void
check_frequency_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;

	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		for (size_t k = 0; k < p->nfrequency; k++) {
			const struct limit_frequency *f = &p->frequency[k];
			enum campaign_setting bound;
			long long most = frequency_max_in_window(c, f->window, &bound);
			char w[32], limit[96];

			char ident[96];

			/* the identity stays English: fingerprints must not depend on the language */
			format_duration_en(f->window, w, sizeof(w));
			if (f->calendar_day)
				snprintf(w, sizeof(w), "local day");
			else if (f->days > 0)
				snprintf(w, sizeof(w), "%d local days", f->days);
			snprintf(ident, sizeof(ident), "at most %d calls per number per %s", f->calls, w);
			format_duration(f->window, w, sizeof(w));
			if (f->calendar_day)
				snprintf(w, sizeof(w), "%s", tr("local day"));
			else if (f->days > 0)
				snprintf(w, sizeof(w), tr("%d consecutive local days"), f->days);
			snprintf(limit, sizeof(limit), tr("at most %d calls per number per %s"), f->calls, w);
			if (most == LLONG_MAX)
				check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_ATTEMPTS, ident, &f->cite, limit,
				    tr("unlimited"),
				    tr("campaign '%s' sets no max_attempts and no retry delay above zero, so "
				    "nothing limits the calls to one number per %s (limit: %d)"), c->name, w,
				    f->calls);
			else if (most > f->calls)
				check_campaign_ident(ctx, SEV_HIGH, c, bound, ident, &f->cite, limit,
				    arena_printf(ctx->scratch, tr("up to %lld"), most),
				    tr("campaign '%s' retry settings allow up to %lld calls to one number per "
				    "%s; the limit is %d"), c->name, most, w, f->calls);
		}
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
frequency_applies(const struct event_ctx *ctx)
{
	return ctx->profile->nfrequency > 0;
}

/*
 * Counting the call itself, more than N attempts in (start - W, start] is a
 * breach, and every further call is one more: two pointers over the
 * number's calls in start order.
 */
/* Moves *j to the first call still inside f's window ending at calls[i]
 * and returns how many calls the window holds, calls[i] included. */
static size_t
in_window(const struct event_ctx *ctx, const struct limit_frequency *f, struct call *const *calls,
    size_t i, size_t *j)
{
	if (f->days > 0) {
		/* the call's own day and the days - 1 before it */
		int64_t first = event_local_day(ctx, calls[i]->start) - (f->days - 1);

		while (event_local_day(ctx, calls[*j]->start) < first)
			(*j)++;
	} else {
		while (calls[i]->start - calls[*j]->start >= f->window)
			(*j)++;
	}
	return i - *j + 1;
}

/*
 * Counting the call itself, more than N attempts in (start - W, start] is a
 * breach, and every further call is one more: two pointers per limit over
 * the number's calls in start order. A call that breaks several limits is
 * one violating call, named by the first limit it breaks.
 */
static void
frequency_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	const struct profile *p = ctx->profile;
	size_t j[64] = { 0 };
	size_t nlimits = p->nfrequency < 64 ? p->nfrequency : 64;
	int fewest = INT_MAX;

	for (size_t k = 0; k < nlimits; k++)
		if (p->frequency[k].calls < fewest)
			fewest = p->frequency[k].calls;
	if ((size_t)fewest >= n)
		return;
	for (size_t i = 0; i < n; i++) {
		int broken = -1;
		size_t worst = 0;

		for (size_t k = 0; k < nlimits; k++) {
			size_t count = in_window(ctx, &p->frequency[k], calls, i, &j[k]);

			if (broken < 0 && count > (size_t)p->frequency[k].calls) {
				broken = (int)k;
				worst = count;
			}
		}
		if (broken >= 0)
			event_violation(ctx, calls[i], event_offset(ctx, calls[i]->start), (uint8_t)broken,
			    (int32_t)worst);
	}
}

static void
frequency_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	const struct limit_frequency *f = &ctx->profile->frequency[v->reason];
	char w[32];

	format_duration(f->window, w, sizeof(w));
	if (f->calendar_day)
		snprintf(buf, size, tr("call %d to this number on the same local day (limit %d)"),
		    v->aux, f->calls);
	else if (f->days > 0)
		snprintf(buf, size, tr("call %d to this number within %d consecutive local days "
		    "(limit %d)"), v->aux, f->days, f->calls);
	else
		snprintf(buf, size, tr("call %d to this number within %s (limit %d)"), v->aux, w,
		    f->calls);
}

const struct event_hooks frequency_events = {
	frequency_applies, NULL, frequency_per_number, NULL, frequency_describe,
};
