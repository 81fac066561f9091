/* Phone numbers: normalisation to E.164 digits and masking. */
#include "util/phone.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"

static bool
starts_with(const char *s, const char *prefix)
{
	return prefix != NULL && prefix[0] != '\0' && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool
is_withheld(const char *raw, size_t len)
{
	static const char *const words[] = { "anonymous", "private", "unknown", "restricted",
		"unavailable", "withheld", "blocked", NULL };

	while (len > 0 && isspace((unsigned char)*raw)) {
		raw++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)raw[len - 1]))
		len--;
	for (int i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == len && strncasecmp(raw, words[i], len) == 0)
			return true;
	return false;
}

enum phone_status
phone_normalise(const char *raw, size_t len, const struct numbering *np, char *out)
{
	char digits[PHONE_MAX + 1];
	size_t n = 0, i = 0;
	bool plus = false;
	const char *d;
	size_t cclen = strlen(np->country_code);

	out[0] = '\0';
	if (is_withheld(raw, len))
		return PHONE_WITHHELD;
	while (i < len && isspace((unsigned char)raw[i]))
		i++;
	if (i < len && raw[i] == '+') {
		plus = true;
		i++;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (isdigit(c)) {
			if (n == PHONE_MAX)
				return PHONE_MALFORMED;
			digits[n++] = (char)c;
		} else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
		    c == '\t') {
			continue;
		} else {
			return PHONE_MALFORMED;
		}
	}
	digits[n] = '\0';
	if (n == 0)
		return plus ? PHONE_MALFORMED : PHONE_EMPTY;
	/* no subscriber number is all zeros: dialers write 0000000000 for
	 * "none set" (VICIdial's campaign_cid default). Short codes stay:
	 * 000 is Australia's emergency number. */
	if (n >= 7 && strspn(digits, "0") == n)
		return PHONE_MALFORMED;
	d = digits;
	if (plus) {
		/* already international */
	} else if (starts_with(d, np->international_prefix)) {
		d += strlen(np->international_prefix);
	} else if (starts_with(d, np->country_code) &&
	    strlen(d) > (size_t)np->max_national_length) {
		/* country code written without '+' */
	} else {
		if (starts_with(d, np->trunk_prefix))
			d += strlen(np->trunk_prefix);
		if (cclen + strlen(d) > 15 || *d == '\0')
			return PHONE_MALFORMED;
		memcpy(out, np->country_code, cclen);
		memcpy(out + cclen, d, strlen(d) + 1);
		return PHONE_OK;
	}
	if (strlen(d) < 3 || strlen(d) > 15)
		return PHONE_MALFORMED;
	memcpy(out, d, strlen(d) + 1);
	return PHONE_OK;
}

const char *
phone_status_text(enum phone_status st)
{
	switch (st) {
	case PHONE_OK:
		return N_("valid");
	case PHONE_EMPTY:
		return N_("empty");
	case PHONE_WITHHELD:
		return N_("withheld");
	case PHONE_MALFORMED:
		return N_("malformed");
	}
	return "?";
}

const char *
phone_national(const char *e164, const struct numbering *np)
{
	return starts_with(e164, np->country_code) ? e164 + strlen(np->country_code) : NULL;
}

void
phone_mask(const char *e164, const struct numbering *np, char *out, size_t size)
{
	const char *nsn = phone_national(e164, np);
	char cc[8] = "";
	char body[PHONE_MAX + 1];
	size_t len, keep_head;

	if (nsn != NULL) {
		snprintf(cc, sizeof(cc), "%s", np->country_code);
	} else {
		nsn = e164; /* foreign number: we do not know its split, mask it whole */
	}
	snprintf(body, sizeof(body), "%s", nsn);
	len = strlen(body);
	keep_head = len >= 8 && cc[0] != '\0' ? 3 : 0;
	for (size_t i = keep_head; i + 2 < len; i++)
		body[i] = '*';
	if (cc[0] != '\0')
		snprintf(out, size, "+%s %s", cc, body);
	else
		snprintf(out, size, "+%s", body);
}

void
phone_display(const char *e164, const struct numbering *np, bool show, char *out, size_t size)
{
	if (show)
		snprintf(out, size, "+%s", e164);
	else
		phone_mask(e164, np, out, size);
}

bool
phone_callerid_brackets(const char *s, size_t n, const char **num, size_t *len)
{
	const char *lt = NULL, *gt;

	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == '<') {
			lt = s + i - 1;
			break;
		}
	if (lt == NULL)
		return false;
	gt = memchr(lt + 1, '>', n - (size_t)(lt + 1 - s));
	*num = lt + 1;
	*len = (size_t)((gt != NULL ? gt : s + n) - (lt + 1));
	return true;
}
