/* Findings: what the checks report and the writers render. */
#ifndef DIALAUDIT_FINDING_H
#define DIALAUDIT_FINDING_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct citation;
struct rule;
struct waiver;

enum severity {
	SEV_INFO,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH,
	SEV_CRITICAL,
	SEV__COUNT,
	SEV_NEVER = SEV__COUNT, /* --fail-on never */
};

const char *severity_name(enum severity s);
/* "info" … "critical", and "never"/"none" for SEV_NEVER; -1 if unknown. */
int severity_parse(const char *s);

/*
 * One finding. Strings belong to the findings' arena. The identity used for
 * the fingerprint (and so for baselines) is rule, path, campaign and key:
 * never the line, which moves whenever a file is edited.
 */
struct finding {
	const struct rule *rule;
	enum severity severity;
	const char *message;
	const char *path;     /* file the evidence is in; may be NULL */
	int line;             /* 0 = unknown */
	const char *campaign; /* may be NULL */
	const char *key;      /* the setting or subject (e.g. "ring_timeout"); may be NULL */
	const char *limit;    /* the profile's limit, in words */
	const char *actual;   /* what the input has, in words */
	const struct citation *cite; /* may be NULL (e.g. licence facts) */
	const char *ident;    /* extra identity (e.g. the raw number): hashed, never shown */
	const struct waiver *waived; /* the live waiver that accepts it; NULL: active */
	char fingerprint[17];
};

struct findings {
	struct finding *v;
	size_t n, cap;
	struct arena *arena;
};

void findings_init(struct findings *f);
void findings_free(struct findings *f);
/* Copies tmpl (strings into the arena), sets message and fingerprint. */
struct finding *findings_add(struct findings *f, const struct finding *tmpl, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Orders by severity (highest first), then rule, path, line, campaign, key
 * and ident: the same order in every report language. */
void findings_sort(struct findings *f);
/* Active (not waived) findings at or above s. */
size_t findings_count_at_least(const struct findings *f, enum severity s);

#endif
