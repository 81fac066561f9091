/* The rule table: every rule's identity, metadata and check functions. */
#ifndef DIALAUDIT_CHECKS_RULES_H
#define DIALAUDIT_CHECKS_RULES_H

#include <stddef.h>

#include "finding.h"

struct check_ctx;
struct citation;
struct event_hooks;
struct profile;

/*
 * A rule is one row of rule_table (checks/registry.c): its stable id, its
 * default severity and the words every report and `explain` use (English,
 * marked N_(); whoever shows them calls tr(), util/i18n.h). A rule's
 * limit() says what the given profile sets for it (NULL when the profile
 * sets nothing, and the rule then does not apply); check_config() looks at
 * campaign settings and the licence.
 */
struct rule {
	const char *id;
	enum severity severity;
	const char *title;
	const char *what;         /* what the rule checks, one paragraph */
	const char *why;          /* why it matters to a regulator */
	const char *remediation;  /* how to fix a finding */
	const struct citation *(*limit)(const struct profile *p, char *buf, size_t size);
	void (*check_config)(struct check_ctx *ctx);
	const struct event_hooks *events; /* call-log part; NULL when none */
};

extern const struct rule rule_table[];
extern const size_t rule_count;

/* The rule with this id, or NULL. */
const struct rule *rule_find(const char *id);

#endif
