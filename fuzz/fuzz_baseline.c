/* Fuzz target: the baseline reader (JSON, through jansson). */
#include "baseline.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct baseline b;
	struct diag d;

	if (baseline_load(fuzz_file(0, data, size), &b, &d) == 0) {
		(void)baseline_has(&b, "0123456789abcdef");
		baseline_free(&b);
	}
	return 0;
}
