/* The JUnit XML report: for CI systems that show test reports. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "checks/rules.h"
#include "profile.h"
#include "report/htmltext.h"
#include "util/i18n.h"

/* Text or attribute content: markup escaped; bytes XML forbids become '?',
 * and bytes that are not UTF-8 (input files may hold any) U+FFFD. */
static void
xml(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s != NULL ? s : ""); *p; p++) {
		size_t n = utf8_len(p);

		if (n == 0) {
			fputs("\xef\xbf\xbd", out);
			continue;
		}
		if (n > 1) {
			fwrite(p, 1, n, out);
			p += n - 1;
			continue;
		}
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			fputc(*p < 0x20 && *p != '\n' && *p != '\t' ? '?' : *p, out);
		}
	}
}

static size_t
rule_findings(const struct report *r, const struct rule *rule, size_t *failing)
{
	size_t n = 0;

	*failing = 0;
	for (size_t i = 0; i < r->findings->n; i++)
		if (r->findings->v[i].rule == rule) {
			n++;
			if (r->fail_on != SEV_NEVER && r->findings->v[i].severity >= r->fail_on &&
			    r->findings->v[i].waived == NULL)
				(*failing)++;
		}
	return n;
}

/*
 * A test suite per run; a test case per finding (failed when at or above
 * --fail-on, skipped below it) and one passing test case per rule without
 * findings, so the report shows what was checked, not only what failed.
 */
int
report_junit(FILE *out, const struct report *r, struct diag *d)
{
	size_t tests = 0, failures = 0, skipped = 0;

	for (size_t k = 0; k < rule_count; k++) {
		size_t failing, n = rule_findings(r, &rule_table[k], &failing);

		tests += n > 0 ? n : 1;
		failures += failing;
		skipped += n - failing;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites name=\"dialaudit\" tests=\"%zu\" failures=\"%zu\" skipped=\"%zu\">\n",
	    tests, failures, skipped);
	fputs("  <testsuite name=\"dialaudit ", out);
	xml(out, r->command);
	fputs(" (profile ", out);
	xml(out, r->profile->id);
	fprintf(out, ")\" tests=\"%zu\" failures=\"%zu\" skipped=\"%zu\">\n", tests, failures,
	    skipped);
	fputs("    <properties>\n      <property name=\"profile\" value=\"", out);
	xml(out, r->profile->id);
	fputs("\"/>\n      <property name=\"fail_on\" value=\"", out);
	xml(out, severity_name(r->fail_on));
	fputs("\"/>\n    </properties>\n", out);
	for (size_t k = 0; k < rule_count; k++) {
		const struct rule *rule = &rule_table[k];
		size_t failing;

		if (rule_findings(r, rule, &failing) == 0) {
			fputs("    <testcase classname=\"dialaudit\" name=\"", out);
			xml(out, rule->id);
			fputs("\"/>\n", out);
			continue;
		}
		for (size_t i = 0; i < r->findings->n; i++) {
			const struct finding *f = &r->findings->v[i];
			bool fails = r->fail_on != SEV_NEVER && f->severity >= r->fail_on &&
			    f->waived == NULL;

			if (f->rule != rule)
				continue;
			fputs("    <testcase classname=\"", out);
			xml(out, f->path != NULL ? f->path : "dialaudit");
			if (f->campaign != NULL) {
				fputc('.', out);
				xml(out, f->campaign);
			}
			fputs("\" name=\"[", out);
			xml(out, severity_name(f->severity));
			fputs("][", out);
			xml(out, rule->id);
			fputs("] ", out);
			/* names stay English in every language: CI keeps a test's history by name */
			xml(out, f->key != NULL ? f->key : rule->title);
			fprintf(out, " %s\">\n", f->fingerprint);
			fprintf(out, "      <%s message=\"", fails ? "failure" : "skipped");
			xml(out, f->message);
			fprintf(out, "\"%s>", fails ? " type=\"finding\"" : "");
			if (f->path != NULL && f->line > 0) {
				xml(out, f->path);
				fprintf(out, ":%d: ", f->line);
			}
			fputs(tr("limit: "), out);
			xml(out, f->limit);
			fputs(tr("; actual: "), out);
			xml(out, f->actual);
			fputs(tr("; fix: "), out);
			xml(out, tr(rule->remediation));
			fprintf(out, "</%s>\n    </testcase>\n", fails ? "failure" : "skipped");
		}
	}
	fputs("  </testsuite>\n</testsuites>\n", out);
	return ferror(out) ? diag_set(d, NULL, 0, "error writing the JUnit report") : 0;
}
