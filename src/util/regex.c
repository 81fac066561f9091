/* Lists of PCRE2 patterns with match limits. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "util/regex.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define REGEX_MATCH_LIMIT 100000
#define REGEX_DEPTH_LIMIT 1000

struct regex_list {
	size_t n;
	char **source;
	pcre2_code **code;
	pcre2_match_context *mctx;
	pcre2_general_context *gctx;
};

/* PCRE2 allocates through xalloc: its failures end the run like ours, and
 * injected ones reach it (the patterns, their match data and frames). */
static void *
regex_alloc(PCRE2_SIZE n, void *data)
{
	(void)data;
	return xmalloc(n);
}

static void
regex_release(void *p, void *data)
{
	(void)data;
	free(p);
}

void
regex_list_free(struct regex_list *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		pcre2_code_free(r->code[i]);
		free(r->source[i]);
	}
	free(r->code);
	free(r->source);
	pcre2_match_context_free(r->mctx);
	pcre2_general_context_free(r->gctx);
	free(r);
}

/*
 * Patterns are matched against numbers, one per called number: a pattern
 * that needs PCRE2's whole match limit on a number (nested repetition
 * such as ^(\d+)+\D) costs milliseconds each time, hours over a log of
 * millions of numbers. Such a pattern is refused when the profile is
 * loaded: it is tried on 16-digit numbers of each digit and of all.
 */
static int
probe(const struct regex_list *r, size_t i)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code[i], NULL);
	char subject[20];
	int rc = 0;

	if (md == NULL)
		return 0;
	for (int k = 0; k <= 11 && rc == 0; k++) {
		if (k < 10)
			memset(subject, '0' + k, 16);
		else
			memcpy(subject, k == 10 ? "0123456789012345" : "+861391234567890", 16);
		subject[16] = '\0';
		rc = pcre2_match(r->code[i], (PCRE2_SPTR)subject, 16, 0, 0, md, r->mctx);
		rc = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		    rc == PCRE2_ERROR_HEAPLIMIT ? -1 : 0;
	}
	pcre2_match_data_free(md);
	return rc;
}

int
regex_list_compile(char *const *patterns, size_t n, const char *file, int line,
    struct regex_list **out, struct diag *d)
{
	struct regex_list *r = xcalloc(1, sizeof(*r));
	pcre2_compile_context *cctx;

	r->code = xcalloc(n + 1, sizeof(*r->code));
	r->source = xcalloc(n + 1, sizeof(*r->source));
	r->gctx = pcre2_general_context_create(regex_alloc, regex_release, NULL);
	r->mctx = pcre2_match_context_create(r->gctx);
	cctx = pcre2_compile_context_create(r->gctx);
	pcre2_set_match_limit(r->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, REGEX_DEPTH_LIMIT);
	for (size_t i = 0; i < n; i++) {
		int err;
		PCRE2_SIZE off;

		r->code[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
		    PCRE2_NEVER_UTF | PCRE2_NO_AUTO_CAPTURE, &err, &off, cctx);
		if (r->code[i] == NULL) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(err, msg, sizeof(msg));
			r->n = i;
			pcre2_compile_context_free(cctx);
			regex_list_free(r);
			return diag_set(d, file, line, "pattern \"%s\" does not compile at offset %zu: %s",
			    patterns[i], (size_t)off, (const char *)msg);
		}
		r->source[i] = xstrdup(patterns[i]);
		r->n = i + 1;
		if (probe(r, i) != 0) {
			diag_set(d, file, line, "pattern \"%s\" backtracks catastrophically: matching it "
			    "against a 16-digit number passed PCRE2's match or depth limit; write it "
			    "without nested repetition such as (\\d+)+", patterns[i]);
			pcre2_compile_context_free(cctx);
			regex_list_free(r);
			return -1;
		}
	}
	pcre2_compile_context_free(cctx);
	*out = r;
	return 0;
}

size_t
regex_list_count(const struct regex_list *r)
{
	return r != NULL ? r->n : 0;
}

const char *
regex_list_pattern(const struct regex_list *r, size_t i)
{
	return r->source[i];
}

int
regex_list_match(const struct regex_list *r, const char *subject)
{
	int result = REGEX_NO_MATCH;

	if (r == NULL)
		return REGEX_NO_MATCH;
	for (size_t i = 0; i < r->n && result == REGEX_NO_MATCH; i++) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code[i], NULL);
		int rc;

		if (md == NULL)
			return REGEX_LIMIT;
		rc = pcre2_match(r->code[i], (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, r->mctx);
		pcre2_match_data_free(md);
		if (rc >= 0)
			result = (int)i;
		else if (rc != PCRE2_ERROR_NOMATCH)
			result = REGEX_LIMIT;
	}
	return result;
}
