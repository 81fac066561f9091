/* Reading call logs: records to calls, with every row accounted for. */
#ifndef DIALAUDIT_LOGSCAN_H
#define DIALAUDIT_LOGSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calllog.h"
#include "diag.h"
#include "util/csvrec.h"
#include "util/phone.h"

struct tz_zone;

/* What a log-format mapper sees while it reads one file. */
struct log_reader {
	const char *path;
	const struct tz_zone *zone;        /* zone the log's wall-clock times are in */
	const struct numbering *numbering;
	struct intern *campaigns, *callers;
	uint16_t file;
	int cols[32];                      /* column index per field, from a header; -1 = absent */
	bool has_header;
	void *state;                       /* the mapper's own (e.g. a mapping) */
	struct caller_slot {               /* raw caller text → id: a few dozen repeat */
		uint32_t hash, id;
		char raw[24];
	} caller_cache[64];
};

/*
 * A call-log format: start() sees the first record and says whether it is
 * a header (1, consumed), data (0) or not this format (-1, reason set);
 * row() maps one record to a call or rejects it with a reason.
 */
struct log_format {
	const char *name;
	unsigned char delim;
	int (*start)(struct log_reader *r, const struct text *f, size_t n, const char **reason);
	int (*row)(struct log_reader *r, const struct text *f, size_t n, struct call *c,
	    const char **reason);
	/* Optional: a second chance for a record that was rejected (csv_bad: the
	 * CSV reader refused it; otherwise row() did, with *reason): line is
	 * its first physical line, without the newline. 0 and c filled when the
	 * format can still read it (FreeSWITCH's unescaped quotes), else -1 with
	 * *reason kept or replaced. Well-formed rows never come here. */
	int (*recover)(struct log_reader *r, struct text line, bool csv_bad, struct call *c,
	    const char **reason);
};

/* Everything a scan needs besides the file. */
struct log_scan_opts {
	const struct tz_zone *zone;
	const struct numbering *numbering;
	void *format_state;
	int jobs;            /* parser threads (a file under 4 MiB a thread uses fewer) */
	size_t min_chunk;    /* bytes a thread at least gets; 0 = 4 MiB (tests use less) */
	/* Called now and then from one thread while a large file is read, and
	 * once with done == total at its end; NULL: no progress reports. */
	void (*progress)(void *arg, const char *path, size_t done, size_t total);
	void *progress_arg;
};

/*
 * Reads path with fmt, appending calls to log (a new run) and the file's
 * row counts to log->files. Fails only when the file cannot be read or is
 * not of this format at all; bad rows are counted, never fatal.
 */
int logscan_file(const char *path, const struct log_format *fmt, const struct log_scan_opts *o,
    struct calllog *log, struct diag *d);

/* Helpers for mappers. All return 0 or -1 with *reason set. */
int log_time(const struct log_reader *r, struct text t, int64_t *out, const char **reason);
int log_number(const struct log_reader *r, struct text t, uint64_t *out, const char **reason);
int log_uint(struct text t, uint32_t *out);
uint32_t log_intern_campaign(struct log_reader *r, struct text t);
/* Caller IDs are interned in normalised form ("86571…"), or as written when
 * not a valid number, so the caller-id rule sees each distinct one once. */
uint32_t log_intern_caller(struct log_reader *r, struct text t);
uint32_t log_hash(struct text t);
bool text_eq(struct text t, const char *s);
bool text_has(struct text t, const char *s);

#endif
