/* Mappings: loading and checking a mapping file, and what rows ask of it. */
#include "mapping.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calllog.h"
#include "util/arena.h"
#include "util/cfg.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

#define MAX_UNMAPPED_VALUES 8
#define MAX_VALUE_BYTES 64

struct map_value {
	const char *s;   /* trimmed */
	size_t n;
	int disp;        /* enum disposition; unused for consent values */
	size_t key;      /* its key in disp_keys */
};

struct mapping {
	const char *path;
	unsigned char delim;
	const char *cols[MAP__COUNT];
	const char *lead_cols[MAP_LEAD__COUNT];
	bool has_columns, has_leads;
	struct timefmt time;
	const struct tz_zone *zone;
	struct map_value *disps;
	size_t ndisps;
	struct map_value *consent;
	size_t nconsent;
	pthread_mutex_t lock;  /* guards the tally below */
	uint64_t unmapped;
	const char *unmapped_values[MAX_UNMAPPED_VALUES];
	size_t nunmapped_values;
	struct arena *arena;
};

static const char *const col_keys[MAP__COUNT] = {
	"number", "start", "caller_id", "campaign", "answer", "end", "duration", "ring",
	"disposition", "agent", "consent", "link",
};

static const char *const lead_col_keys[MAP_LEAD__COUNT] = {
	"number", "id", "phone_code", "state", "postal_code", "consent",
};

/* The keys of the dispositions group, and what each means. */
static const struct {
	const char *key;
	enum disposition disp;
} disp_keys[] = {
	{ "answered", DISP_ANSWERED }, { "no_answer", DISP_NO_ANSWER }, { "busy", DISP_BUSY },
	{ "failed", DISP_FAILED }, { "abandoned", DISP_ABANDONED }, { "refused", DISP_REFUSED },
	{ "machine", DISP_MACHINE },
};
#define NDISP_KEYS (sizeof(disp_keys) / sizeof(disp_keys[0]))

static const char *const default_consent[] = { "yes", "y", "1", "true" };


const char *
mapping_column_key(enum map_col c)
{
	return c < MAP__COUNT ? col_keys[c] : "?";
}


static struct text
text_of(const char *s)
{
	struct text t = { s, strlen(s) };

	return t;
}

static bool
same(struct text a, struct text b)
{
	return a.n == b.n && strncasecmp(a.p, b.p, a.n) == 0;
}

/* ---- time formats -------------------------------------------------------- */

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};

enum field { F_YEAR, F_MONTH, F_DAY, F_HOUR, F_MINUTE, F_SECOND };

static int
field_of(char dir)
{
	switch (dir) {
	case 'Y': case 'y':
		return F_YEAR;
	case 'm': case 'b':
		return F_MONTH;
	case 'd': case 'e':
		return F_DAY;
	case 'H':
		return F_HOUR;
	case 'M':
		return F_MINUTE;
	default:
		return F_SECOND;
	}
}

static int
add_op(struct timefmt *f, char dir, char lit, unsigned *seen, char *err, size_t errsize)
{
	static const char *const what[] = { "year", "month", "day", "hour", "minute", "second" };

	if (f->nops >= TIMEFMT_MAX_OPS) {
		snprintf(err, errsize, "is too long (at most %d directives and characters)",
		    TIMEFMT_MAX_OPS);
		return -1;
	}
	if (dir != 0) {
		int fl = field_of(dir);

		if (*seen & (1u << fl)) {
			snprintf(err, errsize, "gives the %s twice", what[fl]);
			return -1;
		}
		*seen |= 1u << fl;
	}
	f->ops[f->nops].dir = dir;
	f->ops[f->nops].lit = lit;
	f->nops++;
	return 0;
}

static int
add_ops(struct timefmt *f, const char *seq, unsigned *seen, char *err, size_t errsize)
{
	for (; *seq != '\0'; seq++)
		if (add_op(f, *seq == '%' ? seq[1] : 0, *seq == '%' ? 0 : *seq, seen, err, errsize) < 0)
			return -1;
		else if (*seq == '%')
			seq++;
	return 0;
}

int
timefmt_compile(const char *spec, struct timefmt *f, char *err, size_t errsize)
{
	unsigned seen = 0;
	int rc = 0;

	memset(f, 0, sizeof(*f));
	if (strcmp(spec, "epoch") == 0) {
		f->kind = TIMEFMT_EPOCH;
		return 0;
	}
	if (strcmp(spec, "epoch_ms") == 0) {
		f->kind = TIMEFMT_EPOCH_MS;
		return 0;
	}
	f->kind = TIMEFMT_PATTERN;
	if (*spec == '\0') {
		snprintf(err, errsize, "is empty (give a pattern such as \"%%Y-%%m-%%d %%H:%%M:%%S\", "
		    "or \"epoch\" or \"epoch_ms\")");
		return -1;
	}
	for (const char *p = spec; *p != '\0' && rc == 0; p++) {
		if (*p != '%') {
			rc = add_op(f, 0, *p, &seen, err, errsize);
			continue;
		}
		p++;
		switch (*p) {
		case '\0':
			snprintf(err, errsize, "ends with a lone %% (write %%%% for a percent sign)");
			return -1;
		case '%':
			rc = add_op(f, 0, '%', &seen, err, errsize);
			break;
		case 'T':
			rc = add_ops(f, "%H:%M:%S", &seen, err, errsize);
			break;
		case 'F':
			rc = add_ops(f, "%Y-%m-%d", &seen, err, errsize);
			break;
		case 'Y': case 'y': case 'm': case 'd': case 'e': case 'b': case 'H': case 'M': case 'S':
			rc = add_op(f, *p, 0, &seen, err, errsize);
			break;
		default:
			if (isprint((unsigned char)*p))
				snprintf(err, errsize, "has %%%c, which dialaudit does not support (supported: "
				    "%%Y %%y %%m %%d %%e %%b %%H %%M %%S %%T %%F %%%%, or \"epoch\" or "
				    "\"epoch_ms\")", *p);
			else
				snprintf(err, errsize, "has %% followed by byte 0x%02x, which is not a "
				    "directive", (unsigned char)*p);
			return -1;
		}
	}
	if (rc < 0)
		return -1;
	if ((seen & 7u) != 7u || (seen & (1u << F_HOUR)) == 0 || (seen & (1u << F_MINUTE)) == 0) {
		snprintf(err, errsize, "has no %s: a call's time needs the date and at least hours and "
		    "minutes (%%F or %%Y %%m %%d, and %%T or %%H %%M)",
		    !(seen & (1u << F_YEAR)) ? "year (%Y, %y or %F)" :
		    !(seen & (1u << F_MONTH)) ? "month (%m, %b or %F)" :
		    !(seen & (1u << F_DAY)) ? "day (%d, %e or %F)" :
		    !(seen & (1u << F_HOUR)) ? "hour (%H or %T)" : "minutes (%M or %T)");
		return -1;
	}
	return 0;
}

/* Up to max digits at s[*i]; at least min. */
static bool
take_digits(const char *s, size_t n, size_t *i, int min, int max, int *out)
{
	int v = 0, k = 0;

	while (k < max && *i < n && isdigit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	*out = v;
	return k >= min;
}

static bool
take_month(const char *s, size_t n, size_t *i, int *out)
{
	for (int m = 0; m < 12; m++) {
		const char *name = month_names[m];
		size_t full = strlen(name);

		if (n - *i >= 3 && strncasecmp(s + *i, name, 3) == 0) {
			*i += n - *i >= full && strncasecmp(s + *i, name, full) == 0 ? full : 3;
			*out = m + 1;
			return true;
		}
	}
	return false;
}

static int
parse_epoch(const struct timefmt *f, const char *s, size_t n, int64_t *out, const char **reason)
{
	size_t i = 0, max = f->kind == TIMEFMT_EPOCH ? 11 : 14;
	int64_t v = 0;

	while (i < n && isdigit((unsigned char)s[i])) {
		if (i >= max) {
			*reason = "epoch time too large";
			return -1;
		}
		v = v * 10 + (s[i] - '0');
		i++;
	}
	if (i == 0) {
		*reason = f->kind == TIMEFMT_EPOCH ? "time is not epoch seconds" :
		    "time is not epoch milliseconds";
		return -1;
	}
	/* Seconds may carry a fraction ("1706368044.123456"), dropped. */
	if (f->kind == TIMEFMT_EPOCH && i < n && s[i] == '.') {
		size_t j = ++i;

		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == j)
			i = j - 1; /* "123." : the dot is trailing garbage */
	}
	if (i != n) {
		*reason = "trailing characters after the time";
		return -1;
	}
	if (f->kind == TIMEFMT_EPOCH_MS)
		v /= 1000;
	if (v > days_from_civil(2099, 12, 31) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1) {
		*reason = "date outside 1970-2099";
		return -1;
	}
	*out = v;
	return 0;
}

int
timefmt_parse(const struct timefmt *f, const char *s, size_t n, const struct tz_zone *zone,
    int64_t *out, const char **reason)
{
	struct text t = { s, n };
	int v[6] = { 0, 0, 0, 0, 0, 0 };
	size_t i = 0;
	int64_t local;
	enum tz_local_kind kind;

	t = text_trim(t);
	s = t.p;
	n = t.n;
	if (n == 0) {
		*reason = "empty time";
		return -1;
	}
	if (f->kind != TIMEFMT_PATTERN)
		return parse_epoch(f, s, n, out, reason);
	for (size_t k = 0; k < f->nops; k++) {
		const struct timefmt_op *op = &f->ops[k];
		bool ok;

		switch (op->dir) {
		case 0:
			ok = i < n && s[i] == op->lit;
			i += ok;
			break;
		case 'Y':
			ok = take_digits(s, n, &i, 4, 4, &v[F_YEAR]);
			break;
		case 'y':
			ok = take_digits(s, n, &i, 2, 2, &v[F_YEAR]);
			v[F_YEAR] += v[F_YEAR] < 69 ? 2000 : 1900;
			break;
		case 'b':
			ok = take_month(s, n, &i, &v[F_MONTH]);
			if (!ok) {
				*reason = "month name not recognised (expected Jan … Dec)";
				return -1;
			}
			break;
		case 'e':
			if (i < n && s[i] == ' ')
				i++;
			ok = take_digits(s, n, &i, 1, 2, &v[F_DAY]);
			break;
		default:
			ok = take_digits(s, n, &i, 1, 2, &v[field_of(op->dir)]);
			break;
		}
		if (!ok) {
			*reason = "time does not match the mapping's time.format";
			return -1;
		}
	}
	if (i != n) {
		*reason = "trailing characters after the time";
		return -1;
	}
	if (!date_is_valid(v[F_YEAR], v[F_MONTH], v[F_DAY]) || v[F_HOUR] > 23 || v[F_MINUTE] > 59 ||
	    v[F_SECOND] > 60) {
		*reason = "impossible date or time";
		return -1;
	}
	if (v[F_YEAR] < 1970 || v[F_YEAR] > 2099) {
		*reason = "date outside 1970-2099";
		return -1;
	}
	local = days_from_civil(v[F_YEAR], v[F_MONTH], v[F_DAY]) * SECONDS_PER_DAY +
	    v[F_HOUR] * 3600 + v[F_MINUTE] * 60 + (v[F_SECOND] == 60 ? 59 : v[F_SECOND]);
	*out = zone != NULL ? tz_local_to_utc(zone, local, &kind) : local;
	return 0;
}

/* ---- loading ------------------------------------------------------------- */

static int
load_delimiter(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	const char *s = ",";
	int r = cfg_string(g, "delimiter", &s, d);

	if (r < 0)
		return -1;
	if (strlen(s) != 1 || s[0] == '"' || s[0] == '\n' || s[0] == '\r')
		return cfg_error(config_setting_get_member(g, "delimiter"), d, "delimiter \"%s\" must "
		    "be one character other than a quote or a line break, such as \",\", \";\", \"|\" "
		    "or \"\\t\"", s);
	m->delim = (unsigned char)s[0];
	return 0;
}

/* A header name: trimmed, not empty. */
static int
column_name(struct mapping *m, const config_setting_t *group, const char *group_name,
    const char *key, const char **out, struct diag *d)
{
	const char *s;
	struct text t;
	int r;

	*out = NULL;
	r = cfg_string(group, key, &s, d);
	if (r <= 0)
		return r;
	t = text_trim(text_of(s));
	if (t.n == 0)
		return cfg_error(config_setting_get_member(group, key), d, "%s.%s is empty; give the "
		    "column's header name, or leave the key out", group_name, key);
	*out = arena_strndup(m->arena, t.p, t.n);
	return 0;
}

/* The leads group: the header names of a lead list's columns. */
static int
load_leads(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	static const struct cfg_key keys[] = { { "number", CFG_STRING }, { "id", CFG_STRING },
		{ "phone_code", CFG_STRING }, { "state", CFG_STRING }, { "postal_code", CFG_STRING },
		{ "consent", CFG_STRING }, { NULL, 0 } };
	const config_setting_t *leads = config_setting_get_member(g, "leads");

	if (leads == NULL)
		return 0;
	if (cfg_check_keys(leads, keys, "mapping.leads", d) < 0)
		return -1;
	for (int c = 0; c < MAP_LEAD__COUNT; c++)
		if (column_name(m, leads, "leads", lead_col_keys[c], &m->lead_cols[c], d) < 0)
			return -1;
	if (m->lead_cols[MAP_LEAD_NUMBER] == NULL)
		return cfg_error(leads, d, "mapping.leads has no 'number': name the header of the "
		    "column with each lead's phone number (required)");
	m->has_leads = true;
	return 0;
}

static int
load_columns(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	static const struct cfg_key keys[] = { { "number", CFG_STRING }, { "start", CFG_STRING },
		{ "caller_id", CFG_STRING }, { "campaign", CFG_STRING }, { "answer", CFG_STRING },
		{ "end", CFG_STRING }, { "duration", CFG_STRING }, { "ring", CFG_STRING },
		{ "disposition", CFG_STRING }, { "agent", CFG_STRING }, { "consent", CFG_STRING },
		{ "link", CFG_STRING }, { NULL, 0 } };
	const config_setting_t *cols = config_setting_get_member(g, "columns");

	if (cols == NULL && m->has_leads)
		return 0; /* a mapping for lead lists only */
	if (cols == NULL)
		return cfg_error(g, d, "mapping has no columns = { number = \"…\"; start = \"…\"; … }; "
		    "naming the CSV header of each column (or leads = { number = \"…\"; … }; for lead "
		    "lists)");
	m->has_columns = true;
	if (cfg_check_keys(cols, keys, "mapping.columns", d) < 0)
		return -1;
	for (int c = 0; c < MAP__COUNT; c++) {
		const char *s;
		struct text t;

		if (cfg_string(cols, col_keys[c], &s, d) <= 0)
			continue;
		t = text_trim(text_of(s));
		if (t.n == 0)
			return cfg_error(config_setting_get_member(cols, col_keys[c]), d, "columns.%s is "
			    "empty; give the column's header name, or leave the key out", col_keys[c]);
		m->cols[c] = arena_strndup(m->arena, t.p, t.n);
	}
	if (m->cols[MAP_NUMBER] == NULL)
		return cfg_error(cols, d, "mapping.columns has no 'number': name the header of the "
		    "called-number column (required)");
	if (m->cols[MAP_START] == NULL)
		return cfg_error(cols, d, "mapping.columns has no 'start': name the header of the "
		    "column with the time each call started (required)");
	if ((m->cols[MAP_DISPOSITION] != NULL || m->cols[MAP_ANSWER] != NULL) &&
	    m->cols[MAP_RING] == NULL && m->cols[MAP_DURATION] == NULL && m->cols[MAP_END] == NULL)
		return cfg_error(cols, d, "mapping.columns tells unanswered calls apart (%s) but not "
		    "how long they rang: map ring, duration or end too",
		    m->cols[MAP_DISPOSITION] != NULL ? "disposition" : "answer");
	return 0;
}

static int
load_time(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	static const struct cfg_key keys[] = { { "format", CFG_STRING }, { "zone", CFG_STRING },
		{ NULL, 0 } };
	const config_setting_t *t = config_setting_get_member(g, "time");
	const char *fmt = "%Y-%m-%d %H:%M:%S", *zone = NULL;
	char err[300];

	if (t != NULL) {
		if (cfg_check_keys(t, keys, "mapping.time", d) < 0 ||
		    cfg_string(t, "format", &fmt, d) < 0 || cfg_string(t, "zone", &zone, d) < 0)
			return -1;
	}
	if (timefmt_compile(fmt, &m->time, err, sizeof(err)) < 0)
		return cfg_error(t != NULL ? config_setting_get_member(t, "format") : g, d,
		    "time.format \"%s\" %s",
		    fmt, err);
	if (zone != NULL) {
		struct diag zd = { 0 };

		m->zone = tz_get(zone, &zd);
		if (m->zone == NULL)
			return cfg_error(config_setting_get_member(t, "zone"), d, "time.zone: %s",
			    zd.message);
	}
	return 0;
}

static int
load_dispositions(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	static const struct cfg_key keys[] = { { "answered", CFG_STRINGS },
		{ "no_answer", CFG_STRINGS }, { "busy", CFG_STRINGS }, { "failed", CFG_STRINGS },
		{ "abandoned", CFG_STRINGS }, { "refused", CFG_STRINGS }, { "machine", CFG_STRINGS },
		{ NULL, 0 } };
	const config_setting_t *ds = config_setting_get_member(g, "dispositions");
	size_t cap = 0;

	if (ds == NULL)
		return 0;
	if (m->cols[MAP_DISPOSITION] == NULL)
		return cfg_error(ds, d, "dispositions are listed but columns.disposition names no "
		    "column to read them from");
	if (cfg_check_keys(ds, keys, "mapping.dispositions", d) < 0)
		return -1;
	for (size_t k = 0; k < NDISP_KEYS; k++) {
		char **v;
		size_t n = 0;

		if (cfg_strings(ds, disp_keys[k].key, m->arena, &v, &n, d) <= 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			struct text t = text_trim(text_of(v[i]));

			for (size_t j = 0; j < m->ndisps; j++) {
				struct text o = { m->disps[j].s, m->disps[j].n };

				if (same(t, o))
					return diag_set(d, cfg_file(ds), cfg_elem_line(ds, disp_keys[k].key, i),
					    "disposition value \"%s\" is listed twice (under %s and %s); a "
					    "value means one thing", v[i], disp_keys[m->disps[j].key].key,
					    disp_keys[k].key);
			}
			xgrow((void **)&m->disps, &cap, m->ndisps + 1, sizeof(*m->disps));
			m->disps[m->ndisps].s = t.p;
			m->disps[m->ndisps].n = t.n;
			m->disps[m->ndisps].disp = (int)disp_keys[k].disp;
			m->disps[m->ndisps].key = k;
			m->ndisps++;
		}
	}
	return 0;
}

static int
load_consent_values(struct mapping *m, const config_setting_t *g, struct diag *d)
{
	const config_setting_t *cv = config_setting_get_member(g, "consent_values");
	char **v = NULL;
	const char *const *vals;
	size_t n = 0;

	if (cv != NULL && m->cols[MAP_CONSENT] == NULL && m->lead_cols[MAP_LEAD_CONSENT] == NULL)
		return cfg_error(cv, d, "consent_values are given but columns.consent names no "
		    "column to read them from (nor does leads.consent)");
	if (m->cols[MAP_CONSENT] == NULL && m->lead_cols[MAP_LEAD_CONSENT] == NULL)
		return 0;
	if (cfg_strings(g, "consent_values", m->arena, &v, &n, d) < 0)
		return -1;
	if (cv != NULL && n == 0)
		return cfg_error(cv, d, "consent_values is empty: list the values of the consent "
		    "column that mean consent was recorded");
	vals = (const char *const *)v;
	if (cv == NULL) {
		vals = default_consent;
		n = sizeof(default_consent) / sizeof(default_consent[0]);
	}
	m->consent = arena_alloc(m->arena, n * sizeof(*m->consent));
	for (size_t i = 0; i < n; i++) {
		struct text t = text_trim(text_of(vals[i]));

		if (t.n == 0)
			return diag_set(d, cfg_file(cv), cfg_elem_line(g, "consent_values", i),
			    "consent_values has an empty value: an empty cell never records consent");
		m->consent[i].s = t.p;
		m->consent[i].n = t.n;
	}
	m->nconsent = n;
	return 0;
}

int
mapping_load(const char *path, struct mapping **out, struct diag *d)
{
	static const struct cfg_key top[] = { { "mapping", CFG_GROUP }, { NULL, 0 } };
	static const struct cfg_key keys[] = { { "delimiter", CFG_STRING },
		{ "columns", CFG_GROUP }, { "time", CFG_GROUP }, { "dispositions", CFG_GROUP },
		{ "consent_values", CFG_STRINGS }, { "leads", CFG_GROUP }, { NULL, 0 } };
	config_t cfg;
	const config_setting_t *g;
	struct mapping *m;

	*out = NULL;
	if (cfg_load_file(&cfg, path, d) < 0)
		return -1;
	m = xcalloc(1, sizeof(*m));
	m->arena = arena_new();
	m->path = arena_strdup(m->arena, path);
	m->delim = ',';
	pthread_mutex_init(&m->lock, NULL);
	if (cfg_check_keys(config_root_setting(&cfg), top, "a mapping file", d) < 0)
		goto fail;
	g = config_setting_get_member(config_root_setting(&cfg), "mapping");
	if (g == NULL) {
		diag_set(d, path, 1, "no mapping: expected mapping = { columns = { number = \"…\"; "
		    "start = \"…\"; … }; … }; (docs/mapping-format.md)");
		goto fail;
	}
	if (cfg_check_keys(g, keys, "mapping", d) < 0 || load_delimiter(m, g, d) < 0 ||
	    load_leads(m, g, d) < 0 || load_columns(m, g, d) < 0 || load_time(m, g, d) < 0 ||
	    load_dispositions(m, g, d) < 0 ||
	    load_consent_values(m, g, d) < 0)
		goto fail;
	config_destroy(&cfg);
	*out = m;
	return 0;
fail:
	config_destroy(&cfg);
	mapping_free(m);
	return -1;
}

void
mapping_free(struct mapping *m)
{
	if (m == NULL)
		return;
	pthread_mutex_destroy(&m->lock);
	free(m->disps);
	arena_free(m->arena);
	free(m);
}

/* ---- what rows ask ------------------------------------------------------- */

const char *
mapping_path(const struct mapping *m)
{
	return m->path;
}

unsigned char
mapping_delimiter(const struct mapping *m)
{
	return m->delim;
}

const char *
mapping_column(const struct mapping *m, enum map_col c)
{
	return c < MAP__COUNT ? m->cols[c] : NULL;
}

const char *
mapping_lead_column_key(enum map_lead_col c)
{
	return c < MAP_LEAD__COUNT ? lead_col_keys[c] : "?";
}

const char *
mapping_lead_column(const struct mapping *m, enum map_lead_col c)
{
	return c < MAP_LEAD__COUNT ? m->lead_cols[c] : NULL;
}

bool
mapping_has_columns(const struct mapping *m)
{
	return m->has_columns;
}

bool
mapping_has_leads(const struct mapping *m)
{
	return m->has_leads;
}

const struct tz_zone *
mapping_zone(const struct mapping *m)
{
	return m->zone;
}

int
mapping_time(const struct mapping *m, const struct tz_zone *zone, struct text t, int64_t *out,
    const char **reason)
{
	return timefmt_parse(&m->time, t.p, t.n, m->zone != NULL ? m->zone : zone, out, reason);
}

bool
mapping_time_unset(struct text t)
{
	bool digit = false;

	for (size_t i = 0; i < t.n; i++) {
		if (!isdigit((unsigned char)t.p[i]))
			continue;
		if (t.p[i] != '0')
			return false;
		digit = true;
	}
	return digit;
}

static void
tally_unmapped(struct mapping *m, struct text t)
{
	pthread_mutex_lock(&m->lock);
	m->unmapped++;
	if (m->nunmapped_values < MAX_UNMAPPED_VALUES) {
		size_t i;

		for (i = 0; i < m->nunmapped_values; i++)
			if (same(t, text_of(m->unmapped_values[i])))
				break;
		if (i == m->nunmapped_values)
			m->unmapped_values[m->nunmapped_values++] = arena_strndup(m->arena, t.p,
			    t.n < MAX_VALUE_BYTES ? t.n : MAX_VALUE_BYTES);
	}
	pthread_mutex_unlock(&m->lock);
}

int
mapping_disposition(struct mapping *m, struct text t)
{
	t = text_trim(t);
	for (size_t i = 0; i < m->ndisps; i++)
		if (m->disps[i].n == t.n && strncasecmp(m->disps[i].s, t.p, t.n) == 0)
			return m->disps[i].disp;
	if (t.n > 0)
		tally_unmapped(m, t);
	return -1;
}

bool
mapping_consent(const struct mapping *m, struct text t)
{
	t = text_trim(t);
	for (size_t i = 0; i < m->nconsent; i++)
		if (m->consent[i].n == t.n && strncasecmp(m->consent[i].s, t.p, t.n) == 0)
			return true;
	return false;
}

uint64_t
mapping_unmapped(struct mapping *m, const char **values, size_t max, size_t *nvalues)
{
	uint64_t n;

	pthread_mutex_lock(&m->lock);
	n = m->unmapped;
	*nvalues = m->nunmapped_values < max ? m->nunmapped_values : max;
	for (size_t i = 0; i < *nvalues; i++)
		values[i] = m->unmapped_values[i];
	pthread_mutex_unlock(&m->lock);
	return n;
}

