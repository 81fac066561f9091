/* One audit run: inputs, profile and licence in, findings out. */
#ifndef DIALAUDIT_AUDIT_H
#define DIALAUDIT_AUDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "adapters/adapter.h"
#include "diag.h"
#include "finding.h"
#include "checks/events.h"
#include "checks/lead_scrub.h"
#include "leads.h"
#include "model.h"
#include "numlists.h"
#include "report/report.h"
#include "waiver.h"

struct mapping;
struct profile;

#define AUDIT_TODAY_NOW INT64_MIN

struct audit_options {
	const char *profile;     /* id or path; NULL: from dialaudit.cfg */
	const char *licence;     /* path; NULL: from dialaudit.cfg or none */
	const char *dnc;         /* do-not-call list; NULL: from dialaudit.cfg or none */
	const char *consent;     /* consent records; NULL: from dialaudit.cfg or none */
	const char *log_format;  /* adapter name for call logs; NULL: detect */
	const char *config_format; /* adapter name for campaign configurations; NULL: detect */
	const char *log_tz;      /* zone of log times; NULL: the profile's */
	const char *mapping;     /* mapping file for generic CSV logs; NULL: from dialaudit.cfg or none */
	const char *const *leads;/* lead lists to scrub before launch (config --leads) */
	size_t nleads;
	int capacity;            /* concurrent calls allowed; 0: the licence's */
	int jobs;                /* parser threads; 0: one per core */
	const char *waivers;     /* waivers file; NULL: from dialaudit.cfg or none */
	FILE *details;           /* where each violating call is written; NULL: nowhere */
	int64_t today;           /* days since epoch; AUDIT_TODAY_NOW: today in the profile's zone */
	bool show_numbers;
	bool hash_logs;          /* SHA-256 of call logs too (other inputs always) */
	bool charts;             /* gather the HTML report's chart tallies from the call logs */
};

/*
 * Ownership: the audit owns everything it read and found; audit_free()
 * releases it all. Calls go in this order: audit_init, audit_read_settings
 * (for each scanned directory), audit_prepare, audit_add (for each path),
 * audit_check, then the report.
 */
struct audit {
	struct audit_options opt;
	struct model model;
	struct profile *profile;
	struct findings findings;
	struct report_input *inputs;
	size_t ninputs, inputs_cap;
	char **seen;             /* real paths already read */
	size_t nseen, seen_cap;
	struct waivers waivers;
	bool have_waivers;
	struct dnc_list dnc;
	struct consent_list consent;
	bool have_dnc, have_consent;
	struct event_ctx events;
	bool have_events;
	struct mapping *mapping; /* read by generic-csv logs; NULL: none */
	struct lead_set leads;   /* read when opt.nleads > 0 */
	struct lead_stats lead_stats;
	bool have_leads;         /* leads were read and scrubbed: lead_stats holds */
	/* from dialaudit.cfg */
	const char *settings_path, *settings_profile, *settings_licence, *settings_fail_on;
	const char *settings_dnc, *settings_consent, *settings_log_tz, *settings_mapping;
	const char *settings_waivers;
	struct arena *arena;
	struct arena *scratch;   /* strings of the checks, freed with the audit */
	const char *baseline_path; /* --baseline, when given */
	size_t baseline_known;     /* findings it knew, left out of the report */
};

void audit_init(struct audit *a, const struct audit_options *opt);
void audit_free(struct audit *a);
/* Reads DIR/dialaudit.cfg when it exists (paths in it are relative to DIR). */
int audit_read_settings(struct audit *a, const char *dir, struct diag *d);
/* Loads the profile and the licence: options win over settings. */
int audit_prepare(struct audit *a, struct diag *d);
/*
 * Reads path with the adapter for kind (KIND__COUNT: any). A directory is
 * walked when walk is true (unrecognised files are listed as skipped), an
 * error otherwise; a file given by name must be recognised.
 */
int audit_add(struct audit *a, const char *path, enum input_kind kind, bool walk, struct diag *d);
/* Runs every rule and sorts the findings. */
int audit_check(struct audit *a, struct diag *d);
/* Whether path names a file this audit read (to refuse writing a report over it). */
bool audit_is_input(const struct audit *a, const char *path);
/* Whether a report written to path would replace a file this run read. */
bool audit_output_is_input(const struct audit *a, const char *path);
/* The fail-on threshold dialaudit.cfg sets, or -1. */
int audit_settings_fail_on(const struct audit *a);

#endif
