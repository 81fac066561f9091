/* Weekly schedules: parsing, set arithmetic and formatting. */
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/cfg.h"
#include "util/i18n.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

static int
cmp_iv(const void *a, const void *b)
{
	const struct sched_iv *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

void
schedule_from_intervals(const struct sched_iv *in, size_t n, struct arena *a,
    struct schedule *out)
{
	struct sched_iv *tmp = xmalloc(sizeof(*tmp) * (2 * n + 1));
	size_t m = 0, k = 0;

	for (size_t i = 0; i < n; i++) {
		int32_t s = in[i].start, e = in[i].end;

		if (e <= s)
			continue;
		s %= SECONDS_PER_WEEK;
		if (s < 0)
			s += SECONDS_PER_WEEK;
		e = s + (in[i].end - in[i].start);
		if (e > SECONDS_PER_WEEK) {
			tmp[m++] = (struct sched_iv){ s, SECONDS_PER_WEEK };
			tmp[m++] = (struct sched_iv){ 0, e - SECONDS_PER_WEEK };
		} else {
			tmp[m++] = (struct sched_iv){ s, e };
		}
	}
	qsort(tmp, m, sizeof(*tmp), cmp_iv);
	out->iv = arena_alloc(a, sizeof(*out->iv) * (m ? m : 1));
	for (size_t i = 0; i < m; i++) {
		if (k > 0 && tmp[i].start <= out->iv[k - 1].end) {
			if (tmp[i].end > out->iv[k - 1].end)
				out->iv[k - 1].end = tmp[i].end;
		} else {
			out->iv[k++] = tmp[i];
		}
	}
	out->n = k;
	free(tmp);
}

/* "HH:MM-HH:MM" (spaces around '-' allowed). */
static bool
parse_window(const char *s, int32_t *from, int32_t *to)
{
	char a[16], b[16];
	const char *dash = strchr(s, '-');
	size_t la, lb;

	if (dash == NULL)
		return false;
	la = (size_t)(dash - s);
	while (la > 0 && s[la - 1] == ' ')
		la--;
	while (*s == ' ' && la > 0) {
		s++;
		la--;
	}
	dash++;
	while (*dash == ' ')
		dash++;
	lb = strlen(dash);
	while (lb > 0 && dash[lb - 1] == ' ')
		lb--;
	if (la == 0 || la >= sizeof(a) || lb == 0 || lb >= sizeof(b))
		return false;
	memcpy(a, s, la);
	a[la] = '\0';
	memcpy(b, dash, lb);
	b[lb] = '\0';
	return parse_time_of_day(a, false, from) && parse_time_of_day(b, true, to);
}

static const char *const day_keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

#define MAX_WINDOWS_PER_KEY 32

/* Reads one key's windows as offsets within its day (end may pass 24:00). */
static int
parse_key(const config_setting_t *s, struct sched_iv *day, size_t *nday, struct diag *d)
{
	const char *key = config_setting_name(s);
	int len = config_setting_type(s) == CONFIG_TYPE_STRING ? 1 : config_setting_length(s);

	*nday = 0;
	if (len > MAX_WINDOWS_PER_KEY)
		return cfg_error(s, d, "too many windows in '%s' (at most %d a day)", key,
		    MAX_WINDOWS_PER_KEY);
	for (int i = 0; i < len; i++) {
		const char *w = config_setting_type(s) == CONFIG_TYPE_STRING ?
		    config_setting_get_string(s) :
		    config_setting_get_string(config_setting_get_elem(s, (unsigned)i));
		int32_t from, to, span;

		if (!parse_window(w, &from, &to))
			return cfg_error(s, d, "window \"%s\" in '%s' is not HH:MM-HH:MM with valid "
			    "times (00:00 to 24:00)", w, key);
		if (from == to || (from == 0 && to == 0))
			return cfg_error(s, d, "window \"%s\" in '%s' is empty", w, key);
		/* A window ending at or before it starts crosses midnight. */
		span = to > from ? to - from : SECONDS_PER_DAY - from + to;
		for (size_t j = 0; j < *nday; j++)
			if (from < day[j].end && day[j].start < from + span)
				return cfg_error(s, d, "windows in '%s' overlap: \"%s\" and an earlier one",
				    key, w);
		day[(*nday)++] = (struct sched_iv){ from, from + span };
	}
	return 0;
}

int
schedule_parse(const config_setting_t *group, struct arena *a, struct schedule *out,
    struct diag *d)
{
	static const struct cfg_key keys[] = {
		{ "mon", CFG_STRINGS }, { "tue", CFG_STRINGS }, { "wed", CFG_STRINGS },
		{ "thu", CFG_STRINGS }, { "fri", CFG_STRINGS }, { "sat", CFG_STRINGS },
		{ "sun", CFG_STRINGS }, { "weekdays", CFG_STRINGS }, { "weekend", CFG_STRINGS },
		{ "daily", CFG_STRINGS }, { NULL, 0 },
	};
	struct sched_iv all[7 * MAX_WINDOWS_PER_KEY], day[MAX_WINDOWS_PER_KEY];
	size_t nall = 0, nday;

	if (config_setting_type(group) != CONFIG_TYPE_GROUP)
		return cfg_error(group, d, "windows must be a group such as { daily = [\"08:00-21:00\"]; }");
	if (cfg_check_keys(group, keys, "windows", d) < 0)
		return -1;
	/* Every key is checked, also one that day keys shadow: a typo there
	 * would bite the day someone removes the override. */
	for (int i = 0; i < config_setting_length(group); i++)
		if (parse_key(config_setting_get_elem(group, (unsigned)i), day, &nday, d) < 0)
			return -1;
	for (int wd = 0; wd < 7; wd++) {
		const config_setting_t *s = config_setting_get_member(group, day_keys[wd]);

		if (s == NULL)
			s = config_setting_get_member(group, wd < 5 ? "weekdays" : "weekend");
		if (s == NULL)
			s = config_setting_get_member(group, "daily");
		if (s == NULL)
			continue;
		parse_key(s, day, &nday, d);
		for (size_t j = 0; j < nday; j++) {
			all[nall].start = wd * SECONDS_PER_DAY + day[j].start;
			all[nall].end = wd * SECONDS_PER_DAY + day[j].end;
			nall++;
		}
	}
	schedule_from_intervals(all, nall, a, out);
	return 0;
}

bool
schedule_contains(const struct schedule *s, int32_t t)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->iv[mid].end <= t)
			lo = mid + 1;
		else if (s->iv[mid].start > t)
			hi = mid;
		else
			return true;
	}
	return false;
}

void
schedule_subtract(const struct schedule *a, const struct schedule *b, struct arena *ar,
    struct schedule *out)
{
	struct sched_iv *res = xmalloc(sizeof(*res) * (a->n + b->n + 1));
	size_t m = 0, j = 0;

	for (size_t i = 0; i < a->n; i++) {
		int32_t cur = a->iv[i].start, end = a->iv[i].end;

		while (j < b->n && b->iv[j].end <= cur)
			j++;
		for (size_t k = j; k < b->n && b->iv[k].start < end; k++) {
			if (b->iv[k].start > cur)
				res[m++] = (struct sched_iv){ cur, b->iv[k].start };
			if (b->iv[k].end > cur)
				cur = b->iv[k].end;
		}
		if (cur < end)
			res[m++] = (struct sched_iv){ cur, end };
	}
	schedule_from_intervals(res, m, ar, out);
	free(res);
}

void
schedule_shift(const struct schedule *s, int32_t delta, struct arena *ar, struct schedule *out)
{
	struct sched_iv *tmp = xmalloc(sizeof(*tmp) * (s->n + 1));

	for (size_t i = 0; i < s->n; i++)
		tmp[i] = (struct sched_iv){ s->iv[i].start + delta, s->iv[i].end + delta };
	schedule_from_intervals(tmp, s->n, ar, out);
	free(tmp);
}

void
schedule_drop_days(const struct schedule *s, unsigned mask, struct arena *ar,
    struct schedule *out)
{
	struct sched_iv days[7];
	size_t n = 0;
	struct schedule barred;

	for (int wd = 0; wd < 7; wd++)
		if (mask & (1u << wd))
			days[n++] = (struct sched_iv){ wd * SECONDS_PER_DAY, (wd + 1) * SECONDS_PER_DAY };
	schedule_from_intervals(days, n, ar, &barred);
	schedule_subtract(s, &barred, ar, out);
}

int64_t
schedule_total(const struct schedule *s)
{
	int64_t t = 0;

	for (size_t i = 0; i < s->n; i++)
		t += s->iv[i].end - s->iv[i].start;
	return t;
}

static void
format_point(int32_t t, bool with_day, char *buf, size_t size)
{
	char tod[16];
	int wd = t / SECONDS_PER_DAY;

	format_time_of_day(t % SECONDS_PER_DAY, tod, sizeof(tod));
	if (with_day)
		snprintf(buf, size, "%s %s", weekday_name(wd % 7), tod);
	else
		snprintf(buf, size, "%s", tod);
}

void
schedule_format_iv(const struct sched_iv *iv, char *buf, size_t size)
{
	char a[32], b[32];
	int sd = iv->start / SECONDS_PER_DAY;
	int ed = (iv->end - 1) / SECONDS_PER_DAY;

	format_point(iv->start, false, a, sizeof(a));
	if (ed == sd) {
		format_time_of_day(iv->end - sd * SECONDS_PER_DAY, b, sizeof(b));
		snprintf(buf, size, "%s %s–%s", weekday_name(sd), a, b);
	} else {
		format_point(iv->end, true, b, sizeof(b));
		snprintf(buf, size, "%s %s–%s", weekday_name(sd), a, b);
	}
}

void
schedule_format_day(const struct schedule *s, int wd, char *buf, size_t size)
{
	size_t used = 0;
	int32_t lo = wd * SECONDS_PER_DAY, hi = lo + SECONDS_PER_DAY;

	buf[0] = '\0';
	for (size_t i = 0; i < s->n && used < size; i++) {
		const struct sched_iv *iv = &s->iv[i];
		int32_t st = iv->start > lo ? iv->start : lo;
		int32_t en = iv->end < hi ? iv->end : hi;
		char a[16], b[16];

		if (st >= en)
			continue;
		format_time_of_day(st - lo, a, sizeof(a));
		format_time_of_day(en - lo, b, sizeof(b));
		used += (size_t)snprintf(buf + used, size - used, "%s%s–%s", used ? ", " : "", a, b);
	}
	if (used == 0)
		snprintf(buf, size, "%s", tr("none"));
}

void
schedule_format(const struct schedule *s, char *buf, size_t size)
{
	char days[7][256];
	size_t used = 0;

	for (int wd = 0; wd < 7; wd++)
		schedule_format_day(s, wd, days[wd], sizeof(days[wd]));
	buf[0] = '\0';
	for (int wd = 0; wd < 7 && used < size;) {
		int end = wd;

		while (end + 1 < 7 && strcmp(days[end + 1], days[wd]) == 0)
			end++;
		if (end == wd)
			used += (size_t)snprintf(buf + used, size - used, "%s%s %s", used ? "; " : "",
			    weekday_name(wd), days[wd]);
		else
			used += (size_t)snprintf(buf + used, size - used, "%s%s–%s %s",
			    used ? "; " : "", weekday_name(wd), weekday_name(end), days[wd]);
		wd = end + 1;
	}
}
