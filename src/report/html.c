/*
 * The HTML renewal report: one self-contained file a compliance officer can
 * attach to a licence-renewal file. No script, no font, no image from
 * anywhere: a Content-Security-Policy forbids every fetch, so the page is
 * the same offline, in an archive and on paper, and charts are inline SVG.
 */
#include "report/report.h"

#include <inttypes.h>
#include <string.h>

#include "calllog.h"
#include "calendar.h"
#include "checks/chartdata.h"
#include "checks/events.h"
#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "report/charts.h"
#include "report/htmltext.h"
#include "util/i18n.h"
#include "util/timeutil.h"
#include "waiver.h"

static const char style[] =
	":root{--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--crit:#7a0f0a;--high:#b3261e;"
	"--med:#a35a00;--low:#1d5f99;--info:#5b6570;--ok:#1e6b34}\n"
	"*{box-sizing:border-box}\n"
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',"
	"'Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;color:var(--ink);max-width:1000px;margin:0 auto;padding:24px}\n"
	"h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;"
	"border-bottom:2px solid var(--line)}h3{font-size:15px;margin:18px 0 6px}\n"
	".meta{color:var(--muted);margin:0}\n"
	"table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;"
	"vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}"
	"th{background:#f4f6f8;font-weight:600}td.n,th.n{text-align:right;"
	"font-variant-numeric:tabular-nums}\n"
	".nw{white-space:nowrap}\n"
	"code,.mono{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}\n"
	".hash{word-break:break-all}\n"
	".verdict{padding:12px 16px;border-radius:6px;font-size:16px;font-weight:600;margin:16px 0}"
	".verdict.fail{background:#fbe9e7;color:var(--high);border:1px solid #f1b7b0}"
	".verdict.pass{background:#e8f5ec;color:var(--ok);border:1px solid #b6dcc2}"
	".verdict.none{background:#f4f6f8;color:var(--muted);border:1px solid var(--line)}\n"
	".badge{display:inline-block;min-width:64px;text-align:center;padding:1px 8px;"
	"border-radius:10px;color:#fff;font-size:12px;font-weight:600;margin-right:6px}"
	".sev-critical{background:var(--crit)}.sev-high{background:var(--high)}"
	".sev-medium{background:var(--med)}.sev-low{background:var(--low)}"
	".sev-info{background:var(--info)}.sev-waived{background:#8a8f96}\n"
	".finding{border:1px solid var(--line);border-left:5px solid var(--line);border-radius:4px;"
	"padding:8px 12px;margin:8px 0;break-inside:avoid}"
	".finding.critical{border-left-color:var(--crit)}.finding.high{border-left-color:var(--high)}"
	".finding.medium{border-left-color:var(--med)}.finding.low{border-left-color:var(--low)}"
	".finding.info{border-left-color:var(--info)}.finding.waived{opacity:.85;"
	"border-left-color:#8a8f96}\n"
	".finding h4{margin:0 0 4px;font-size:14px}.finding p{margin:0 0 6px}"
	".finding dl{display:grid;grid-template-columns:130px 1fr;gap:2px 10px;margin:0}"
	".finding dt{color:var(--muted)}.finding dd{margin:0}\n"
	".warn{color:var(--high);font-weight:600}.note{color:var(--muted);font-size:12px;margin:4px 0}\n"
	"figure.chart{margin:14px 0 22px;break-inside:avoid}figure.chart svg{width:100%;height:auto;"
	"display:block}figcaption{margin-bottom:6px}\n"
	"svg text{font-family:system-ui,'Noto Sans','Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;fill:#333}"
	"svg .axis{font-size:11px}svg .legend{font-size:11px}svg .cellnum{font-size:8px;fill:#333}"
	"svg .cellnum.light{fill:#fff}svg .barlabel{font-size:11px}"
	"svg .grid{stroke:#e6e9ed;stroke-width:1}svg .axisline{stroke:#999;stroke-width:1}"
	"svg .limit{stroke:#b3261e;stroke-width:2;stroke-dasharray:6 4}"
	"svg .limitlabel{font-size:11px;fill:#b3261e;font-weight:600}\n"
	"footer{margin-top:32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);"
	"padding-top:8px}\n"
	"@page{size:A4;margin:14mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}"
	"tr,.finding,figure{break-inside:avoid}.verdict{border-width:2px}}\n";

static const char *
severity_text(enum severity s)
{
	switch (s) {
	case SEV_CRITICAL: return tr("Critical");
	case SEV_HIGH: return tr("High");
	case SEV_MEDIUM: return tr("Medium");
	case SEV_LOW: return tr("Low");
	default: return tr("Info");
	}
}

static const char *
standing_text(enum standing s)
{
	switch (s) {
	case STANDING_LAW: return tr("law");
	case STANDING_GUIDANCE: return tr("regulator guidance");
	default: return tr("carrier practice");
	}
}

/* <tr><th>label</th><td>value</td></tr>, both escaped. */
static void
row(FILE *out, const char *label, const char *value)
{
	fputs("<tr><th>", out);
	html_text(out, label);
	fputs("</th><td>", out);
	html_text(out, value);
	fputs("</td></tr>\n", out);
}

/* <dt>label</dt><dd>value</dd>, both escaped. */
static void
term(FILE *out, const char *label, const char *value)
{
	fputs("<dt>", out);
	html_text(out, label);
	fputs("</dt><dd>", out);
	html_text(out, value);
	fputs("</dd>\n", out);
}

static void
heading(FILE *out, const char *tag, const char *id, const char *text)
{
	fprintf(out, "<%s id=\"%s\">", tag, id);
	html_text(out, text);
	fprintf(out, "</%s>\n", tag);
}

static void
head(FILE *out, const struct report *r)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; img-src data:\">\n"
	    "<meta name=\"generator\" content=\"dialaudit %s\">\n<title>",
	    i18n_code(i18n_language()), r->version);
	html_printf(out, tr("Dialing compliance audit — %s"), r->profile->name);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static void
title_block(FILE *out, const struct report *r)
{
	char today[16], started[32];

	format_date(r->today, today, sizeof(today));
	format_utc_timestamp(r->started, started, sizeof(started));
	fputs("<header>\n<h1>", out);
	html_text(out, tr("Dialing compliance audit"));
	fputs("</h1>\n<p class=\"meta\">", out);
	html_printf(out, tr("Audit date %s · profile %s (%s) · dialaudit %s · run %s, %.1f s"), today,
	    r->profile->id, r->profile->name, r->version, started, r->elapsed);
	fputs("</p>\n</header>\n", out);
}

static void
verdict(FILE *out, const struct report *r, size_t active, size_t waived)
{
	const char *cls = r->fail_on == SEV_NEVER ? "none" : report_failed(r) ? "fail" : "pass";

	fprintf(out, "<section class=\"verdict %s\" id=\"verdict\">", cls);
	if (r->fail_on == SEV_NEVER)
		html_printf(out, tr("Not gated (--fail-on never): %zu findings, %zu waived."), active,
		    waived);
	else if (report_failed(r))
		html_printf(out, tr("FAIL: %zu findings at or above %s (%zu findings in all, %zu "
		    "waived)."), findings_count_at_least(r->findings, r->fail_on),
		    severity_text(r->fail_on), active, waived);
	else
		html_printf(out, tr("PASS: no finding at or above %s (%zu findings below it, %zu "
		    "waived)."), severity_text(r->fail_on), active, waived);
	fputs("</section>\n", out);
}

static void
licence_block(FILE *out, const struct report *r)
{
	const struct licence *l = r->licence;
	const struct profile *p = r->profile;
	char buf[512], date[16];

	heading(out, "h2", "licence", tr("Licence"));
	if (l == NULL) {
		fputs("<p>", out);
		html_text(out, tr("No licence was given: its expiry, capacity and caller numbers were "
		    "not checked."));
		fputs("</p>\n", out);
		return;
	}
	fputs("<table class=\"kv\">\n", out);
	row(out, tr("Holder"), l->holder);
	row(out, tr("Number"), l->number);
	if (l->type != NULL)
		row(out, tr("Type"), l->type);
	if (l->ncoverage > 0) {
		size_t len = 0;

		buf[0] = '\0';
		for (size_t i = 0; i < l->ncoverage && len + 1 < sizeof(buf); i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", i ? ", " : "",
			    l->coverage[i]);
		row(out, tr("Coverage"), buf);
	}
	if (l->issued != 0) {
		format_date(l->issued, date, sizeof(date));
		row(out, tr("Issued"), date);
	}
	format_date(l->expires, date, sizeof(date));
	{
		long long left = (long long)(l->expires - r->today);
		bool due = left < 0 || (p->licence_renewal.set && left <= p->licence_renewal.lead_days);

		fputs("<tr><th>", out);
		html_text(out, tr("Expires"));
		fprintf(out, "</th><td%s>", due ? " class=\"warn\"" : "");
		if (left < 0)
			html_printf(out, tr("%s — expired %lld days ago"), date, -left);
		else if (due)
			html_printf(out, tr("%s — %lld days left; renewal is due (the profile asks for %d "
			    "days' notice)"), date, left, p->licence_renewal.lead_days);
		else
			html_printf(out, tr("%s — %lld days left"), date, left);
		fputs("</td></tr>\n", out);
	}
	if (l->channels > 0) {
		snprintf(buf, sizeof(buf), "%d", l->channels);
		row(out, tr("Channels"), buf);
	}
	if (l->seats > 0) {
		snprintf(buf, sizeof(buf), "%d", l->seats);
		row(out, tr("Seats"), buf);
	}
	if (l->ncaller_numbers > 0) {
		snprintf(buf, sizeof(buf), "%zu", l->ncaller_numbers);
		row(out, tr("Caller numbers on file"), buf);
	}
	if (l->purposes != 0) {
		size_t len = 0;

		buf[0] = '\0';
		for (int bit = 0; bit < 32 && len + 1 < sizeof(buf); bit++)
			if (l->purposes & 1u << bit && purpose_name(bit) != NULL)
				len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", len ? ", " : "",
				    purpose_name(bit));
		row(out, tr("Permitted purposes"), buf);
	}
	fputs("</table>\n", out);
}

static void
profile_block(FILE *out, const struct report *r)
{
	const struct profile *p = r->profile;

	heading(out, "h2", "profile", tr("Profile"));
	fputs("<table class=\"kv\">\n", out);
	row(out, tr("Profile"), p->id);
	row(out, tr("Name"), p->name);
	if (p->jurisdiction != NULL)
		row(out, tr("Jurisdiction"), p->jurisdiction);
	row(out, tr("Reviewed"), p->review_date);
	if (p->hours.calendar != NULL) {
		char from[16], until[16], buf[128];

		format_date(p->hours.calendar->valid_from, from, sizeof(from));
		format_date(p->hours.calendar->valid_until, until, sizeof(until));
		snprintf(buf, sizeof(buf), tr("%s, valid %s to %s"), p->hours.calendar->id, from, until);
		row(out, tr("Holiday calendar"), buf);
	}
	fputs("<tr><th>", out);
	html_text(out, tr("Sources"));
	fputs("</th><td>", out);
	for (size_t i = 0; i < p->nsources; i++) {
		html_text(out, p->sources[i]);
		if (i + 1 < p->nsources)
			fputs("<br>", out);
	}
	fputs("</td></tr>\n</table>\n", out);
}

static void
summary_block(FILE *out, const struct report *r, const size_t *count, size_t waived)
{
	heading(out, "h2", "summary", tr("Summary"));
	fputs("<table class=\"summary\"><tr>", out);
	for (int s = SEV_CRITICAL; s >= SEV_INFO; s--) {
		fputs("<th class=\"n\">", out);
		html_text(out, severity_text(s));
		fputs("</th>", out);
	}
	fputs("<th class=\"n\">", out);
	html_text(out, tr("Waived"));
	fputs("</th></tr>\n<tr>", out);
	for (int s = SEV_CRITICAL; s >= SEV_INFO; s--)
		fprintf(out, "<td class=\"n\">%zu</td>", count[s]);
	fprintf(out, "<td class=\"n\">%zu</td></tr></table>\n", waived);
	if (r->baseline_path != NULL) {
		fputs("<p class=\"note\">", out);
		html_printf(out, tr("Baseline %s: %zu known findings are not shown."), r->baseline_path,
		    r->baseline_known);
		fputs("</p>\n", out);
	}
}

static void
finding_block(FILE *out, const struct report *r, const struct finding *f)
{
	const char *sev = severity_name(f->severity);

	(void)r;
	fprintf(out, "<article class=\"finding %s%s\">\n<h4><span class=\"badge sev-%s\">", sev,
	    f->waived ? " waived" : "", f->waived ? "waived" : sev);
	html_text(out, f->waived ? tr("Waived") : severity_text(f->severity));
	fputs("</span>", out);
	html_text(out, tr(f->rule->title));
	fputs(" <code>", out);
	html_text(out, f->rule->id);
	fputs("</code></h4>\n<p>", out);
	html_text(out, f->message);
	fputs("</p>\n<dl>\n", out);
	if (f->path != NULL || f->campaign != NULL) {
		fputs("<dt>", out);
		html_text(out, tr("Where"));
		fputs("</dt><dd><code>", out);
		if (f->path != NULL && f->line > 0)
			html_printf(out, "%s:%d", f->path, f->line);
		else
			html_text(out, f->path);
		fputs("</code>", out);
		if (f->campaign != NULL) {
			fputs(f->path != NULL ? " · " : "", out);
			html_printf(out, tr("campaign %s"), f->campaign);
		}
		fputs("</dd>\n", out);
	}
	if (f->limit != NULL)
		term(out, tr("Limit"), f->limit);
	if (f->actual != NULL)
		term(out, tr("Found"), f->actual);
	if (f->cite != NULL) {
		fputs("<dt>", out);
		html_text(out, tr("Legal source"));
		fputs("</dt><dd>", out);
		html_text(out, f->cite->source);
		fputs(" (", out);
		html_text(out, standing_text(f->cite->standing));
		if (!f->cite->confirmed) {
			fputs("; <span class=\"warn\">", out);
			html_text(out, tr("figure unconfirmed"));
			fputs("</span>", out);
		}
		fputs(")", out);
		if (f->cite->note != NULL) {
			fputs(" — ", out);
			html_text(out, f->cite->note);
		}
		fputs("</dd>\n", out);
	}
	term(out, tr("Remediation"), tr(f->rule->remediation));
	if (f->waived != NULL) {
		char until[16];

		format_date(f->waived->expires, until, sizeof(until));
		fputs("<dt>", out);
		html_text(out, tr("Waived"));
		fputs("</dt><dd>", out);
		html_printf(out, tr("%s (until %s; %s:%d)"), f->waived->justification, until,
		    f->waived->path, f->waived->line);
		fputs("</dd>\n", out);
	}
	fputs("</dl>\n</article>\n", out);
}

static void
findings_block(FILE *out, const struct report *r, const size_t *count, size_t waived)
{
	const struct findings *fs = r->findings;

	heading(out, "h2", "findings", tr("Findings"));
	if (fs->n == 0) {
		fputs("<p>", out);
		html_text(out, tr("No findings."));
		fputs("</p>\n", out);
		return;
	}
	for (int s = SEV_CRITICAL; s >= SEV_INFO; s--) {
		char id[32];

		if (count[s] == 0)
			continue;
		snprintf(id, sizeof(id), "findings-%s", severity_name(s));
		fprintf(out, "<h3 id=\"%s\">", id);
		html_printf(out, "%s (%zu)", severity_text(s), count[s]);
		fputs("</h3>\n", out);
		for (size_t i = 0; i < fs->n; i++)
			if (fs->v[i].severity == (enum severity)s && fs->v[i].waived == NULL)
				finding_block(out, r, &fs->v[i]);
	}
	if (waived > 0) {
		fputs("<h3 id=\"findings-waived\">", out);
		html_printf(out, "%s (%zu)", tr("Waived"), waived);
		fputs("</h3>\n", out);
		for (size_t i = 0; i < fs->n; i++)
			if (fs->v[i].waived != NULL)
				finding_block(out, r, &fs->v[i]);
	}
}

static void
charts_block(FILE *out, const struct report *r)
{
	if (r->events == NULL || r->events->charts == NULL)
		return;
	heading(out, "h2", "charts", tr("Call logs in charts"));
	chart_heatmap(out, r);
	chart_concurrency(out, r);
	chart_abandon(out, r);
	chart_per_number(out, r);
	chart_caller_ids(out, r);
}

static void
logs_block(FILE *out, const struct report *r)
{
	static const char *const cols[] = {
		N_("File"), N_("Format"), N_("Rows"), N_("Parsed"), N_("Rejected"), N_("Duplicates"),
		N_("First call (UTC)"), N_("Last call (UTC)"),
	};

	if (r->log == NULL || r->log->nfiles == 0)
		return;
	heading(out, "h2", "logs", tr("Call logs read"));
	fputs("<table><tr>", out);
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		fputs(i >= 2 && i <= 5 ? "<th class=\"n\">" : "<th>", out);
		html_text(out, tr(cols[i]));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t i = 0; i < r->log->nfiles; i++) {
		const struct log_file_stats *s = &r->log->files[i];
		char first[32] = "", last[32] = "";

		if (s->first != 0)
			format_utc_timestamp(s->first, first, sizeof(first));
		if (s->last != 0)
			format_utc_timestamp(s->last, last, sizeof(last));
		fputs("<tr><td><code>", out);
		html_text(out, s->path);
		fputs("</code></td><td>", out);
		html_text(out, s->format);
		fprintf(out, "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64 "</td>"
		    "<td class=\"n%s\">%" PRIu64 "</td><td class=\"n\">%" PRIu64 "</td>"
		    "<td class=\"nw\">%s</td><td class=\"nw\">%s</td></tr>\n", s->rows, s->parsed, s->rejected > 0 ? " warn" : "",
		    s->rejected, s->duplicates, first, last);
		if (s->layout != NULL) {
			fputs("<tr><td colspan=\"8\" class=\"note\">", out);
			html_printf(out, tr("layout: %s"), s->layout);
			fputs("</td></tr>\n", out);
		}
		for (size_t k = 0; k < s->nexamples; k++) {
			fputs("<tr><td colspan=\"8\" class=\"note\">", out);
			html_printf(out, tr("line %" PRIu32 " rejected: %s"), s->examples[k].line,
			    s->examples[k].reason);
			fputs("</td></tr>\n", out);
		}
	}
	fputs("</table>\n", out);
	if (r->events != NULL) {
		fputs("<p class=\"note\">", out);
		html_printf(out, tr("%" PRIu64 " counted calls to %" PRIu64 " distinct numbers; %" PRIu64
		    " calls broke a rule."), r->events->attempts, r->events->numbers, r->events->nv);
		fputs("</p>\n", out);
	}
}

static void
evidence_block(FILE *out, const struct report *r)
{
	static const char *const cols[] = {
		N_("Input"), N_("Kind"), N_("Read as"), N_("Bytes"), N_("Modified (UTC)"), N_("SHA-256"),
	};

	heading(out, "h2", "evidence", tr("Evidence: what was checked"));
	fputs("<table><tr>", out);
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		fputs(i == 3 ? "<th class=\"n\">" : "<th>", out);
		html_text(out, tr(cols[i]));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];

		fputs("<tr><td><code>", out);
		html_text(out, in->path);
		fputs("</code></td><td>", out);
		html_text(out, in->kind);
		fputs("</td><td>", out);
		if (in->skipped != NULL)
			html_printf(out, tr("skipped: %s"), in->skipped);
		else
			html_text(out, in->format);
		fputs("</td>", out);
		if (in->has_evidence) {
			char when[32];

			format_utc_timestamp(in->evidence.mtime, when, sizeof(when));
			fprintf(out, "<td class=\"n\">%" PRIu64 "</td><td class=\"nw\">%s</td><td class=\"mono hash\">",
			    (uint64_t)in->evidence.size, when);
			if (in->evidence.hashed)
				html_text(out, in->evidence.sha256);
			else
				html_text(out, tr("not hashed (--hash-logs hashes call logs)"));
			fputs("</td></tr>\n", out);
		} else
			fputs("<td></td><td></td><td></td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

int
report_html(FILE *out, const struct report *r, struct diag *d)
{
	const struct findings *fs = r->findings;
	size_t count[SEV__COUNT] = { 0 }, waived = 0, active;

	for (size_t i = 0; i < fs->n; i++) {
		if (fs->v[i].waived != NULL)
			waived++;
		else
			count[fs->v[i].severity]++;
	}
	active = fs->n - waived;
	head(out, r);
	title_block(out, r);
	verdict(out, r, active, waived);
	licence_block(out, r);
	profile_block(out, r);
	summary_block(out, r, count, waived);
	findings_block(out, r, count, waived);
	charts_block(out, r);
	logs_block(out, r);
	evidence_block(out, r);
	fputs("<footer>", out);
	html_printf(out, tr("Written by dialaudit %s. Numbers are masked unless --show-numbers was "
	    "given. Each input's SHA-256 lets a reader check that the files on record are the ones "
	    "audited."), r->version);
	fputs("</footer>\n</body>\n</html>\n", out);
	return ferror(out) ? diag_set(d, NULL, 0, "error writing the HTML report") : 0;
}
