/* Fuzz target: the freeswitch-config adapter (switch.conf.xml,
 * callcenter.conf.xml, cdr_csv.conf.xml through the expat reader). */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_config("freeswitch-config", data, size);
	return 0;
}
