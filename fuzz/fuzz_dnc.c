/* Fuzz target: the do-not-call list reader. */
#include "fuzz.h"
#include "numlists.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dnc_list l = { 0 };
	struct diag d;

	if (dnc_load(fuzz_file(0, data, size), fuzz_numbering(), &l, &d) == 0) {
		/* the list is sorted and unique: every entry must be found */
		for (size_t i = 0; i < l.n; i++)
			if (!dnc_contains(&l, l.v[i]) || (i > 0 && l.v[i - 1] >= l.v[i]))
				__builtin_trap();
		dnc_free(&l);
	}
	return 0;
}
