/* Tallies for the HTML report's charts, gathered in the event passes. */
#include "checks/chartdata.h"

#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/events.h"
#include "checks/sweep.h"
#include "profile.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/*
 * The window drawn is the profile's longest frequency limit, the one a
 * reader thinks of as "calls per number"; without one, a day.
 */
static void
choose_window(struct chart_data *c, const struct profile *p)
{
	int64_t longest = -1;

	c->window = 86400;
	c->window_days = 0;
	c->window_limit = 0;
	for (size_t i = 0; p != NULL && i < p->nfrequency; i++) {
		const struct limit_frequency *f = &p->frequency[i];

		if (f->window > longest) {
			longest = f->window;
			c->window = f->window;
			c->window_days = f->days;
			c->window_limit = f->calls;
		}
	}
}

static struct chart_data *
alloc_like(size_t ncallers, size_t ncampaigns)
{
	struct chart_data *c = xcalloc(1, sizeof(*c));

	c->ncallers = ncallers;
	c->ncampaigns = ncampaigns;
	c->by_caller = xcalloc(ncallers + 1, sizeof(*c->by_caller));
	c->abandoned = xcalloc(ncampaigns + 1, sizeof(*c->abandoned));
	c->abandon_base = xcalloc(ncampaigns + 1, sizeof(*c->abandon_base));
	return c;
}

struct chart_data *
chartdata_new(const struct profile *p, const struct calllog *log)
{
	struct chart_data *c = alloc_like(log->callers.n, log->campaigns.n);

	choose_window(c, p);
	return c;
}

struct chart_data *
chartdata_share(const struct chart_data *from)
{
	struct chart_data *c = alloc_like(from->ncallers, from->ncampaigns);

	c->window = from->window;
	c->window_days = from->window_days;
	c->window_limit = from->window_limit;
	return c;
}

void
chartdata_free(struct chart_data *c)
{
	if (c == NULL)
		return;
	free(c->by_caller);
	free(c->abandoned);
	free(c->abandon_base);
	free(c->peak);
	free(c);
}

void
chartdata_merge(struct chart_data *into, const struct chart_data *from)
{
	for (int d = 0; d < 7; d++)
		for (int h = 0; h < 24; h++)
			into->heat[d][h] += from->heat[d][h];
	for (size_t i = 0; i < CHART_WINDOW_BINS; i++)
		into->window_max[i] += from->window_max[i];
	for (size_t i = 0; i < into->ncallers && i < from->ncallers; i++)
		into->by_caller[i] += from->by_caller[i];
	for (size_t i = 0; i < into->ncampaigns && i < from->ncampaigns; i++) {
		into->abandoned[i] += from->abandoned[i];
		into->abandon_base[i] += from->abandon_base[i];
	}
}

void
chartdata_call(struct chart_data *c, const struct event_ctx *ctx, const struct call *call)
{
	int64_t local = call->start + event_offset(ctx, call->start);
	int64_t day = days_from_seconds(local);

	c->heat[weekday_from_days(day)][(local - day * SECONDS_PER_DAY) / 3600]++;
	if (call->caller < c->ncallers)
		c->by_caller[call->caller]++;
	if (call->campaign < c->ncampaigns) {
		c->abandoned[call->campaign] += (call->flags & CALL_ABANDONED) != 0;
		/* without a limit there is no denominator to follow: all attempts */
		c->abandon_base[call->campaign] += !ctx->profile->abandon_rate.set ||
		    abandon_in_base(ctx->profile, call);
	}
}

/* Most attempts in one window (start−W, start], or in N consecutive local days:
 * the same windows the call-frequency rule counts. */
void
chartdata_number(struct chart_data *c, const struct event_ctx *ctx, struct call *const *calls,
    size_t n)
{
	size_t most = 0;

	for (size_t i = 0, j = 0; i < n; i++) {
		if (c->window_days > 0) {
			int64_t first = event_local_day(ctx, calls[i]->start) - (c->window_days - 1);

			while (event_local_day(ctx, calls[j]->start) < first)
				j++;
		} else {
			while (calls[j]->start <= calls[i]->start - c->window)
				j++;
		}
		if (i - j + 1 > most)
			most = i - j + 1;
	}
	if (most == 0)
		return;
	c->window_max[most < CHART_WINDOW_BINS ? most : CHART_WINDOW_BINS - 1]++;
}

/* Bin widths a reader can take in at a glance. */
static const int64_t nice_bins[] = {
	60, 300, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400,
	2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400, 91 * 86400, 364 * 86400,
};

struct concurrency_arg {
	struct chart_data *c;
	struct end_heap live;
	size_t at;      /* the bin last filled */
	bool started;
};

static void
visit(const struct call *call, void *arg)
{
	struct concurrency_arg *a = arg;
	struct chart_data *c = a->c;
	size_t b = (size_t)((call->start - c->t0) / c->bin);

	/* A bin's peak is the count at its start or just after one of its starts:
	 * concurrency only rises when a call starts. */
	if (b >= c->nbins)
		b = c->nbins - 1;
	for (size_t k = a->started ? a->at + 1 : 0; k <= b; k++) {
		end_heap_expire(&a->live, c->t0 + (int64_t)k * c->bin);
		c->peak[k] = (uint32_t)a->live.n;
	}
	a->at = b;
	a->started = true;
	end_heap_expire(&a->live, call->start);
	end_heap_push(&a->live, call->start + (int64_t)call->duration);
	if (a->live.n > c->peak[b])
		c->peak[b] = (uint32_t)a->live.n;
	if (a->live.n > c->peak_all)
		c->peak_all = (uint32_t)a->live.n;
}

static bool
span_of(const struct calllog *log, int64_t *first, int64_t *last)
{
	bool any = false;

	for (size_t r = 0; r < log->nruns; r++)
		for (size_t i = 0; i < log->runs[r].n; i++) {
			const struct call *call = &log->runs[r].v[i];
			int64_t end = call->start + (int64_t)call->duration;

			if (call->flags & CALL_DUPLICATE)
				continue;
			if (!any || call->start < *first)
				*first = call->start;
			if (!any || end > *last)
				*last = end;
			any = true;
		}
	return any;
}

void
chartdata_concurrency(struct chart_data *c, const struct calllog *log)
{
	struct concurrency_arg a = { c, { 0 }, 0, false };
	int64_t first, last;
	size_t k = 0;

	if (!span_of(log, &first, &last))
		return;
	while (k + 1 < sizeof(nice_bins) / sizeof(nice_bins[0]) &&
	    (last - floor_div(first, nice_bins[k]) * nice_bins[k]) / nice_bins[k] >= CHART_MAX_BINS)
		k++;
	c->bin = nice_bins[k];
	c->t0 = floor_div(first, c->bin) * c->bin;
	c->nbins = (size_t)((last - c->t0) / c->bin) + 1;
	if (c->nbins > CHART_MAX_BINS)
		c->nbins = CHART_MAX_BINS; /* spans of years: the last bin takes the rest */
	c->peak = xcalloc(c->nbins, sizeof(*c->peak));
	sweep_by_start(log, NULL, visit, &a);
	/* bins after the last start: calls still running drain away */
	for (size_t b = a.at + 1; a.started && b < c->nbins; b++) {
		end_heap_expire(&a.live, c->t0 + (int64_t)b * c->bin);
		c->peak[b] = (uint32_t)a.live.n;
	}
	end_heap_free(&a.live);
}
