/* Mappings: how the columns of a generic CSV call log become calls. */
#ifndef DIALAUDIT_MAPPING_H
#define DIALAUDIT_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util/csvrec.h"

struct tz_zone;

/*
 * A mapping file (libconfig, docs/mapping-format.md) names the header of
 * each column a call needs, the format and zone of its times, and which
 * values of the disposition column mean answered, busy, abandoned, ….
 * Loaded once, then only read (from any number of parser threads); the
 * tally of unmapped dispositions is the one thing that changes, under a lock.
 */
struct mapping;

/* The columns a mapping may name, in the order of the file's keys. */
enum map_col {
	MAP_NUMBER, MAP_START, MAP_CALLER_ID, MAP_CAMPAIGN, MAP_ANSWER, MAP_END, MAP_DURATION,
	MAP_RING, MAP_DISPOSITION, MAP_AGENT, MAP_CONSENT, MAP_LINK,
	MAP__COUNT,
};

/*
 * The columns of a lead list a mapping may name (its leads group, read by
 * config --leads; docs/leads.md). A mapping may hold columns, leads or both.
 */
enum map_lead_col {
	MAP_LEAD_NUMBER, MAP_LEAD_ID, MAP_LEAD_PHONE_CODE, MAP_LEAD_STATE, MAP_LEAD_POSTAL_CODE,
	MAP_LEAD_CONSENT,
	MAP_LEAD__COUNT,
};

int mapping_load(const char *path, struct mapping **out, struct diag *d);
void mapping_free(struct mapping *m);

/* ---- what the generic-csv adapter needs --------------------------------- */

const char *mapping_path(const struct mapping *m);
unsigned char mapping_delimiter(const struct mapping *m);
/* The key of a column in the file ("number", "caller_id", …). */
const char *mapping_column_key(enum map_col c);
/* The header name mapped to column c, or NULL when the mapping leaves it out. */
const char *mapping_column(const struct mapping *m, enum map_col c);
/* The key of a lead column ("number", "id", …) and its header name, or NULL. */
const char *mapping_lead_column_key(enum map_lead_col c);
const char *mapping_lead_column(const struct mapping *m, enum map_lead_col c);
/* Whether the mapping reads call logs (has columns) / lead lists (has leads). */
bool mapping_has_columns(const struct mapping *m);
bool mapping_has_leads(const struct mapping *m);
/* The zone the mapping's times are in; NULL: the log's (--log-tz, the profile's). */
const struct tz_zone *mapping_zone(const struct mapping *m);
/*
 * A time cell to UTC epoch seconds, by the mapping's format, in zone
 * (the mapping's own zone wins when it names one). Returns 0, or -1 with
 * *reason set.
 */
int mapping_time(const struct mapping *m, const struct tz_zone *zone, struct text t,
    int64_t *out, const char **reason);
/* Whether every digit of a time cell is 0 (epoch 0, "0000-00-00 00:00:00"): not set. */
bool mapping_time_unset(struct text t);
/*
 * The disposition (enum disposition) a cell's value maps to, or -1 when
 * the mapping does not list it; such values are tallied (see below).
 */
int mapping_disposition(struct mapping *m, struct text t);
/* Whether a consent cell's value is one of consent_values. */
bool mapping_consent(const struct mapping *m, struct text t);
/* Rows whose disposition value was not listed, and up to max distinct such values. */
uint64_t mapping_unmapped(struct mapping *m, const char **values, size_t max, size_t *nvalues);


/* ---- time formats (exposed for tests) ----------------------------------- */

/*
 * A strict, locale-independent subset of strptime: %Y (4 digits), %y (2
 * digits, 69-99 → 19xx), %m, %d, %H, %M, %S (1 or 2 digits), %e (day, may
 * start with a space), %b (English month name, abbreviated or full), %T
 * (%H:%M:%S), %F (%Y-%m-%d), %% and literal characters; or "epoch"
 * (seconds, an optional fraction dropped) or "epoch_ms" (milliseconds).
 * The whole cell must match: trailing characters are an error.
 */
enum timefmt_kind { TIMEFMT_PATTERN, TIMEFMT_EPOCH, TIMEFMT_EPOCH_MS };

#define TIMEFMT_MAX_OPS 64

struct timefmt {
	enum timefmt_kind kind;
	size_t nops;
	struct timefmt_op {
		char dir;  /* directive letter, or 0 for a literal */
		char lit;
	} ops[TIMEFMT_MAX_OPS];
};

/* Compiles spec; -1 with a message in err on an unsupported or incomplete format. */
int timefmt_compile(const char *spec, struct timefmt *f, char *err, size_t errsize);
/*
 * Parses s[0…n) (surrounding blanks ignored) to UTC epoch seconds: wall-clock
 * times are taken in zone (NULL: UTC). Dates outside 1970-2099 are rejected.
 */
int timefmt_parse(const struct timefmt *f, const char *s, size_t n, const struct tz_zone *zone,
    int64_t *out, const char **reason);

#endif
