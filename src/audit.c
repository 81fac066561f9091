/* One audit run: reading inputs, loading the profile, running the checks. */
#include "audit.h"
#include "checks/chartdata.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks/check.h"
#include "mapping.h"
#include "profile.h"
#include "util/arena.h"
#include "util/cfg.h"
#include "util/fsutil.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

#define SETTINGS_NAME "dialaudit.cfg"
#define MAX_WALK_DEPTH 32

static int64_t today_in_zone(const char *zone);

void
audit_init(struct audit *a, const struct audit_options *opt)
{
	memset(a, 0, sizeof(*a));
	a->opt = *opt;
	a->arena = arena_new();
	leads_init(&a->leads);
	model_init(&a->model);
	findings_init(&a->findings);
}

void
audit_free(struct audit *a)
{
	if (a->have_events)
		events_free(&a->events);
	if (a->have_dnc)
		dnc_free(&a->dnc);
	if (a->have_waivers)
		waivers_free(&a->waivers);
	if (a->have_consent)
		consent_free(&a->consent);
	profile_free(a->profile);
	mapping_free(a->mapping);
	leads_free(&a->leads);
	model_free(&a->model);
	findings_free(&a->findings);
	for (size_t i = 0; i < a->nseen; i++)
		free(a->seen[i]);
	free(a->seen);
	free(a->inputs);
	arena_free(a->scratch);
	arena_free(a->arena);
	memset(a, 0, sizeof(*a));
}

static void
add_input(struct audit *a, const char *path, const char *kind, const char *format,
    const char *skipped)
{
	struct report_input *in;

	xgrow((void **)&a->inputs, &a->inputs_cap, a->ninputs + 1, sizeof(*in));
	in = &a->inputs[a->ninputs++];
	memset(in, 0, sizeof(*in));
	in->log_index = -1;
	in->path = arena_strdup(a->arena, path);
	in->kind = kind;
	in->format = format;
	in->skipped = skipped != NULL ? arena_strdup(a->arena, skipped) : NULL;
}

/* Remembers path as read; false when it was read before. */
static bool
mark_seen(struct audit *a, const char *path)
{
	char real[PATH_MAX];

	if (realpath(path, real) == NULL)
		snprintf(real, sizeof(real), "%s", path);
	for (size_t i = 0; i < a->nseen; i++)
		if (strcmp(a->seen[i], real) == 0)
			return false;
	xgrow((void **)&a->seen, &a->seen_cap, a->nseen + 1, sizeof(*a->seen));
	a->seen[a->nseen++] = xstrdup(real);
	return true;
}

bool
audit_is_input(const struct audit *a, const char *path)
{
	char real[PATH_MAX];

	if (realpath(path, real) == NULL)
		return false;
	for (size_t i = 0; i < a->nseen; i++)
		if (strcmp(a->seen[i], real) == 0)
			return true;
	return false;
}

bool
audit_output_is_input(const struct audit *a, const char *path)
{
	/* also the profile, its calendars, @included files and the baseline,
	 * and an input under another name (a hard link) */
	return audit_is_input(a, path) || fs_is_read_file(path);
}

int
audit_read_settings(struct audit *a, const char *dir, struct diag *d)
{
	static const struct cfg_key keys[] = { { "profile", CFG_STRING }, { "licence", CFG_STRING },
		{ "fail_on", CFG_STRING }, { "dnc", CFG_STRING }, { "consent", CFG_STRING },
		{ "log_tz", CFG_STRING }, { "mapping", CFG_STRING }, { "waivers", CFG_STRING },
		{ NULL, 0 } };
	char path[PATH_MAX + 32], joined[PATH_MAX + 300];
	struct stat st;
	config_t cfg;
	const char *s;
	int rc = -1;

	snprintf(path, sizeof(path), "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
	    SETTINGS_NAME);
	if (stat(path, &st) != 0)
		return 0;
	if (a->settings_path != NULL)
		return diag_set(d, path, 0, "a second %s; only one scanned folder may have one (the "
		    "first was %s)", SETTINGS_NAME, a->settings_path);
	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), keys, SETTINGS_NAME, d) < 0)
		goto out;
	a->settings_path = arena_strdup(a->arena, path);
	if (cfg_string(config_root_setting(&cfg), "profile", &s, d) > 0) {
		/* A profile path is relative to the settings file; an id is an id. */
		if (strchr(s, '/') != NULL || strstr(s, ".cfg") != NULL)
			s = fs_join(dir, s, joined, sizeof(joined));
		a->settings_profile = arena_strdup(a->arena, s);
	}
	if (cfg_string(config_root_setting(&cfg), "licence", &s, d) > 0)
		a->settings_licence = arena_strdup(a->arena, fs_join(dir, s, joined, sizeof(joined)));
	if (cfg_string(config_root_setting(&cfg), "dnc", &s, d) > 0)
		a->settings_dnc = arena_strdup(a->arena, fs_join(dir, s, joined, sizeof(joined)));
	if (cfg_string(config_root_setting(&cfg), "consent", &s, d) > 0)
		a->settings_consent = arena_strdup(a->arena, fs_join(dir, s, joined, sizeof(joined)));
	if (cfg_string(config_root_setting(&cfg), "waivers", &s, d) > 0)
		a->settings_waivers = arena_strdup(a->arena, fs_join(dir, s, joined, sizeof(joined)));
	if (cfg_string(config_root_setting(&cfg), "log_tz", &s, d) > 0)
		a->settings_log_tz = arena_strdup(a->arena, s);
	if (cfg_string(config_root_setting(&cfg), "mapping", &s, d) > 0)
		a->settings_mapping = arena_strdup(a->arena, fs_join(dir, s, joined, sizeof(joined)));
	if (cfg_string(config_root_setting(&cfg), "fail_on", &s, d) > 0) {
		if (severity_parse(s) < 0) {
			cfg_error(config_lookup(&cfg, "fail_on"), d, "fail_on \"%s\" is not info, low, "
			    "medium, high, critical or never", s);
			goto out;
		}
		a->settings_fail_on = arena_strdup(a->arena, s);
	}
	mark_seen(a, path);
	add_input(a, path, "settings", "dialaudit-settings", NULL);
	rc = 0;
out:
	config_destroy(&cfg);
	return rc;
}

int
audit_settings_fail_on(const struct audit *a)
{
	return a->settings_fail_on != NULL ? severity_parse(a->settings_fail_on) : -1;
}

static int
read_file(struct audit *a, const char *path, const struct adapter *ad, struct diag *d)
{
	size_t files = a->model.log.nfiles;

	if (!mark_seen(a, path))
		return 0;
	if (ad->parse(path, &a->model, d) < 0)
		return -1;
	add_input(a, path, input_kind_name(ad->kind), ad->name, NULL);
	if (a->model.log.nfiles > files)
		a->inputs[a->ninputs - 1].log_index = (long)files;
	return 0;
}

static void
add_list_input(struct audit *a, const char *path, const char *kind, const char *format,
    uint64_t rows, uint64_t rejected, uint32_t bad_line, const char *bad_reason)
{
	struct report_input *in;

	mark_seen(a, path);
	add_input(a, path, kind, format, NULL);
	in = &a->inputs[a->ninputs - 1];
	in->has_rows = true;
	in->list_rows = rows;
	in->list_rejected = rejected;
	in->list_bad_line = bad_line;
	in->list_bad_reason = bad_reason;
}

/* DNC and consent lists: read once, before the logs that they judge. */
static int
load_lists(struct audit *a, struct diag *d)
{
	const char *dnc = a->opt.dnc != NULL ? a->opt.dnc : a->settings_dnc;
	const char *consent = a->opt.consent != NULL ? a->opt.consent : a->settings_consent;

	if (dnc != NULL) {
		if (fs_check_readable_file(dnc, d) < 0 ||
		    dnc_load(dnc, &a->profile->numbering, &a->dnc, d) < 0)
			return -1;
		a->have_dnc = true;
		add_list_input(a, dnc, "number-list", "dnc-list", a->dnc.rows, a->dnc.rejected, a->dnc.first_bad_line,
		    a->dnc.first_bad_reason);
	}
	if (consent != NULL) {
		if (fs_check_readable_file(consent, d) < 0 ||
		    consent_load(consent, &a->profile->numbering, a->model.log_opts.zone, &a->consent,
		    d) < 0)
			return -1;
		a->have_consent = true;
		add_list_input(a, consent, "number-list", "consent-records", a->consent.rows, a->consent.rejected,
		    a->consent.first_bad_line, a->consent.first_bad_reason);
	}
	return 0;
}

/* Lead lists: read after the mapping and the profile's numbering they need. */
static int
load_leads(struct audit *a, struct diag *d)
{
	for (size_t i = 0; i < a->opt.nleads; i++) {
		const char *path = a->opt.leads[i];
		const struct lead_file *f;

		bool again = false;

		if (fs_check_readable_file(path, d) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			again |= strcmp(a->opt.leads[k], path) == 0;
		if (again)
			continue; /* named twice: its leads are counted once */
		mark_seen(a, path);
		if (leads_load(&a->leads, path, a->mapping, &a->profile->numbering, d) < 0)
			return -1;
		f = &a->leads.v[a->leads.n - 1];
		add_list_input(a, path, "lead-list", f->format, f->rows, f->rejected,
		    f->nbad > 0 ? f->bad[0].line : 0, f->nbad > 0 ? f->bad[0].reason : NULL);
	}
	return 0;
}

/* adapter_detect's reason when a file opened but a read failed, or (named)
 * when it did not open (errno set): an input error, not a file of no known
 * format. A file a scan finds that does not open is listed as skipped. */
static bool
unreadable(const char *why, bool named)
{
	return strncmp(why, "cannot be read", 14) == 0 ||
	    (named && strncmp(why, "cannot be opened", 16) == 0);
}

/* "cannot be read: Input/output error" → "FILE: cannot read: Input/output error" */
static int
detect_error(const char *path, const char *why, struct diag *d)
{
	const char *reason = strchr(why, ':');

	return diag_set(d, path, 0, "cannot %s%s", strncmp(why, "cannot be read", 14) == 0 ?
	    "read" : "open", reason != NULL ? reason : "");
}

int
audit_prepare(struct audit *a, struct diag *d)
{
	const char *profile = a->opt.profile != NULL ? a->opt.profile : a->settings_profile;
	const char *licence = a->opt.licence != NULL ? a->opt.licence : a->settings_licence;
	const char *mapping = a->opt.mapping != NULL ? a->opt.mapping : a->settings_mapping;

	if (profile == NULL)
		return diag_set(d, NULL, 0, "no profile: give --profile ID or FILE (run 'dialaudit "
		    "profiles' to list the built-in ones), or set profile in %s", SETTINGS_NAME);
	if (profile_load(profile, &a->profile, d) < 0)
		return -1;
	if (a->opt.today == AUDIT_TODAY_NOW)
		a->opt.today = today_in_zone(a->profile->timezone);
	{
		const char *tz = a->opt.log_tz != NULL ? a->opt.log_tz :
		    a->settings_log_tz != NULL ? a->settings_log_tz : a->profile->timezone;

		struct diag zd;

		a->model.log_opts.zone = tz_get(tz, &zd);
		if (a->model.log_opts.zone == NULL)
			return diag_set(d, a->opt.log_tz != NULL ? NULL : a->settings_path, 0,
			    "log_tz: %s", zd.message);
		a->model.log_opts.numbering = &a->profile->numbering;
		a->model.log_opts.jobs = a->opt.jobs > 0 ? a->opt.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
	}
	if (mapping != NULL) {
		/* Its own time.zone, if any, wins over the zone above for generic-csv files. */
		if (mapping_load(mapping, &a->mapping, d) < 0)
			return -1;
		a->model.log_opts.format_state = a->mapping;
		mark_seen(a, mapping);
		add_input(a, mapping, "mapping", "dialaudit-mapping", NULL);
	}
	if (load_lists(a, d) < 0 || load_leads(a, d) < 0)
		return -1;
	{
		const char *w = a->opt.waivers != NULL ? a->opt.waivers : a->settings_waivers;

		if (w != NULL) {
			if (waivers_load(w, &a->profile->numbering, &a->waivers, d) < 0) {
				waivers_free(&a->waivers);
				return -1;
			}
			a->have_waivers = true;
			mark_seen(a, w);
			add_input(a, w, "waivers", "dialaudit-waivers", NULL);
		}
	}
	if (licence != NULL) {
		const char *why = NULL;
		const struct adapter *ad;

		if (fs_check_readable_file(licence, d) < 0)
			return -1;
		ad = adapter_detect(licence, KIND_LICENCE, &a->model, &why);
		if (ad == NULL && unreadable(why, true))
			return detect_error(licence, why, d);
		if (ad == NULL)
			return diag_set(d, licence, 0, "not a licence file (%s); expected "
			    "licence = { holder = \"…\"; number = \"…\"; expires = \"YYYY-MM-DD\"; … };", why);
		return read_file(a, licence, ad, d);
	}
	return 0;
}

/* Today's date where the profile's regulator sits. */
static int64_t
today_in_zone(const char *zone)
{
	struct diag d;
	const struct tz_zone *z = tz_get(zone, &d);
	int64_t now = (int64_t)time(NULL);

	if (z != NULL)
		now += tz_offset_at(z, now);
	return days_from_seconds(now);
}

static int
cmp_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int walk(struct audit *a, const char *dir, enum input_kind kind, int depth, struct diag *d);

/* The adapter --log-format or --config-format names for files of kind k; NULL: detect. */
static const char *
override(const struct audit *a, enum input_kind k)
{
	return k == KIND_CALL_LOG ? a->opt.log_format : k == KIND_CAMPAIGN ? a->opt.config_format :
	    NULL;
}

/* The adapter for a file detected as ad: an override applies to files of
 * its kind, so detection still tells a log from a configuration. */
static const struct adapter *
forced(const struct audit *a, const struct adapter *ad)
{
	const char *name = override(a, ad->kind);

	return name != NULL ? adapter_find(name) : ad;
}

static int
walk_entry(struct audit *a, const char *path, const char *name, enum input_kind kind, int depth,
    struct diag *d)
{
	struct stat lst, st;
	const struct adapter *ad;
	const char *why = NULL;

	if (lstat(path, &lst) != 0) {
		add_input(a, path, NULL, NULL, strerror(errno));
		return 0;
	}
	if (name[0] == '.') {
		add_input(a, path, NULL, NULL, "hidden");
		return 0;
	}
	if (S_ISLNK(lst.st_mode)) {
		if (stat(path, &st) != 0) {
			add_input(a, path, NULL, NULL, "broken or looping symbolic link");
			return 0;
		}
		if (S_ISDIR(st.st_mode)) {
			add_input(a, path, NULL, NULL, "symbolic link to a folder (not followed)");
			return 0;
		}
	} else {
		st = lst;
	}
	if (S_ISDIR(st.st_mode))
		return walk(a, path, kind, depth + 1, d);
	if (!S_ISREG(st.st_mode)) {
		add_input(a, path, NULL, NULL, "not a regular file");
		return 0;
	}
	if (audit_is_input(a, path))
		return 0; /* already read: the settings, or the licence they name */
	if (strcmp(name, SETTINGS_NAME) == 0) {
		add_input(a, path, NULL, NULL, "settings of a sub-folder (only those of the folders "
		    "named on the command line are read)");
		return 0;
	}
	ad = adapter_detect(path, kind, &a->model, &why);
	if (ad == NULL && unreadable(why, false))
		return detect_error(path, why, d);
	if (ad == NULL) {
		add_input(a, path, NULL, NULL, why);
		return 0;
	}
	if (ad->kind == KIND_LEAD_LIST) {
		add_input(a, path, NULL, NULL, "lead list: use config --leads");
		return 0;
	}
	return read_file(a, path, forced(a, ad), d);
}

static int
walk(struct audit *a, const char *dir, enum input_kind kind, int depth, struct diag *d)
{
	DIR *dp;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (depth > MAX_WALK_DEPTH) {
		add_input(a, dir, NULL, NULL, "folders nested too deep");
		return 0;
	}
	dp = opendir(dir);
	if (dp == NULL) {
		add_input(a, dir, NULL, NULL, strerror(errno));
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	/* Sorted, so reports do not depend on the file system's order. */
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++) {
		char path[PATH_MAX];

		if (rc == 0) {
			snprintf(path, sizeof(path), "%s%s%s", dir,
			    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
			rc = walk_entry(a, path, names[i], kind, depth, d);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
audit_add(struct audit *a, const char *path, enum input_kind kind, bool walk_dirs, struct diag *d)
{
	struct stat st;
	const struct adapter *ad;
	const char *why = NULL;

	if (stat(path, &st) != 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		if (!walk_dirs)
			return diag_set(d, path, 0, "is a directory; give files here, or use "
			    "'dialaudit scan' to walk a folder");
		return walk(a, path, kind, 0, d);
	}
	if (fs_check_readable_file(path, d) < 0)
		return -1;
	if (kind == KIND_CALL_LOG && st.st_size == 0 && mark_seen(a, path)) {
		/* a day without calls leaves an empty log: no rows, not an error */
		add_input(a, path, input_kind_name(KIND_CALL_LOG), "empty", NULL);
		a->inputs[a->ninputs - 1].log_index = (long)calllog_add_file(&a->model.log, path, "empty");
		return 0;
	}
	if (override(a, kind) != NULL)
		return read_file(a, path, adapter_find(override(a, kind)), d);
	ad = adapter_detect(path, kind, &a->model, &why);
	if (ad == NULL && unreadable(why, true))
		return detect_error(path, why, d);
	/* A log named with a mapping in effect is read by it: its header then
	 * says which mapped column it lacks. */
	if (ad == NULL && kind == KIND_CALL_LOG && a->mapping != NULL && strcmp(why, "empty file"))
		ad = adapter_find("generic-csv");
	if (ad == NULL)
		return diag_set(d, path, 0, "%s: not a %s dialaudit can read", why,
		    kind == KIND__COUNT ? "file" : kind == KIND_CAMPAIGN ? "campaign configuration" :
		    input_kind_name(kind));
	return read_file(a, path, forced(a, ad), d);
}

/* Size, time and hash of each file read, so a report proves what it
 * audited. Call logs can be gigabytes: hashed only when asked. A campaign
 * file that also adds calls (an Asterisk call file) is small: hashed. A file
 * that can no longer be read fails the run: its evidence would be missing. */
static int
record_evidence(struct audit *a, struct diag *d)
{
	for (size_t i = 0; i < a->ninputs; i++) {
		struct report_input *in = &a->inputs[i];
		bool hash = in->log_index < 0 || a->opt.hash_logs ||
		    (in->kind != NULL && strcmp(in->kind, input_kind_name(KIND_CALL_LOG)) != 0);

		if (in->skipped != NULL)
			continue;
		if (fs_evidence(in->path, hash, &in->evidence, d) < 0)
			return -1;
		in->has_evidence = true;
	}
	return 0;
}

int
audit_check(struct audit *a, struct diag *d)
{
	struct check_ctx ctx = { 0 };

	ctx.profile = a->profile;
	ctx.licence = a->model.licence;
	ctx.campaigns = &a->model.campaigns;
	ctx.exposures = a->model.exposures;
	ctx.nexposures = a->model.nexposures;
	ctx.today = a->opt.today;
	ctx.show_numbers = a->opt.show_numbers;
	ctx.out = &a->findings;
	ctx.scratch = arena_new();
	checks_run_config(&ctx);
	if (a->opt.nleads > 0) {
		struct lead_scrub ls = { 0 };

		ls.profile = a->profile;
		ls.campaigns = &a->model.campaigns;
		ls.leads = &a->leads;
		ls.dnc = a->have_dnc ? &a->dnc : NULL;
		ls.consent = a->have_consent ? &a->consent : NULL;
		ls.today = a->opt.today;
		ls.show_numbers = a->opt.show_numbers;
		ls.out = &a->findings;
		ls.scratch = ctx.scratch;
		ls.details = a->opt.details;
		leads_scrub(&ls);
		a->lead_stats = ls.stats;
		a->have_leads = true;
		if (ls.details_errno != 0) {
			a->scratch = ctx.scratch; /* findings may point into it */
			return diag_set(d, NULL, 0, "cannot write the details rows to a temporary file: %s",
			    strerror(ls.details_errno));
		}
	}
	if (a->model.log.nfiles > 0) {
		struct event_ctx *e = &a->events;

		memset(e, 0, sizeof(*e));
		e->profile = a->profile;
		e->licence = a->model.licence;
		e->campaigns = &a->model.campaigns;
		e->log = &a->model.log;
		e->dnc = a->have_dnc ? &a->dnc : NULL;
		e->consent = a->have_consent ? &a->consent : NULL;
		e->capacity = a->opt.capacity > 0 ? a->opt.capacity :
		    a->model.licence != NULL ? a->model.licence->channels : 0;
		e->capacity_from_option = a->opt.capacity > 0;
		e->jobs = a->model.log_opts.jobs;
		e->show_numbers = a->opt.show_numbers;
		e->today = a->opt.today;
		e->out = &a->findings;
		e->scratch = ctx.scratch;
		e->details = a->opt.details;
		e->waivers = a->have_waivers ? &a->waivers : NULL;
		if (a->opt.charts)
			e->charts = chartdata_new(a->profile, &a->model.log);
		events_run(e);
		a->have_events = true;
		if (e->details_errno != 0) {
			a->scratch = ctx.scratch; /* findings may point into it */
			return diag_set(d, NULL, 0, "cannot write the details rows to a temporary file: %s",
			    strerror(e->details_errno));
		}
	}
	if (record_evidence(a, d) < 0) {
		a->scratch = ctx.scratch; /* findings may point into it */
		return -1;
	}
	for (size_t i = 0; i < a->ninputs; i++) {
		const struct report_input *in = &a->inputs[i];
		struct finding t = { 0 };

		if (in->list_rejected == 0)
			continue;
		/* a list row that is not read is a number that is not checked */
		t.rule = rule_find("input-rejected");
		t.severity = t.rule->severity;
		t.path = in->path;
		t.line = (int)in->list_bad_line;
		t.key = "rows";
		t.limit = tr("every row read");
		t.actual = arena_printf(ctx.scratch, tr("%llu of %llu rows rejected"),
		    (unsigned long long)in->list_rejected, (unsigned long long)in->list_rows);
		findings_add(&a->findings, &t, tr("%llu of %llu rows of the %s could not be read; first: "
		    "line %u: %s"), (unsigned long long)in->list_rejected,
		    (unsigned long long)in->list_rows, in->format, in->list_bad_line,
		    in->list_bad_reason);
	}
	if (a->mapping != NULL) {
		const char *values[8];
		size_t nvalues;
		uint64_t rows = mapping_unmapped(a->mapping, values, 8, &nvalues);

		if (rows > 0) {
			struct finding t = { 0 };
			char list[400] = "";
			size_t used = 0;

			for (size_t i = 0; i < nvalues && used < sizeof(list); i++)
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s\"%s\"",
				    i ? ", " : "", values[i]);
			/* read, but judged as neither answered nor abandoned: say so */
			t.rule = rule_find("input-rejected");
			t.severity = SEV_LOW;
			t.path = a->opt.mapping != NULL ? a->opt.mapping : a->settings_mapping;
			t.key = "dispositions/unmapped";
			t.limit = tr("every disposition value mapped");
			t.actual = arena_printf(ctx.scratch, rows == 1 ? tr("%llu row") : tr("%llu rows"),
			    (unsigned long long)rows);
			if (nvalues == 8 && used < sizeof(list))
				snprintf(list + used, sizeof(list) - used, ", …");
			findings_add(&a->findings, &t, rows == 1 ? tr("%llu row carries disposition values "
			    "the mapping does not list (%s); they were read as unknown: not answered, "
			    "abandoned, refused or machine") : tr("%llu rows carry disposition values the "
			    "mapping does not list (%s); they were read as unknown: not answered, abandoned, "
			    "refused or machine"), (unsigned long long)rows, list);
		}
	}
	if (a->have_waivers)
		waivers_apply(&a->waivers, &a->findings, a->opt.today);
	findings_sort(&a->findings);
	a->scratch = ctx.scratch; /* findings may point into it */
	return 0;
}
