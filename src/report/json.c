/* The JSON report: the dialaudit-report/1 schema for pipelines. */
#include "report/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/lead_scrub.h"
#include "calllog.h"
#include "checks/events.h"
#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "util/i18n.h"
#include "util/timeutil.h"
#include "waiver.h"

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}
static json_t *
profile_json(const struct profile *p)
{
	json_t *o = json_object(), *src = json_array();

	json_object_set_new(o, "id", report_json_text(p->id));
	json_object_set_new(o, "name", report_json_text(p->name));
	json_object_set_new(o, "jurisdiction", report_json_text(p->jurisdiction));
	json_object_set_new(o, "review_date", report_json_text(p->review_date));
	json_object_set_new(o, "path", report_json_text(p->path));
	json_object_set_new(o, "extends", str_or_null(p->extends));
	for (size_t i = 0; i < p->nsources; i++)
		json_array_append_new(src, report_json_text(p->sources[i]));
	json_object_set_new(o, "sources", src);
	return o;
}

static json_t *
licence_json(const struct report *r)
{
	const struct licence *l = r->licence;
	json_t *o;
	char date[16];

	if (l == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "path", report_json_text(l->path));
	json_object_set_new(o, "holder", report_json_text(l->holder));
	json_object_set_new(o, "number", report_json_text(l->number));
	json_object_set_new(o, "type", str_or_null(l->type));
	format_date(l->expires, date, sizeof(date));
	json_object_set_new(o, "expires", json_string(date));
	json_object_set_new(o, "days_to_expiry", json_integer((json_int_t)(l->expires - r->today)));
	json_object_set_new(o, "channels", l->channels ? json_integer(l->channels) : json_null());
	json_object_set_new(o, "seats", l->seats ? json_integer(l->seats) : json_null());
	json_object_set_new(o, "caller_numbers", json_integer((json_int_t)l->ncaller_numbers));
	return o;
}

static json_t *
finding_json(const struct finding *f)
{
	json_t *o = json_object(), *loc = json_object();

	json_object_set_new(o, "rule", json_string(f->rule->id));
	json_object_set_new(o, "severity", json_string(severity_name(f->severity)));
	json_object_set_new(o, "title", json_string(tr(f->rule->title)));
	json_object_set_new(o, "message", report_json_text(f->message));
	json_object_set_new(loc, "path", str_or_null(f->path));
	json_object_set_new(loc, "line", f->line > 0 ? json_integer(f->line) : json_null());
	json_object_set_new(o, "location", loc);
	json_object_set_new(o, "campaign", report_json_text(f->campaign));
	json_object_set_new(o, "key", report_json_text(f->key));
	json_object_set_new(o, "limit", report_json_text(f->limit));
	json_object_set_new(o, "actual", report_json_text(f->actual));
	if (f->cite != NULL) {
		json_t *c = json_object();

		json_object_set_new(c, "citation", report_json_text(f->cite->source));
		json_object_set_new(c, "standing", json_string(standing_name(f->cite->standing)));
		json_object_set_new(c, "confirmed", json_boolean(f->cite->confirmed));
		json_object_set_new(c, "note", report_json_text(f->cite->note));
		json_object_set_new(o, "source", c);
	} else {
		json_object_set_new(o, "source", json_null());
	}
	json_object_set_new(o, "remediation", json_string(tr(f->rule->remediation)));
	if (f->waived != NULL) {
		char date[16];

		format_date(f->waived->expires, date, sizeof(date));
		json_object_set_new(o, "waiver", json_pack("{s:o,s:s,s:o,s:i}", "justification",
		    report_json_text(f->waived->justification), "expires", date, "path", report_json_text(f->waived->path),
		    "line", f->waived->line));
	} else {
		json_object_set_new(o, "waiver", json_null());
	}
	json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
	return o;
}

static json_t *
utc_text(int64_t t)
{
	char buf[40], date[16];
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int32_t sec = (int32_t)(t - day * 86400);

	if (t == 0)
		return json_null();
	format_date(day, date, sizeof(date));
	snprintf(buf, sizeof(buf), "%sT%02d:%02d:%02dZ", date, sec / 3600, sec / 60 % 60, sec % 60);
	return json_string(buf);
}

static void
log_counts(json_t *o, const struct log_file_stats *s)
{
	json_t *ex = json_array();

	json_object_set_new(o, "rows", json_integer((json_int_t)s->rows));
	json_object_set_new(o, "parsed", json_integer((json_int_t)s->parsed));
	json_object_set_new(o, "rejected", json_integer((json_int_t)s->rejected));
	json_object_set_new(o, "duplicates", json_integer((json_int_t)s->duplicates));
	json_object_set_new(o, "first_call", utc_text(s->first));
	json_object_set_new(o, "last_call", utc_text(s->last));
	for (size_t k = 0; k < s->nexamples; k++) {
		json_t *e = json_object();

		json_object_set_new(e, "line", json_integer(s->examples[k].line));
		json_object_set_new(e, "reason", report_json_text(s->examples[k].reason));
		json_array_append_new(ex, e);
	}
	json_object_set_new(o, "rejected_examples", ex);
	if (s->layout != NULL)
		json_object_set_new(o, "layout", report_json_text(s->layout));
}

static json_t *
stats_json(const struct report *r)
{
	const struct event_ctx *e = r->events;
	json_t *o = json_object(), *camps = json_object();
	int64_t first = 0, last = 0;

	for (size_t i = 0; i < r->log->nfiles; i++) {
		const struct log_file_stats *s = &r->log->files[i];

		if (s->first != 0 && (first == 0 || s->first < first))
			first = s->first;
		if (s->last > last)
			last = s->last;
	}
	json_object_set_new(o, "calls", json_integer((json_int_t)e->attempts));
	json_object_set_new(o, "distinct_numbers", json_integer((json_int_t)e->numbers));
	json_object_set_new(o, "first_call", utc_text(first));
	json_object_set_new(o, "last_call", utc_text(last));
	json_object_set_new(o, "violations", json_integer((json_int_t)e->nv));
	for (size_t id = 0; id < r->log->campaigns.n; id++)
		if (e->calls_per_campaign[id] > 0) {
			/* jansson drops a key that is not UTF-8: spell it as the findings
			 * do, and add up names that then read the same */
			json_t *name = report_json_string(id == 0 ? "" : r->log->campaigns.str[id]);
			const char *key = json_string_value(name);
			json_int_t before = json_integer_value(json_object_get(camps, key));

			json_object_set_new(camps, key,
			    json_integer(before + (json_int_t)e->calls_per_campaign[id]));
			json_decref(name);
		}
	json_object_set_new(o, "calls_per_campaign", camps);
	return o;
}

/* The lead-list scrub: rows read, and leads per problem (docs/report-schema.md). */
static json_t *
leads_json(const struct lead_stats *l)
{
	json_t *o = json_object(), *camps = json_object(), *checked = json_object();

	json_object_set_new(o, "files", json_integer((json_int_t)l->files));
	json_object_set_new(o, "total", json_integer((json_int_t)l->rows));
	json_object_set_new(o, "parsed", json_integer((json_int_t)l->parsed));
	json_object_set_new(o, "rejected", json_integer((json_int_t)l->rejected));
	json_object_set_new(o, "flagged", json_integer((json_int_t)l->flagged));
	json_object_set_new(o, "dnc", json_integer((json_int_t)l->dnc));
	json_object_set_new(o, "no_consent", json_integer((json_int_t)l->no_consent));
	json_object_set_new(o, "invalid_number", json_integer((json_int_t)l->invalid_number));
	json_object_set_new(o, "blocked", json_integer((json_int_t)l->blocked));
	json_object_set_new(o, "zone_unknown", json_integer((json_int_t)l->zone_unknown));
	json_object_set_new(o, "uncallable", json_integer((json_int_t)l->uncallable));
	json_object_set_new(checked, "dnc", json_boolean(l->dnc_checked));
	json_object_set_new(checked, "consent", json_boolean(l->consent_checked));
	json_object_set_new(checked, "calling_hours", json_boolean(l->hours_checked));
	json_object_set_new(o, "checked", checked);
	for (size_t k = 0; k < l->ncampaigns; k++) {
		json_t *name = report_json_string(l->campaigns[k].name);

		json_object_set_new(camps, json_string_value(name), json_pack("{s:I,s:I}",
		    "no_consent", (json_int_t)l->campaigns[k].no_consent,
		    "uncallable", (json_int_t)l->campaigns[k].uncallable));
		json_decref(name);
	}
	json_object_set_new(o, "campaigns", camps);
	return o;
}

int
report_json(FILE *out, const struct report *r, struct diag *d)
{
	json_t *root = json_object(), *tool = json_object(), *inputs = json_array();
	json_t *summary = json_object(), *bysev = json_object(), *byrule = json_object();
	json_t *findings = json_array();
	char today[16];
	int rc;

	json_object_set_new(root, "schema", json_string("dialaudit-report/1"));
	json_object_set_new(tool, "name", json_string("dialaudit"));
	json_object_set_new(tool, "version", json_string(r->version));
	json_object_set_new(root, "tool", tool);
	json_object_set_new(root, "command", json_string(r->command));
	/* the language of the text fields; ids, keys and values stay English */
	json_object_set_new(root, "language", json_string(i18n_code(i18n_language())));
	format_date(r->today, today, sizeof(today));
	json_object_set_new(root, "audit_date", json_string(today));
	{
		char started[32];

		format_utc_timestamp(r->started, started, sizeof(started));
		json_object_set_new(root, "run", json_pack("{s:s,s:f}", "started", started,
		    "elapsed_seconds", r->elapsed));
	}
	json_object_set_new(root, "profile", profile_json(r->profile));
	json_object_set_new(root, "licence", licence_json(r));
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];
		json_t *o = json_object();

		json_object_set_new(o, "path", report_json_text(in->path));
		json_object_set_new(o, "kind", str_or_null(in->kind));
		json_object_set_new(o, "format", str_or_null(in->format));
		json_object_set_new(o, "status", json_string(in->skipped ? "skipped" : "read"));
		if (in->skipped != NULL)
			json_object_set_new(o, "reason", json_string(in->skipped));
		if (in->has_evidence) {
			char when[32];

			format_utc_timestamp(in->evidence.mtime, when, sizeof(when));
			json_object_set_new(o, "size", json_integer((json_int_t)in->evidence.size));
			json_object_set_new(o, "modified", json_string(when));
			json_object_set_new(o, "sha256", in->evidence.hashed ?
			    json_string(in->evidence.sha256) : json_null());
		}
		if (in->log_index >= 0)
			log_counts(o, &r->log->files[in->log_index]);
		else if (in->has_rows) {
			json_object_set_new(o, "rows", json_integer((json_int_t)in->list_rows));
			json_object_set_new(o, "parsed",
			    json_integer((json_int_t)(in->list_rows - in->list_rejected)));
			json_object_set_new(o, "rejected", json_integer((json_int_t)in->list_rejected));
			if (in->list_rejected > 0) {
				json_t *ex = json_array(), *e = json_object();

				json_object_set_new(e, "line", json_integer(in->list_bad_line));
				json_object_set_new(e, "reason", report_json_text(in->list_bad_reason));
				json_array_append_new(ex, e);
				json_object_set_new(o, "rejected_examples", ex);
			}
		}
		json_array_append_new(inputs, o);
	}
	json_object_set_new(root, "inputs", inputs);
	if (r->events != NULL || r->leads != NULL) {
		json_t *stats = r->events != NULL ? stats_json(r) : json_object();

		if (r->leads != NULL)
			json_object_set_new(stats, "leads", leads_json(r->leads));
		json_object_set_new(root, "stats", stats);
	}
	for (int s = SEV_CRITICAL; s >= SEV_INFO; s--)
		json_object_set_new(bysev, severity_name(s), json_integer(0));
	for (size_t i = 0; i < r->findings->n; i++) {
		const struct finding *f = &r->findings->v[i];
		const char *sev = severity_name(f->severity);
		json_t *n = json_object_get(byrule, f->rule->id);

		json_object_set_new(bysev, sev,
		    json_integer(json_integer_value(json_object_get(bysev, sev)) + 1));
		json_object_set_new(byrule, f->rule->id,
		    json_integer(n != NULL ? json_integer_value(n) + 1 : 1));
		json_array_append_new(findings, finding_json(f));
	}
	json_object_set_new(summary, "total", json_integer((json_int_t)r->findings->n));
	{
		size_t waived = 0;

		for (size_t i = 0; i < r->findings->n; i++)
			waived += r->findings->v[i].waived != NULL;
		json_object_set_new(summary, "waived", json_integer((json_int_t)waived));
	}
	json_object_set_new(summary, "by_severity", bysev);
	json_object_set_new(summary, "by_rule", byrule);
	json_object_set_new(summary, "fail_on", json_string(severity_name(r->fail_on)));
	json_object_set_new(summary, "failed", json_boolean(report_failed(r)));
	if (r->baseline_path != NULL)
		json_object_set_new(summary, "baseline", json_pack("{s:o,s:I}", "path",
		    report_json_text(r->baseline_path), "known", (json_int_t)r->baseline_known));
	json_object_set_new(root, "summary", summary);
	json_object_set_new(root, "findings", findings);
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
	fputc('\n', out);
	json_decref(root);
	if (rc != 0 || ferror(out))
		return diag_set(d, NULL, 0, "error writing the JSON report");
	return 0;
}
