/* Fuzz target: the lead-list reader (VICIdial layouts), and the scan's sniff. */
#include "fuzz.h"
#include "leads.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lead_set s;
	struct diag d;

	(void)leads_sniff((const char *)data, size);
	leads_init(&s);
	if (leads_load(&s, fuzz_file(0, data, size), NULL, fuzz_numbering(), &d) == 0) {
		/* every row is a lead or a rejected row */
		for (size_t i = 0; i < s.n; i++)
			if (s.v[i].rows != s.v[i].n + s.v[i].rejected || s.v[i].nbad > LEADS_REJECT_EXAMPLES)
				__builtin_trap();
	}
	leads_free(&s);
	return 0;
}
