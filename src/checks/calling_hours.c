/* calling-hours: campaign windows against the profile's permitted hours. */
#include "checks/check.h"

#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "checks/events.h"
#include "util/arena.h"
#include "util/timeutil.h"
#include "util/tz.h"

const struct citation *
limit_calling_hours(const struct profile *p, char *buf, size_t size)
{
	char win[512];
	size_t used;

	if (!p->hours.set)
		return NULL;
	schedule_format(&p->hours.windows, win, sizeof(win));
	used = (size_t)snprintf(buf, size, tr("%s, callee's local time"), win);
	if (p->hours.holidays_barred && used < size)
		snprintf(buf + used, size - used, tr("; no calls on public holidays (calendar %s)"),
		    p->hours.calendar_id);
	return &p->hours.cite;
}

/* The difference (callee zone minus server zone) at two instants of the
 * year, so that both the summer and the winter offset are judged. */
static struct sched_iv *
arena_realloc_ivs(struct check_ctx *ctx, struct sched_iv *old, size_t n, size_t more)
{
	struct sched_iv *v = arena_alloc(ctx->scratch, sizeof(*v) * (n + more));

	if (n > 0)
		memcpy(v, old, sizeof(*v) * n);
	return v;
}

static int
zone_deltas(const struct tz_zone *server, const struct tz_zone *callee, int64_t today,
    int32_t out[2])
{
	int n = 0;
	int64_t probes[2];

	hours_season_probes(today, probes);
	for (int i = 0; i < 2; i++) {
		int32_t delta = tz_offset_at(callee, probes[i]) - tz_offset_at(server, probes[i]);

		if (n == 0 || out[0] != delta)
			out[n++] = delta;
	}
	return n;
}

void
hours_season_probes(int64_t today, int64_t probes[2])
{
	int y, m, d;

	civil_from_days(today, &y, &m, &d);
	probes[0] = days_from_civil(y, 1, 15) * SECONDS_PER_DAY + 12 * 3600;
	probes[1] = days_from_civil(y, 7, 15) * SECONDS_PER_DAY + 12 * 3600;
}

/* a ∩ b: what of a is not outside b. */
static void
intersect(const struct schedule *a, const struct schedule *b, struct arena *ar,
    struct schedule *out)
{
	struct schedule outside;

	schedule_subtract(a, b, ar, &outside);
	schedule_subtract(a, &outside, ar, out);
}

int
hours_callable(const struct profile *p, const struct campaign *c,
    const struct tz_zone *const *tzs, size_t n, int64_t probe, struct arena *a,
    struct schedule *out)
{
	static const struct sched_iv week = { 0, 7 * SECONDS_PER_DAY };
	struct schedule cur;
	const struct tz_zone *server;
	struct diag d;

	if (c != NULL && c->has_windows)
		cur = c->windows;
	else
		schedule_from_intervals(&week, 1, a, &cur);
	if (!p->hours.set) {
		*out = cur;
		return 0;
	}
	if (c == NULL || !c->has_windows || c->windows_in_callee_zone) {
		/* both in the callee's local time, whichever zone that is */
		intersect(&cur, &p->hours.windows, a, out);
		return 0;
	}
	if (c->server_timezone == NULL || (server = tz_get(c->server_timezone, &d)) == NULL)
		return -1;
	for (size_t z = 0; z < n; z++) {
		int32_t delta = tz_offset_at(tzs[z], probe) - tz_offset_at(server, probe);
		struct schedule permitted, next;

		/* the permitted hours of zone z, on the server's clock */
		schedule_shift(&p->hours.windows, -delta, a, &permitted);
		intersect(&cur, &permitted, a, &next);
		cur = next;
	}
	*out = cur;
	return 0;
}

static void
check_windows(struct check_ctx *ctx, const struct campaign *c, const char *limit)
{
	const struct profile *p = ctx->profile;
	char actual[512], when[512], zones[512] = "";
	struct sched_iv *all = NULL;
	size_t nall = 0, zused = 0;
	struct schedule excess;

	schedule_format(&c->windows, actual, sizeof(actual));
	if (c->windows_in_callee_zone) {
		schedule_subtract(&c->windows, &p->hours.windows, ctx->scratch, &excess);
	} else {
		/* Windows kept in the server's zone land at other local times in
		 * each zone a callee may be in, in summer and in winter. */
		struct diag d;
		const struct tz_zone *server = tz_get(c->server_timezone, &d);

		for (size_t z = 0; server != NULL && z < p->nzones; z++) {
			const struct tz_zone *callee = tz_get(p->zones[z], &d);
			int32_t deltas[2];
			int nd = callee != NULL ? zone_deltas(server, callee, ctx->today, deltas) : 0;
			bool hit = false;

			for (int i = 0; i < nd; i++) {
				struct schedule shifted, ex;

				schedule_shift(&c->windows, deltas[i], ctx->scratch, &shifted);
				schedule_subtract(&shifted, &p->hours.windows, ctx->scratch, &ex);
				if (ex.n == 0)
					continue;
				hit = true;
				all = arena_realloc_ivs(ctx, all, nall, ex.n);
				memcpy(all + nall, ex.iv, sizeof(*all) * ex.n);
				nall += ex.n;
			}
			if (hit && zused < sizeof(zones))
				zused += (size_t)snprintf(zones + zused, sizeof(zones) - zused, "%s%s",
				    zused ? ", " : "", p->zones[z]);
		}
		schedule_from_intervals(all, nall, ctx->scratch, &excess);
	}
	if (excess.n == 0)
		return;
	schedule_format(&excess, when, sizeof(when));
	if (c->windows_in_callee_zone)
		check_campaign(ctx, SEV_HIGH, c, CS_WINDOWS, &p->hours.cite, limit, actual,
		    tr("campaign '%s' may call outside the permitted hours: %s"), c->name, when);
	else
		check_campaign(ctx, SEV_HIGH, c, CS_WINDOWS, &p->hours.cite, limit, actual,
		    tr("campaign '%s' keeps its windows in the server's zone (%s), so it may call "
		    "outside the permitted hours at the callee's local time: %s (in %s)"), c->name,
		    c->server_timezone, when, zones);
}

/*
 * The first public holiday from today to the calendar's last day that the
 * campaign's dialer does not close itself (its own holiday table); -1 when
 * it closes every one.
 */
static int64_t
first_open_holiday(const struct calendar *cal, const struct campaign *c, int64_t today,
    const char **name)
{
	for (size_t i = 0; i < cal->nholidays; i++) {
		int64_t day = cal->holidays[i];
		size_t lo = 0, hi = c->nclosed_days;

		if (day < today || day > cal->valid_until)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (c->closed_days[mid] < day)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == c->nclosed_days || c->closed_days[lo] != day) {
			*name = cal->holiday_names[i];
			return day;
		}
	}
	return -1;
}

static void
check_holidays(struct check_ctx *ctx, const struct campaign *c, const char *limit)
{
	const struct profile *p = ctx->profile;
	const char *name = NULL;
	char date[16];
	int64_t open;

	if (c->nclosed_days == 0 || p->hours.calendar == NULL) {
		check_campaign(ctx, SEV_HIGH, c, CS_SKIP_HOLIDAYS, &p->hours.cite, limit,
		    c->skip_holidays == TRI_NO ? "skip_holidays = false" : tr("not set"),
		    tr("campaign '%s' does not skip public holidays, on which the profile bars "
		    "calls (calendar %s)"), c->name, p->hours.calendar_id);
		return;
	}
	open = first_open_holiday(p->hours.calendar, c, ctx->today, &name);
	if (open < 0)
		return; /* the dialer's own holiday table closes every one */
	format_date(open, date, sizeof(date));
	check_campaign(ctx, SEV_HIGH, c, CS_SKIP_HOLIDAYS, &p->hours.cite, limit, date,
	    tr("campaign '%s' closes on %llu days of its dialer's holiday table, but not on %s "
	    "(%s), a public holiday on which the profile bars calls (calendar %s)"), c->name,
	    (unsigned long long)c->nclosed_days, date, name, p->hours.calendar_id);
}

void
check_calling_hours_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[768];

	if (limit_calling_hours(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (!c->has_windows)
			check_campaign(ctx, SEV_HIGH, c, CS_WINDOWS, &p->hours.cite, limit, tr("not set"),
			    tr("campaign '%s' sets no calling windows, so nothing stops the dialer from "
			    "calling at any hour"), c->name);
		else
			check_windows(ctx, c, limit);
		if (p->hours.holidays_barred && c->skip_holidays != TRI_YES)
			check_holidays(ctx, c, limit);
	}
}

/* ---- call logs ----------------------------------------------------------- */

enum { HOURS_OUTSIDE, HOURS_HOLIDAY, HOURS_BARRED_DATE };

static bool
hours_applies(const struct event_ctx *ctx)
{
	return ctx->profile->hours.set;
}

static bool
barred_date(const struct limit_hours *h, int64_t day)
{
	for (size_t i = 0; i < h->nbarred_dates; i++)
		if (h->barred_dates[i] == day)
			return true;
	return false;
}

/* The call must fit the permitted hours in every zone the callee may be in. */
static void
hours_per_call(struct event_ctx *ctx, const struct call *c)
{
	const struct limit_hours *h = &ctx->profile->hours;

	for (size_t z = 0; z < ctx->nzones; z++) {
		int32_t off = tz_offset_at(ctx->zones[z], c->start);
		int64_t local = c->start + off;
		int64_t day = days_from_seconds(local);
		int32_t sec = (int32_t)(local - day * SECONDS_PER_DAY);
		int wd = weekday_from_days(day);

		if (barred_date(h, day)) {
			event_violation(ctx, c, off, HOURS_BARRED_DATE, (int32_t)z);
			return;
		}
		if (h->calendar != NULL && h->holidays_barred && calendar_is_holiday(h->calendar, day, NULL)) {
			event_violation(ctx, c, off, HOURS_HOLIDAY, (int32_t)z);
			return;
		}
		if (h->calendar != NULL && h->workday_as >= 0 && calendar_is_workday(h->calendar, day))
			wd = h->workday_as;
		if (!schedule_contains(&h->windows, wd * SECONDS_PER_DAY + sec)) {
			event_violation(ctx, c, off, HOURS_OUTSIDE, (int32_t)z);
			return;
		}
	}
}

static void
hours_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	const struct limit_hours *h = &ctx->profile->hours;
	int64_t local = v->start + v->offset;
	int64_t day = days_from_seconds(local);
	char tod[16];
	const char *name = NULL;

	format_time_of_day((int32_t)(local - day * SECONDS_PER_DAY), tod, sizeof(tod));
	switch (v->reason) {
	case HOURS_HOLIDAY:
		calendar_is_holiday(h->calendar, day, &name);
		if (name != NULL && name[0])
			snprintf(buf, size, tr("on a public holiday (%s), on which calls are barred"),
			    name);
		else
			snprintf(buf, size, tr("on a public holiday (calendar %s), on which calls are "
			    "barred"), h->calendar_id);
		break;
	case HOURS_BARRED_DATE:
		snprintf(buf, size, "%s", tr("on a barred date"));
		break;
	default:
		snprintf(buf, size, tr("started %s %s callee's local time, outside the permitted hours"),
		    weekday_name(weekday_from_days(day)), tod);
		break;
	}
}

const struct event_hooks calling_hours_events = {
	hours_applies, hours_per_call, NULL, NULL, hours_describe,
};
