/* Fuzz target: the asterisk-config adapter. The same bytes are read as each
 * Asterisk file it knows, all into one model (one folder, one campaign), so
 * the dialplan, channel and service readers and the exposure facts all run. */
#include <string.h>

#include "adapters/adapter.h"
#include "fuzz.h"
#include "model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* eight: fuzz_dir_file removes at most eight files at exit (pjsip_wizard.conf
	 * goes through pjsip.conf's reader, queues.conf through none) */
	static const char *const names[] = { "extensions.conf", "asterisk.conf", "pjsip.conf",
		"sip.conf", "amd.conf", "manager.conf", "ari.conf", "http.conf" };
	const struct adapter *ad = adapter_find("asterisk-config");
	struct model m;

	model_init(&m);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *path = fuzz_dir_file(names[i], data, size);
		struct diag d;

		(void)ad->sniff(path, (const char *)data, size < SNIFF_HEAD ? size : SNIFF_HEAD, &m);
		(void)ad->parse(path, &m, &d);
	}
	model_free(&m);
	return 0;
}
