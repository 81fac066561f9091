/* Number lists: do-not-call registers and consent records. */
#ifndef DIALAUDIT_NUMLISTS_H
#define DIALAUDIT_NUMLISTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct numbering;
struct tz_zone;

/* A do-not-call list: sorted, unique numbers (E.164 as integers). */
struct dnc_list {
	const char *path;
	uint64_t *v;
	size_t n;
	uint64_t rows, rejected; /* lines read, lines that held no number */
	uint32_t first_bad_line;
	char first_bad_reason[120];
};

/* Consent for one number: valid from granted (inclusive) to until (exclusive). */
struct consent_record {
	uint64_t number;
	int64_t granted, until;  /* until = INT64_MAX when open-ended */
	const char *campaign;    /* NULL: any campaign */
};

struct consent_list {
	const char *path;
	struct consent_record *v; /* sorted by number, then granted */
	size_t n;
	uint64_t rows, rejected;
	uint32_t first_bad_line;
	char first_bad_reason[120];
	struct arena *arena;
};

/*
 * A DNC file has one number a line, or CSV whose first field holding a
 * number is taken (a header line is recognised and skipped). Lines with no
 * number are counted as rejected, never silently dropped.
 */
int dnc_load(const char *path, const struct numbering *np, struct dnc_list *out, struct diag *d);
void dnc_free(struct dnc_list *l);
bool dnc_contains(const struct dnc_list *l, uint64_t number);

/*
 * A consent file is CSV with a header naming at least 'number' and
 * 'granted_at', and optionally 'revoked_at', 'expires_at' and 'campaign'.
 * Times are "YYYY-MM-DD HH:MM:SS" in zone (or epoch seconds).
 */
int consent_load(const char *path, const struct numbering *np, const struct tz_zone *zone,
    struct consent_list *out, struct diag *d);
void consent_free(struct consent_list *l);
/* Whether number had consent valid at t for campaign (NULL: any). */
bool consent_valid(const struct consent_list *l, uint64_t number, int64_t t, const char *campaign);

#endif
