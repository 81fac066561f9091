/* Fuzz target: the Asterisk configuration reader (categories, templates,
 * comments, directives). Includes resolve next to the input's memfd path,
 * so they mostly miss; the directive parsing and error paths still run. */
#include <string.h>

#include "fuzz.h"
#include "util/astconf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(0, data, size);
	struct astconf c;
	struct diag d;

	if (astconf_load(path, &c, &d) == 0) {
		size_t i = 0;

		for (size_t k = 0; k < c.ncats; k++)
			(void)astconf_get(&c.cats[k], "callerid");
		while (astconf_next(&c, "general", &i) != NULL)
			;
		astconf_free(&c);
	}
	return 0;
}
