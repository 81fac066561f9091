/* Call logs in the model: compact call records, and what was read. */
#ifndef DIALAUDIT_CALLLOG_H
#define DIALAUDIT_CALLLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/intern.h"
#include "util/xalloc.h"

enum disposition {
	DISP_ANSWERED,
	DISP_NO_ANSWER,
	DISP_BUSY,
	DISP_FAILED,
	DISP_ABANDONED,
	DISP_REFUSED,
	DISP_MACHINE,
	DISP_UNKNOWN,
	DISP__COUNT,
};

const char *disposition_name(enum disposition d);
int disposition_parse(const char *s); /* the names above; -1 if unknown */

#define CALL_ANSWERED  0x01 /* answered by anyone or anything */
#define CALL_LIVE      0x02 /* answered by a person, not a machine */
#define CALL_ABANDONED 0x04 /* answered, then no agent in time */
#define CALL_AGENT     0x08 /* an agent was connected */
#define CALL_REFUSED   0x10 /* the called person refused further calls */
#define CALL_DUPLICATE 0x20 /* a further row of an attempt already counted */
#define CALL_CONSENT   0x40 /* the row itself records consent */
#define CALL_OVER_CAPACITY 0x80 /* started above the total capacity (capacity rule) */

/*
 * One call attempt, 48 bytes: millions are kept, so every field earns its
 * place. Strings (campaign, caller ID) are interned ids.
 */
struct call {
	uint64_t number;    /* called number, E.164 digits as an integer */
	int64_t start;      /* UTC epoch seconds */
	uint32_t duration;  /* start → end, seconds */
	uint32_t ring;      /* start → answer, or → end when unanswered */
	uint32_t campaign;  /* id in calllog.campaigns; 0 = none */
	uint32_t caller;    /* id in calllog.callers; 0 = none */
	uint32_t line;      /* 1-based physical line of the row */
	uint32_t link;      /* hash of the call's linked id; 0 = none */
	uint16_t file;      /* index in calllog.files */
	uint8_t flags;
	uint8_t disposition;
};

/* Per input file: what was read, so rows = parsed + rejected always holds. */
#define REJECT_EXAMPLES 5
struct log_file_stats {
	const char *path;
	const char *format;
	/* How the adapter laid the file out when a configuration decides it
	 * (FreeSWITCH's template); NULL = nothing to say. Model arena. */
	const char *layout;
	uint64_t rows, parsed, rejected, duplicates;
	/* The format records no caller ID (VICIdial's vicidial_log, unless a
	 * dial log gives it): the caller-id rule passes its calls without one
	 * over instead of calling them bare. */
	bool no_caller_ids;
	int64_t first, last;  /* time range of parsed calls (UTC), 0 when none */
	struct reject_example {
		uint32_t line;
		char reason[120];
	} examples[REJECT_EXAMPLES];
	size_t nexamples;
};

/* All calls of an audit, in runs (one per parser thread and file). */
struct call_run {
	struct call *v;
	size_t n, cap;
};

struct calllog {
	struct call_run *runs;
	size_t nruns, runs_cap;
	struct intern campaigns, callers;
	struct log_file_stats *files;
	size_t nfiles, files_cap;
};

void calllog_init(struct calllog *l);
void calllog_free(struct calllog *l);
uint64_t calllog_count(const struct calllog *l);
/* A new file slot (path copied); returns its index. */
size_t calllog_add_file(struct calllog *l, const char *path, const char *format);
void log_stats_reject(struct log_file_stats *s, uint32_t line, const char *reason);
/* A parsed call: counted in s (and its time range) and appended to run.
 * Inline: the log scanner calls it once per row. */
static inline void
log_stats_keep(struct log_file_stats *s, struct call_run *run, const struct call *c)
{
	s->parsed++;
	if (s->first == 0 || c->start < s->first)
		s->first = c->start;
	if (c->start > s->last)
		s->last = c->start;
	if (run->n == run->cap)
		xgrow((void **)&run->v, &run->cap, run->n + 1, sizeof(*c));
	run->v[run->n++] = *c;
}

/* 2100-01-01 00:00:00 UTC: call times are held to the years written dates may have. */
#define EPOCH_2100 INT64_C(4102444800)

/* E.164 digits ↔ integer. */
uint64_t number_pack(const char *e164);
void number_unpack(uint64_t n, char *buf, size_t size);

#endif
