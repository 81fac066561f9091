/* Fuzz target: the freeswitch-cdr adapter (mod_cdr_csv logs), its sniff and
 * its parser with the rows the CSV reader refuses read again by the
 * template, with one parser thread and with several. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_log("freeswitch-cdr", data, size, NULL);
	return 0;
}
