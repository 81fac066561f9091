/* The CSV report: one row per finding, for compliance staff in spreadsheets. */
#include "report/report.h"

#include <stdio.h>

#include "checks/rules.h"
#include "profile.h"
#include "util/i18n.h"
#include "waiver.h"
#include "util/csvout.h"

static const char header[] = "severity,rule,title,file,line,campaign,key,message,limit,actual,"
    "source,standing,confirmed,fingerprint,waived\n";

static void
cell(FILE *out, const char *s, bool last)
{
	csv_cell(out, s != NULL ? s : "");
	fputc(last ? '\n' : ',', out);
}

int
report_csv(FILE *out, const struct report *r, struct diag *d)
{
	fputs(header, out);
	for (size_t i = 0; i < r->findings->n; i++) {
		const struct finding *f = &r->findings->v[i];
		char line[16] = "";

		if (f->line > 0)
			snprintf(line, sizeof(line), "%d", f->line);
		cell(out, severity_name(f->severity), false);
		cell(out, f->rule->id, false);
		cell(out, tr(f->rule->title), false);
		cell(out, f->path, false);
		cell(out, line, false);
		cell(out, f->campaign, false);
		cell(out, f->key, false);
		cell(out, f->message, false);
		cell(out, f->limit, false);
		cell(out, f->actual, false);
		cell(out, f->cite != NULL ? f->cite->source : NULL, false);
		cell(out, f->cite != NULL ? standing_name(f->cite->standing) : NULL, false);
		cell(out, f->cite != NULL ? (f->cite->confirmed ? "yes" : "no") : NULL, false);
		cell(out, f->fingerprint, false);
		cell(out, f->waived != NULL ? f->waived->justification : NULL, true);
	}
	return ferror(out) ? diag_set(d, NULL, 0, "error writing the CSV report") : 0;
}
