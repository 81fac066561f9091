/* Holiday calendars: loading and lookup. */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/cfg.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

struct named_day {
	int64_t day;
	char *name;
};

static int
cmp_named(const void *a, const void *b)
{
	return days_cmp(&((const struct named_day *)a)->day, &((const struct named_day *)b)->day);
}

static void
sort_named_days(int64_t *days, char **names, size_t n)
{
	struct named_day *v = xmalloc(sizeof(*v) * (n + 1));

	for (size_t i = 0; i < n; i++)
		v[i] = (struct named_day){ days[i], names[i] };
	qsort(v, n, sizeof(*v), cmp_named);
	for (size_t i = 0; i < n; i++) {
		days[i] = v[i].day;
		names[i] = v[i].name;
	}
	free(v);
}

static bool
find_day(const int64_t *v, size_t n, int64_t day, size_t *at)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < day)
			lo = mid + 1;
		else if (v[mid] > day)
			hi = mid;
		else {
			if (at != NULL)
				*at = mid;
			return true;
		}
	}
	return false;
}

/* Holidays are listed as ["YYYY-MM-DD", "name"] pairs or bare dates. */
static int
read_days(const config_setting_t *grp, const char *key, struct arena *a, int64_t **days,
    char ***names, size_t *n, struct diag *d)
{
	const config_setting_t *list = config_setting_get_member(grp, key);
	int len;

	*n = 0;
	if (list == NULL)
		return 0;
	if (config_setting_type(list) != CONFIG_TYPE_LIST && config_setting_type(list) != CONFIG_TYPE_ARRAY)
		return cfg_error(list, d, "'%s' must be a list", key);
	len = config_setting_length(list);
	*days = arena_alloc(a, sizeof(int64_t) * (size_t)(len + 1));
	if (names != NULL)
		*names = arena_alloc(a, sizeof(char *) * (size_t)(len + 1));
	for (int i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		const char *date = NULL, *name = "";

		if (config_setting_type(e) == CONFIG_TYPE_STRING) {
			date = config_setting_get_string(e);
		} else if (config_setting_type(e) == CONFIG_TYPE_ARRAY && config_setting_length(e) == 2 &&
		    config_setting_get_string_elem(e, 0) != NULL) {
			date = config_setting_get_string_elem(e, 0);
			name = config_setting_get_string_elem(e, 1);
		}
		if (date == NULL || !parse_date(date, &(*days)[i]))
			return cfg_error(list, d, "entry %d of '%s' is not \"YYYY-MM-DD\" or "
			    "[\"YYYY-MM-DD\", \"name\"]", i + 1, key);
		if (names != NULL)
			(*names)[i] = arena_strdup(a, name != NULL ? name : "");
	}
	*n = (size_t)len;
	return 0;
}

int
calendar_load(const char *path, struct arena *a, struct calendar **out, struct diag *d)
{
	static const struct cfg_key top[] = { { "calendar", CFG_GROUP }, { NULL, 0 } };
	static const struct cfg_key keys[] = {
		{ "id", CFG_STRING }, { "name", CFG_STRING }, { "source", CFG_STRING },
		{ "valid_from", CFG_STRING }, { "valid_until", CFG_STRING },
		{ "holidays", CFG_ANY }, { "working_days", CFG_STRINGS }, { NULL, 0 },
	};
	config_t cfg;
	const config_setting_t *g;
	struct calendar *c;
	const char *s;
	int rc = -1;

	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	if (cfg_check_keys(config_root_setting(&cfg), top, "a calendar file", d) < 0)
		goto out;
	g = config_lookup(&cfg, "calendar");
	if (g == NULL) {
		diag_set(d, path, 0, "not a calendar file: no 'calendar' group");
		goto out;
	}
	if (cfg_check_keys(g, keys, "calendar", d) < 0)
		goto out;
	c = arena_alloc(a, sizeof(*c));
	c->path = arena_strdup(a, path);
	if (cfg_string(g, "id", &s, d) <= 0) {
		if (d->message[0] == '\0' || config_setting_get_member(g, "id") == NULL)
			cfg_error(g, d, "calendar has no 'id'");
		goto out;
	}
	c->id = arena_strdup(a, s);
	c->name = cfg_string(g, "name", &s, d) > 0 ? arena_strdup(a, s) : c->id;
	c->source = cfg_string(g, "source", &s, d) > 0 ? arena_strdup(a, s) : arena_strdup(a, "");
	if (cfg_date(g, "valid_from", &c->valid_from, d) <= 0 ||
	    cfg_date(g, "valid_until", &c->valid_until, d) <= 0) {
		if (config_setting_get_member(g, "valid_from") == NULL ||
		    config_setting_get_member(g, "valid_until") == NULL)
			cfg_error(g, d, "calendar must say 'valid_from' and 'valid_until'");
		goto out;
	}
	if (c->valid_until < c->valid_from) {
		cfg_error(g, d, "'valid_until' is before 'valid_from'");
		goto out;
	}
	if (read_days(g, "holidays", a, &c->holidays, &c->holiday_names, &c->nholidays, d) < 0 ||
	    read_days(g, "working_days", a, &c->workdays, NULL, &c->nworkdays, d) < 0)
		goto out;
	sort_named_days(c->holidays, c->holiday_names, c->nholidays);
	if (c->nworkdays > 1)
		qsort(c->workdays, c->nworkdays, sizeof(int64_t), days_cmp);
	*out = c;
	rc = 0;
out:
	config_destroy(&cfg);
	return rc;
}

bool
calendar_is_holiday(const struct calendar *c, int64_t day, const char **name)
{
	size_t at;

	if (!find_day(c->holidays, c->nholidays, day, &at))
		return false;
	if (name != NULL)
		*name = c->holiday_names[at];
	return true;
}

bool
calendar_is_workday(const struct calendar *c, int64_t day)
{
	return find_day(c->workdays, c->nworkdays, day, NULL);
}

bool
calendar_covers(const struct calendar *c, int64_t day)
{
	return day >= c->valid_from && day <= c->valid_until;
}
