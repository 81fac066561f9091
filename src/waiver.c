/* Waivers: loading, matching and expiry. */
#include "waiver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/rules.h"
#include "finding.h"
#include "util/arena.h"
#include "util/cfg.h"
#include "util/i18n.h"
#include "util/phone.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

int
waivers_load(const char *path, const struct numbering *np, struct waivers *w, struct diag *d)
{
	static const struct cfg_key top[] = { { "waivers", CFG_LIST }, { NULL, 0 } };
	static const struct cfg_key keys[] = {
		{ "rule", CFG_STRING }, { "campaign", CFG_STRING }, { "file", CFG_STRING },
		{ "caller_id", CFG_STRING }, { "number", CFG_STRING }, { "justification", CFG_STRING },
		{ "expires", CFG_STRING },
		{ NULL, 0 },
	};
	config_t cfg;
	const config_setting_t *list;
	int rc = -1;

	memset(w, 0, sizeof(*w));
	w->arena = arena_new();
	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), top, "a waivers file", d) < 0)
		goto out;
	list = config_lookup(&cfg, "waivers");
	if (list == NULL) {
		diag_set(d, path, 0, "no waivers: expected waivers = ( { rule = \"…\"; … } );");
		goto out;
	}
	w->v = arena_alloc(w->arena, sizeof(*w->v) * ((size_t)config_setting_length(list) + 1));
	for (int i = 0; i < config_setting_length(list); i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		struct waiver *x = &w->v[w->n];
		const char *s;

		if (cfg_check_keys(g, keys, "a waiver", d) < 0)
			goto out;
		x->path = arena_strdup(w->arena, path);
		x->line = cfg_line(g);
		if (cfg_string(g, "rule", &s, d) <= 0) {
			cfg_error(g, d, "a waiver needs 'rule'");
			goto out;
		}
		if (rule_find(s) == NULL) {
			cfg_error(config_setting_get_member(g, "rule"), d, "unknown rule \"%s\" (run "
			    "'dialaudit rules')", s);
			goto out;
		}
		x->rule = arena_strdup(w->arena, s);
		if (cfg_string(g, "justification", &s, d) <= 0 || s[strspn(s, " \t")] == '\0') {
			cfg_error(g, d, "a waiver needs a 'justification': why the finding is accepted");
			goto out;
		}
		x->justification = arena_strdup(w->arena, s);
		if (cfg_date(g, "expires", &x->expires, d) <= 0) {
			if (config_setting_get_member(g, "expires") == NULL)
				cfg_error(g, d, "a waiver needs 'expires' (YYYY-MM-DD): none is forever");
			goto out;
		}
		if (cfg_string(g, "campaign", &s, d) > 0)
			x->campaign = arena_strdup(w->arena, s);
		if (cfg_string(g, "file", &s, d) > 0)
			x->file = arena_strdup(w->arena, s);
		if (cfg_string(g, "caller_id", &s, d) > 0) {
			char e164[PHONE_MAX];

			if (phone_normalise(s, strlen(s), np, e164) != PHONE_OK) {
				cfg_error(config_setting_get_member(g, "caller_id"), d,
				    "caller_id \"%s\" is not a phone number", s);
				goto out;
			}
			x->caller_id = arena_strdup(w->arena, e164);
		}
		if (cfg_string(g, "number", &s, d) > 0) {
			char e164[PHONE_MAX];

			if (phone_normalise(s, strlen(s), np, e164) != PHONE_OK) {
				cfg_error(config_setting_get_member(g, "number"), d,
				    "number \"%s\" is not a phone number", s);
				goto out;
			}
			x->number = number_pack(e164);
			w->nnumbers++;
		}
		if (x->campaign == NULL && x->file == NULL && x->caller_id == NULL && x->number == 0) {
			cfg_error(g, d, "a waiver needs a scope: campaign, file, caller_id or number (a "
			    "rule cannot be waived everywhere)");
			goto out;
		}
		w->n++;
	}
	rc = 0;
out:
	config_destroy(&cfg);
	return rc;
}

void
waivers_free(struct waivers *w)
{
	arena_free(w->arena);
	memset(w, 0, sizeof(*w));
}

/* A file scope matches the path itself or any path ending in "/" + it. */
static bool
file_matches(const char *scope, const char *path)
{
	size_t ls = strlen(scope), lp;

	if (path == NULL)
		return false;
	lp = strlen(path);
	if (lp == ls)
		return strcmp(path, scope) == 0;
	return lp > ls && path[lp - ls - 1] == '/' && strcmp(path + lp - ls, scope) == 0;
}

static bool
covers(const struct waiver *x, const struct finding *f)
{
	/* number scopes are matched call by call, inside the engine */
	if (x->number != 0 || strcmp(x->rule, f->rule->id) != 0)
		return false;
	if (x->campaign != NULL && (f->campaign == NULL || strcmp(x->campaign, f->campaign) != 0))
		return false;
	if (x->file != NULL && !file_matches(x->file, f->path))
		return false;
	if (x->caller_id != NULL) {
		/* caller-ID findings carry their number as identity ("86…/reason") */
		size_t n = strlen(x->caller_id);

		if (f->ident == NULL || strncmp(f->ident, x->caller_id, n) != 0 ||
		    (f->ident[n] != '\0' && f->ident[n] != '/'))
			return false;
	}
	return true;
}

const struct waiver *
waivers_for_call(struct waivers *w, const char *rule, uint64_t number, const char *campaign,
    int64_t today)
{
	for (size_t k = 0; w != NULL && w->nnumbers > 0 && k < w->n; k++) {
		struct waiver *x = &w->v[k];

		if (x->number != number || strcmp(x->rule, rule) != 0 ||
		    (x->campaign != NULL && (campaign == NULL || strcmp(x->campaign, campaign) != 0)))
			continue;
		if (today > x->expires) {
			x->expired_hit = 1;
			continue;
		}
		x->used++;
		return x;
	}
	return NULL;
}

void
waivers_apply(struct waivers *w, struct findings *f, int64_t today)
{
	const struct rule *expired_rule = rule_find("waiver-expired");
	size_t n = f->n;
	bool *expired_used = xcalloc(w->n + 1, sizeof(bool));

	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < w->n; k++) {
			struct waiver *x = &w->v[k];

			if (!covers(x, &f->v[i]))
				continue;
			if (today > x->expires) {
				expired_used[k] = true;
				continue;
			}
			x->used++;
			f->v[i].waived = x;
			break;
		}
	for (size_t k = 0; k < w->n; k++) {
		struct finding t = { 0 };
		char date[16];

		if (!expired_used[k] && !w->v[k].expired_hit)
			continue;
		format_date(w->v[k].expires, date, sizeof(date));
		t.rule = expired_rule;
		t.severity = expired_rule->severity;
		t.path = w->v[k].path;
		t.line = w->v[k].line;
		t.key = w->v[k].rule;
		t.limit = tr("a waiver is valid up to its expiry date");
		t.actual = date;
		findings_add(f, &t, tr("the waiver of %s expired on %s, and the findings it covered are "
		    "reported again; renew it with a new justification or fix them"), w->v[k].rule, date);
	}
	free(expired_used);
}
