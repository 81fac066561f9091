/* Adapters: one per input format, each turning a file into the model. */
#ifndef DIALAUDIT_ADAPTERS_ADAPTER_H
#define DIALAUDIT_ADAPTERS_ADAPTER_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

enum input_kind {
	KIND_CAMPAIGN, /* campaign or dialer configuration */
	KIND_CALL_LOG,
	KIND_NUMBER_LIST, /* DNC or consent */
	KIND_LICENCE,
	KIND_LEAD_LIST, /* leads to dial: judged by config --leads, skipped by scan */
	KIND__COUNT,
};

const char *input_kind_name(enum input_kind k);

#define SNIFF_HEAD 4096 /* bytes of a file given to sniff() */

/*
 * One row of adapter_table (adapters/registry.c). sniff() gets the file's
 * path and first bytes and answers how sure it is that the file is its
 * format: 0 not at all … 100 certain. parse() adds what the file holds to
 * the model, or fails with a diagnostic naming file and line.
 */
struct adapter {
	const char *name;
	enum input_kind kind;
	const char *description;
	int (*sniff)(const char *path, const char *head, size_t len, const struct model *m);
	int (*parse)(const char *path, struct model *m, struct diag *d);
};

extern const struct adapter adapter_table[];
extern const size_t adapter_count;

const struct adapter *adapter_find(const char *name);
/*
 * The best adapter for path (reading its first bytes), or NULL with why
 * set to a short reason ("not a recognised format", "empty file", …).
 * Restricted to one kind unless kind is KIND__COUNT.
 */
const struct adapter *adapter_detect(const char *path, enum input_kind kind, const struct model *m,
    const char **why);

#endif
