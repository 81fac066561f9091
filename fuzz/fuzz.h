/* Shared helpers of the libFuzzer targets (fuzz/README.md). */
#ifndef DIALAUDIT_FUZZ_FUZZ_H
#define DIALAUDIT_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "calllog.h"
#include "logscan.h"
#include "util/phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The loaders take a path. Each slot is one memfd per process, rewritten
 * for every input, so a run of millions of inputs touches no disk and
 * leaves no file behind even when it crashes; its path is
 * /proc/self/fd/N. Slots 0 … FUZZ_SLOTS-1 are independent files.
 */
#define FUZZ_SLOTS 4
const char *fuzz_file(int slot, const void *data, size_t size);

/*
 * A private folder (made once per process, removed at exit) for loaders
 * that find further files beside the first one (a profile's calendars,
 * zone tables and parent). Writes data to dir/rel and returns its path.
 */
const char *fuzz_dir(void);
const char *fuzz_dir_file(const char *rel, const void *data, size_t size);

/* The numbering the list and log targets normalise with: cn's (+86, trunk 0). */
const struct numbering *fuzz_numbering(void);

/*
 * Aborts unless two call logs read from the same file hold the same calls
 * (in order), interned strings and row counts: how the log targets prove
 * that the result does not depend on the number of parser threads.
 */
void fuzz_same_log(const struct calllog *a, const struct calllog *b);

/*
 * Runs a call-log adapter over data: its sniff(), then its parse() once
 * with one thread and once with four on small chunks; the two must agree.
 * state is the log's format state (a mapping for generic-csv, or NULL).
 */
void fuzz_log(const char *adapter, const void *data, size_t size, void *state);

/* Runs a configuration adapter (campaign, licence) over data: its sniff(),
 * then its parse() into a fresh model, which is freed. */
void fuzz_config(const char *adapter, const void *data, size_t size);

/* The zone the log and consent targets read wall-clock times in (Asia/Shanghai). */
struct tz_zone;
const struct tz_zone *fuzz_zone(void);

/* Splits data at each "\n%%\n" into at most max parts (the last takes the rest). */
size_t fuzz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len, size_t max);

#endif
