/* The table of report writers. */
#include "report/report.h"

#include <string.h>

const struct report_writer report_writers[] = {
	{ "text", "for people: grouped by severity, colour on a terminal", report_text },
	{ "json", "for pipelines: the dialaudit-report/1 schema (docs/report-schema.md)", report_json },
	{ "sarif", "for code scanning: SARIF 2.1.0 (GitHub and other CI)", report_sarif },
	{ "csv", "for spreadsheets: one row per finding", report_csv },
	{ "junit", "for CI test reports: JUnit XML, a test case per finding", report_junit },
	{ "html", "for people and renewal files: one self-contained page with charts", report_html, true },
};

const size_t report_writer_count = sizeof(report_writers) / sizeof(report_writers[0]);

const struct report_writer *
report_writer_find(const char *name)
{
	for (size_t i = 0; i < report_writer_count; i++)
		if (strcmp(report_writers[i].name, name) == 0)
			return &report_writers[i];
	return NULL;
}

bool
report_failed(const struct report *r)
{
	return r->fail_on != SEV_NEVER && findings_count_at_least(r->findings, r->fail_on) > 0;
}
