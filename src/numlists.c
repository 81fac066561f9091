/* Number lists: do-not-call registers and consent records. */
#include "numlists.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calllog.h"
#include "logscan.h"
#include "util/arena.h"
#include "util/csvrec.h"
#include "util/fsutil.h"
#include "util/phone.h"
#include "util/xalloc.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}


static unsigned char guess_delim(const char *buf, size_t len);

/* Reads the list into memory and readies a CSV reader past any byte-order mark. */
static char *
open_list(const char *path, struct csvrec *rec, size_t *len, size_t *pos, struct diag *d)
{
	char *buf = fs_read_all(path, len, d);

	if (buf == NULL)
		return NULL;
	if (csvrec_init(rec, guess_delim(buf, *len)) != 0) {
		free(buf);
		return diag_set(d, path, 0, "out of memory"), NULL;
	}
	*pos = *len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	return buf;
}

static unsigned char
guess_delim(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);
	size_t first = nl != NULL ? (size_t)(nl - buf) : len;

	if (memchr(buf, '\t', first) != NULL)
		return '\t';
	if (memchr(buf, ';', first) != NULL && memchr(buf, ',', first) == NULL)
		return ';';
	return ',';
}

int
dnc_load(const char *path, const struct numbering *np, struct dnc_list *out, struct diag *d)
{
	struct csvrec rec;
	size_t len, pos = 0, cap = 0;
	uint32_t line = 1;
	char *buf;

	memset(out, 0, sizeof(*out));
	out->path = path;
	if ((buf = open_list(path, &rec, &len, &pos, d)) == NULL)
		return -1;
	for (;;) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(&rec, buf, len, pos, &res);
		bool found = false;

		if (s == CSVREC_END)
			break;
		line += res.blank_lines;
		if (s == CSVREC_OK && rec.nfields > 0 && rec.fields[0].n > 0 && rec.fields[0].p[0] == '#') {
			/* a comment line, as list exports often start with one */
			line += res.lines;
			pos = res.next;
			continue;
		}
		out->rows++;
		for (size_t i = 0; s == CSVREC_OK && i < rec.nfields && !found; i++) {
			char e164[PHONE_MAX];

			if (phone_normalise(rec.fields[i].p, rec.fields[i].n, np, e164) == PHONE_OK) {
				xgrow((void **)&out->v, &cap, out->n + 1, sizeof(*out->v));
				out->v[out->n++] = number_pack(e164);
				found = true;
			}
		}
		if (!found) {
			/* a header line ("number", "phone") is not a rejection */
			bool header = out->rows == 1 && s == CSVREC_OK && rec.nfields > 0 &&
			    isalpha((unsigned char)rec.fields[0].p[0]);

			if (header) {
				out->rows--;
			} else {
				out->rejected++;
				if (out->first_bad_line == 0) {
					out->first_bad_line = line;
					snprintf(out->first_bad_reason, sizeof(out->first_bad_reason), "%s",
					    s == CSVREC_OK ? "no phone number in the row" : res.reason);
				}
			}
		}
		line += s == CSVREC_BAD && res.lines > 1 ? 1 : res.lines;
		pos = s == CSVREC_BAD && res.lines > 1 ? res.second_line : res.next;
	}
	csvrec_free(&rec);
	free(buf);
	if (out->n > 0)
		qsort(out->v, out->n, sizeof(*out->v), cmp_u64);
	/* unique, so a lookup is one binary search */
	{
		size_t k = 0;

		for (size_t i = 0; i < out->n; i++)
			if (k == 0 || out->v[k - 1] != out->v[i])
				out->v[k++] = out->v[i];
		out->n = k;
	}
	if (out->n == 0 && out->rows > 0)
		return diag_set(d, path, (int)out->first_bad_line, "no phone number in this list");
	return 0;
}

void
dnc_free(struct dnc_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

bool
dnc_contains(const struct dnc_list *l, uint64_t number)
{
	return l != NULL && l->n > 0 &&
	    bsearch(&number, l->v, l->n, sizeof(*l->v), cmp_u64) != NULL;
}

static int
cmp_consent(const void *a, const void *b)
{
	const struct consent_record *x = a, *y = b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return x->granted < y->granted ? -1 : x->granted > y->granted;
}

enum { K_NUMBER, K_GRANTED, K_REVOKED, K_EXPIRES, K_CAMPAIGN, K__COUNT };

static const char *const consent_cols[K__COUNT][3] = {
	{ "number", "phone", "msisdn" }, { "granted_at", "granted", "consent_at" },
	{ "revoked_at", "revoked", NULL }, { "expires_at", "expires", "expiry" },
	{ "campaign", NULL, NULL },
};

static void
consent_reject(struct consent_list *out, uint32_t line, const char *reason)
{
	out->rejected++;
	if (out->first_bad_line == 0) {
		out->first_bad_line = line;
		snprintf(out->first_bad_reason, sizeof(out->first_bad_reason), "%s", reason);
	}
}

int
consent_load(const char *path, const struct numbering *np, const struct tz_zone *zone,
    struct consent_list *out, struct diag *d)
{
	struct csvrec rec;
	struct log_reader r = { 0 };
	int cols[K__COUNT] = { -1, -1, -1, -1, -1 };
	size_t len, pos = 0, cap = 0;
	uint32_t line = 1;
	bool header = false;
	char *buf;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	out->path = path;
	out->arena = arena_new();
	r.zone = zone;
	r.numbering = np;
	if ((buf = open_list(path, &rec, &len, &pos, d)) == NULL) {
		consent_free(out); /* the arena made above */
		return -1;
	}
	for (;;) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(&rec, buf, len, pos, &res);
		const char *reason = NULL;
		struct consent_record c = { 0 };

		if (s == CSVREC_END)
			break;
		line += res.blank_lines;
		if (!header) {
			if (s != CSVREC_OK) {
				diag_set(d, path, (int)line, "cannot read the header: %s", res.reason);
				goto out;
			}
			for (size_t i = 0; i < rec.nfields; i++)
				for (int k = 0; k < K__COUNT; k++)
					for (int a = 0; a < 3 && consent_cols[k][a] != NULL; a++)
						if (rec.fields[i].n == strlen(consent_cols[k][a]) &&
						    strncasecmp(rec.fields[i].p, consent_cols[k][a], rec.fields[i].n) == 0)
							cols[k] = (int)i;
			if (cols[K_NUMBER] < 0 || cols[K_GRANTED] < 0) {
				diag_set(d, path, (int)line, "a consent file needs a header naming 'number' "
				    "and 'granted_at' (and optionally revoked_at, expires_at, campaign)");
				goto out;
			}
			header = true;
			line += res.lines;
			pos = res.next;
			continue;
		}
		out->rows++;
		if (s != CSVREC_OK) {
			reason = res.reason;
		} else {
			const struct text *f = rec.fields;
			size_t n = rec.nfields;
			int64_t t;

			c.until = INT64_MAX;
			if ((size_t)cols[K_NUMBER] >= n || (size_t)cols[K_GRANTED] >= n)
				reason = "too few columns";
			else if (log_number(&r, f[cols[K_NUMBER]], &c.number, &reason) == 0 &&
			    log_time(&r, f[cols[K_GRANTED]], &c.granted, &reason) == 0) {
				for (int k = K_REVOKED; k <= K_EXPIRES && reason == NULL; k++)
					if (cols[k] >= 0 && (size_t)cols[k] < n && f[cols[k]].n > 0) {
						if (log_time(&r, f[cols[k]], &t, &reason) == 0 && t < c.until)
							c.until = t;
					}
				if (reason == NULL && cols[K_CAMPAIGN] >= 0 && (size_t)cols[K_CAMPAIGN] < n) {
					struct text camp = text_trim(f[cols[K_CAMPAIGN]]);

					if (camp.n > 0)
						c.campaign = arena_strndup(out->arena, camp.p, camp.n);
				}
			}
		}
		if (reason != NULL) {
			consent_reject(out, line, reason);
		} else {
			xgrow((void **)&out->v, &cap, out->n + 1, sizeof(*out->v));
			out->v[out->n++] = c;
		}
		line += s == CSVREC_BAD && res.lines > 1 ? 1 : res.lines;
		pos = s == CSVREC_BAD && res.lines > 1 ? res.second_line : res.next;
	}
	if (out->n > 0)
		qsort(out->v, out->n, sizeof(*out->v), cmp_consent);
	rc = 0;
out:
	csvrec_free(&rec);
	free(buf);
	if (rc != 0)
		consent_free(out);
	return rc;
}

void
consent_free(struct consent_list *l)
{
	free(l->v);
	arena_free(l->arena);
	memset(l, 0, sizeof(*l));
}

bool
consent_valid(const struct consent_list *l, uint64_t number, int64_t t, const char *campaign)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->v[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < l->n && l->v[i].number == number; i++) {
		const struct consent_record *c = &l->v[i];

		if (c->granted <= t && t < c->until &&
		    (c->campaign == NULL || campaign == NULL || strcmp(c->campaign, campaign) == 0))
			return true;
	}
	return false;
}
