/* Fuzz target: the consent-records reader, times read in Asia/Shanghai. */
#include "fuzz.h"
#include "numlists.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct consent_list l = { 0 };
	struct diag d;

	if (consent_load(fuzz_file(0, data, size), fuzz_numbering(), fuzz_zone(), &l, &d) == 0) {
		/* each record is valid at its own grant, for its own campaign */
		for (size_t i = 0; i < l.n; i++)
			if (l.v[i].granted < l.v[i].until &&
			    !consent_valid(&l, l.v[i].number, l.v[i].granted, l.v[i].campaign))
				__builtin_trap();
		consent_free(&l);
	}
	return 0;
}
