/* Fuzz target: the vicidial-tables adapter (call times, statuses, carrier and
 * drop log exports), sniff and parse. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_config("vicidial-tables", data, size);
	return 0;
}
