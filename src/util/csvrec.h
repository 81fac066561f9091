/* CSV records from a buffer, one at a time, parsed by libcsv. */
#ifndef DIALAUDIT_UTIL_CSVREC_H
#define DIALAUDIT_UTIL_CSVREC_H

#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct text {
	const char *p;
	size_t n;
};

/* t without leading and trailing white space. */
struct text text_trim(struct text t);

#define CSVREC_MAX_FIELDS 4096
#define CSVREC_MAX_BYTES (1u << 20)

/*
 * libcsv does the parsing, in strict mode (a stray quote is an error, not
 * silently part of a field); this wrapper feeds it one physical line at a
 * time, so that it knows where each record starts, how many lines it
 * spans, and can give up on a record that grows past CSVREC_MAX_BYTES
 * (an unterminated quote) and start again on the record's second line
 * instead of losing the rest of the file. Memory stays bounded by the
 * caps above whatever the input.
 */
struct csvrec {
	struct csv_parser parser;
	unsigned char delim;
	struct text *fields;
	size_t nfields, fields_cap, fast_cap; /* fields_cap: offs; fast_cap: fields */
	char *buf;
	size_t used, buf_cap;
	size_t *offs;          /* field offsets into buf (buf may move) */
	bool done, spill, too_many, has_nul, started;
	bool no_fast;          /* always use libcsv (the differential tests) */
	/* Called, when set, as a line longer than any record is skipped: the
	 * caller may drop buf[from … to) from memory (a mapped file's pages);
	 * csvrec reads it again only when a record restarts inside it. */
	void (*skim)(void *ctx, const char *buf, size_t from, size_t to);
	void *skim_ctx;
};

/*
 * The end of the line holding buf[from] (the offset after its '\n', or len),
 * searched for in 4 MiB steps: after each step skim (when not NULL) may drop
 * buf[release_from … the step's end) from memory, so that crossing a line of
 * many megabytes does not keep it mapped.
 */
size_t csvrec_line_end(const char *buf, size_t len, size_t from, size_t release_from,
    void (*skim)(void *ctx, const char *buf, size_t from, size_t to), void *ctx);

enum csvrec_status {
	CSVREC_OK,       /* a record: fields[0 … nfields-1] */
	CSVREC_END,      /* no more records */
	CSVREC_BAD,      /* a record that cannot be read; reason says why */
};

struct csvrec_result {
	size_t start;        /* offset of the record's first byte */
	size_t next;         /* where the next record starts */
	size_t second_line;  /* offset of the record's second line (== next when one line) */
	uint32_t blank_lines;/* blank lines skipped before the record */
	uint32_t lines;      /* physical lines the record spans */
	const char *reason;  /* for CSVREC_BAD */
};

/*
 * Most records are one line of plain comma-separated fields; those are
 * split by a fast path that gives exactly what libcsv gives (proven by the
 * differential test tests/unit/test_csvrec.c), and everything else
 * (quotes spanning lines, stray quotes, NUL bytes, carriage returns inside
 * a line, other delimiters) goes to libcsv.
 */
int csvrec_init(struct csvrec *r, unsigned char delim);
void csvrec_free(struct csvrec *r);
/* Reads the record at buf[pos …len). */
enum csvrec_status csvrec_next(struct csvrec *r, const char *buf, size_t len, size_t pos,
    struct csvrec_result *res);

#endif
