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
	uint64_t number;                          /* called-number scope (call logs); 0: any */
	const char *justification;
	int64_t expires;                          /* last valid day */
	const char *path;
	int line;
	_Atomic size_t used;                      /* findings or calls it waived */
	_Atomic int expired_hit;                  /* it would have covered something, but expired */
};

struct waivers {
	struct waiver *v;
	size_t n;
	size_t nnumbers;   /* waivers with a number scope */
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
/*
 * The live waiver of a call-log violation by its called number (number
 * scope, and campaign when the waiver names one), or NULL. Safe from the
 * engine's threads.
 */
const struct waiver *waivers_for_call(struct waivers *w, const char *rule, uint64_t number,
    const char *campaign, int64_t today);

#endif
