/* CSV records from a buffer: libcsv fed one line at a time. */
#include "util/csvrec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct text
text_trim(struct text t)
{
	while (t.n > 0 && isspace((unsigned char)*t.p)) {
		t.p++;
		t.n--;
	}
	while (t.n > 0 && isspace((unsigned char)t.p[t.n - 1]))
		t.n--;
	return t;
}

static void
on_field(void *data, size_t len, void *ctx)
{
	struct csvrec *r = ctx;

	r->started = true;
	if (r->done) {
		r->spill = true; /* a bare carriage return ended a record mid-line */
		return;
	}
	if (r->nfields == CSVREC_MAX_FIELDS) {
		r->too_many = true;
		return;
	}
	if (data != NULL && memchr(data, '\0', len) != NULL)
		r->has_nul = true;
	xgrow((void **)&r->offs, &r->fields_cap, r->nfields + 1, sizeof(*r->offs));
	xgrow((void **)&r->buf, &r->buf_cap, r->used + len + 1, 1);
	if (len > 0)
		memcpy(r->buf + r->used, data, len);
	r->offs[r->nfields] = r->used;
	r->used += len;
	r->buf[r->used++] = '\0';
	r->nfields++;
}

static void
on_record(int c, void *ctx)
{
	struct csvrec *r = ctx;

	(void)c;
	if (r->done)
		r->spill = true;
	r->done = true;
}

int
csvrec_init(struct csvrec *r, unsigned char delim)
{
	memset(r, 0, sizeof(*r));
	r->delim = delim;
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	csv_set_delim(&r->parser, delim);
	/* libcsv's field buffer grows through xalloc, as ours do */
	csv_set_realloc_func(&r->parser, xrealloc);
	return 0;
}

void
csvrec_free(struct csvrec *r)
{
	csv_free(&r->parser);
	free(r->fields);
	free(r->offs);
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

static void
reset(struct csvrec *r)
{
	r->nfields = 0;
	r->used = 0;
	r->done = r->spill = r->too_many = r->has_nul = r->started = false;
}

/* Throws away libcsv's half-read record: a new parser is cheapest and sure. */
static void
restart_parser(struct csvrec *r)
{
	csv_free(&r->parser);
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&r->parser, r->delim);
	csv_set_realloc_func(&r->parser, xrealloc);
}

/* A record past the cap ends as rejected at the line where it stopped; the
 * next read starts on its second line, so nothing after it is swallowed. */
static enum csvrec_status
too_long(struct csvrec *r, struct csvrec_result *res, size_t line_end)
{
	restart_parser(r);
	res->lines++;
	res->next = res->second_line ? res->second_line : line_end;
	if (res->second_line == 0)
		res->second_line = line_end;
	res->reason = "record longer than 1 MiB (an unterminated quote, or no line ends)";
	return CSVREC_BAD;
}

static void
finish_fields(struct csvrec *r)
{
	/* fields point into buf only now: buf may have moved while growing */
	xgrow((void **)&r->fields, &r->fast_cap, r->nfields + 1, sizeof(*r->fields));
	for (size_t i = 0; i < r->nfields; i++) {
		r->fields[i].p = r->buf + r->offs[i];
		r->fields[i].n = (i + 1 < r->nfields ? r->offs[i + 1] - 1 : r->used - 1) - r->offs[i];
	}
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void
add_field(struct csvrec *r, size_t at, size_t n)
{
	if (r->nfields >= r->fast_cap) {
		xgrow((void **)&r->fields, &r->fast_cap, r->nfields + 1, sizeof(*r->fields));
	}
	r->fields[r->nfields].p = r->buf + at;
	r->fields[r->nfields].n = n;
	r->nfields++;
}

/*
 * Splits one line (without its line ending) the way libcsv in strict mode
 * does: spaces and tabs around unquoted fields and around quotes are
 * dropped, "" inside quotes is a quote, a delimiter at the end adds an empty
 * field. Returns false, having changed nothing the caller keeps, for any
 * line it does not handle exactly; libcsv then reads it.
 */
static bool
fast_record(struct csvrec *r, const char *line, size_t len)
{
	char *b;
	size_t i = 0;

	if (r->delim != ',' || len > CSVREC_MAX_BYTES || memchr(line, '\r', len) != NULL ||
	    memchr(line, '\0', len) != NULL)
		return false;
	xgrow((void **)&r->buf, &r->buf_cap, len + 1, 1);
	b = r->buf;
	memcpy(b, line, len);
	b[len] = '\0';
	r->nfields = 0;
	for (;;) {
		if (r->nfields == CSVREC_MAX_FIELDS)
			return false;
		while (i < len && is_blank(b[i]))
			i++;
		if (i < len && b[i] == '"') {
			size_t start = ++i, w = start;

			for (;;) {
				const char *q = memchr(b + i, '"', len - i);
				size_t run;

				if (q == NULL)
					return false; /* the quote goes on past the line */
				run = (size_t)(q - (b + i));
				if (w != i)
					memmove(b + w, b + i, run); /* only after a "" */
				w += run;
				i += run;
				if (i + 1 < len && b[i + 1] == '"') {
					b[w++] = '"';
					i += 2;
					continue;
				}
				i++;
				break;
			}
			while (i < len && is_blank(b[i]))
				i++;
			if (i < len && b[i] != ',')
				return false; /* text after the closing quote: libcsv says why */
			b[w] = '\0';
			add_field(r, start, w - start);
		} else {
			size_t start = i, end;
			const char *comma = memchr(b + i, ',', len - i);

			i = comma != NULL ? (size_t)(comma - b) : len;
			if (memchr(b + start, '"', i - start) != NULL)
				return false; /* a quote inside an unquoted field */
			end = i;
			while (end > start && is_blank(b[end - 1]))
				end--;
			b[end] = '\0';
			add_field(r, start, end - start);
		}
		if (i >= len)
			break;
		i++; /* the delimiter */
		if (i >= len) {
			add_field(r, len, 0); /* "a,b," ends with an empty field */
			break;
		}
	}
	return true;
}

size_t
csvrec_line_end(const char *buf, size_t len, size_t from, size_t release_from,
    void (*skim)(void *ctx, const char *buf, size_t from, size_t to), void *ctx)
{
	const size_t step = (size_t)4 << 20;

	while (from < len) {
		size_t n = len - from < step ? len - from : step;
		const char *nl = memchr(buf + from, '\n', n);

		if (nl != NULL)
			return (size_t)(nl - buf) + 1;
		from += n;
		if (skim != NULL)
			skim(ctx, buf, release_from, from);
	}
	return len;
}

enum csvrec_status
csvrec_next(struct csvrec *r, const char *buf, size_t len, size_t pos, struct csvrec_result *res)
{
	size_t cur = pos;
	size_t fed = 0, fed_bytes = 0;

	memset(res, 0, sizeof(*res));
	reset(r);
	for (;;) {
		const char *nl;
		size_t line_end, line_len;

		if (cur >= len) {
			if (!r->started && r->nfields == 0 && fed == 0)
				return CSVREC_END;
			/* last record without a newline, or an open quote */
			if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
				restart_parser(r);
				res->next = res->second_line ? res->second_line : len;
				res->reason = "unterminated quote at end of file";
				return CSVREC_BAD;
			}
			break;
		}
		{
			/* no record may pass CSVREC_MAX_BYTES: look no further for
			 * the line's end than that (fed_bytes is at most the cap here) */
			size_t room = CSVREC_MAX_BYTES - fed_bytes + 1;
			size_t span = len - cur < room ? len - cur : room;

			nl = memchr(buf + cur, '\n', span);
			if (nl == NULL && span < len - cur) {
				/* a line longer than any record: offer it to skim as it is crossed */
				line_end = csvrec_line_end(buf, len, cur + span, cur, r->skim, r->skim_ctx);
				if (!r->started && fed == 0)
					res->start = cur;
				if (fed == 1)
					res->second_line = cur;
				return too_long(r, res, line_end);
			}
		}
		line_end = nl != NULL ? (size_t)(nl - buf) + 1 : len;
		line_len = line_end - cur;
		if (!r->started && fed == 0) {
			/* blank lines between records are not records (libcsv skips
			 * spaces and tabs before a row, so those lines are blank too) */
			size_t body = line_len, lead = 0;

			while (body > 0 && (buf[cur + body - 1] == '\n' || buf[cur + body - 1] == '\r'))
				body--;
			while (lead < body && is_blank(buf[cur + lead]))
				lead++;
			if (lead == body) {
				res->blank_lines++;
				cur = line_end;
				continue;
			}
			res->start = cur;
			if (!r->no_fast) {
				size_t n = line_len;

				if (n > 0 && buf[cur + n - 1] == '\n')
					n--;
				if (n > 0 && buf[cur + n - 1] == '\r' && nl != NULL)
					n--; /* CRLF; a CR without LF at EOF goes to libcsv */
				if (fast_record(r, buf + cur, n)) {
					res->lines = 1;
					res->next = res->second_line = line_end;
					return CSVREC_OK;
				}
				r->nfields = 0;
			}
		}
		if (fed == 1)
			res->second_line = cur;
		/* libcsv keeps a field it is reading in memory: stop a record (an
		 * unterminated quote, a line without end) before it grows past the cap */
		fed_bytes += line_len;
		if (fed_bytes > CSVREC_MAX_BYTES)
			return too_long(r, res, line_end);
		if (csv_parse(&r->parser, buf + cur, line_len, on_field, on_record, r) != line_len) {
			/* strict mode: a quote inside an unquoted field, or text after a
			 * closing quote; the record is malformed from here */
			restart_parser(r);
			res->lines++;
			res->next = line_end;
			if (res->second_line == 0)
				res->second_line = line_end;
			res->reason = "malformed quoting (a stray or unbalanced quote)";
			return CSVREC_BAD;
		}
		fed++;
		res->lines++;
		cur = line_end;
		if (r->done) {
			/* Whatever followed the record's end on this line (after a bare
			 * carriage return) must not leak into the next record: flush it,
			 * and a leftover field or open quote spoils this record. */
			if (csv_fini(&r->parser, on_field, on_record, r) != 0)
				r->spill = true;
			break;
		}
	}
	res->next = cur;
	if (res->second_line == 0)
		res->second_line = cur;
	if (r->spill || r->too_many || r->has_nul) {
		if (r->spill)
			restart_parser(r);
		res->reason = r->too_many ? "more than 4096 columns" : r->has_nul ?
		    "NUL byte in the row" : "carriage return inside a row";
		return CSVREC_BAD;
	}
	finish_fields(r);
	return CSVREC_OK;
}
