/* Lead lists: VICIdial's lead-load layouts, its list exports, and mapped CSV. */
#include "leads.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calllog.h"
#include "mapping.h"
#include "util/arena.h"
#include "util/csvrec.h"
#include "util/phone.h"
#include "util/fsutil.h"
#include "util/xalloc.h"

#define MAX_FIELDS 512
/* The VICIdial standard layout: where its columns are. */
#define STD_ID 0
#define STD_PHONE_CODE 3
#define STD_NUMBER 4
#define STD_MIN_FIELDS 5

enum { C_ID, C_PHONE_CODE, C_NUMBER, C_CONSENT, C__COUNT };

struct reader {
	struct lead_set *set;
	struct lead_file *file;
	const struct mapping *mapping;     /* only for the mapped layout */
	const struct numbering *np;
	int cols[C__COUNT];                /* -1: absent */
	int min_fields;
	char why[160];
};

void
leads_init(struct lead_set *s)
{
	memset(s, 0, sizeof(*s));
	s->arena = arena_new();
}

void
leads_free(struct lead_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].v);
	free(s->v);
	arena_free(s->arena);
	memset(s, 0, sizeof(*s));
}


static struct text
text_of(const char *p, size_t n)
{
	struct text t = { p, n };

	return t;
}

static bool
same_name(struct text t, const char *name)
{
	size_t n = strlen(name);

	t = text_trim(t);
	if (t.n >= 2 && t.p[0] == '"' && t.p[t.n - 1] == '"')
		t = text_trim(text_of(t.p + 1, t.n - 2));
	return t.n == n && strncasecmp(t.p, name, n) == 0;
}

static void
reject(struct reader *r, uint32_t line, const char *reason)
{
	struct lead_file *f = r->file;

	f->rows++;
	f->rejected++;
	if (f->nbad < LEADS_REJECT_EXAMPLES) {
		f->bad[f->nbad].line = line;
		snprintf(f->bad[f->nbad].reason, sizeof(f->bad[f->nbad].reason), "%s", reason);
		f->nbad++;
	}
}

static bool
all_digits(struct text t)
{
	if (t.n == 0)
		return false;
	for (size_t i = 0; i < t.n; i++)
		if (!isdigit((unsigned char)t.p[i]))
			return false;
	return true;
}

/* Letters and no digit: a header's word, never a phone code or number. */
static bool
has_letters_only(struct text t)
{
	bool letter = false;

	for (size_t i = 0; i < t.n; i++) {
		if (isdigit((unsigned char)t.p[i]))
			return false;
		letter |= isalpha((unsigned char)t.p[i]) != 0;
	}
	return letter;
}

/* NANP numbers are exactly ten digits, and neither the area code nor the
 * exchange starts with 0 or 1; other plans only cap the length. */
static bool
plausible(const char *e164, const struct numbering *np)
{
	const char *nsn = phone_national(e164, np);
	size_t n;

	if (nsn == NULL)
		return true;
	n = strlen(nsn);
	if (np->max_national_length > 0 && n > (size_t)np->max_national_length)
		return false;
	if (strcmp(np->country_code, "1") == 0)
		return n == 10 && nsn[0] >= '2' && nsn[3] >= '2';
	return n >= 4;
}

int
leads_number(const char *code, size_t ncode, const char *number, size_t nnumber,
    const struct numbering *np, char *e164)
{
	struct text c = text_trim(text_of(code, ncode)), num = text_trim(text_of(number, nnumber));
	char buf[2 * PHONE_MAX + 8];
	int st;

	if (c.n > 0 && c.p[0] == '+') {
		c.p++;
		c.n--;
	}
	e164[0] = '\0';
	if (c.n == 0 || (num.n > 0 && num.p[0] == '+') ||
	    (c.n == strlen(np->country_code) && memcmp(c.p, np->country_code, c.n) == 0)) {
		st = phone_normalise(num.p, num.n, np, e164);
	} else {
		if (!all_digits(c) || c.n > 3 || c.n + num.n + 2 > sizeof(buf))
			return PHONE_MALFORMED;
		if (num.n == 0)
			return PHONE_EMPTY;
		snprintf(buf, sizeof(buf), "+%.*s %.*s", (int)c.n, c.p, (int)num.n, num.p);
		st = phone_normalise(buf, strlen(buf), np, e164);
	}
	/* an impossible number keeps its digits: 911 is invalid as a lead, and
	 * a blocked destination too */
	if (st == PHONE_OK && !plausible(e164, np))
		st = PHONE_MALFORMED;
	return st;
}

static struct text
cell(const struct reader *r, const struct text *f, size_t n, int c)
{
	if (r->cols[c] < 0 || (size_t)r->cols[c] >= n)
		return text_of("", 0);
	return text_trim(f[r->cols[c]]);
}

static const char *
cut(struct arena *a, struct text t)
{
	return arena_strndup(a, t.p, t.n < LEADS_MAX_ID ? t.n : LEADS_MAX_ID);
}

static void
add_row(struct reader *r, const struct text *f, size_t n, uint32_t line)
{
	struct lead_file *lf = r->file;
	struct lead *l;
	struct text id, code, num;
	char e164[PHONE_MAX];

	if (n < (size_t)r->min_fields) {
		snprintf(r->why, sizeof(r->why), "%zu fields; the number is in field %d", n,
		    r->cols[C_NUMBER] + 1);
		reject(r, line, r->why);
		return;
	}
	id = cell(r, f, n, C_ID);
	code = cell(r, f, n, C_PHONE_CODE);
	num = cell(r, f, n, C_NUMBER);
	xgrow((void **)&lf->v, &lf->cap, lf->n + 1, sizeof(*lf->v));
	l = &lf->v[lf->n++];
	memset(l, 0, sizeof(*l));
	lf->rows++;
	l->line = line;
	l->status = (uint8_t)leads_number(code.p, code.n, num.p, num.n, r->np, e164);
	if (e164[0] != '\0')
		l->number = number_pack(e164);
	if (l->status != PHONE_OK) {
		char raw[2 * LEADS_MAX_ID + 2];

		snprintf(raw, sizeof(raw), "%.*s%s%.*s", (int)(code.n < LEADS_MAX_ID ? code.n :
		    LEADS_MAX_ID), code.p, code.n > 0 ? " " : "", (int)(num.n < LEADS_MAX_ID ?
		    num.n : LEADS_MAX_ID), num.p);
		l->raw = arena_strdup(r->set->arena, raw);
	}
	if (id.n > 0)
		l->id = cut(r->set->arena, id);
	if (r->cols[C_CONSENT] >= 0 && r->mapping != NULL)
		l->consent_cell = mapping_consent(r->mapping, cell(r, f, n, C_CONSENT));
}

/* ---- recognising the layout ---------------------------------------------- */

static size_t
count_byte(const char *p, size_t n, char c)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += p[i] == c;
	return k;
}

/* Splits a line on delim, no quoting (VICIdial's own layouts have none). */
static size_t
split(const char *p, size_t n, char delim, struct text *out, size_t max, bool *too_many)
{
	size_t k = 0, start = 0;

	*too_many = false;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && p[i] != delim)
			continue;
		if (k == max) {
			*too_many = true;
			return k;
		}
		out[k++] = text_of(p + start, i - start);
		start = i + 1;
	}
	return k;
}

/* Column positions from a header: the mapping's names, or VICIdial's. */
static bool
header_columns(struct reader *r, const struct text *f, size_t n, bool mapped)
{
	static const char *const vici[C__COUNT][2] = {
		{ "lead_id", "vendor_lead_code" }, { "phone_code", NULL }, { "phone_number", NULL },
		{ NULL, NULL },
	};

	for (int c = 0; c < C__COUNT; c++)
		r->cols[c] = -1;
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < C__COUNT; c++) {
			if (mapped) {
				static const enum map_lead_col mc[C__COUNT] = { MAP_LEAD_ID,
					MAP_LEAD_PHONE_CODE, MAP_LEAD_NUMBER, MAP_LEAD_CONSENT };
				const char *name = mapping_lead_column(r->mapping, mc[c]);

				if (name != NULL && r->cols[c] < 0 && same_name(f[i], name))
					r->cols[c] = (int)i;
				continue;
			}
			for (int a = 0; a < 2; a++)
				if (vici[c][a] != NULL && r->cols[c] < 0 && same_name(f[i], vici[c][a]))
					r->cols[c] = (int)i;
		}
	r->min_fields = r->cols[C_NUMBER] + 1;
	return r->cols[C_NUMBER] >= 0;
}

/* A header of names, not a lead: no digits in the number's place. */
static bool
header_has(const struct text *f, size_t n, const char *name)
{
	for (size_t i = 0; name != NULL && i < n; i++)
		if (same_name(f[i], name))
			return true;
	return false;
}

/* ---- reading rows ------------------------------------------------------- */

/* VICIdial's pipe or tab layouts: lines split on the delimiter. */
static void
read_plain(struct reader *r, const char *buf, size_t len, size_t pos, uint32_t line, char delim,
    struct text *f)
{
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len, n = end - pos, k;
		bool too_many;

		if (n > 0 && buf[end - 1] == '\r')
			n--;
		if (text_trim(text_of(buf + pos, n)).n == 0) {
			/* blank lines (a trailing one above all) are not leads */
		} else if (n > LEADS_MAX_LINE) {
			reject(r, line, "line longer than 65536 bytes");
		} else if (memchr(buf + pos, '\0', n) != NULL) {
			reject(r, line, "a NUL byte in the line");
		} else {
			k = split(buf + pos, n, delim, f, MAX_FIELDS, &too_many);
			if (too_many)
				reject(r, line, "more than 512 fields");
			else
				add_row(r, f, k, line);
		}
		line++;
		pos = end + 1;
	}
}

/* CSV (quotes allowed) with csvrec. */
static int
read_csv(struct reader *r, const char *buf, size_t len, size_t pos, uint32_t line,
    unsigned char delim, bool header, struct diag *d)
{
	struct csvrec rec;

	if (csvrec_init(&rec, delim) != 0)
		return diag_set(d, r->file->path, 0, "out of memory");
	for (;;) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(&rec, buf, len, pos, &res);

		if (s == CSVREC_END)
			break;
		line += res.blank_lines;
		if (header) {
			/* the header was recognised before; skip it */
			header = false;
		} else if (s != CSVREC_OK) {
			reject(r, line, res.reason);
		} else if (res.next - res.start > LEADS_MAX_LINE) {
			reject(r, line, "record longer than 65536 bytes");
		} else if (rec.nfields == 1 && text_trim(rec.fields[0]).n == 0) {
			/* a line of blanks only */
		} else {
			add_row(r, rec.fields, rec.nfields, line);
		}
		line += s == CSVREC_BAD && res.lines > 1 ? 1 : res.lines;
		pos = s == CSVREC_BAD && res.lines > 1 ? res.second_line : res.next;
	}
	csvrec_free(&rec);
	return 0;
}

static int
not_leads(const char *path, uint32_t line, const struct text *f, size_t n, char delim,
    const struct mapping *m, struct diag *d)
{
	if (n == 2 && all_digits(text_trim(f[0])) && text_trim(f[1]).n > 0 &&
	    !all_digits(text_trim(f[1])))
		return diag_set(d, path, (int)line, "this is a VICIdial lead update file (lead_id%c"
		    "status), not a lead list: it holds no phone numbers to scrub; give the lead file "
		    "that was loaded into the list", delim);
	if (m != NULL && mapping_has_leads(m))
		return diag_set(d, path, (int)line, "not a lead list: its first line has no column "
		    "\"%s\" (leads.number of the mapping %s), no VICIdial phone_number header, and "
		    "%zu fields where the VICIdial standard layout has at least %d", mapping_lead_column(m,
		    MAP_LEAD_NUMBER), mapping_path(m), n, STD_MIN_FIELDS);
	return diag_set(d, path, (int)line, "not a lead list: its first line has %zu field%s; the "
	    "VICIdial standard layout has at least %d (vendor_lead_code|source_id|list_id|"
	    "phone_code|phone_number|…), and any other CSV needs a header naming phone_number or "
	    "a --mapping with a leads group", n, n == 1 ? "" : "s", STD_MIN_FIELDS);
}

/* The delimiter of VICIdial's layouts: the one that splits the first line most. */
static char
guess_delim(const char *p, size_t n)
{
	size_t tabs = count_byte(p, n, '\t'), pipes = count_byte(p, n, '|');
	size_t commas = count_byte(p, n, ','), semis = count_byte(p, n, ';');

	if (tabs >= pipes && tabs >= commas && tabs > 0)
		return '\t';
	if (pipes >= commas && pipes > 0)
		return '|';
	if (semis > commas)
		return ';';
	return ',';
}

/*
 * A first line cut short (a damaged transfer) should not hide the leads
 * after it: when one of the next few lines has the standard layout's
 * fields, the file is that layout and the first line a rejected row.
 */
static bool
later_row(const char *buf, size_t len, size_t from, char *delim)
{
	struct text f[STD_MIN_FIELDS];
	size_t pos = from + 1;

	for (int k = 0; k < 20 && pos < len; k++) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len, n = end - pos;
		char dl;
		bool too_many;

		if (n > 0 && buf[end - 1] == '\r')
			n--;
		if (n <= LEADS_MAX_LINE && text_trim(text_of(buf + pos, n)).n > 0) {
			dl = guess_delim(buf + pos, n);
			/* more fields than the array holds also means enough of them */
			if (split(buf + pos, n, dl, f, STD_MIN_FIELDS, &too_many) == STD_MIN_FIELDS &&
			    all_digits(text_trim(f[STD_NUMBER]))) {
				*delim = dl;
				return true;
			}
		}
		pos = end + 1;
	}
	return false;
}

int
leads_load(struct lead_set *s, const char *path, const struct mapping *m,
    const struct numbering *np, struct diag *d)
{
	struct reader r = { 0 };
	struct text *f = NULL;
	size_t len, pos, end, n, nfirst;
	uint32_t line = 1;
	char *buf, delim;
	bool too_many, mapped = false, header = false;
	int rc = -1;

	if ((buf = fs_read_all(path, &len, d)) == NULL)
		return -1;
	pos = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	/* the first line that is not blank says what the file is */
	for (;;) {
		const char *nl = memchr(buf + pos, '\n', len - pos);

		end = nl != NULL ? (size_t)(nl - buf) : len;
		if (pos >= len || text_trim(text_of(buf + pos, end - pos)).n > 0)
			break;
		pos = end + 1;
		line++;
	}
	if (pos >= len) {
		diag_set(d, path, 0, "empty lead file: no leads to scrub");
		goto out;
	}
	n = end - pos;
	if (n > 0 && buf[end - 1] == '\r')
		n--;
	if (n > LEADS_MAX_LINE) {
		diag_set(d, path, (int)line, "not a lead list: its first line is longer than %d bytes",
		    LEADS_MAX_LINE);
		goto out;
	}
	f = xmalloc(MAX_FIELDS * sizeof(*f));
	r.set = s;
	r.mapping = m;
	r.np = np;
	if (m != NULL && mapping_has_leads(m)) {
		nfirst = split(buf + pos, n, (char)mapping_delimiter(m), f, MAX_FIELDS, &too_many);
		mapped = header_has(f, nfirst, mapping_lead_column(m, MAP_LEAD_NUMBER));
		delim = (char)mapping_delimiter(m);
	}
	if (mapped) {
		header_columns(&r, f, nfirst, true);
		header = true;
	} else {
		r.mapping = NULL;
		delim = guess_delim(buf + pos, n);
		nfirst = split(buf + pos, n, delim, f, MAX_FIELDS, &too_many);
		if (header_has(f, nfirst, "phone_number")) {
			header_columns(&r, f, nfirst, false);
			header = true;
		} else if (nfirst < STD_MIN_FIELDS && !later_row(buf, len, end, &delim)) {
			not_leads(path, line, f, nfirst, delim, m, d);
			goto out;
		} else if (nfirst >= STD_MIN_FIELDS && has_letters_only(f[STD_PHONE_CODE]) &&
		    has_letters_only(f[STD_NUMBER])) {
			/* words where the standard layout has its phone code and number */
			struct text h = text_trim(f[STD_NUMBER]);

			diag_set(d, path, (int)line, "its first line looks like a header (field 5 is "
			    "\"%.*s\") but names no phone_number column: read it through --mapping with "
			    "a leads group naming the number column (docs/leads.md)",
			    (int)(h.n < 40 ? h.n : 40), h.p);
			goto out;
		} else {
			r.cols[C_ID] = STD_ID;
			r.cols[C_PHONE_CODE] = STD_PHONE_CODE;
			r.cols[C_NUMBER] = STD_NUMBER;
			r.cols[C_CONSENT] = -1;
			r.min_fields = STD_MIN_FIELDS;
		}
	}
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
	r.file = &s->v[s->n++];
	memset(r.file, 0, sizeof(*r.file));
	r.file->path = arena_strdup(s->arena, path);
	r.file->format = mapped ? "mapped-leads" : header ? "vicidial-list" : delim == ',' ||
	    delim == ';' ? "vicidial-leads-csv" : "vicidial-leads";
	if (mapped || delim == ',' || delim == ';') {
		if (read_csv(&r, buf, len, pos, line, (unsigned char)delim, header, d) < 0)
			goto out;
	} else {
		if (header) {
			pos = end + 1;
			line++;
		}
		read_plain(&r, buf, len, pos, line, delim, f);
	}
	rc = 0;
out:
	free(f);
	free(buf);
	return rc;
}

bool
leads_sniff(const char *head, size_t len)
{
	const char *nl;
	struct text f[MAX_FIELDS];
	size_t n;
	bool too_many;

	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		len -= 3;
	}
	nl = memchr(head, '\n', len);
	if (nl != NULL)
		len = (size_t)(nl - head);
	if (len > 0 && head[len - 1] == '\r')
		len--;
	if (memchr(head, '|', len) == NULL && memchr(head, '\t', len) == NULL)
		return false;
	n = split(head, len, memchr(head, '\t', len) != NULL ? '\t' : '|', f, MAX_FIELDS,
	    &too_many);
	/* vendor_lead_code|source_id|list_id|phone_code|phone_number|…: a
	 * number in field 5, a short numeric phone code in field 4 */
	if (too_many || n < 20)
		return false;
	if (!all_digits(text_trim(f[STD_NUMBER])) || text_trim(f[STD_PHONE_CODE]).n > 3)
		return false;
	return text_trim(f[STD_PHONE_CODE]).n == 0 || all_digits(text_trim(f[STD_PHONE_CODE]));
}
