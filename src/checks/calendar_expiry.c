/*
 * calendar-expired: calls on days the profile's holiday calendar does not
 * cover. Outside its range a calendar knows no holiday and no make-up
 * working day, so such a call was judged as on an ordinary day: the report
 * must say so rather than pass it silently.
 */
#include "checks/check.h"

#include <stdio.h>

#include "calendar.h"
#include "calllog.h"
#include "checks/events.h"
#include "util/i18n.h"
#include "util/timeutil.h"

/* The calendar changes a verdict only when holidays are barred or make-up
 * days are judged as another weekday. */
static const struct calendar *
calendar_in_use(const struct profile *p)
{
	const struct limit_hours *h = &p->hours;

	if (!h->set || h->calendar == NULL)
		return NULL;
	if (h->holidays_barred || (h->workday_as >= 0 && h->calendar->nworkdays > 0))
		return h->calendar;
	return NULL;
}

const struct citation *
limit_calendar_expiry(const struct profile *p, char *buf, size_t size)
{
	const struct calendar *c = calendar_in_use(p);
	char from[16], until[16];

	if (c == NULL)
		return NULL;
	format_date(c->valid_from, from, sizeof(from));
	format_date(c->valid_until, until, sizeof(until));
	snprintf(buf, size, tr("calls only on days the holiday calendar '%s' covers (%s to %s)"),
	    c->id, from, until);
	return &p->hours.cite;
}

static bool
expiry_applies(const struct event_ctx *ctx)
{
	return calendar_in_use(ctx->profile) != NULL;
}

static void
expiry_per_call(struct event_ctx *ctx, const struct call *c)
{
	const struct calendar *cal = ctx->profile->hours.calendar;
	int32_t offset = event_offset(ctx, c->start);
	int64_t day = days_from_seconds(c->start + offset);

	if (!calendar_covers(cal, day))
		event_violation(ctx, c, offset, day > cal->valid_until, 0);
}

static void
expiry_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	const struct calendar *cal = ctx->profile->hours.calendar;
	char edge[16];

	format_date(v->reason ? cal->valid_until : cal->valid_from, edge, sizeof(edge));
	snprintf(buf, size, v->reason ? tr("after the last day of the holiday calendar '%s' (%s): "
	    "its holidays are unknown") : tr("before the first day of the holiday calendar '%s' "
	    "(%s): its holidays are unknown"), cal->id, edge);
}

const struct event_hooks calendar_expiry_events = {
	expiry_applies, expiry_per_call, NULL, NULL, expiry_describe,
};
