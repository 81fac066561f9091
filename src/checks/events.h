/* The event engine: call-log rules over every call, grouped by number. */
#ifndef DIALAUDIT_CHECKS_EVENTS_H
#define DIALAUDIT_CHECKS_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "calllog.h"
#include "finding.h"
#include "model.h"
#include "util/u64map.h"

struct arena;
struct chart_data;
struct consent_list;
struct waiver;
struct waivers;
struct dnc_list;
struct profile;
struct rule;
struct tz_zone;

/* One call that broke one rule: 40 bytes, as there may be millions. */
struct violation {
	uint64_t number;
	int64_t start;
	uint32_t line;
	uint32_t campaign;
	int32_t offset;   /* UTC offset of the callee's local time, for the report */
	int32_t aux;      /* rule-specific detail (a count, a limit index, seconds) */
	uint16_t file;
	uint8_t rule;     /* index in rule_table */
	uint8_t reason;   /* rule-specific reason code */
};

#define EVENT_EXAMPLES 3

/* Violations of one rule by one campaign: the count and the earliest few. */
struct event_agg {
	uint8_t rule;
	uint32_t campaign;
	const struct waiver *waiver;       /* calls a number-scoped waiver accepts; NULL: active */
	uint64_t count;
	struct violation ex[EVENT_EXAMPLES];
	size_t nex;
};

struct event_ctx {
	const struct rule *rule;           /* the rule whose hook runs */
	const struct profile *profile;
	const struct licence *licence;
	const struct campaign_set *campaigns;
	const struct calllog *log;
	const struct dnc_list *dnc;
	const struct consent_list *consent;
	int capacity;                      /* --capacity, else the licence's channels; 0 = none */
	bool capacity_from_option;         /* capacity came from --capacity */
	int jobs;                          /* threads for sorting and the number pass */
	size_t min_parallel;               /* calls below which one thread does it; 0 = 100 000 */
	bool show_numbers;
	int64_t today;
	struct findings *out;
	struct arena *scratch;
	FILE *details;                     /* every violation as a CSV row; NULL: none */
	struct waivers *waivers;           /* number-scoped waivers apply per call; NULL: none */
	uint64_t nv;                       /* violations found */
	struct event_agg *aggs;            /* per rule and campaign */
	size_t naggs, aggs_cap;
	struct u64map agg_index;
	uint64_t last_agg_key;             /* the aggregate event_violation used last */
	size_t last_agg;
	const struct campaign **campaign_cfg; /* by campaign id: its config, or NULL */
	uint64_t *calls_per_campaign;      /* counted attempts by campaign id */
	uint64_t attempts;                 /* all counted attempts */
	uint64_t numbers;                  /* distinct called numbers */
	/* the number group being checked (per_call and per_number hooks) */
	const struct tz_zone *const *zones;
	size_t nzones;
	void *rule_state[64];              /* by rule index, for a rule's own tallies */
	const bool *active;                /* by rule index: the rules that apply */
	struct chart_data *charts;         /* tallies for the HTML report; NULL: none (owned) */
	int details_errno;                 /* a share's temporary details file failed; 0: none */
};

/* One share of a pass over the calls, done on its own copy of the context. */
struct event_share {
	struct event_ctx ctx;
	size_t index, count;               /* this share, of how many */
	void *arg;
	uint64_t *dups;                    /* duplicates found, by file */
};

/*
 * Runs work on nshares shares, on up to ctx->jobs threads, then folds each
 * share's counts, aggregates, rule tallies and details back into ctx in
 * share order: the result is the same however many threads ran.
 */
void events_in_shares(struct event_ctx *ctx, size_t nshares, void (*work)(struct event_share *sh),
    void *arg);

/*
 * A rule's part in the engine. The number pass runs on several threads,
 * each over its own range of numbers with its own copy of the context;
 * per_call and per_number must therefore keep their tallies in
 * rule_state (merged by merge) and must not add findings (finish does). per_call sees each counted attempt (with
 * ctx->zones set to the callee's candidate zones); per_number sees all
 * attempts to one number in start order; finish runs once at the end and
 * may add findings of its own (aggregates). describe writes a violation's
 * reason for the details CSV and the examples.
 */
struct event_hooks {
	bool (*applies)(const struct event_ctx *ctx);
	void (*per_call)(struct event_ctx *ctx, const struct call *c);
	void (*per_number)(struct event_ctx *ctx, struct call *const *calls, size_t n);
	void (*finish)(struct event_ctx *ctx);
	void (*describe)(const struct event_ctx *ctx, const struct violation *v, char *buf,
	    size_t size);
	/* Folds the state one thread's share of the numbers left in its
	 * rule_state slot (from) into ctx's slot, and frees from. */
	void (*merge)(struct event_ctx *ctx, void *from);
};

/* Each rule family's part (in its checks/ file). */
extern const struct event_hooks calling_hours_events, frequency_events,
    recall_after_abandon_events, wait_after_refusal_events, abandon_rate_events,
    ring_time_events, caller_id_events, dnc_events, consent_events, capacity_events,
    destination_events, input_events, call_volume_events, short_calls_events,
    calendar_expiry_events, wait_after_conversation_events, recall_after_machine_events;

/* Records that call c broke ctx->rule. */
void event_violation(struct event_ctx *ctx, const struct call *c, int32_t offset, uint8_t reason,
    int32_t aux);
/* Local wall time of t in the callee's first candidate zone (offset returned). */
int32_t event_offset(const struct event_ctx *ctx, int64_t t);
/* The callee's local day (days since epoch) of t, in the same zone. */
int64_t event_local_day(const struct event_ctx *ctx, int64_t t);
/* The same for any number, outside the number pass (finish hooks). */
int32_t event_number_offset(const struct event_ctx *ctx, uint64_t number, int64_t t);
const char *event_campaign_name(const struct event_ctx *ctx, uint32_t id);
/* Whether call c counts in the abandon rate's denominator under profile p. */
bool abandon_in_base(const struct profile *p, const struct call *c);

/*
 * Runs every event rule and adds their findings. Violations are not kept:
 * each is counted for its rule and campaign (with the earliest examples)
 * and, when ctx->details is set, written there at once, so memory does not
 * grow with the number of violations.
 */
void events_run(struct event_ctx *ctx);
/* The header line of the details CSV. */
extern const char events_details_header[];
void events_free(struct event_ctx *ctx);

#endif
