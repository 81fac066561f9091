/* Time zones: UTC offsets of IANA zones without switching TZ per lookup. */
#ifndef DIALAUDIT_UTIL_TZ_H
#define DIALAUDIT_UTIL_TZ_H

#include <stdint.h>

#include "diag.h"

/*
 * A loaded zone is a table of offset transitions computed once, when the
 * zone is first asked for, from the system's zoneinfo (the C library does
 * the reading; we sample it). Lookups are a binary search, safe from any
 * thread. Zones are cached for the life of the process; tz_cache_clear()
 * frees them (tests, leak checks).
 *
 * Names are IANA names ("Asia/Shanghai", "UTC") or fixed offsets
 * ("+08:00", "-05:00").
 */
struct tz_zone;

enum tz_local_kind {
	TZ_LOCAL_EXACT,     /* the wall time exists once */
	TZ_LOCAL_AMBIGUOUS, /* it exists twice (clocks went back); the earlier is used */
	TZ_LOCAL_GAP,       /* it never existed (clocks went forward) */
};

/* Returns the zone or NULL with d filled (unknown zone). Never free the result. */
const struct tz_zone *tz_get(const char *name, struct diag *d);
const char *tz_name(const struct tz_zone *z);
/* Seconds east of UTC in force at UTC instant t. */
int32_t tz_offset_at(const struct tz_zone *z, int64_t t);
/*
 * The UTC instant of a wall-clock time given as seconds since 1970-01-01
 * 00:00 *local*. For a time inside a gap the pre-transition offset is used
 * (09:30 on a spring-forward night becomes 10:30 after).
 */
int64_t tz_local_to_utc(const struct tz_zone *z, int64_t local, enum tz_local_kind *kind);
void tz_cache_clear(void);

#endif
