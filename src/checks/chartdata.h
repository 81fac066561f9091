/*
 * What the HTML report draws, gathered in the event engine's passes when a
 * report asks for it (event_ctx.charts set): nothing is kept per call, only
 * fixed tallies, so memory does not grow with the log.
 */
#ifndef DIALAUDIT_CHECKS_CHARTDATA_H
#define DIALAUDIT_CHECKS_CHARTDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct call;
struct calllog;
struct event_ctx;
struct profile;

/* Numbers by their most attempts in one window: 1 … CHART_WINDOW_BINS-1, then "that or more". */
#define CHART_WINDOW_BINS 25
/* At most this many points in the concurrency series. */
#define CHART_MAX_BINS 240

struct chart_data {
	/* counted attempts by the callee's local weekday (0 = Monday) and hour,
	 * in the first zone the number may be in */
	uint64_t heat[7][24];
	/* distinct numbers by their most attempts in one window */
	uint64_t window_max[CHART_WINDOW_BINS];
	int64_t window;          /* that window in seconds (rolling), or */
	int window_days;         /* … this many consecutive local calendar days (0: rolling) */
	int window_limit;        /* the profile's most attempts in it; 0: none */
	/* by caller ID id (calllog.callers; 0 = none), and by campaign id */
	uint64_t *by_caller;
	size_t ncallers;
	uint64_t *abandoned, *abandon_base;
	size_t ncampaigns;
	/* concurrent calls: the peak in each bin of bin seconds from t0 */
	int64_t t0, bin;
	uint32_t *peak;
	size_t nbins;
	uint32_t peak_all;
};

/* Empty tallies for a log, with the window chosen from the profile. */
struct chart_data *chartdata_new(const struct profile *p, const struct calllog *log);
/* Empty tallies shaped like c (one share of the number pass). */
struct chart_data *chartdata_share(const struct chart_data *c);
void chartdata_free(struct chart_data *c);
/* Folds from into into; from is left unchanged. */
void chartdata_merge(struct chart_data *into, const struct chart_data *from);

/* The number pass: each counted attempt (ctx->zones are the callee's), and
 * each number's counted attempts in start order. */
void chartdata_call(struct chart_data *c, const struct event_ctx *ctx, const struct call *call);
void chartdata_number(struct chart_data *c, const struct event_ctx *ctx,
    struct call *const *calls, size_t n);
/* Concurrent calls over time; the log's runs must be sorted by start. */
void chartdata_concurrency(struct chart_data *c, const struct calllog *log);

#endif
