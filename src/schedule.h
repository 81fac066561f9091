/* Weekly schedules of permitted calling time (profiles and campaigns). */
#ifndef DIALAUDIT_SCHEDULE_H
#define DIALAUDIT_SCHEDULE_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;

/* A half-open interval [start, end) in seconds since Monday 00:00 local. */
struct sched_iv {
	int32_t start, end;
};

/*
 * A normalised weekly schedule: sorted, non-overlapping, non-adjacent
 * intervals inside [0, one week]. A window that crosses midnight belongs to
 * the day it starts on; one crossing Sunday midnight wraps to Monday.
 * Storage belongs to the arena given when it was built.
 */
struct schedule {
	struct sched_iv *iv;
	size_t n;
};

/*
 * Reads a windows group: keys mon … sun, weekdays, weekend and daily, each a
 * list of "HH:MM-HH:MM" strings (an empty list means no calls that day). A
 * day's own key wins over weekdays/weekend, which win over daily; days not
 * named have no window. Errors: bad times, empty windows (start = end),
 * windows of one key that overlap.
 */
int schedule_parse(const config_setting_t *group, struct arena *a, struct schedule *out,
    struct diag *d);
/* Builds a schedule from ready intervals (any order, may overlap or wrap). */
void schedule_from_intervals(const struct sched_iv *iv, size_t n, struct arena *a,
    struct schedule *out);
bool schedule_contains(const struct schedule *s, int32_t week_second);
/* out = a minus b. */
void schedule_subtract(const struct schedule *a, const struct schedule *b, struct arena *ar,
    struct schedule *out);
/* out = s moved later by delta seconds (negative: earlier), wrapping round the week. */
void schedule_shift(const struct schedule *s, int32_t delta, struct arena *ar,
    struct schedule *out);
/* out = s without the days in mask (bit 0 = Monday). */
void schedule_drop_days(const struct schedule *s, unsigned mask, struct arena *ar,
    struct schedule *out);
/* Total seconds covered. */
int64_t schedule_total(const struct schedule *s);
/* "Sat 09:00–18:00" or "Fri 21:00–Sat 08:00". */
void schedule_format_iv(const struct sched_iv *iv, char *buf, size_t size);
/* The windows starting on weekday wd: "10:00–13:00, 14:00–20:00" or "none". */
void schedule_format_day(const struct schedule *s, int wd, char *buf, size_t size);
/* Whole-week text, days with equal windows grouped: "Mon–Fri 09:00–20:00; Sat 09:00–17:00". */
void schedule_format(const struct schedule *s, char *buf, size_t size);

#endif
