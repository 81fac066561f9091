/* Civil-date arithmetic (Howard Hinnant's algorithms) and strict parsers. */
#include "util/timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"

int64_t
days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int64_t
days_from_seconds(int64_t secs)
{
	return secs >= 0 ? secs / SECONDS_PER_DAY : (secs - SECONDS_PER_DAY + 1) / SECONDS_PER_DAY;
}

int
weekday_from_days(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int64_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

bool
date_is_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int max;

	if (m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

bool
parse_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool
parse_date(const char *s, int64_t *days)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!parse_digits(s, 4, &y) || !parse_digits(s + 5, 2, &m) || !parse_digits(s + 8, 2, &d))
		return false;
	if (!date_is_valid(y, m, d))
		return false;
	*days = days_from_civil(y, m, d);
	return true;
}

bool
parse_time_of_day(const char *s, bool allow_24, int32_t *secs)
{
	int h, mi, se = 0;
	size_t len = s != NULL ? strlen(s) : 0;

	if (len != 5 && len != 8)
		return false;
	if (!parse_digits(s, 2, &h) || s[2] != ':' || !parse_digits(s + 3, 2, &mi))
		return false;
	if (len == 8 && (s[5] != ':' || !parse_digits(s + 6, 2, &se)))
		return false;
	if (mi > 59 || se > 59)
		return false;
	if (h > 24 || (h == 24 && (!allow_24 || mi != 0 || se != 0)))
		return false;
	*secs = h * 3600 + mi * 60 + se;
	return true;
}

bool
parse_duration(const char *s, bool allow_zero, int64_t *secs)
{
	int64_t v = 0, unit = 1;
	const char *p = s;

	if (s == NULL || !isdigit((unsigned char)*p))
		return false;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > 100000000000LL)
			return false;
		v = v * 10 + (*p - '0');
	}
	while (*p == ' ')
		p++;
	if (*p == '\0' || strcmp(p, "s") == 0 || strcmp(p, "sec") == 0)
		unit = 1;
	else if (strcmp(p, "m") == 0 || strcmp(p, "min") == 0)
		unit = 60;
	else if (strcmp(p, "h") == 0)
		unit = 3600;
	else if (strcmp(p, "d") == 0 || strcmp(p, "days") == 0 || strcmp(p, "day") == 0)
		unit = 86400;
	else if (strcmp(p, "w") == 0)
		unit = 7 * 86400;
	else
		return false;
	if (v == 0 && !allow_zero)
		return false;
	*secs = v * unit;
	return true;
}

/* local: in the report language, else English (each literal twice, so that
 * gcc checks both and the catalog test sees the tr() one). */
static void
duration(int64_t secs, char *buf, unsigned long size, bool local)
{
	if (secs == 86400)
		snprintf(buf, size, "%s", local ? tr("24 h") : "24 h");
	else if (secs != 0 && secs % 86400 == 0)
		snprintf(buf, size, local ? tr("%lld days") : "%lld days", (long long)(secs / 86400));
	else if (secs != 0 && secs % 3600 == 0)
		snprintf(buf, size, local ? tr("%lld h") : "%lld h", (long long)(secs / 3600));
	else if (secs != 0 && secs % 60 == 0)
		snprintf(buf, size, local ? tr("%lld min") : "%lld min", (long long)(secs / 60));
	else
		snprintf(buf, size, local ? tr("%lld s") : "%lld s", (long long)secs);
}

void
format_duration(int64_t secs, char *buf, unsigned long size)
{
	duration(secs, buf, size, true);
}

void
format_duration_en(int64_t secs, char *buf, unsigned long size)
{
	duration(secs, buf, size, false);
}

void
format_time_of_day(int32_t secs, char *buf, unsigned long size)
{
	if (secs % 60 != 0)
		snprintf(buf, size, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, size, "%02d:%02d", secs / 3600, secs / 60 % 60);
}

void
format_date(int64_t days, char *buf, unsigned long size)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

void
format_utc_timestamp(int64_t secs, char *buf, unsigned long size)
{
	int64_t days = secs / 86400, rem = secs % 86400;
	int y, m, d;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rem / 3600),
	    (int)(rem / 60 % 60), (int)(rem % 60));
}

/* English for parsing; weekday_name() shows them in the report language. */
static const char *const wd_short[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	N_("Sat"), N_("Sun") };
static const char *const wd_long[] = { "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday" };

const char *
weekday_name(int wd)
{
	return wd >= 0 && wd < 7 ? tr(wd_short[wd]) : "?";
}

int
weekday_parse(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (strcasecmp(s, wd_short[i]) == 0 || strcasecmp(s, wd_long[i]) == 0)
			return i;
	return -1;
}

int
days_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}
