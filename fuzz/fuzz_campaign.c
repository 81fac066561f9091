/* Fuzz target: the native campaign loader (libconfig), sniff and parse. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_config("dialaudit-campaign", data, size);
	return 0;
}
