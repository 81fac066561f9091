/* Reporters: one per output format, all reading the same findings. */
#ifndef DIALAUDIT_REPORT_REPORT_H
#define DIALAUDIT_REPORT_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "finding.h"
#include "util/fsutil.h"

struct calllog;
struct event_ctx;
struct lead_stats;
struct licence;
struct profile;

/* One input file as the report lists it. */
struct report_input {
	const char *path;
	const char *kind;   /* "campaign", "licence", "settings", … */
	const char *format; /* adapter name; NULL when skipped */
	const char *skipped;/* reason it was not read; NULL when read */
	long log_index;     /* its entry in the call log's files; -1 = not a log */
	bool has_rows;                     /* a list (DNC, consent, leads): the counts below */
	uint64_t list_rows, list_rejected;
	uint32_t list_bad_line;            /* the first rejected row, and why */
	const char *list_bad_reason;
	bool has_evidence;                 /* false: the file could not be stat'ed again */
	struct file_evidence evidence;
};

/* Everything a writer may show. Writers never change it. */
struct report {
	const char *version;
	const char *command;           /* "scan", "config", … */
	const struct profile *profile;
	const struct licence *licence; /* may be NULL */
	int64_t today;                 /* days since epoch */
	const struct report_input *inputs;
	size_t ninputs;
	const struct findings *findings;
	const struct calllog *log;          /* files read and calls kept */
	const struct event_ctx *events;     /* NULL when no call log was read */
	const struct lead_stats *leads;     /* NULL when no lead list was scrubbed */
	enum severity fail_on;
	const char *baseline_path;          /* NULL: no baseline */
	size_t baseline_known;              /* findings the baseline knew, not shown */
	bool show_numbers;
	bool color;
	int64_t started;                    /* run start, seconds since the epoch */
	double elapsed;                     /* seconds from start to report */
};

struct report_writer {
	const char *name;
	const char *description;
	int (*write)(FILE *out, const struct report *r, struct diag *d);
	bool charts;  /* draws the call logs: the audit gathers chart tallies for it */
};

extern const struct report_writer report_writers[];
extern const size_t report_writer_count;

const struct report_writer *report_writer_find(const char *name);

int report_text(FILE *out, const struct report *r, struct diag *d);
int report_json(FILE *out, const struct report *r, struct diag *d);
int report_sarif(FILE *out, const struct report *r, struct diag *d);
int report_csv(FILE *out, const struct report *r, struct diag *d);
int report_junit(FILE *out, const struct report *r, struct diag *d);
int report_html(FILE *out, const struct report *r, struct diag *d);

/* A JSON string of s, with bytes that are not UTF-8 replaced by '?';
 * report_json_text gives null for NULL, report_json_string "". */
struct json_t;
struct json_t *report_json_string(const char *s);
struct json_t *report_json_text(const char *s);

/* Whether any finding is at or above the fail-on threshold. */
bool report_failed(const struct report *r);

#endif
