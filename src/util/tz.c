/*
 * Time zones: transition tables sampled from the C library once per zone,
 * when the zone is first asked for an offset. Building a table costs about
 * 25 ms; a profile names dozens of zones (one per area code's time zone) of
 * which a log may touch a handful, so naming a zone only checks it exists.
 */
#include "util/tz.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/timeutil.h"
#include "util/xalloc.h"

/* Offsets are sampled over this range; beyond it the edge offsets hold. */
#define TZ_FIRST_DAY 0       /* 1970-01-01 */
#define TZ_LAST_DAY 47482    /* 2100-01-01 */

struct transition {
	int64_t at;     /* first UTC second of the new offset */
	int32_t offset;
};

struct tz_zone {
	char *name;
	struct transition *tr; /* tr[0].at is INT64_MIN */
	size_t ntr;
	_Atomic bool built;    /* tr is complete (set once, under cache_lock) */
	struct tz_zone *next;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tz_zone *cache;

static bool
parse_fixed(const char *name, int32_t *offset)
{
	int h, m;

	if ((name[0] != '+' && name[0] != '-') || strlen(name) != 6 || name[3] != ':')
		return false;
	if (!isdigit((unsigned char)name[1]) || !isdigit((unsigned char)name[2]) ||
	    !isdigit((unsigned char)name[4]) || !isdigit((unsigned char)name[5]))
		return false;
	h = (name[1] - '0') * 10 + (name[2] - '0');
	m = (name[4] - '0') * 10 + (name[5] - '0');
	if (h > 14 || m > 59)
		return false;
	*offset = (h * 3600 + m * 60) * (name[0] == '-' ? -1 : 1);
	return true;
}

static bool
zone_file_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	struct stat st;

	if (name[0] == '\0' || name[0] == '/' || strstr(name, "..") != NULL)
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return false;
	snprintf(path, sizeof(path), "%s/%s", dir != NULL && *dir ? dir : "/usr/share/zoneinfo", name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int32_t
sample(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return (int32_t)tm.tm_gmtoff;
}

static void
push(struct tz_zone *z, size_t *cap, int64_t at, int32_t offset)
{
	xgrow((void **)&z->tr, cap, z->ntr + 1, sizeof(*z->tr));
	z->tr[z->ntr].at = at;
	z->tr[z->ntr].offset = offset;
	z->ntr++;
}

/* Called with cache_lock held: TZ is process state. */
static void
build_table(struct tz_zone *z)
{
	char *saved = getenv("TZ") != NULL ? xstrdup(getenv("TZ")) : NULL;
	char spec[4200];
	size_t cap = 0;
	int32_t prev;

	snprintf(spec, sizeof(spec), ":%s", z->name);
	setenv("TZ", spec, 1);
	tzset();
	prev = sample((time_t)TZ_FIRST_DAY * SECONDS_PER_DAY);
	push(z, &cap, INT64_MIN, prev);
	for (int64_t day = TZ_FIRST_DAY + 1; day <= TZ_LAST_DAY; day++) {
		int64_t t = day * SECONDS_PER_DAY;
		int32_t cur = sample((time_t)t);
		int64_t lo, hi;

		if (cur == prev)
			continue;
		/* The change lies in (t - 1 day, t]: find its first second. */
		lo = t - SECONDS_PER_DAY;
		hi = t;
		while (hi - lo > 1) {
			int64_t mid = lo + (hi - lo) / 2;

			if (sample((time_t)mid) == prev)
				lo = mid;
			else
				hi = mid;
		}
		push(z, &cap, hi, cur);
		prev = cur;
	}
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
}

const struct tz_zone *
tz_get(const char *name, struct diag *d)
{
	struct tz_zone *z;
	int32_t fixed;

	if (name == NULL || name[0] == '\0') {
		diag_set(d, NULL, 0, "empty time zone name");
		return NULL;
	}
	pthread_mutex_lock(&cache_lock);
	for (z = cache; z != NULL; z = z->next)
		if (strcmp(z->name, name) == 0)
			break;
	if (z == NULL) {
		bool is_fixed = parse_fixed(name, &fixed);

		if (!is_fixed && !zone_file_exists(name)) {
			pthread_mutex_unlock(&cache_lock);
			diag_set(d, NULL, 0, "unknown time zone '%s' (expected an IANA name such as "
			    "Asia/Shanghai, or an offset such as +08:00)", name);
			return NULL;
		}
		z = xcalloc(1, sizeof(*z));
		z->name = xstrdup(name);
		if (is_fixed) {
			size_t cap = 0;

			push(z, &cap, INT64_MIN, fixed);
			z->built = true;
		}
		z->next = cache;
		cache = z;
	}
	pthread_mutex_unlock(&cache_lock);
	return z;
}

const char *
tz_name(const struct tz_zone *z)
{
	return z->name;
}

/* The zone's table, built on first use; threads that race here wait for
 * the one that builds it. */
static const struct tz_zone *
ready(const struct tz_zone *cz)
{
	struct tz_zone *z = (struct tz_zone *)cz; /* the cache is filled in lazily */

	if (!atomic_load_explicit(&z->built, memory_order_acquire)) {
		pthread_mutex_lock(&cache_lock);
		if (!atomic_load_explicit(&z->built, memory_order_relaxed)) {
			build_table(z);
			atomic_store_explicit(&z->built, true, memory_order_release);
		}
		pthread_mutex_unlock(&cache_lock);
	}
	return z;
}

int32_t
tz_offset_at(const struct tz_zone *zone, int64_t t)
{
	const struct tz_zone *z = ready(zone);
	size_t lo = 0, hi = z->ntr;

	/* Largest i with tr[i].at <= t; tr[0].at is INT64_MIN so i exists. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (z->tr[mid].at <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->tr[lo].offset;
}

int64_t
tz_local_to_utc(const struct tz_zone *z, int64_t local, enum tz_local_kind *kind)
{
	/* Offsets lie within -14 h … +14 h, so the instant is within that of
	 * local-as-UTC; the offsets at both ends are the only candidates. */
	int32_t oa = tz_offset_at(z, local - 14 * 3600);
	int32_t ob = tz_offset_at(z, local + 14 * 3600);
	bool va = tz_offset_at(z, local - oa) == oa;
	bool vb = oa != ob && tz_offset_at(z, local - ob) == ob;
	enum tz_local_kind k = TZ_LOCAL_EXACT;
	int64_t t;

	if (va && vb) {
		k = TZ_LOCAL_AMBIGUOUS;
		t = local - (oa > ob ? oa : ob);
	} else if (va) {
		t = local - oa;
	} else if (vb) {
		t = local - ob;
	} else {
		k = TZ_LOCAL_GAP;
		t = local - oa;
	}
	if (kind != NULL)
		*kind = k;
	return t;
}

void
tz_cache_clear(void)
{
	struct tz_zone *z, *next;

	pthread_mutex_lock(&cache_lock);
	for (z = cache; z != NULL; z = next) {
		next = z->next;
		free(z->name);
		free(z->tr);
		free(z);
	}
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}
