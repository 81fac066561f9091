/* Fuzz target: the waivers loader (libconfig), and a lookup by call. */
#include "fuzz.h"
#include "waiver.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct waivers w = { 0 };
	struct diag d;

	if (waivers_load(fuzz_file(0, data, size), fuzz_numbering(), &w, &d) == 0) {
		for (size_t i = 0; i < w.n; i++)
			(void)waivers_for_call(&w, w.v[i].rule, w.v[i].number, w.v[i].campaign,
			    w.v[i].expires);
	}
	waivers_free(&w);
	return 0;
}
