/* The text report: for people, grouped by severity. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "calllog.h"
#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "util/timeutil.h"
#include "waiver.h"

static const char *const sev_colour[SEV__COUNT] = {
	"\033[2m", "\033[36m", "\033[33m", "\033[1;31m", "\033[1;37;41m",
};

static const char *
colour(const struct report *r, enum severity s)
{
	return r->color ? sev_colour[s] : "";
}

static const char *
reset(const struct report *r)
{
	return r->color ? "\033[0m" : "";
}

static void
upper(const char *s, char *buf, size_t size)
{
	size_t i = 0;

	for (; s[i] != '\0' && i + 1 < size; i++)
		buf[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	buf[i] = '\0';
}

static void
header(FILE *out, const struct report *r)
{
	const struct profile *p = r->profile;
	char today[16];
	size_t used = 0, skipped = 0;

	format_date(r->today, today, sizeof(today));
	fprintf(out, "dialaudit %s — %s audit of %s\n", r->version, r->command, today);
	fprintf(out, "Profile:  %s — %s (reviewed %s)\n", p->id, p->name, p->review_date);
	if (r->licence != NULL) {
		const struct licence *l = r->licence;
		char exp[16];
		long long left = (long long)(l->expires - r->today);

		format_date(l->expires, exp, sizeof(exp));
		fprintf(out, "Licence:  %s, %s%s%s, expires %s (%s%lld days)\n",
		    l->holder, l->number, l->type ? ", type " : "", l->type ? l->type : "", exp,
		    left < 0 ? "expired " : "", left < 0 ? -left : left);
	}
	for (size_t i = 0; i < r->ninputs; i++)
		r->inputs[i].skipped == NULL ? used++ : skipped++;
	fprintf(out, "Inputs:   %zu read", used);
	if (skipped > 0)
		fprintf(out, ", %zu skipped", skipped);
	fputc('\n', out);
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];

		if (in->skipped == NULL && in->log_index >= 0) {
			const struct log_file_stats *s = &r->log->files[in->log_index];

			fprintf(out, "  %-11s %s (%s): %llu rows, %llu parsed, %llu rejected\n", in->kind,
			    in->path, in->format, (unsigned long long)s->rows,
			    (unsigned long long)s->parsed, (unsigned long long)s->rejected);
		} else if (in->skipped == NULL)
			fprintf(out, "  %-11s %s (%s)\n", in->kind, in->path, in->format);
		else
			fprintf(out, "  %-11s %s — skipped: %s\n", "skipped", in->path, in->skipped);
	}
}

static void
finding(FILE *out, const struct report *r, const struct finding *f)
{
	(void)r;
	if (f->path != NULL && f->line > 0)
		fprintf(out, "  %s:%d: ", f->path, f->line);
	else if (f->path != NULL)
		fprintf(out, "  %s: ", f->path);
	else
		fputs("  ", out);
	fprintf(out, "[%s] %s\n", f->rule->id, f->message);
	if (f->limit != NULL)
		fprintf(out, "      limit:  %s\n", f->limit);
	if (f->actual != NULL)
		fprintf(out, "      actual: %s\n", f->actual);
	if (f->cite != NULL)
		fprintf(out, "      source: %s (%s%s)%s%s\n", f->cite->source,
		    standing_name(f->cite->standing), f->cite->confirmed ? "" : ", figure unconfirmed",
		    f->cite->note ? " — " : "", f->cite->note ? f->cite->note : "");
	fprintf(out, "      fix:    %s\n", f->rule->remediation);
}

int
report_text(FILE *out, const struct report *r, struct diag *d)
{
	const struct findings *fs = r->findings;
	size_t count[SEV__COUNT] = { 0 };

	(void)d;
	header(out, r);
	size_t waived = 0;

	for (size_t i = 0; i < fs->n; i++) {
		if (fs->v[i].waived != NULL)
			waived++;
		else
			count[fs->v[i].severity]++;
	}
	for (int s = SEV_CRITICAL; s >= SEV_INFO; s--) {
		char name[16];

		if (count[s] == 0)
			continue;
		upper(severity_name(s), name, sizeof(name));
		fprintf(out, "\n%s%s (%zu)%s\n", colour(r, s), name, count[s], reset(r));
		for (size_t i = 0; i < fs->n; i++)
			if (fs->v[i].severity == (enum severity)s && fs->v[i].waived == NULL)
				finding(out, r, &fs->v[i]);
	}
	if (waived > 0) {
		fprintf(out, "\nWAIVED (%zu)\n", waived);
		for (size_t i = 0; i < fs->n; i++) {
			const struct finding *f = &fs->v[i];
			char date[16];

			if (f->waived == NULL)
				continue;
			format_date(f->waived->expires, date, sizeof(date));
			finding(out, r, f);
			fprintf(out, "      waived: %s (until %s; %s:%d)\n", f->waived->justification, date,
			    f->waived->path, f->waived->line);
		}
	}
	fputc('\n', out);
	if (fs->n == waived) {
		fputs(waived ? "No findings but waived ones.\n" : "No findings.\n", out);
	} else {
		bool first = true;

		fprintf(out, "%zu finding%s:", fs->n - waived, fs->n - waived == 1 ? "" : "s");
		for (int s = SEV_CRITICAL; s >= SEV_INFO; s--)
			if (count[s] > 0) {
				fprintf(out, "%s %zu %s", first ? "" : ",", count[s], severity_name(s));
				first = false;
			}
		if (waived > 0)
			fprintf(out, " (and %zu waived)", waived);
		fputs(".\n", out);
	}
	if (r->baseline_path != NULL)
		fprintf(out, "Baseline: %zu known finding%s of %s not shown.\n", r->baseline_known,
		    r->baseline_known == 1 ? "" : "s", r->baseline_path);
	if (r->fail_on == SEV_NEVER)
		fputs("Result: not gated (--fail-on never).\n", out);
	else
		fprintf(out, "Result: %s (threshold: %s).\n",
		    report_failed(r) ? "FAIL — findings at or above the threshold" : "pass",
		    severity_name(r->fail_on));
	return ferror(out) ? diag_set(d, NULL, 0, "error writing the report") : 0;
}
