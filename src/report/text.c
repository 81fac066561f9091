/* The text report: for people, grouped by severity. */
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/lead_scrub.h"
#include "calllog.h"
#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "report/htmltext.h"
#include "util/i18n.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
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

/*
 * Text from the inputs (campaign names, caller IDs, paths, messages that
 * quote them) with control bytes and bytes that are not UTF-8 shown as
 * '?': the report goes to terminals, and an ESC from a log must not move
 * the cursor or recolour the screen. Rotating buffers, so that one
 * printf may take several; freed when the report is done.
 */
#define CLEAN_SLOTS 6
static char *clean_buf[CLEAN_SLOTS];
static size_t clean_cap[CLEAN_SLOTS], clean_next;

static const char *
clean(const char *s)
{
	size_t k = clean_next++ % CLEAN_SLOTS, n = 0, len;
	char *b;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	xgrow((void **)&clean_buf[k], &clean_cap[k], len + 1, 1);
	b = clean_buf[k];
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
		size_t m = utf8_len(p);

		/* C0 controls, DEL, and C1 controls (U+0080 to U+009F) */
		if (m == 0 || (m == 1 && (*p < 0x20 || *p == 0x7f)) ||
		    (m == 2 && p[0] == 0xc2 && p[1] < 0xa0)) {
			b[n++] = '?';
			p += m > 0 ? m : 1;
			continue;
		}
		memcpy(b + n, p, m);
		n += m;
		p += m;
	}
	b[n] = '\0';
	return b;
}

static void
clean_free(void)
{
	for (size_t k = 0; k < CLEAN_SLOTS; k++) {
		free(clean_buf[k]);
		clean_buf[k] = NULL;
		clean_cap[k] = 0;
	}
}

/* Severities as headings and as words, in the report language. */
static const char *const sev_heading[SEV__COUNT] = {
	N_("INFO"), N_("LOW"), N_("MEDIUM"), N_("HIGH"), N_("CRITICAL"),
};
static const char *const sev_word[SEV__COUNT] = {
	N_("info"), N_("low"), N_("medium"), N_("high"), N_("critical"),
};

static const char *
severity_word(enum severity s)
{
	return s < SEV__COUNT ? tr(sev_word[s]) : severity_name(s);
}

/* The kinds of input (JSON "kind" values) as the text report names them. */
static const char *const kinds[] = {
	N_("campaign"), N_("call-log"), N_("number-list"), N_("licence"), N_("settings"),
	N_("mapping"), N_("waivers"), N_("lead-list"),
};

static const char *
kind_label(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return tr(kinds[i]);
	return kind != NULL ? kind : "";
}

static void
header(FILE *out, const struct report *r)
{
	const struct profile *p = r->profile;
	char today[16];
	size_t used = 0, skipped = 0;

	format_date(r->today, today, sizeof(today));
	fprintf(out, tr("dialaudit %s — %s audit of %s\n"), r->version, r->command, today);
	fprintf(out, tr("Profile:  %s — %s (reviewed %s)\n"), p->id, p->name, p->review_date);
	if (r->licence != NULL) {
		const struct licence *l = r->licence;
		char exp[16];
		long long left = (long long)(l->expires - r->today);

		format_date(l->expires, exp, sizeof(exp));
		if (l->type != NULL && left >= 0)
			fprintf(out, tr("Licence:  %s, %s, type %s, expires %s (%lld days)\n"), clean(l->holder),
			    clean(l->number), clean(l->type), exp, left);
		else if (l->type != NULL)
			fprintf(out, tr("Licence:  %s, %s, type %s, expires %s (expired %lld days)\n"),
			    clean(l->holder), clean(l->number), clean(l->type), exp, -left);
		else if (left >= 0)
			fprintf(out, tr("Licence:  %s, %s, expires %s (%lld days)\n"), clean(l->holder),
			    clean(l->number), exp, left);
		else
			fprintf(out, tr("Licence:  %s, %s, expires %s (expired %lld days)\n"), clean(l->holder),
			    clean(l->number), exp, -left);
	}
	for (size_t i = 0; i < r->ninputs; i++)
		r->inputs[i].skipped == NULL ? used++ : skipped++;
	if (skipped > 0)
		fprintf(out, tr("Inputs:   %zu read, %zu skipped\n"), used, skipped);
	else
		fprintf(out, tr("Inputs:   %zu read\n"), used);
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];

		if (in->skipped == NULL && in->log_index >= 0) {
			const struct log_file_stats *s = &r->log->files[in->log_index];

			fprintf(out, tr("  %-11s %s (%s): %llu rows, %llu parsed, %llu rejected\n"),
			    kind_label(in->kind), clean(in->path), in->format, (unsigned long long)s->rows,
			    (unsigned long long)s->parsed, (unsigned long long)s->rejected);
			if (s->layout != NULL)
				fprintf(out, tr("              layout: %s\n"), clean(s->layout));
		} else if (in->skipped == NULL && in->has_rows) {
			fprintf(out, tr("  %-11s %s (%s): %llu rows, %llu parsed, %llu rejected\n"),
			    kind_label(in->kind), clean(in->path), in->format,
			    (unsigned long long)in->list_rows,
			    (unsigned long long)(in->list_rows - in->list_rejected),
			    (unsigned long long)in->list_rejected);
		} else if (in->skipped == NULL)
			fprintf(out, tr("  %-11s %s (%s)\n"), kind_label(in->kind), clean(in->path),
			    in->format);
		else
			fprintf(out, tr("  %-11s %s — skipped: %s\n"), tr("skipped"), clean(in->path),
			    clean(in->skipped));
	}
	if (r->leads != NULL) {
		const struct lead_stats *l = r->leads;

		fprintf(out, tr("Leads:    %llu parsed, %llu with a problem: %llu on the do-not-call "
		    "list, %llu without valid consent, %llu invalid numbers, %llu blocked destinations, "
		    "%llu of unknown zone, %llu that cannot be called inside the windows\n"),
		    (unsigned long long)l->parsed, (unsigned long long)l->flagged,
		    (unsigned long long)l->dnc, (unsigned long long)l->no_consent,
		    (unsigned long long)l->invalid_number, (unsigned long long)l->blocked,
		    (unsigned long long)l->zone_unknown, (unsigned long long)l->uncallable);
	}
}

static void
finding(FILE *out, const struct report *r, const struct finding *f)
{
	(void)r;
	if (f->path != NULL && f->line > 0)
		fprintf(out, "  %s:%d: ", clean(f->path), f->line);
	else if (f->path != NULL)
		fprintf(out, "  %s: ", clean(f->path));
	else
		fputs("  ", out);
	fprintf(out, "[%s] %s\n", f->rule->id, clean(f->message));
	if (f->limit != NULL)
		fprintf(out, tr("      limit:  %s\n"), clean(f->limit));
	if (f->actual != NULL)
		fprintf(out, tr("      actual: %s\n"), clean(f->actual));
	if (f->cite != NULL) {
		char standing[160];

		if (f->cite->confirmed)
			snprintf(standing, sizeof(standing), "%s", standing_label(f->cite->standing));
		else
			snprintf(standing, sizeof(standing), tr("%s, figure unconfirmed"),
			    standing_label(f->cite->standing));
		/* the note is the profile's own text, quoted as written */
		if (f->cite->note != NULL)
			fprintf(out, tr("      source: %s (%s) — %s\n"), f->cite->source, standing,
			    f->cite->note);
		else
			fprintf(out, tr("      source: %s (%s)\n"), f->cite->source, standing);
	}
	fprintf(out, tr("      fix:    %s\n"), tr(f->rule->remediation));
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
		if (count[s] == 0)
			continue;
		fprintf(out, "\n%s%s (%zu)%s\n", colour(r, s), tr(sev_heading[s]), count[s], reset(r));
		for (size_t i = 0; i < fs->n; i++)
			if (fs->v[i].severity == (enum severity)s && fs->v[i].waived == NULL)
				finding(out, r, &fs->v[i]);
	}
	if (waived > 0) {
		fputc('\n', out);
		fprintf(out, tr("WAIVED (%zu)\n"), waived);
		for (size_t i = 0; i < fs->n; i++) {
			const struct finding *f = &fs->v[i];
			char date[16];

			if (f->waived == NULL)
				continue;
			format_date(f->waived->expires, date, sizeof(date));
			finding(out, r, f);
			fprintf(out, tr("      waived: %s (until %s; %s:%d)\n"), clean(f->waived->justification),
			    date, clean(f->waived->path), f->waived->line);
		}
	}
	fputc('\n', out);
	if (fs->n == waived) {
		fputs(waived ? tr("No findings but waived ones.\n") : tr("No findings.\n"), out);
	} else {
		size_t n = fs->n - waived, used = 0;
		char by[256] = "";

		for (int s = SEV_CRITICAL; s >= SEV_INFO && used < sizeof(by); s--) {
			char one[64];

			if (count[s] == 0)
				continue;
			snprintf(one, sizeof(one), tr("%zu %s"), count[s], severity_word(s));
			used += (size_t)snprintf(by + used, sizeof(by) - used, "%s%s", used ? tr(", ") : "",
			    one);
		}
		if (waived > 0)
			fprintf(out, n == 1 ? tr("%zu finding: %s (and %zu waived).\n") :
			    tr("%zu findings: %s (and %zu waived).\n"), n, by, waived);
		else
			fprintf(out, n == 1 ? tr("%zu finding: %s.\n") : tr("%zu findings: %s.\n"), n, by);
	}
	if (r->baseline_path != NULL)
		fprintf(out, r->baseline_known == 1 ? tr("Baseline: %zu known finding of %s not shown.\n") :
		    tr("Baseline: %zu known findings of %s not shown.\n"), r->baseline_known,
		    clean(r->baseline_path));
	if (r->fail_on == SEV_NEVER)
		fputs(tr("Result: not gated (--fail-on never).\n"), out);
	else if (report_failed(r))
		fprintf(out, tr("Result: FAIL — findings at or above the threshold (threshold: %s).\n"),
		    severity_word(r->fail_on));
	else
		fprintf(out, tr("Result: pass (threshold: %s).\n"), severity_word(r->fail_on));
	clean_free();
	return ferror(out) ? diag_set(d, NULL, 0, "error writing the report") : 0;
}
