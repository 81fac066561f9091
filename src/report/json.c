/* The JSON report: the dialaudit-report/1 schema for pipelines. */
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "util/timeutil.h"

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* jansson refuses invalid UTF-8; input files may contain any bytes. */
static json_t *
text(const char *s)
{
	json_t *j;

	if (s == NULL)
		return json_null();
	j = json_string(s);
	if (j == NULL) {
		char *copy = strdup(s);

		for (char *p = copy; p != NULL && *p; p++)
			if ((unsigned char)*p >= 0x80)
				*p = '?';
		j = json_string(copy != NULL ? copy : "");
		free(copy);
	}
	return j;
}

static json_t *
profile_json(const struct profile *p)
{
	json_t *o = json_object(), *src = json_array();

	json_object_set_new(o, "id", text(p->id));
	json_object_set_new(o, "name", text(p->name));
	json_object_set_new(o, "jurisdiction", text(p->jurisdiction));
	json_object_set_new(o, "review_date", text(p->review_date));
	json_object_set_new(o, "path", text(p->path));
	json_object_set_new(o, "extends", str_or_null(p->extends));
	for (size_t i = 0; i < p->nsources; i++)
		json_array_append_new(src, text(p->sources[i]));
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
	json_object_set_new(o, "path", text(l->path));
	json_object_set_new(o, "holder", text(l->holder));
	json_object_set_new(o, "number", text(l->number));
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
	json_object_set_new(o, "title", json_string(f->rule->title));
	json_object_set_new(o, "message", text(f->message));
	json_object_set_new(loc, "path", str_or_null(f->path));
	json_object_set_new(loc, "line", f->line > 0 ? json_integer(f->line) : json_null());
	json_object_set_new(o, "location", loc);
	json_object_set_new(o, "campaign", text(f->campaign));
	json_object_set_new(o, "key", text(f->key));
	json_object_set_new(o, "limit", text(f->limit));
	json_object_set_new(o, "actual", text(f->actual));
	if (f->cite != NULL) {
		json_t *c = json_object();

		json_object_set_new(c, "citation", text(f->cite->source));
		json_object_set_new(c, "standing", json_string(standing_name(f->cite->standing)));
		json_object_set_new(c, "confirmed", json_boolean(f->cite->confirmed));
		json_object_set_new(c, "note", text(f->cite->note));
		json_object_set_new(o, "source", c);
	} else {
		json_object_set_new(o, "source", json_null());
	}
	json_object_set_new(o, "remediation", json_string(f->rule->remediation));
	json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
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
	format_date(r->today, today, sizeof(today));
	json_object_set_new(root, "audit_date", json_string(today));
	json_object_set_new(root, "profile", profile_json(r->profile));
	json_object_set_new(root, "licence", licence_json(r));
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];
		json_t *o = json_object();

		json_object_set_new(o, "path", text(in->path));
		json_object_set_new(o, "kind", str_or_null(in->kind));
		json_object_set_new(o, "format", str_or_null(in->format));
		json_object_set_new(o, "status", json_string(in->skipped ? "skipped" : "read"));
		if (in->skipped != NULL)
			json_object_set_new(o, "reason", json_string(in->skipped));
		json_array_append_new(inputs, o);
	}
	json_object_set_new(root, "inputs", inputs);
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
	json_object_set_new(summary, "by_severity", bysev);
	json_object_set_new(summary, "by_rule", byrule);
	json_object_set_new(summary, "fail_on", json_string(severity_name(r->fail_on)));
	json_object_set_new(summary, "failed", json_boolean(report_failed(r)));
	json_object_set_new(root, "summary", summary);
	json_object_set_new(root, "findings", findings);
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
	fputc('\n', out);
	json_decref(root);
	if (rc != 0 || ferror(out))
		return diag_set(d, NULL, 0, "error writing the JSON report");
	return 0;
}
