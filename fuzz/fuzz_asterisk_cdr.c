/* Fuzz target: the asterisk-cdr adapter (cdr_csv and cdr_custom logs), its
 * sniff and its parser, with one parser thread and with several. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_log("asterisk-cdr", data, size, NULL);
	return 0;
}
