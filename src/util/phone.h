/* Phone numbers: normalising to E.164 digits and masking for reports. */
#ifndef DIALAUDIT_UTIL_PHONE_H
#define DIALAUDIT_UTIL_PHONE_H

#include <stdbool.h>
#include <stddef.h>

/* How numbers are written in one country (from the profile). */
struct numbering {
	const char *country_code;         /* "86" */
	const char *trunk_prefix;         /* "0"; "" when none */
	const char *international_prefix; /* "00" */
	int max_national_length;          /* longest national significant number */
};

#define PHONE_MAX 24 /* E.164 allows 15 digits; room for odd inputs and NUL */

enum phone_status {
	PHONE_OK,
	PHONE_EMPTY,     /* nothing, or only separators */
	PHONE_WITHHELD,  /* "anonymous", "private", "unknown", "restricted" … */
	PHONE_MALFORMED, /* letters, stray symbols, too long or too short */
};

/*
 * Normalises raw to E.164 digits without '+' in out (PHONE_MAX bytes).
 * Separators (space, '-', '.', '(', ')', '/') are dropped; "+" or the
 * international prefix mark an international number; the trunk prefix is
 * replaced by the country code; a number longer than any national number
 * that already starts with the country code is taken as international.
 */
enum phone_status phone_normalise(const char *raw, size_t len, const struct numbering *np,
    char *out);
/* "valid", "empty" …: English (marked N_), for tr() where a report shows it. */
const char *phone_status_text(enum phone_status st);
/* The national significant number of an E.164 string of this country, or NULL. */
const char *phone_national(const char *e164, const struct numbering *np);
/*
 * The number of a caller ID written as Asterisk and the dialers on it write
 * one ("Name" <num>, Name <num>, <num>): the text inside its last <…> (a
 * missing > is tolerated, as Asterisk tolerates it) in *num, *len; false,
 * with *num and *len untouched, when s has no <.
 */
bool phone_callerid_brackets(const char *s, size_t n, const char **num, size_t *len);
/*
 * Writes a masked form ("+86 138******78") to out (PHONE_MAX + 8 bytes):
 * the country code, the first three and last two digits of the national
 * number stay, the rest become '*'. Numbers shorter than 8 national digits
 * keep only the last two.
 */
void phone_mask(const char *e164, const struct numbering *np, char *out, size_t size);
/* Either the masked or the full "+digits" form, as the report asks. */
void phone_display(const char *e164, const struct numbering *np, bool show, char *out,
    size_t size);

#endif
