/* What a check sees, and how it reports. Included by every checks/ file. */
#ifndef DIALAUDIT_CHECKS_CHECK_H
#define DIALAUDIT_CHECKS_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "checks/rules.h"
#include "finding.h"
#include "model.h"
#include "profile.h"
#include "util/i18n.h"

struct arena;
struct tz_zone;

struct check_ctx {
	const struct rule *rule;            /* the rule being checked */
	const struct profile *profile;
	const struct licence *licence;      /* NULL when none was given */
	const struct campaign_set *campaigns;
	const struct exposure *exposures;   /* exposed-interface facts of the model */
	size_t nexposures;
	int64_t today;                      /* days since epoch, for date rules */
	bool show_numbers;
	struct findings *out;
	struct arena *scratch;              /* freed after the run */
};

/* A finding on setting cs of campaign c (its file and line). */
void check_campaign(struct check_ctx *ctx, enum severity sev, const struct campaign *c,
    enum campaign_setting cs, const struct citation *cite, const char *limit,
    const char *actual, const char *fmt, ...) __attribute__((format(printf, 8, 9)));
/* As check_campaign, with an extra identity for several findings on one setting. */
void check_campaign_ident(struct check_ctx *ctx, enum severity sev, const struct campaign *c,
    enum campaign_setting cs, const char *ident, const struct citation *cite, const char *limit,
    const char *actual, const char *fmt, ...) __attribute__((format(printf, 9, 10)));
/* A finding on the licence file, at line (0 = the licence block). */
void check_licence(struct check_ctx *ctx, enum severity sev, int line, const char *key,
    const struct citation *cite, const char *limit, const char *actual, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/*
 * The finding that sums up a rule's violating calls of one campaign (t has
 * its evidence): count of total calls, and the first nex examples (each a
 * sentence of its own). One whole sentence per case, so that it translates.
 */
struct finding *check_event_summary(struct findings *out, const struct finding *t,
    uint64_t count, uint64_t total, const char (*ex)[400], size_t nex);
/* A number as the report may show it: masked unless --show-numbers. */
const char *check_number(struct check_ctx *ctx, const char *e164);

/* Config checks, one per rule (each in its family's file). */
void check_calling_hours_config(struct check_ctx *ctx);
void check_frequency_config(struct check_ctx *ctx);
void check_recall_after_abandon_config(struct check_ctx *ctx);
void check_wait_after_refusal_config(struct check_ctx *ctx);
void check_abandon_rate_config(struct check_ctx *ctx);
void check_abandon_message_config(struct check_ctx *ctx);
void check_ring_time_config(struct check_ctx *ctx);
void check_caller_id_config(struct check_ctx *ctx);
void check_dnc_config(struct check_ctx *ctx);
void check_consent_config(struct check_ctx *ctx);
void check_capacity_config(struct check_ctx *ctx);
void check_purpose_config(struct check_ctx *ctx);
void check_destination_config(struct check_ctx *ctx);
void check_licence_expiry_config(struct check_ctx *ctx);
void check_retention_config(struct check_ctx *ctx);
void check_exposure_config(struct check_ctx *ctx);

/* The profile's limit for each rule, in words (NULL: the profile sets none). */
const struct citation *limit_calling_hours(const struct profile *p, char *buf, size_t size);
const struct citation *limit_frequency(const struct profile *p, char *buf, size_t size);
const struct citation *limit_recall_after_abandon(const struct profile *p, char *buf, size_t size);
const struct citation *limit_wait_after_refusal(const struct profile *p, char *buf, size_t size);
const struct citation *limit_abandon_rate(const struct profile *p, char *buf, size_t size);
const struct citation *limit_abandon_message(const struct profile *p, char *buf, size_t size);
const struct citation *limit_ring_time(const struct profile *p, char *buf, size_t size);
const struct citation *limit_caller_id(const struct profile *p, char *buf, size_t size);
const struct citation *limit_dnc(const struct profile *p, char *buf, size_t size);
const struct citation *limit_consent(const struct profile *p, char *buf, size_t size);
const struct citation *limit_capacity(const struct profile *p, char *buf, size_t size);
const struct citation *limit_purpose(const struct profile *p, char *buf, size_t size);
const struct citation *limit_destination(const struct profile *p, char *buf, size_t size);
const struct citation *limit_licence_expiry(const struct profile *p, char *buf, size_t size);
const struct citation *limit_retention(const struct profile *p, char *buf, size_t size);
const struct citation *limit_call_volume(const struct profile *p, char *buf, size_t size);
const struct citation *limit_short_calls(const struct profile *p, char *buf, size_t size);
const struct citation *limit_calendar_expiry(const struct profile *p, char *buf, size_t size);
const struct citation *limit_recall_after_machine(const struct profile *p, char *buf, size_t size);
const struct citation *limit_wait_after_conversation(const struct profile *p, char *buf,
    size_t size);

/* Most attempts the retry settings allow to one number in window seconds (LLONG_MAX: no bound). */
long long frequency_max_in_window(const struct campaign *c, int64_t window,
    enum campaign_setting *bound);

/* Whether the campaign's dialling can abandon calls (predictive, unknown, or AMD). */
bool campaign_can_abandon(const struct campaign *c);

/* Shared with the lead-list scrub (checks/lead_scrub.c), so that leads are
 * judged as calls are. */
/* Whether the profile requires consent for calls of campaign cfg (NULL: unknown). */
bool consent_needed(const struct profile *p, const struct campaign *cfg);
/* The index of the blocked-destination pattern e164 matches, or REGEX_NO_MATCH/REGEX_LIMIT. */
int destination_match(const struct profile *p, const char *e164);
/* Two instants of today's year, mid-January and mid-July, to judge winter and summer time. */
void hours_season_probes(int64_t today, int64_t probes[2]);
/*
 * The week seconds in which campaign c may place a call to a callee who may
 * be in any of zones tzs[0…n), judged with the UTC offsets at instant probe:
 * inside the campaign's windows (all week when it sets none) and inside the
 * profile's permitted hours in every one of those zones. The result is in
 * the callee's local time when the campaign's windows are, else in the
 * server's. -1 when the campaign's server zone is unknown.
 */
int hours_callable(const struct profile *p, const struct campaign *c,
    const struct tz_zone *const *tzs, size_t n, int64_t probe, struct arena *a,
    struct schedule *out);

/* Runs every rule's config check. */
void checks_run_config(struct check_ctx *ctx);

#endif
