/* Waivers: findings accepted for a time, with a reason, listed as waived. */
#ifndef DIALAUDIT_WAIVER_H
#define DIALAUDIT_WAIVER_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;
struct findings;
struct numbering;

/*
 * One waiver: a rule, at least one scope (campaign, file, caller ID), and
 * both a justification and an expiry date, because a waiver without them
 * is how known problems become permanent.
 */
struct waiver {
	const char *rule;
	const char *campaign, *file, *caller_id; /* scopes; NULL: any */
	const char *justification;
	int64_t expires;                          /* last valid day */
	const char *path;
	int line;
	size_t used;                              /* findings it waived */
};

struct waivers {
	struct waiver *v;
	size_t n;
	struct arena *arena;
};

int waivers_load(const char *path, const struct numbering *np, struct waivers *w, struct diag *d);
void waivers_free(struct waivers *w);
/*
 * Marks the findings a live waiver covers as waived; a finding whose only
 * waiver has expired stays active, and each expired waiver that covered
 * something becomes a finding of its own (rule waiver-expired).
 */
void waivers_apply(struct waivers *w, struct findings *f, int64_t today);

#endif
