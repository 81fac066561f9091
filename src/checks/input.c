/* input-rejected: log rows that could not be read, with the first reasons. */
#include "checks/check.h"
#include "util/arena.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "calllog.h"
#include "checks/events.h"

static void
input_finish(struct event_ctx *ctx)
{
	for (size_t i = 0; i < ctx->log->nfiles; i++) {
		const struct log_file_stats *s = &ctx->log->files[i];
		struct finding t = { 0 };
		char ex[REJECT_EXAMPLES * 200] = "";
		size_t used = 0;

		if (s->rejected == 0)
			continue;
		for (size_t k = 0; k < s->nexamples && used < sizeof(ex); k++) {
			char one[200];

			snprintf(one, sizeof(one), tr("line %" PRIu32 ": %s"), s->examples[k].line,
			    s->examples[k].reason);
			used += (size_t)snprintf(ex + used, sizeof(ex) - used, "%s%s", k ? tr("; ") : "",
			    one);
		}
		t.rule = ctx->rule;
		t.severity = ctx->rule->severity;
		t.path = s->path;
		t.line = (int)s->examples[0].line;
		t.key = "rows";
		t.limit = tr("every row read");
		t.actual = arena_printf(ctx->scratch, tr("%" PRIu64 " of %" PRIu64 " rows rejected"),
		    s->rejected, s->rows);
		findings_add(ctx->out, &t, tr("%" PRIu64 " of %" PRIu64 " rows could not be read and "
		    "were not audited; first: %s"), s->rejected, s->rows, ex);
	}
}

const struct event_hooks input_events = {
	NULL, NULL, NULL, input_finish, NULL,
};
