/* Fuzz target: the mapping loader (libconfig), and a time parsed with the
 * format it names. */
#include <string.h>

#include "fuzz.h"
#include "mapping.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cells[] = { "2026-03-12 10:02:00", "1773014686", "12 Mar 26 10:02:00",
		"2026/03/12 10:02:00", " 0 " };
	struct mapping *m;
	struct diag d;

	if (mapping_load(fuzz_file(0, data, size), &m, &d) == 0) {
		for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
			struct text t = { cells[i], strlen(cells[i]) };
			const char *reason;
			int64_t at;

			(void)mapping_time(m, fuzz_zone(), t, &at, &reason);
			(void)mapping_disposition(m, t);
			(void)mapping_consent(m, t);
		}
		mapping_free(m);
	}
	return 0;
}
