/* Fuzz target: the vicidial-log adapter (vicidial_log as CSV, tab text or a
 * mysqldump), its sniff and its parser, with one parser thread and with several. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_log("vicidial-log", data, size, NULL);
	return 0;
}
