/*
 * Fuzz target: the generic-csv adapter. The first byte picks one of three
 * fixed mappings (the sample's; ';' with epoch seconds; tab with
 * day-first dates and month names), the rest is the CSV log. The mapping
 * loader has a target of its own (fuzz_mapping.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mapping.h"

static const char *const mappings[] = {
	"mapping = { delimiter = \",\";\n"
	"  columns = { number = \"callee\"; start = \"start time\"; caller_id = \"caller number\";\n"
	"    campaign = \"task name\"; answer = \"answer time\"; end = \"end time\";\n"
	"    duration = \"duration\"; ring = \"ring seconds\"; disposition = \"result\";\n"
	"    agent = \"agent id\"; consent = \"consent recorded\"; link = \"call id\"; };\n"
	"  time = { format = \"%Y/%m/%d %H:%M:%S\"; zone = \"Asia/Shanghai\"; };\n"
	"  dispositions = { answered = [\"CONNECTED\"]; no_answer = [\"NO ANSWER\", \"TIMEOUT\"];\n"
	"    busy = [\"BUSY\"]; failed = [\"FAILED\"]; abandoned = [\"ABANDON\"];\n"
	"    refused = [\"REFUSED\"]; machine = [\"AMD\"]; };\n"
	"  consent_values = [\"yes\"]; };\n",
	"mapping = { delimiter = \";\";\n"
	"  columns = { number = \"to\"; start = \"start\"; answer = \"answer\"; end = \"end\";\n"
	"    disposition = \"status\"; caller_id = \"from\"; };\n"
	"  time = { format = \"epoch\"; };\n"
	"  dispositions = { answered = [\"ok\"]; busy = [\"busy\"]; }; };\n",
	"mapping = { delimiter = \"\\t\";\n"
	"  columns = { number = \"dst\"; start = \"when\"; ring = \"ring\"; duration = \"secs\";\n"
	"    disposition = \"result\"; campaign = \"list\"; link = \"id\"; };\n"
	"  time = { format = \"%d %b %y %T\"; zone = \"+02:00\"; };\n"
	"  dispositions = { answered = [\"ANSWER\"]; no_answer = [\"NOANSWER\"]; }; };\n",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mapping *m;
	struct diag d;
	const char *text;

	if (size < 1)
		return 0;
	text = mappings[data[0] % 3];
	/* loaded for each input, so that the unmapped-value tally starts empty
	 * and a crash reproduces from its input alone */
	if (mapping_load(fuzz_file(1, text, strlen(text)), &m, &d) < 0) {
		fprintf(stderr, "fuzz_generic_csv: built-in mapping: %s\n", d.message);
		abort();
	}
	fuzz_log("generic-csv", data + 1, size - 1, m);
	mapping_free(m);
	return 0;
}
