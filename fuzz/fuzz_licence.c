/* Fuzz target: the native licence loader (libconfig), sniff and parse. */
#include <string.h>

#include "adapters/adapter.h"
#include "fuzz.h"
#include "model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct adapter *ad = adapter_find("dialaudit-licence");
	const char *path = fuzz_file(0, data, size);
	char head[SNIFF_HEAD + 1];
	size_t n = size < SNIFF_HEAD ? size : SNIFF_HEAD;
	struct model m;
	struct diag d;

	memcpy(head, data, n);
	head[n] = '\0';
	model_init(&m);
	(void)ad->sniff(path, head, n, &m);
	(void)ad->parse(path, &m, &d);
	model_free(&m);
	return 0;
}
