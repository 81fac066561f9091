/* Civil dates, times of day and durations: parsing and arithmetic without TZ. */
#ifndef DIALAUDIT_UTIL_TIMEUTIL_H
#define DIALAUDIT_UTIL_TIMEUTIL_H

#include <stdbool.h>
#include <stdint.h>

#define SECONDS_PER_DAY 86400
#define SECONDS_PER_WEEK (7 * 86400)

/* Days since 1970-01-01 of a proleptic Gregorian date (any year). */
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t days, int *y, int *m, int *d);
/* The day (since 1970-01-01) that second secs falls on: rounds down, also
 * before 1970. */
int64_t days_from_seconds(int64_t secs);
/* qsort/bsearch order of int64_t day numbers. */
int days_cmp(const void *a, const void *b);
/* 0 = Monday … 6 = Sunday. */
int weekday_from_days(int64_t days);
bool date_is_valid(int y, int m, int d);

/* Exactly n decimal digits at s → *out. */
bool parse_digits(const char *s, int n, int *out);
/* "YYYY-MM-DD" → days since epoch. Returns false on any malformed or impossible date. */
bool parse_date(const char *s, int64_t *days);
/* "HH:MM" or "HH:MM:SS", 00:00 … 24:00 → seconds of day; allow_24 admits "24:00". */
bool parse_time_of_day(const char *s, bool allow_24, int32_t *secs);
/*
 * A duration such as "90s", "5m", "24h", "7d", "2w" or a bare number of
 * seconds. Must be > 0 unless allow_zero.
 */
bool parse_duration(const char *s, bool allow_zero, int64_t *secs);
/* Formats a duration the way a person writes it: "5 min", "24 h", "30 days",
 * in the report language (util/i18n.h). */
void format_duration(int64_t secs, char *buf, unsigned long size);
/* The same, always in English: for identities (fingerprints) that must not
 * depend on the language. */
void format_duration_en(int64_t secs, char *buf, unsigned long size);
/* "HH:MM" (or "HH:MM:SS" when seconds are not zero) of a second of day (0…86400). */
void format_time_of_day(int32_t secs, char *buf, unsigned long size);
/* "YYYY-MM-DD" of days since epoch. */
void format_date(int64_t days, char *buf, unsigned long size);
/* "YYYY-MM-DDTHH:MM:SSZ" of seconds since the epoch. */
void format_utc_timestamp(int64_t secs, char *buf, unsigned long size);
/* Three-letter English weekday name, 0 = "Mon". */
/* "Mon" … "Sun" in the report language (util/i18n.h); "?" out of range. */
const char *weekday_name(int wd);
/* "mon".."sun" (case-insensitive, also full names) → 0..6, else -1. */
int weekday_parse(const char *s);

#endif
