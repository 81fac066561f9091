/* The pre-launch scrub of lead lists: who a campaign must not, or cannot, call. */
#ifndef DIALAUDIT_CHECKS_LEAD_SCRUB_H
#define DIALAUDIT_CHECKS_LEAD_SCRUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct arena;
struct campaign_set;
struct consent_list;
struct dnc_list;
struct findings;
struct lead_set;
struct profile;

/* Leads of one campaign that fail its campaign-specific checks. */
struct lead_campaign_stats {
	const char *name;
	uint64_t no_consent, uncallable;
};

/* What the scrub counted, over every lead file (each lead once per category). */
struct lead_stats {
	uint64_t files, rows, parsed, rejected;
	uint64_t dnc, no_consent, invalid_number, blocked, zone_unknown, uncallable;
	uint64_t flagged;            /* leads with at least one problem */
	bool dnc_checked, consent_checked, hours_checked;
	struct lead_campaign_stats *campaigns; /* in the scratch arena */
	size_t ncampaigns;
};

struct lead_scrub {
	const struct profile *profile;
	const struct campaign_set *campaigns;  /* the leads are scrubbed against each */
	const struct lead_set *leads;
	const struct dnc_list *dnc;            /* NULL: none given */
	const struct consent_list *consent;    /* NULL: none given */
	int64_t today;                         /* days since epoch: consent must hold all day */
	bool show_numbers;
	struct findings *out;
	struct arena *scratch;
	FILE *details;                         /* one row per lead with a problem; NULL: none */
	int details_errno;                     /* set when a details row could not be written */
	struct lead_stats stats;
};

/* The details CSV's header when the run scrubs leads. */
extern const char leads_details_header[];

/* Classifies every lead, adds the findings and fills s->stats. */
void leads_scrub(struct lead_scrub *s);

#endif
