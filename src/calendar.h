/* Holiday calendars: public holidays and make-up working days per country. */
#ifndef DIALAUDIT_CALENDAR_H
#define DIALAUDIT_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;

/*
 * A calendar file (libconfig) names its source and the range of dates it is
 * known to be complete for; outside that range the audit says so instead of
 * assuming there are no holidays. Day numbers are days since 1970-01-01.
 */
struct calendar {
	char *id, *name, *source, *path;
	int64_t valid_from, valid_until; /* inclusive */
	int64_t *holidays;               /* sorted */
	char **holiday_names;            /* parallel to holidays */
	size_t nholidays;
	int64_t *workdays;               /* make-up working days, sorted */
	size_t nworkdays;
};

int calendar_load(const char *path, struct arena *a, struct calendar **out, struct diag *d);
bool calendar_is_holiday(const struct calendar *c, int64_t day, const char **name);
bool calendar_is_workday(const struct calendar *c, int64_t day);
bool calendar_covers(const struct calendar *c, int64_t day);

#endif
