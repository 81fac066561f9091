/* Fuzz target: the native licence loader (libconfig), sniff and parse. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_config("dialaudit-licence", data, size);
	return 0;
}
