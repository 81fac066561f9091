/* Jurisdiction profiles: loading, inheritance and validation. */
#include "profile.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "calendar.h"
#include "util/arena.h"
#include "util/cfg.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/regex.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

#ifndef DIALAUDIT_DATADIR
#define DIALAUDIT_DATADIR "/usr/local/share/dialaudit"
#endif

#define MAX_EXTENDS_DEPTH 8

static char exe_dir[2048];

void
profile_set_exe_dir(const char *dir)
{
	snprintf(exe_dir, sizeof(exe_dir), "%s", dir != NULL ? dir : "");
}

const char *const *
profile_dirs(void)
{
	static char dirs[4][2100];
	static const char *list[5];
	size_t n = 0;
	const char *env = getenv("DIALAUDIT_PROFILE_DIR");

	if (env != NULL && env[0] != '\0')
		snprintf(dirs[n], sizeof(dirs[n]), "%s", env), list[n] = dirs[n], n++;
	if (exe_dir[0] != '\0') {
		/* build tree: <build>/profiles; installed: <prefix>/bin/../share/dialaudit/profiles */
		snprintf(dirs[n], sizeof(dirs[n]), "%s/profiles", exe_dir), list[n] = dirs[n], n++;
		snprintf(dirs[n], sizeof(dirs[n]), "%s/../share/dialaudit/profiles", exe_dir),
		    list[n] = dirs[n], n++;
	}
	snprintf(dirs[n], sizeof(dirs[n]), "%s/profiles", DIALAUDIT_DATADIR), list[n] = dirs[n], n++;
	list[n] = NULL;
	return list;
}

static bool
is_regular(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
profile_list_builtin(void)
{
	const char *const *dirs = profile_dirs();
	char **ids = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; dirs[i] != NULL && n == 0; i++) {
		DIR *dir = opendir(dirs[i]);
		struct dirent *e;

		if (dir == NULL)
			continue;
		while ((e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);

			if (len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0 && e->d_name[0] != '.') {
				xgrow((void **)&ids, &cap, n + 2, sizeof(*ids));
				ids[n++] = xstrndup(e->d_name, len - 4);
			}
		}
		closedir(dir);
	}
	if (ids == NULL)
		ids = xcalloc(1, sizeof(*ids));
	qsort(ids, n, sizeof(*ids), cmp_str);
	ids[n] = NULL;
	return ids;
}

static bool
valid_id(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Resolves an id to a file: next to the referring file first, then the built-ins. */
static int
resolve(const char *id_or_path, const char *near_dir, const char *subdir, char *out, size_t size,
    struct diag *d)
{
	const char *const *dirs;
	size_t len = strlen(id_or_path);

	if (strchr(id_or_path, '/') != NULL || (len > 4 && strcmp(id_or_path + len - 4, ".cfg") == 0)) {
		/* A path inside a profile is relative to that profile's folder. */
		fs_join(near_dir, id_or_path, out, size);
		return 0;
	}
	if (!valid_id(id_or_path))
		return diag_set(d, NULL, 0, "'%s' is not a profile id (lower-case letters, digits, "
		    "'-' and '_'; or give a path to a .cfg file)", id_or_path);
	if (near_dir != NULL) {
		snprintf(out, size, "%s/%s%s%s.cfg", near_dir, subdir, *subdir ? "/" : "", id_or_path);
		if (is_regular(out))
			return 0;
	}
	dirs = profile_dirs();
	for (size_t i = 0; dirs[i] != NULL; i++) {
		snprintf(out, size, "%s/%s%s%s.cfg", dirs[i], subdir, *subdir ? "/" : "", id_or_path);
		if (is_regular(out))
			return 0;
	}
	return -1;
}

const char *
standing_name(enum standing s)
{
	switch (s) {
	case STANDING_LAW:
		return N_("law");
	case STANDING_GUIDANCE:
		return N_("regulator guidance");
	case STANDING_CARRIER_PRACTICE:
		return N_("carrier practice");
	}
	return "?";
}

const char *
standing_label(enum standing s)
{
	return tr(standing_name(s));
}

/* The words campaign and licence files use; purpose_label() shows them translated. */
static const char *const purpose_names[PURPOSE__COUNT] = {
	N_("marketing"), N_("service"), N_("collection"), N_("research"), N_("callback"),
	N_("political"), N_("charity"),
};

int
purpose_parse(const char *s)
{
	for (int i = 0; i < PURPOSE__COUNT; i++)
		if (strcasecmp(s, purpose_names[i]) == 0)
			return i;
	return -1;
}

const char *
purpose_name(int bit)
{
	return bit >= 0 && bit < PURPOSE__COUNT ? purpose_names[bit] : "?";
}

const char *
purpose_label(int bit)
{
	return bit >= 0 && bit < PURPOSE__COUNT ? tr(purpose_names[bit]) : "?";
}

void
purposes_format(unsigned mask, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < PURPOSE__COUNT && used < size; i++)
		if (mask & (1u << i))
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? tr(", ") : "",
			    tr(purpose_names[i]));
	if (used == 0)
		snprintf(buf, size, "%s", tr("none"));
}

/* ---- reading one file onto a profile ------------------------------------ */

struct loader {
	struct profile *p;
	const char *dir; /* directory of the file being applied */
	struct diag *d;
};

#define CITE_KEYS { "source", CFG_STRING }, { "standing", CFG_STRING }, \
	{ "note", CFG_STRING }, { "confirmed", CFG_BOOL }

static int
read_cite(struct loader *L, const config_setting_t *g, const char *what, struct citation *c)
{
	const char *s;

	if (cfg_string(g, "source", &s, L->d) <= 0)
		return config_setting_get_member(g, "source") != NULL ? -1 :
		    cfg_error(g, L->d, "%s has no 'source': every limit must cite its instrument "
		    "and section", what);
	c->source = arena_strdup(L->p->arena, s);
	if (cfg_string(g, "standing", &s, L->d) <= 0)
		return config_setting_get_member(g, "standing") != NULL ? -1 :
		    cfg_error(g, L->d, "%s has no 'standing' (law, guidance or carrier-practice)", what);
	if (strcmp(s, "law") == 0)
		c->standing = STANDING_LAW;
	else if (strcmp(s, "guidance") == 0)
		c->standing = STANDING_GUIDANCE;
	else if (strcmp(s, "carrier-practice") == 0)
		c->standing = STANDING_CARRIER_PRACTICE;
	else
		return cfg_error(config_setting_get_member(g, "standing"), L->d,
		    "'standing' is \"%s\"; expected law, guidance or carrier-practice", s);
	c->note = NULL;
	if (cfg_string(g, "note", &s, L->d) > 0)
		c->note = arena_strdup(L->p->arena, s);
	c->confirmed = true;
	if (cfg_bool(g, "confirmed", &c->confirmed, L->d) < 0)
		return -1;
	c->file = arena_strdup(L->p->arena, cfg_file(g));
	c->line = cfg_line(g);
	return 0;
}

static int
read_purposes(struct loader *L, const config_setting_t *g, const char *key, unsigned *mask)
{
	char **v;
	size_t n;
	int r = cfg_strings(g, key, L->p->arena, &v, &n, L->d);

	if (r <= 0)
		return r;
	*mask = 0;
	for (size_t i = 0; i < n; i++) {
		int bit = purpose_parse(v[i]);

		if (bit < 0)
			return cfg_error(config_setting_get_member(g, key), L->d,
			    "unknown call purpose \"%s\" (marketing, service, collection, research, "
			    "callback, political, charity)", v[i]);
		*mask |= 1u << bit;
	}
	return 1;
}

static int
read_regexes(struct loader *L, const config_setting_t *g, const char *key,
    struct regex_list **out)
{
	char **v;
	size_t n;
	const config_setting_t *s = config_setting_get_member(g, key);
	int r = cfg_strings(g, key, L->p->arena, &v, &n, L->d);

	if (r <= 0)
		return r;
	regex_list_free(*out);
	*out = NULL;
	return regex_list_compile(v, n, cfg_file(s), cfg_line(s), out, L->d) < 0 ? -1 : 1;
}

static int
load_calendar(struct loader *L, const config_setting_t *g, const char *id)
{
	char path[4200];
	struct calendar *cal;

	if (resolve(id, L->dir, "calendars", path, sizeof(path), L->d) < 0)
		return L->d->message[0] ? -1 :
		    cfg_error(config_setting_get_member(g, "holidays"), L->d,
		    "holiday calendar '%s' not found (looked for calendars/%s.cfg beside the profile "
		    "and in the built-in profile directories)", id, id);
	if (calendar_load(path, L->p->arena, &cal, L->d) < 0)
		return -1;
	L->p->hours.calendar = cal;
	L->p->hours.calendar_id = arena_strdup(L->p->arena, id);
	return 0;
}

static int
read_hours(struct loader *L, const config_setting_t *g)
{
	static const struct cfg_key keys[] = {
		{ "windows", CFG_GROUP }, { "barred_days", CFG_STRINGS }, { "holidays", CFG_STRING },
		{ "holidays_barred", CFG_BOOL }, { "workdays_as", CFG_STRING }, CITE_KEYS, { NULL, 0 },
	};
	struct limit_hours *h = &L->p->hours;
	const config_setting_t *w;
	const char *s;
	char **barred;
	size_t nbarred;
	int r;

	/* A group a profile sets replaces its parent's whole: no key of the
	 * parent's group survives, so a profile reads as what it says. */
	memset(h, 0, sizeof(*h));
	h->workday_as = -1;
	if (cfg_check_keys(g, keys, "calling_hours", L->d) < 0 ||
	    read_cite(L, g, "calling_hours", &h->cite) < 0)
		return -1;
	w = config_setting_get_member(g, "windows");
	if (w == NULL)
		return cfg_error(g, L->d, "calling_hours has no 'windows'");
	if (schedule_parse(w, L->p->arena, &h->windows, L->d) < 0)
		return -1;
	r = cfg_strings(g, "barred_days", L->p->arena, &barred, &nbarred, L->d);
	if (r < 0)
		return -1;
	if (r > 0) {
		h->nbarred_dates = 0;
		h->barred_dates = arena_alloc(L->p->arena, sizeof(int64_t) * (nbarred + 1));
		for (size_t i = 0; i < nbarred; i++) {
			int wd = weekday_parse(barred[i]);
			int64_t day;

			if (wd >= 0)
				h->barred_days |= 1u << wd;
			else if (parse_date(barred[i], &day))
				h->barred_dates[h->nbarred_dates++] = day;
			else
				return cfg_error(config_setting_get_member(g, "barred_days"), L->d,
				    "barred day \"%s\" is neither a weekday (mon … sun) nor a date "
				    "(YYYY-MM-DD)", barred[i]);
		}
	}
	if (h->barred_days != 0)
		schedule_drop_days(&h->windows, h->barred_days, L->p->arena, &h->windows);
	if (h->windows.n == 0)
		return cfg_error(w != NULL ? w : g, L->d,
		    "calling_hours permits no calling time at all (every window is empty or barred)");
	if (cfg_string(g, "holidays", &s, L->d) > 0 && load_calendar(L, g, s) < 0)
		return -1;
	if (cfg_bool(g, "holidays_barred", &h->holidays_barred, L->d) < 0)
		return -1;
	if (h->holidays_barred && h->calendar == NULL)
		return cfg_error(g, L->d, "holidays_barred = true needs a 'holidays' calendar");
	if (cfg_string(g, "workdays_as", &s, L->d) > 0) {
		h->workday_as = weekday_parse(s);
		if (h->workday_as < 0)
			return cfg_error(config_setting_get_member(g, "workdays_as"), L->d,
			    "'workdays_as' must be a weekday (mon … sun)");
	}
	h->set = true;
	return 0;
}

static int
read_frequency(struct loader *L, const config_setting_t *list)
{
	static const struct cfg_key keys[] = {
		{ "calls", CFG_INT }, { "window", CFG_STRING_OR_INT }, { "per", CFG_STRING },
		{ "days", CFG_INT }, CITE_KEYS, { NULL, 0 },
	};
	struct profile *p = L->p;
	int n = config_setting_length(list);

	p->nfrequency = 0;
	p->frequency = arena_alloc(p->arena, sizeof(*p->frequency) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		struct limit_frequency *f = &p->frequency[p->nfrequency];
		long long calls, days;
		const char *per;
		int rw, rd, rp;

		if (cfg_check_keys(g, keys, "a frequency limit", L->d) < 0 ||
		    read_cite(L, g, "a frequency limit", &f->cite) < 0)
			return -1;
		if (cfg_int(g, "calls", 1, 1000000, &calls, L->d) <= 0)
			return config_setting_get_member(g, "calls") != NULL ? -1 :
			    cfg_error(g, L->d, "a frequency limit needs 'calls' (at most this many "
			    "attempts per number)");
		f->calls = (int)calls;
		rw = cfg_duration(g, "window", false, &f->window, L->d);
		if (rw < 0 || (rd = cfg_int(g, "days", 1, 3650, &days, L->d)) < 0)
			return -1;
		rp = cfg_string(g, "per", &per, L->d);
		if (rp < 0)
			return -1;
		if ((rw > 0) + (rp > 0) + (rd > 0) > 1)
			return cfg_error(g, L->d, "a frequency limit has one of a rolling 'window', "
			    "per = \"day\" or 'days' (consecutive local calendar days), not several");
		if (rp > 0) {
			if (strcmp(per, "day") != 0)
				return cfg_error(config_setting_get_member(g, "per"), L->d,
				    "'per' must be \"day\" (a local calendar day)");
			f->calendar_day = true;
			f->days = 1;
			f->window = SECONDS_PER_DAY;
		} else if (rd > 0) {
			/* N calendar days span less than N x 24 h: the campaign check uses that window */
			f->days = (int)days;
			f->calendar_day = days == 1;
			f->window = (int64_t)days * SECONDS_PER_DAY;
		} else if (rw == 0) {
			return cfg_error(g, L->d, "a frequency limit needs a 'window' (e.g. \"24h\"), "
			    "per = \"day\" or 'days' (e.g. 30)");
		}
		p->nfrequency++;
	}
	p->frequency_cite.file = arena_strdup(p->arena, cfg_file(list));
	p->frequency_cite.line = cfg_line(list);
	return 0;
}

/* recall_after_abandon and recall_after_machine: the same keys. */
static int
read_recall(struct loader *L, const config_setting_t *root, const char *name,
    struct limit_recall *out)
{
	static const struct cfg_key k[] = { { "hours", CFG_INT }, { "live_agent_exempt", CFG_BOOL },
		CITE_KEYS, { NULL, 0 } };
	const config_setting_t *g = config_setting_get_member(root, name);
	long long v;

	if (g == NULL)
		return 0;
	if (cfg_check_keys(g, k, name, L->d) < 0 || read_cite(L, g, name, &out->cite) < 0)
		return -1;
	if (cfg_int(g, "hours", 1, 24 * 365, &v, L->d) <= 0)
		return L->d->line ? -1 : cfg_error(g, L->d, "%s needs 'hours'", name);
	out->hours = (int)v;
	out->live_agent_exempt = true;
	if (cfg_bool(g, "live_agent_exempt", &out->live_agent_exempt, L->d) < 0)
		return -1;
	out->set = true;
	return 0;
}

static int
read_simple_groups(struct loader *L, const config_setting_t *root)
{
	struct profile *p = L->p;
	const config_setting_t *g;
	struct diag *d = L->d;
	long long v;
	const char *s;

	if (read_recall(L, root, "recall_after_abandon", &p->recall_after_abandon) < 0 ||
	    read_recall(L, root, "recall_after_machine", &p->recall_after_machine) < 0)
		return -1;
	if ((g = config_setting_get_member(root, "wait_after_refusal")) != NULL) {
		static const struct cfg_key k[] = { { "days", CFG_INT }, { "forever", CFG_BOOL },
			CITE_KEYS, { NULL, 0 } };
		bool forever = false;
		int r;

		if (cfg_check_keys(g, k, "wait_after_refusal", d) < 0 ||
		    read_cite(L, g, "wait_after_refusal", &p->wait_after_refusal.cite) < 0 ||
		    cfg_bool(g, "forever", &forever, d) < 0 ||
		    (r = cfg_int(g, "days", 1, 36500, &v, d)) < 0)
			return -1;
		if ((r > 0) == forever)
			return cfg_error(g, d, "wait_after_refusal needs either 'days' or forever = true");
		p->wait_after_refusal.forever = forever;
		p->wait_after_refusal.days = r > 0 ? (int)v : 0;
		p->wait_after_refusal.set = true;
	}
	if ((g = config_setting_get_member(root, "wait_after_conversation")) != NULL) {
		static const struct cfg_key k[] = { { "days", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "wait_after_conversation", d) < 0 ||
		    read_cite(L, g, "wait_after_conversation", &p->wait_after_conversation.cite) < 0)
			return -1;
		if (cfg_int(g, "days", 1, 3650, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "wait_after_conversation needs 'days'");
		p->wait_after_conversation.days = (int)v;
		p->wait_after_conversation.set = true;
	}
	if ((g = config_setting_get_member(root, "abandon_rate")) != NULL) {
		static const struct cfg_key k[] = { { "max_percent", CFG_NUMBER },
			{ "window", CFG_STRING_OR_INT }, { "per", CFG_STRING },
			{ "denominator", CFG_STRING }, CITE_KEYS, { NULL, 0 } };
		int rw;

		if (cfg_check_keys(g, k, "abandon_rate", d) < 0 ||
		    read_cite(L, g, "abandon_rate", &p->abandon_rate.cite) < 0)
			return -1;
		if (cfg_number(g, "max_percent", 0, 100, &p->abandon_rate.max_percent, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "abandon_rate needs 'max_percent'");
		if ((rw = cfg_duration(g, "window", false, &p->abandon_rate.window, d)) < 0)
			return -1;
		p->abandon_rate.calendar_day = false;
		if (cfg_string(g, "per", &s, d) > 0) {
			if (strcmp(s, "day") != 0 || rw > 0)
				return cfg_error(g, d, "abandon_rate has a rolling 'window' or per = \"day\"");
			p->abandon_rate.calendar_day = true;
			p->abandon_rate.window = SECONDS_PER_DAY;
		} else if (rw == 0) {
			return cfg_error(g, d, "abandon_rate needs a 'window' (e.g. \"30d\") or per = \"day\"");
		}
		p->abandon_rate.denominator = DENOM_LIVE_ANSWERED;
		if (cfg_string(g, "denominator", &s, d) > 0) {
			if (strcmp(s, "live-answered") == 0)
				p->abandon_rate.denominator = DENOM_LIVE_ANSWERED;
			else if (strcmp(s, "answered") == 0)
				p->abandon_rate.denominator = DENOM_ANSWERED;
			else if (strcmp(s, "attempts") == 0)
				p->abandon_rate.denominator = DENOM_ATTEMPTS;
			else
				return cfg_error(config_setting_get_member(g, "denominator"), d,
				    "'denominator' must be live-answered, answered or attempts");
		}
		p->abandon_rate.set = true;
	}
	if ((g = config_setting_get_member(root, "abandon_message")) != NULL) {
		static const struct cfg_key k[] = { { "max_seconds", CFG_NUMBER },
			{ "required", CFG_BOOL }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "abandon_message", d) < 0 ||
		    read_cite(L, g, "abandon_message", &p->abandon_message.cite) < 0)
			return -1;
		if (cfg_number(g, "max_seconds", 0.1, 60, &p->abandon_message.max_seconds, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "abandon_message needs 'max_seconds'");
		p->abandon_message.required = true;
		if (cfg_bool(g, "required", &p->abandon_message.required, d) < 0)
			return -1;
		p->abandon_message.set = true;
	}
	if ((g = config_setting_get_member(root, "ring_time")) != NULL) {
		static const struct cfg_key k[] = { { "min_seconds", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "ring_time", d) < 0 ||
		    read_cite(L, g, "ring_time", &p->ring_time.cite) < 0)
			return -1;
		if (cfg_int(g, "min_seconds", 1, 600, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "ring_time needs 'min_seconds'");
		p->ring_time.min_seconds = (int)v;
		p->ring_time.set = true;
	}
	if ((g = config_setting_get_member(root, "caller_id")) != NULL) {
		static const struct cfg_key k[] = { { "required", CFG_BOOL }, { "allowed", CFG_STRINGS },
			{ "forbidden", CFG_STRINGS }, { "inbound_only", CFG_STRINGS }, CITE_KEYS,
			{ NULL, 0 } };

		regex_list_free(p->caller_id.allowed);
		regex_list_free(p->caller_id.forbidden);
		regex_list_free(p->caller_id.inbound_only);
		memset(&p->caller_id, 0, sizeof(p->caller_id));

		if (cfg_check_keys(g, k, "caller_id", d) < 0 ||
		    read_cite(L, g, "caller_id", &p->caller_id.cite) < 0 ||
		    cfg_bool(g, "required", &p->caller_id.required, d) < 0 ||
		    read_regexes(L, g, "allowed", &p->caller_id.allowed) < 0 ||
		    read_regexes(L, g, "forbidden", &p->caller_id.forbidden) < 0 ||
		    read_regexes(L, g, "inbound_only", &p->caller_id.inbound_only) < 0)
			return -1;
		p->caller_id.set = true;
	}
	if ((g = config_setting_get_member(root, "consent")) != NULL) {
		static const struct cfg_key k[] = { { "required_for", CFG_STRINGS }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "consent", d) < 0 ||
		    read_cite(L, g, "consent", &p->consent.cite) < 0)
			return -1;
		if (read_purposes(L, g, "required_for", &p->consent.purposes) <= 0)
			return d->line ? -1 : cfg_error(g, d, "consent needs 'required_for' (call purposes)");
		p->consent.set = true;
	}
	if ((g = config_setting_get_member(root, "dnc")) != NULL) {
		static const struct cfg_key k[] = { { "scrub_required", CFG_BOOL },
			{ "max_list_age_days", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		memset(&p->dnc, 0, sizeof(p->dnc));
		if (cfg_check_keys(g, k, "dnc", d) < 0 || read_cite(L, g, "dnc", &p->dnc.cite) < 0 ||
		    cfg_bool(g, "scrub_required", &p->dnc.scrub_required, d) < 0)
			return -1;
		p->dnc.max_list_age_days = 0;
		if (cfg_int(g, "max_list_age_days", 1, 3650, &v, d) < 0)
			return -1;
		if (config_setting_get_member(g, "max_list_age_days") != NULL)
			p->dnc.max_list_age_days = (int)v;
		p->dnc.set = true;
	}
	if ((g = config_setting_get_member(root, "blocked_destinations")) != NULL) {
		static const struct cfg_key k[] = { { "patterns", CFG_STRINGS }, CITE_KEYS, { NULL, 0 } };

		regex_list_free(p->blocked_destinations.patterns);
		memset(&p->blocked_destinations, 0, sizeof(p->blocked_destinations));
		if (cfg_check_keys(g, k, "blocked_destinations", d) < 0 ||
		    read_cite(L, g, "blocked_destinations", &p->blocked_destinations.cite) < 0)
			return -1;
		if (read_regexes(L, g, "patterns", &p->blocked_destinations.patterns) <= 0)
			return d->line ? -1 : cfg_error(g, d, "blocked_destinations needs 'patterns'");
		p->blocked_destinations.set = true;
	}
	if ((g = config_setting_get_member(root, "retention")) != NULL) {
		static const struct cfg_key k[] = { { "days", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "retention", d) < 0 ||
		    read_cite(L, g, "retention", &p->retention.cite) < 0)
			return -1;
		if (cfg_int(g, "days", 1, 36500, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "retention needs 'days'");
		p->retention.days = (int)v;
		p->retention.set = true;
	}
	if ((g = config_setting_get_member(root, "licence_renewal")) != NULL) {
		static const struct cfg_key k[] = { { "lead_days", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		if (cfg_check_keys(g, k, "licence_renewal", d) < 0 ||
		    read_cite(L, g, "licence_renewal", &p->licence_renewal.cite) < 0)
			return -1;
		if (cfg_int(g, "lead_days", 0, 3650, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "licence_renewal needs 'lead_days'");
		p->licence_renewal.lead_days = (int)v;
		p->licence_renewal.set = true;
	}
	if ((g = config_setting_get_member(root, "call_purpose")) != NULL) {
		static const struct cfg_key k[] = { { "forbidden", CFG_STRINGS },
			{ "licence_types", CFG_STRINGS }, CITE_KEYS, { NULL, 0 } };

		memset(&p->call_purpose, 0, sizeof(p->call_purpose));
		if (cfg_check_keys(g, k, "call_purpose", d) < 0 ||
		    read_cite(L, g, "call_purpose", &p->call_purpose.cite) < 0)
			return -1;
		if (read_purposes(L, g, "forbidden", &p->call_purpose.forbidden) <= 0)
			return d->line ? -1 : cfg_error(g, d, "call_purpose needs 'forbidden' (purposes)");
		p->call_purpose.nlicence_types = 0;
		if (cfg_strings(g, "licence_types", p->arena, &p->call_purpose.licence_types,
		    &p->call_purpose.nlicence_types, d) < 0)
			return -1;
		p->call_purpose.set = true;
	}
	if ((g = config_setting_get_member(root, "call_volume")) != NULL) {
		static const struct cfg_key k[] = { { "per_caller_hour", CFG_INT },
			{ "per_caller_day", CFG_INT }, CITE_KEYS, { NULL, 0 } };

		memset(&p->call_volume, 0, sizeof(p->call_volume));
		if (cfg_check_keys(g, k, "call_volume", d) < 0 ||
		    read_cite(L, g, "call_volume", &p->call_volume.cite) < 0 ||
		    cfg_int(g, "per_caller_hour", 1, 10000000, &v, d) < 0)
			return -1;
		if (config_setting_get_member(g, "per_caller_hour") != NULL)
			p->call_volume.per_hour = (int)v;
		if (cfg_int(g, "per_caller_day", 1, 100000000, &v, d) < 0)
			return -1;
		if (config_setting_get_member(g, "per_caller_day") != NULL)
			p->call_volume.per_day = (int)v;
		if (p->call_volume.per_hour == 0 && p->call_volume.per_day == 0)
			return cfg_error(g, d, "call_volume needs per_caller_hour or per_caller_day");
		p->call_volume.set = true;
	}
	if ((g = config_setting_get_member(root, "short_calls")) != NULL) {
		static const struct cfg_key k[] = { { "max_seconds", CFG_INT },
			{ "max_share_percent", CFG_NUMBER }, { "min_answered", CFG_INT }, CITE_KEYS,
			{ NULL, 0 } };

		memset(&p->short_calls, 0, sizeof(p->short_calls));
		if (cfg_check_keys(g, k, "short_calls", d) < 0 ||
		    read_cite(L, g, "short_calls", &p->short_calls.cite) < 0)
			return -1;
		if (cfg_int(g, "max_seconds", 1, 3600, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "short_calls needs 'max_seconds'");
		p->short_calls.max_seconds = (int)v;
		if (cfg_number(g, "max_share_percent", 0, 100, &p->short_calls.max_share_percent, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "short_calls needs 'max_share_percent'");
		p->short_calls.min_answered = 20;
		if (cfg_int(g, "min_answered", 1, 100000000, &v, d) < 0)
			return -1;
		if (config_setting_get_member(g, "min_answered") != NULL)
			p->short_calls.min_answered = (int)v;
		p->short_calls.set = true;
	}
	if ((g = config_setting_get_member(root, "capacity")) != NULL) {
		static const struct cfg_key k[] = { { "per_caller_number", CFG_INT }, CITE_KEYS,
			{ NULL, 0 } };

		if (cfg_check_keys(g, k, "capacity", d) < 0 ||
		    read_cite(L, g, "capacity", &p->capacity.cite) < 0)
			return -1;
		if (cfg_int(g, "per_caller_number", 1, 100000, &v, d) <= 0)
			return d->line ? -1 : cfg_error(g, d, "capacity needs 'per_caller_number'");
		p->capacity.per_caller_number = (int)v;
		p->capacity.set = true;
	}
	return 0;
}

static int
read_zone_map(struct loader *L, const config_setting_t *list)
{
	static const struct cfg_key k[] = { { "prefix", CFG_STRINGS }, { "zones", CFG_STRINGS },
		{ NULL, 0 } };
	struct profile *p = L->p;
	int n = config_setting_length(list);
	/* arena memory cannot grow in place: build on the heap, copy at the end
	 * (and free it on every error: it belongs to no profile yet) */
	struct zone_prefix *map = NULL;
	size_t cap = 0, nmap = 0;

	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		char **prefixes, **zones;
		size_t np, nz;

		if (cfg_check_keys(g, k, "a zone_map entry", L->d) < 0)
			goto fail;
		if (cfg_strings(g, "prefix", p->arena, &prefixes, &np, L->d) <= 0 ||
		    cfg_strings(g, "zones", p->arena, &zones, &nz, L->d) <= 0 || np == 0 || nz == 0) {
			if (L->d->line == 0)
				cfg_error(g, L->d, "a zone_map entry needs 'prefix' and 'zones'");
			goto fail;
		}
		for (size_t z = 0; z < nz; z++)
			if (tz_get(zones[z], L->d) == NULL) {
				cfg_error(g, L->d, "%s", L->d->message);
				goto fail;
			}
		for (size_t j = 0; j < np; j++) {
			struct zone_prefix *e;

			for (const char *c = prefixes[j]; *c; c++)
				if (*c < '0' || *c > '9') {
					cfg_error(g, L->d, "zone_map prefix \"%s\" must be digits", prefixes[j]);
					goto fail;
				}
			xgrow((void **)&map, &cap, nmap + 1, sizeof(*map));
			e = &map[nmap++];
			e->prefix = prefixes[j];
			e->zones = zones;
			e->nzones = nz;
		}
	}
	p->zone_map = NULL;
	p->nzone_map = nmap;
	if (nmap > 0) {
		p->zone_map = arena_alloc(p->arena, sizeof(*map) * nmap);
		memcpy(p->zone_map, map, sizeof(*map) * nmap);
	}
	free(map);
	return 0;
fail:
	free(map);
	return -1;
}

/*
 * zone_map is either a list of entries or the id of a shared table
 * (zones/<id>.cfg, found like calendars): one numbering plan serves several
 * profiles (NANP: us, its state profiles and ca).
 */
static int
read_zone_setting(struct loader *L, const config_setting_t *s)
{
	static const struct cfg_key top[] = { { "zone_map", CFG_LIST }, { NULL, 0 } };
	const char *id = config_setting_get_string(s);
	char path[4200];
	config_t cfg;
	int rc;

	if (config_setting_type(s) == CONFIG_TYPE_LIST)
		return read_zone_map(L, s);
	if (id == NULL)
		return cfg_error(s, L->d, "'zone_map' must be a list of entries or the id of a zone "
		    "table, e.g. \"nanp\"");
	if (resolve(id, L->dir, "zones", path, sizeof(path), L->d) < 0)
		return L->d->message[0] ? -1 : cfg_error(s, L->d, "zone table '%s' not found "
		    "(looked for zones/%s.cfg beside the profile and in the built-in profile "
		    "directories)", id, id);
	if (cfg_load_file(&cfg, path, L->d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), top, "a zone table", L->d) < 0) {
		config_destroy(&cfg);
		return -1;
	}
	s = config_setting_get_member(config_root_setting(&cfg), "zone_map");
	rc = s != NULL ? read_zone_map(L, s) :
	    cfg_error(config_root_setting(&cfg), L->d, "a zone table needs 'zone_map'");
	config_destroy(&cfg);
	return rc;
}

static const struct cfg_key top_keys[] = {
	{ "id", CFG_STRING }, { "name", CFG_STRING }, { "jurisdiction", CFG_STRING },
	{ "extends", CFG_STRING }, { "review_date", CFG_STRING }, { "sources", CFG_STRINGS },
	{ "timezone", CFG_STRING }, { "zones", CFG_STRINGS }, { "zone_map", CFG_ANY },
	{ "country_code", CFG_STRING }, { "trunk_prefix", CFG_STRING },
	{ "international_prefix", CFG_STRING }, { "national_number_length", CFG_INT },
	{ "calling_hours", CFG_GROUP }, { "frequency", CFG_LIST },
	{ "recall_after_abandon", CFG_GROUP }, { "recall_after_machine", CFG_GROUP },
	{ "wait_after_refusal", CFG_GROUP },
	{ "wait_after_conversation", CFG_GROUP },
	{ "abandon_rate", CFG_GROUP }, { "abandon_message", CFG_GROUP }, { "ring_time", CFG_GROUP },
	{ "caller_id", CFG_GROUP }, { "consent", CFG_GROUP }, { "dnc", CFG_GROUP },
	{ "blocked_destinations", CFG_GROUP }, { "retention", CFG_GROUP },
	{ "licence_renewal", CFG_GROUP }, { "call_purpose", CFG_GROUP }, { "capacity", CFG_GROUP },
	{ "call_volume", CFG_GROUP }, { "short_calls", CFG_GROUP },
	{ NULL, 0 },
};

static int
str_field(struct loader *L, const config_setting_t *root, const char *key, char **dst)
{
	const char *s;
	int r = cfg_string(root, key, &s, L->d);

	if (r > 0)
		*dst = arena_strdup(L->p->arena, s);
	return r;
}

static int
apply_file(struct loader *L, const config_setting_t *root, bool is_leaf)
{
	struct profile *p = L->p;
	const config_setting_t *s;
	char **src;
	size_t nsrc;
	long long v;
	int r;

	if (cfg_check_keys(root, top_keys, "a profile", L->d) < 0)
		return -1;
	/* Identity is never inherited: each file says who it is. */
	p->id = p->name = p->jurisdiction = p->review_date = NULL;
	if (str_field(L, root, "id", &p->id) <= 0 || str_field(L, root, "name", &p->name) <= 0 ||
	    str_field(L, root, "jurisdiction", &p->jurisdiction) <= 0 ||
	    str_field(L, root, "review_date", &p->review_date) <= 0) {
		if (L->d->line)
			return -1;
		return diag_set(L->d, cfg_file(root), 1, "a profile needs id, name, jurisdiction and "
		    "review_date");
	}
	if (!valid_id(p->id))
		return cfg_error(config_setting_get_member(root, "id"), L->d,
		    "profile id \"%s\" must be lower-case letters, digits, '-' and '_'", p->id);
	{
		int64_t day;

		if (!parse_date(p->review_date, &day))
			return cfg_error(config_setting_get_member(root, "review_date"), L->d,
			    "'review_date' = \"%s\" is not a date (YYYY-MM-DD)", p->review_date);
	}
	if ((r = cfg_strings(root, "sources", p->arena, &src, &nsrc, L->d)) < 0)
		return -1;
	if (r > 0) {
		char **all = arena_alloc(p->arena, sizeof(char *) * (p->nsources + nsrc + 1));

		if (p->nsources > 0)
			memcpy(all, p->sources, sizeof(char *) * p->nsources);
		memcpy(all + p->nsources, src, sizeof(char *) * nsrc);
		p->sources = all;
		p->nsources += nsrc;
	}
	if (is_leaf && p->nsources == 0)
		return diag_set(L->d, cfg_file(root), 1, "a profile needs a non-empty 'sources' list");
	if (str_field(L, root, "timezone", &p->timezone) < 0 ||
	    str_field(L, root, "country_code", &p->country_code) < 0 ||
	    str_field(L, root, "trunk_prefix", &p->trunk_prefix) < 0 ||
	    str_field(L, root, "international_prefix", &p->international_prefix) < 0)
		return -1;
	if ((s = config_setting_get_member(root, "timezone")) != NULL &&
	    tz_get(p->timezone, L->d) == NULL)
		return cfg_error(s, L->d, "%s", L->d->message);
	if ((r = cfg_strings(root, "zones", p->arena, &p->zones, &p->nzones, L->d)) < 0)
		return -1;
	for (size_t i = 0; r > 0 && i < p->nzones; i++)
		if (tz_get(p->zones[i], L->d) == NULL)
			return cfg_error(config_setting_get_member(root, "zones"), L->d, "%s",
			    L->d->message);
	if (cfg_int(root, "national_number_length", 3, 14, &v, L->d) < 0)
		return -1;
	if (config_setting_get_member(root, "national_number_length") != NULL)
		p->numbering.max_national_length = (int)v;
	if ((s = config_setting_get_member(root, "country_code")) != NULL) {
		size_t len = strlen(p->country_code);

		if (len == 0 || len > 3 || strspn(p->country_code, "0123456789") != len)
			return cfg_error(s, L->d, "'country_code' must be 1 to 3 digits, e.g. \"86\"");
	}
	if ((s = config_setting_get_member(root, "zone_map")) != NULL && read_zone_setting(L, s) < 0)
		return -1;
	if ((s = config_setting_get_member(root, "calling_hours")) != NULL && read_hours(L, s) < 0)
		return -1;
	if ((s = config_setting_get_member(root, "frequency")) != NULL && read_frequency(L, s) < 0)
		return -1;
	return read_simple_groups(L, root);
}

struct chain {
	char real[MAX_EXTENDS_DEPTH + 1][4200];
	int n;
};

static int
load_chain(struct profile *p, const char *id_or_path, const char *near_dir, struct chain *ch,
    struct diag *d)
{
	char path[4200], dir[4200];
	config_t cfg;
	const char *ext;
	struct loader L;
	int depth = ch->n;
	int rc = -1;

	if (resolve(id_or_path, near_dir, "", path, sizeof(path), d) < 0) {
		if (d->message[0] == '\0')
			diag_set(d, NULL, 0, "unknown profile '%s' (run 'dialaudit profiles' for the "
			    "built-in ones, or give a path to a .cfg file)", id_or_path);
		return -1;
	}
	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (realpath(path, ch->real[ch->n]) == NULL)
		snprintf(ch->real[ch->n], sizeof(ch->real[0]), "%s", path);
	for (int i = 0; i < ch->n; i++)
		if (strcmp(ch->real[i], ch->real[ch->n]) == 0) {
			diag_set(d, path, 0, "'extends' loops back to this profile");
			goto out;
		}
	ch->n++;
	fs_dirname(path, dir, sizeof(dir));
	if (cfg_string(config_root_setting(&cfg), "extends", &ext, d) < 0)
		goto out;
	if (config_setting_get_member(config_root_setting(&cfg), "extends") != NULL) {
		const config_setting_t *es = config_lookup(&cfg, "extends");

		if (ch->n > MAX_EXTENDS_DEPTH) {
			cfg_error(es, d, "'extends' nests deeper than %d levels", MAX_EXTENDS_DEPTH);
			goto out;
		}
		if (load_chain(p, ext, dir, ch, d) < 0) {
			if (d->line == 0)
				cfg_error(es, d, "extends \"%s\": %s", ext, d->message);
			goto out;
		}
		p->extends = arena_strdup(p->arena, ext);
	}
	L.p = p;
	L.dir = dir;
	L.d = d;
	if (apply_file(&L, config_root_setting(&cfg), depth == 0) < 0)
		goto out;
	p->path = arena_strdup(p->arena, path);
	rc = 0;
out:
	config_destroy(&cfg);
	return rc;
}

int
profile_load(const char *id_or_path, struct profile **out, struct diag *d)
{
	struct profile *p = xcalloc(1, sizeof(*p));
	struct chain *chain;

	p->arena = arena_new();
	p->hours.workday_as = -1;
	p->numbering.max_national_length = 11;
	chain = xcalloc(1, sizeof(*chain));
	d->message[0] = '\0';
	d->file[0] = '\0';
	d->line = 0;
	if (load_chain(p, id_or_path, NULL, chain, d) < 0)
		goto fail;
	if (p->timezone == NULL) {
		diag_set(d, p->path, 1, "profile '%s' sets no 'timezone' (directly or through extends)",
		    p->id);
		goto fail;
	}
	if (p->country_code == NULL) {
		diag_set(d, p->path, 1, "profile '%s' sets no 'country_code'", p->id);
		goto fail;
	}
	if (p->nzones == 0) {
		p->zones = arena_alloc(p->arena, sizeof(char *));
		p->zones[0] = p->timezone;
		p->nzones = 1;
	}
	/* Zones were checked on load; resolve them once for the log scanner. */
	p->zones_tz = arena_alloc(p->arena, sizeof(*p->zones_tz) * p->nzones);
	for (size_t i = 0; i < p->nzones; i++)
		p->zones_tz[i] = tz_get(p->zones[i], d);
	for (size_t i = 0; i < p->nzone_map; i++) {
		struct zone_prefix *e = &p->zone_map[i];

		e->zones_tz = arena_alloc(p->arena, sizeof(*e->zones_tz) * e->nzones);
		for (size_t z = 0; z < e->nzones; z++)
			e->zones_tz[z] = tz_get(e->zones[z], d);
	}
	p->numbering.country_code = p->country_code;
	p->numbering.trunk_prefix = p->trunk_prefix != NULL ? p->trunk_prefix : "";
	p->numbering.international_prefix = p->international_prefix != NULL ?
	    p->international_prefix : "00";
	free(chain);
	*out = p;
	return 0;
fail:
	free(chain);
	profile_free(p);
	return -1;
}

void
profile_free(struct profile *p)
{
	if (p == NULL)
		return;
	regex_list_free(p->caller_id.allowed);
	regex_list_free(p->caller_id.forbidden);
	regex_list_free(p->caller_id.inbound_only);
	regex_list_free(p->blocked_destinations.patterns);
	arena_free(p->arena);
	free(p);
}

static const struct zone_prefix *
zone_entry(const struct profile *p, const char *e164)
{
	const char *nsn = phone_national(e164, &p->numbering);
	size_t best = 0;
	const struct zone_prefix *hit = NULL;

	for (size_t i = 0; nsn != NULL && i < p->nzone_map; i++) {
		size_t len = strlen(p->zone_map[i].prefix);

		if (len > best && strncmp(nsn, p->zone_map[i].prefix, len) == 0) {
			best = len;
			hit = &p->zone_map[i];
		}
	}
	return hit;
}

void
profile_zone_tzs(const struct profile *p, const char *e164, const struct tz_zone *const **tzs,
    size_t *n)
{
	const struct zone_prefix *hit = zone_entry(p, e164);

	*tzs = hit != NULL ? hit->zones_tz : p->zones_tz;
	*n = hit != NULL ? hit->nzones : p->nzones;
}

void
profile_zones_for(const struct profile *p, const char *e164, const char *const **zones, size_t *n)
{
	const struct zone_prefix *hit = zone_entry(p, e164);

	*zones = (const char *const *)(hit != NULL ? hit->zones : p->zones);
	*n = hit != NULL ? hit->nzones : p->nzones;
}
