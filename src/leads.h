/* Lead lists: the numbers a campaign is about to dial, read before it goes live. */
#ifndef DIALAUDIT_LEADS_H
#define DIALAUDIT_LEADS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;
struct mapping;
struct numbering;

/* Longest physical line of a lead file; a longer one is a rejected row. */
#define LEADS_MAX_LINE 65536
/* Bytes kept of a lead id and of an invalid number as written (longer ones are cut). */
#define LEADS_MAX_ID 64
#define LEADS_REJECT_EXAMPLES 3

/* One lead: where it is, and the number it would be dialled at. */
struct lead {
	uint64_t number;      /* E.164 as an integer; 0 when it has none (impossible ones keep theirs) */
	uint32_t line;
	uint8_t status;       /* enum phone_status of the number */
	bool consent_cell;    /* the mapping's leads.consent column records consent */
	const char *id;       /* vendor_lead_code, lead_id or the mapped id; NULL: none */
	const char *raw;      /* an invalid number as written (phone_code number), cut; else NULL */
};

struct lead_reject {
	uint32_t line;
	char reason[120];
};

/* One lead file: every row is a lead or a rejected row (rows = n + rejected). */
struct lead_file {
	const char *path;
	const char *format;   /* vicidial-leads, vicidial-leads-csv, vicidial-list, mapped-leads */
	uint64_t rows, rejected;
	struct lead_reject bad[LEADS_REJECT_EXAMPLES];
	size_t nbad;
	struct lead *v;
	size_t n, cap;
};

struct lead_set {
	struct lead_file *v;
	size_t n, cap;
	struct arena *arena;
};

void leads_init(struct lead_set *s);
void leads_free(struct lead_set *s);

/*
 * Reads one lead file into s. The layout is recognised from its first
 * line: a header naming the mapping's leads.number column (when m has a
 * leads group) is read through the mapping; a header naming phone_number
 * is a VICIdial list export read by its column names; otherwise the
 * VICIdial standard layout (pipe or tab: vendor_lead_code|source_id|
 * list_id|phone_code|phone_number|title|first_name|middle|last_name|
 * address1|address2|address3|city|state|province|postal_code|…) or the
 * same columns comma-separated. A UTF-8 byte-order mark and CRLF line
 * ends are accepted. A file that is not a lead list (a VICIdial
 * lead_id|status update file, or lines of too few columns) is an error.
 */
int leads_load(struct lead_set *s, const char *path, const struct mapping *m,
    const struct numbering *np, struct diag *d);

/*
 * The number of a lead from VICIdial's phone_code and phone_number cells
 * (enum phone_status). A number impossible in the profile's numbering plan
 * (a NANP number of other than ten digits, or whose area code or exchange
 * starts with 0 or 1; any national number longer than the plan's longest
 * or shorter than four digits) is PHONE_MALFORMED but keeps its digits in
 * e164, so that a short emergency number can still be matched as blocked.
 */
int leads_number(const char *code, size_t ncode, const char *number, size_t nnumber,
    const struct numbering *np, char *e164);

/*
 * Whether the first bytes of a file look like a VICIdial lead file (for
 * scan, which skips lead lists rather than guess they are logs).
 */
bool leads_sniff(const char *head, size_t len);

#endif
