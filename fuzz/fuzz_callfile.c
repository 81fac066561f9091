/* Fuzz target: Asterisk call files (asterisk-callfile), sniff and parse; two
 * files (split at "\n%%\n") into one model, so that the fold of one
 * campaign's files into its worst case runs too. */
#include <string.h>

#include "adapters/adapter.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct adapter *ad = adapter_find("asterisk-callfile");
	const uint8_t *part[2];
	size_t len[2], n = fuzz_split(data, size, part, len, 2);
	struct model m;
	struct diag d;

	if (ad == NULL)
		return 0;
	model_init(&m);
	m.log_opts.numbering = fuzz_numbering();
	for (size_t i = 0; i < n; i++) {
		const char *path = fuzz_file((int)i, part[i], len[i]);
		char head[SNIFF_HEAD + 1];
		size_t h = len[i] < SNIFF_HEAD ? len[i] : SNIFF_HEAD;

		memcpy(head, part[i], h);
		head[h] = '\0';
		(void)ad->sniff(path, head, h, &m);
		if (ad->parse(path, &m, &d) == 0 && m.log.files[m.log.nfiles - 1].rows !=
		    m.log.files[m.log.nfiles - 1].parsed + m.log.files[m.log.nfiles - 1].rejected)
			__builtin_trap(); /* every row accounted for */
	}
	model_free(&m);
	return 0;
}
