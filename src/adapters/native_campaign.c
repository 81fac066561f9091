/* dialaudit-campaign: the native campaign settings format (libconfig). */
#include <stdio.h>
#include <string.h>

#include "adapters/adapter.h"
#include "adapters/sniff.h"
#include "profile.h"
#include "util/arena.h"
#include "util/cfg.h"
#include "util/tz.h"

int native_campaign_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int native_campaign_parse(const char *path, struct model *m, struct diag *d);

int
native_campaign_sniff(const char *path, const char *head, size_t len,
    const struct model *m)
{
	(void)m;
	static const char *const sfx[] = { ".cfg", ".conf", NULL };

	if (!sniff_libconfig_key(head, len, "campaigns"))
		return 0;
	return sniff_has_suffix(path, sfx) ? 90 : 60;
}

static const struct cfg_key campaign_keys[] = {
	{ "name", CFG_STRING }, { "purpose", CFG_STRING }, { "dial_mode", CFG_STRING },
	{ "pacing", CFG_NUMBER }, { "abandon_target", CFG_NUMBER }, { "windows", CFG_GROUP },
	{ "windows_zone", CFG_STRING }, { "server_timezone", CFG_STRING },
	{ "skip_holidays", CFG_BOOL }, { "max_attempts", CFG_INT },
	{ "attempts_window", CFG_STRING_OR_INT }, { "retry_interval", CFG_STRING_OR_INT },
	{ "retry_after_abandon", CFG_STRING_OR_INT }, { "retry_after_no_answer", CFG_STRING_OR_INT },
	{ "ring_timeout", CFG_INT }, { "abandon_message", CFG_BOOL },
	{ "abandon_message_delay", CFG_NUMBER }, { "amd", CFG_BOOL },
	{ "caller_ids", CFG_STRINGS }, { "dnc_scrub", CFG_BOOL }, { "dnc_list_age_days", CFG_INT },
	{ "consent_required", CFG_BOOL }, { "refusal_suppression_days", CFG_INT },
	{ "record_retention_days", CFG_INT }, { "destination_filter", CFG_BOOL },
	{ "max_channels", CFG_INT }, { "calls_per_second", CFG_NUMBER }, { NULL, 0 },
};

/* Records the line of every setting present, keyed by its enum slot. */
static void
record_lines(const config_setting_t *g, struct campaign *c)
{
	c->line[CS_CAMPAIGN] = cfg_line(g);
	for (int cs = 1; cs < CS__COUNT; cs++) {
		const config_setting_t *s = config_setting_get_member(g, campaign_setting_key(cs));

		if (s != NULL)
			c->line[cs] = cfg_line(s);
	}
}

static int
read_tristate(const config_setting_t *g, const char *key, enum tristate *out, struct diag *d)
{
	bool b;
	int r = cfg_bool(g, key, &b, d);

	if (r > 0)
		*out = b ? TRI_YES : TRI_NO;
	return r;
}

static int
read_int(const config_setting_t *g, const char *key, long long lo, long long hi, int *out,
    struct diag *d)
{
	long long v;
	int r = cfg_int(g, key, lo, hi, &v, d);

	if (r > 0)
		*out = (int)v;
	return r;
}

static int
read_enums(const config_setting_t *g, struct campaign *c, struct diag *d)
{
	const char *s;

	if (cfg_string(g, "purpose", &s, d) > 0 && (c->purpose = purpose_parse(s)) < 0)
		return cfg_error(config_setting_get_member(g, "purpose"), d,
		    "unknown purpose \"%s\" (marketing, service, collection, research, callback, "
		    "political, charity)", s);
	if (cfg_string(g, "dial_mode", &s, d) > 0) {
		if (strcmp(s, "preview") == 0)
			c->dial_mode = DIAL_PREVIEW;
		else if (strcmp(s, "progressive") == 0)
			c->dial_mode = DIAL_PROGRESSIVE;
		else if (strcmp(s, "predictive") == 0)
			c->dial_mode = DIAL_PREDICTIVE;
		else
			return cfg_error(config_setting_get_member(g, "dial_mode"), d,
			    "dial_mode \"%s\" is not preview, progressive or predictive", s);
	}
	if (cfg_string(g, "windows_zone", &s, d) > 0) {
		if (strcmp(s, "callee") == 0)
			c->windows_in_callee_zone = true;
		else if (strcmp(s, "server") == 0)
			c->windows_in_callee_zone = false;
		else
			return cfg_error(config_setting_get_member(g, "windows_zone"), d,
			    "windows_zone \"%s\" is not callee or server", s);
	}
	return 0;
}

static int
read_campaign(const config_setting_t *g, struct model *m, const char *path, struct diag *d)
{
	struct campaign *c;
	const config_setting_t *w;
	const char *name, *tz;
	struct diag tzd;

	if (cfg_check_keys(g, campaign_keys, "a campaign", d) < 0)
		return -1;
	if (cfg_string(g, "name", &name, d) <= 0 || name[0] == '\0')
		return cfg_error(g, d, "a campaign needs a non-empty 'name'");
	for (size_t i = 0; i < m->campaigns.n; i++)
		if (strcmp(m->campaigns.v[i].name, name) == 0)
			return cfg_error(g, d, "campaign '%s' is defined twice (first in %s)", name,
			    m->campaigns.v[i].path);
	c = model_add_campaign(m, name, path);
	record_lines(g, c);
	if (read_enums(g, c, d) < 0)
		return -1;
	if (cfg_number(g, "pacing", 0.1, 100, &c->pacing, d) < 0 ||
	    cfg_number(g, "abandon_target", 0, 100, &c->abandon_target, d) < 0)
		return -1;
	if ((w = config_setting_get_member(g, "windows")) != NULL) {
		if (schedule_parse(w, m->arena, &c->windows, d) < 0)
			return -1;
		c->has_windows = true;
	}
	if (cfg_string(g, "server_timezone", &tz, d) > 0) {
		if (tz_get(tz, &tzd) == NULL)
			return cfg_error(config_setting_get_member(g, "server_timezone"), d, "%s",
			    tzd.message);
		c->server_timezone = arena_strdup(m->arena, tz);
	}
	if (read_tristate(g, "skip_holidays", &c->skip_holidays, d) < 0 ||
	    read_int(g, "max_attempts", 0, 1000, &c->max_attempts, d) < 0 ||
	    cfg_duration(g, "attempts_window", false, &c->attempts_window, d) < 0 ||
	    cfg_duration(g, "retry_interval", true, &c->retry_interval, d) < 0 ||
	    cfg_duration(g, "retry_after_abandon", true, &c->retry_after_abandon, d) < 0 ||
	    cfg_duration(g, "retry_after_no_answer", true, &c->retry_after_no_answer, d) < 0 ||
	    read_int(g, "ring_timeout", 1, 600, &c->ring_timeout, d) < 0 ||
	    read_tristate(g, "abandon_message", &c->abandon_message, d) < 0 ||
	    cfg_number(g, "abandon_message_delay", 0, 60, &c->abandon_message_delay, d) < 0 ||
	    read_tristate(g, "amd", &c->amd, d) < 0 ||
	    read_tristate(g, "dnc_scrub", &c->dnc_scrub, d) < 0 ||
	    read_int(g, "dnc_list_age_days", 0, 36500, &c->dnc_list_age_days, d) < 0 ||
	    read_tristate(g, "consent_required", &c->consent_required, d) < 0 ||
	    read_int(g, "refusal_suppression_days", 0, 36500, &c->refusal_suppression_days, d) < 0 ||
	    read_int(g, "record_retention_days", 0, 36500, &c->retention_days, d) < 0 ||
	    read_tristate(g, "destination_filter", &c->destination_filter, d) < 0 ||
	    read_int(g, "max_channels", 1, 1000000, &c->max_channels, d) < 0 ||
	    cfg_number(g, "calls_per_second", 0.01, 100000, &c->calls_per_second, d) < 0 ||
	    cfg_strings(g, "caller_ids", m->arena, &c->caller_ids, &c->ncaller_ids, d) < 0)
		return -1;
	if (c->attempts_window > 0 && c->max_attempts == 0)
		return cfg_error(config_setting_get_member(g, "attempts_window"), d,
		    "attempts_window needs max_attempts");
	if (!c->windows_in_callee_zone && c->server_timezone == NULL)
		return cfg_error(config_setting_get_member(g, "windows_zone"), d,
		    "windows_zone = \"server\" needs server_timezone");
	return 0;
}

int
native_campaign_parse(const char *path, struct model *m, struct diag *d)
{
	static const struct cfg_key top[] = { { "campaigns", CFG_LIST }, { NULL, 0 } };
	config_t cfg;
	const config_setting_t *list;
	int rc = -1;

	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), top, "a campaign file", d) < 0)
		goto out;
	list = config_lookup(&cfg, "campaigns");
	if (list == NULL || config_setting_length(list) == 0) {
		diag_set(d, path, list != NULL ? cfg_line(list) : 0,
		    "no campaigns: expected campaigns = ( { name = \"…\"; … } );");
		goto out;
	}
	for (int i = 0; i < config_setting_length(list); i++)
		if (read_campaign(config_setting_get_elem(list, (unsigned)i), m, path, d) < 0)
			goto out;
	rc = 0;
out:
	config_destroy(&cfg);
	return rc;
}
