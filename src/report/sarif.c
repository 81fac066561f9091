/* The SARIF 2.1.0 report: for code-scanning pipelines (GitHub and others). */
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "checks/rules.h"
#include "profile.h"
#include "util/i18n.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "waiver.h"

static json_t *
message(const char *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", report_json_string(s));
	return o;
}

/* critical and high fail a pipeline (error), medium warns, low and info note. */
static const char *
level(enum severity s)
{
	return s >= SEV_HIGH ? "error" : s == SEV_MEDIUM ? "warning" : "note";
}

/* A path as a URI reference: relative stays relative, unsafe bytes are %-escaped. */
static json_t *
uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *u = xmalloc(n * 3 + 8), *w = u;
	json_t *j;

	if (path[0] == '/') {
		memcpy(w, "file://", 7);
		w += 7;
	}
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p) != NULL) {
			*w++ = (char)*p;
		} else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 15];
		}
	}
	*w = '\0';
	j = json_string(u);
	free(u);
	return j;
}

static json_t *
rules_json(void)
{
	json_t *rules = json_array();

	for (size_t i = 0; i < rule_count; i++) {
		const struct rule *r = &rule_table[i];
		json_t *o = json_object(), *cfg = json_object(), *props = json_object();
		char help[2048];

		json_object_set_new(o, "id", json_string(r->id));
		json_object_set_new(o, "name", json_string(r->id));
		json_object_set_new(o, "shortDescription", message(tr(r->title)));
		json_object_set_new(o, "fullDescription", message(tr(r->what)));
		snprintf(help, sizeof(help), tr("%s Why: %s Run 'dialaudit explain %s' for the limit "
		    "and legal source of each profile."), tr(r->remediation), tr(r->why), r->id);
		json_object_set_new(o, "help", message(help));
		json_object_set_new(cfg, "level", json_string(level(r->severity)));
		json_object_set_new(o, "defaultConfiguration", cfg);
		json_object_set_new(props, "severity", json_string(severity_name(r->severity)));
		json_object_set_new(props, "tags", json_pack("[s]", "compliance"));
		json_object_set_new(o, "properties", props);
		json_array_append_new(rules, o);
	}
	return rules;
}

static json_t *
result_json(const struct finding *f)
{
	json_t *o = json_object(), *props = json_object(), *fp = json_object();

	json_object_set_new(o, "ruleId", json_string(f->rule->id));
	json_object_set_new(o, "ruleIndex", json_integer((json_int_t)(f->rule - rule_table)));
	json_object_set_new(o, "level", json_string(level(f->severity)));
	json_object_set_new(o, "message", message(f->message));
	if (f->path != NULL) {
		json_t *loc = json_object(), *phys = json_object(), *art = json_object();

		json_object_set_new(art, "uri", uri(f->path));
		json_object_set_new(phys, "artifactLocation", art);
		if (f->line > 0)
			json_object_set_new(phys, "region", json_pack("{s:i}", "startLine", f->line));
		json_object_set_new(loc, "physicalLocation", phys);
		json_object_set_new(o, "locations", json_pack("[o]", loc));
	}
	/* the same stable identity as the JSON report's fingerprint: never the line */
	json_object_set_new(fp, "dialauditFinding/v1", json_string(f->fingerprint));
	json_object_set_new(o, "partialFingerprints", fp);
	if (f->waived != NULL)
		json_object_set_new(o, "suppressions", json_pack("[{s:s,s:s,s:o}]", "kind", "external",
		    "status", "accepted", "justification", report_json_string(f->waived->justification)));
	json_object_set_new(props, "severity", json_string(severity_name(f->severity)));
	if (f->campaign != NULL)
		json_object_set_new(props, "campaign", report_json_string(f->campaign));
	if (f->key != NULL)
		json_object_set_new(props, "key", report_json_string(f->key));
	if (f->limit != NULL)
		json_object_set_new(props, "limit", report_json_string(f->limit));
	if (f->actual != NULL)
		json_object_set_new(props, "actual", report_json_string(f->actual));
	if (f->cite != NULL) {
		json_object_set_new(props, "source", report_json_string(f->cite->source));
		json_object_set_new(props, "standing", json_string(standing_name(f->cite->standing)));
		json_object_set_new(props, "confirmed", json_boolean(f->cite->confirmed));
	}
	json_object_set_new(o, "properties", props);
	return o;
}

/* Each file read, with its size, time and hash: the run's evidence. */
static json_t *
artifacts_json(const struct report *r)
{
	json_t *list = json_array();

	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];
		json_t *o;
		char when[32];

		if (!in->has_evidence)
			continue;
		o = json_object();
		json_object_set_new(o, "location", json_pack("{s:o}", "uri", uri(in->path)));
		json_object_set_new(o, "length", json_integer((json_int_t)in->evidence.size));
		format_utc_timestamp(in->evidence.mtime, when, sizeof(when));
		json_object_set_new(o, "lastModifiedTimeUtc", json_string(when));
		if (in->evidence.hashed)
			json_object_set_new(o, "hashes", json_pack("{s:s}", "sha-256", in->evidence.sha256));
		json_array_append_new(list, o);
	}
	return list;
}

int
report_sarif(FILE *out, const struct report *r, struct diag *d)
{
	json_t *root = json_object(), *run = json_object(), *driver = json_object();
	json_t *results = json_array(), *inv = json_object(), *auto_id = json_object();
	char id[200];
	int rc;

	json_object_set_new(root, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(driver, "name", json_string("dialaudit"));
	json_object_set_new(driver, "version", json_string(r->version));
	json_object_set_new(driver, "semanticVersion", json_string(r->version));
	json_object_set_new(driver, "rules", rules_json());
	json_object_set_new(run, "tool", json_pack("{s:o}", "driver", driver));
	/* one automation id per command and profile, so runs upload side by side */
	snprintf(id, sizeof(id), "dialaudit/%s/%s/", r->command, r->profile->id);
	json_object_set_new(auto_id, "id", json_string(id));
	json_object_set_new(run, "automationDetails", auto_id);
	/* the language of the messages (SARIF 2.1.0 §3.14.26) */
	json_object_set_new(run, "language", json_string(i18n_code(i18n_language())));
	json_object_set_new(inv, "executionSuccessful", json_true());
	json_object_set_new(inv, "exitCode", json_integer(report_failed(r) ? 1 : 0));
	{
		char t[32];

		format_utc_timestamp(r->started, t, sizeof(t));
		json_object_set_new(inv, "startTimeUtc", json_string(t));
		format_utc_timestamp(r->started + (int64_t)r->elapsed, t, sizeof(t));
		json_object_set_new(inv, "endTimeUtc", json_string(t));
	}
	json_object_set_new(run, "invocations", json_pack("[o]", inv));
	json_object_set_new(run, "artifacts", artifacts_json(r));
	for (size_t i = 0; i < r->findings->n; i++)
		json_array_append_new(results, result_json(&r->findings->v[i]));
	json_object_set_new(run, "results", results);
	json_object_set_new(run, "properties", json_pack("{s:s,s:s}", "profile", r->profile->id,
	    "profileReviewDate", r->profile->review_date));
	json_object_set_new(root, "runs", json_pack("[o]", run));
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	if (rc != 0 || ferror(out))
		return diag_set(d, NULL, 0, "error writing the SARIF report");
	return 0;
}
