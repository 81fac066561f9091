/* dialaudit-licence: the native licence-terms format (libconfig). */
#include <stdio.h>
#include <string.h>

#include "adapters/adapter.h"
#include "adapters/sniff.h"
#include "profile.h"
#include "util/arena.h"
#include "util/cfg.h"

int native_licence_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int native_licence_parse(const char *path, struct model *m, struct diag *d);

int
native_licence_sniff(const char *path, const char *head, size_t len,
    const struct model *m)
{
	(void)m;
	static const char *const sfx[] = { ".cfg", ".conf", NULL };

	if (!sniff_libconfig_key(head, len, "licence"))
		return 0;
	return sniff_has_suffix(path, sfx) ? 90 : 60;
}

static int
read_capacity(const config_setting_t *g, struct licence *l, struct diag *d)
{
	static const struct cfg_key keys[] = { { "seats", CFG_INT }, { "channels", CFG_INT },
		{ NULL, 0 } };
	const config_setting_t *cap = config_setting_get_member(g, "capacity");
	long long v;

	if (cap == NULL)
		return 0;
	if (cfg_check_keys(cap, keys, "capacity", d) < 0)
		return -1;
	l->capacity_line = cfg_line(cap);
	if (cfg_int(cap, "seats", 1, 10000000, &v, d) < 0)
		return -1;
	if (config_setting_get_member(cap, "seats") != NULL)
		l->seats = (int)v;
	if (cfg_int(cap, "channels", 1, 10000000, &v, d) < 0)
		return -1;
	if (config_setting_get_member(cap, "channels") != NULL) {
		l->channels = (int)v;
		l->capacity_line = cfg_line(config_setting_get_member(cap, "channels"));
	}
	return 0;
}

static int
read_licence(const config_setting_t *g, struct model *m, const char *path, struct diag *d)
{
	static const struct cfg_key keys[] = {
		{ "holder", CFG_STRING }, { "number", CFG_STRING }, { "type", CFG_STRING },
		{ "coverage", CFG_STRINGS }, { "issued", CFG_STRING }, { "expires", CFG_STRING },
		{ "capacity", CFG_GROUP }, { "caller_numbers", CFG_STRINGS },
		{ "purposes", CFG_STRINGS }, { "outbound_commitment", CFG_BOOL }, { NULL, 0 },
	};
	struct licence *l = arena_alloc(m->arena, sizeof(*l));
	const char *s;
	char **purposes = NULL;
	size_t npurposes = 0;
	const char *req[] = { "holder", "number", "expires" };

	if (cfg_check_keys(g, keys, "the licence", d) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++)
		if (config_setting_get_member(g, req[i]) == NULL)
			return cfg_error(g, d, "the licence needs '%s'", req[i]);
	l->path = arena_strdup(m->arena, path);
	l->line = cfg_line(g);
	if (cfg_string(g, "holder", &s, d) > 0)
		l->holder = arena_strdup(m->arena, s);
	if (cfg_string(g, "number", &s, d) > 0)
		l->number = arena_strdup(m->arena, s);
	if (cfg_string(g, "type", &s, d) > 0)
		l->type = arena_strdup(m->arena, s);
	if (cfg_date(g, "issued", &l->issued, d) < 0 || cfg_date(g, "expires", &l->expires, d) < 0)
		return -1;
	l->expires_line = cfg_line(config_setting_get_member(g, "expires"));
	if (config_setting_get_member(g, "issued") != NULL && l->issued > l->expires)
		return cfg_error(config_setting_get_member(g, "expires"), d,
		    "the licence expires before it was issued");
	if (read_capacity(g, l, d) < 0 ||
	    cfg_strings(g, "coverage", m->arena, &l->coverage, &l->ncoverage, d) < 0 ||
	    cfg_strings(g, "caller_numbers", m->arena, &l->caller_numbers, &l->ncaller_numbers, d) < 0 ||
	    cfg_bool(g, "outbound_commitment", &l->outbound_commitment, d) < 0)
		return -1;
	l->caller_numbers_line = cfg_line(config_setting_get_member(g, "caller_numbers"));
	if (cfg_strings(g, "purposes", m->arena, &purposes, &npurposes, d) < 0)
		return -1;
	l->purposes_line = cfg_line(config_setting_get_member(g, "purposes"));
	for (size_t i = 0; i < npurposes; i++) {
		int bit = purpose_parse(purposes[i]);

		if (bit < 0)
			return cfg_error(config_setting_get_member(g, "purposes"), d,
			    "unknown purpose \"%s\" in the licence", purposes[i]);
		l->purposes |= 1u << bit;
	}
	if (m->licence != NULL)
		return cfg_error(g, d, "a second licence; the audit already has %s (give one licence)",
		    m->licence->path);
	m->licence = l;
	return 0;
}

int
native_licence_parse(const char *path, struct model *m, struct diag *d)
{
	static const struct cfg_key top[] = { { "licence", CFG_GROUP }, { NULL, 0 } };
	config_t cfg;
	int rc = -1;

	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), top, "a licence file", d) < 0)
		goto out;
	if (config_lookup(&cfg, "licence") == NULL) {
		diag_set(d, path, 0, "no licence: expected licence = { holder = \"…\"; … };");
		goto out;
	}
	rc = read_licence(config_lookup(&cfg, "licence"), m, path, d);
out:
	config_destroy(&cfg);
	return rc;
}
