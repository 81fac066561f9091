/* Fuzz target: the vicidial-campaigns adapter (vicidial_campaigns and call
 * times as CSV, tab text or a mysqldump), sniff and parse. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_config("vicidial-campaigns", data, size);
	return 0;
}
