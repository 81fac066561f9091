/* Baselines: the findings already known, so a run reports only what is new. */
#ifndef DIALAUDIT_BASELINE_H
#define DIALAUDIT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

struct findings;

/* Fingerprints (the 16-hex-digit identity of a finding, never its line), sorted. */
struct baseline {
	const char *path;
	uint64_t *v;
	size_t n;
};

/*
 * Reads a baseline written by --write-baseline ("dialaudit-baseline/1"), or
 * a JSON report ("dialaudit-report/1"), whose findings' fingerprints serve.
 */
int baseline_load(const char *path, struct baseline *b, struct diag *d);
void baseline_free(struct baseline *b);
bool baseline_has(const struct baseline *b, const char *fingerprint);
/* Removes the findings the baseline knows; returns how many. */
size_t baseline_filter(const struct baseline *b, struct findings *f);
/* Writes the fingerprints of f as a dialaudit-baseline/1 document. */
int baseline_write(FILE *out, const struct findings *f, struct diag *d);

#endif
