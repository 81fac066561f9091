/* The lead-list scrub: DNC, consent, numbers, zones and calling windows, per lead. */
#include "checks/lead_scrub.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "calllog.h"
#include "checks/check.h"
#include "leads.h"
#include "numlists.h"
#include "util/arena.h"
#include "util/csvout.h"
#include "util/phone.h"
#include "util/regex.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/u64map.h"
#include "util/xalloc.h"

const char leads_details_header[] = "file,line,lead,number,zone,problems\n";

/* Problems that do not depend on the campaign, as bits. */
enum { P_DNC = 1, P_INVALID = 2, P_BLOCKED = 4, P_ZONE = 8 };

/* A count and the first line it was seen on. */
struct tally {
	uint64_t n;
	uint32_t first;
};

static void
tally(struct tally *t, uint32_t line)
{
	if (t->n++ == 0)
		t->first = line;
}

struct scrub {
	struct lead_scrub *s;
	size_t k;                     /* campaigns judged (1 when none was given) */
	const struct campaign **camp; /* [k]; NULL: no campaign */
	bool *needs_consent;          /* [k] */
	int64_t day_first, day_last;  /* today, in UTC seconds, in the profile's zone */
	int64_t probes[2];
	struct u64map zone_index;     /* candidate zone list → its row in uncallable */
	size_t prefix_len;            /* longest prefix of the profile's zone map */
	struct u64map prefix_index;   /* leading digits → their zones, in zones_of */
	struct zones_of {
		const struct tz_zone *const *tzs;
		const char *const *names;
		size_t n;
	} *zones_of;
	size_t zones_of_cap;
	uint8_t *uncallable;          /* [zone row][k]: bit 0 winter, bit 1 summer, bit 7 known */
	size_t uncallable_cap;
};

static const char *
camp_name(const struct scrub *sc, size_t k)
{
	return sc->camp[k] != NULL ? sc->camp[k]->name : NULL;
}

/* Whether campaign k cannot reach a callee in zones tzs at all, in some season. */
static bool
never_callable(struct scrub *sc, const struct tz_zone *const *tzs, size_t n, size_t k)
{
	bool added;
	size_t row = u64map_index(&sc->zone_index, (uint64_t)(uintptr_t)tzs, &added);
	uint8_t *v;

	if (added) {
		xgrow((void **)&sc->uncallable, &sc->uncallable_cap, (row + 1) * sc->k, 1);
		memset(sc->uncallable + row * sc->k, 0, sc->k);
	}
	v = &sc->uncallable[row * sc->k + k];
	if (!(*v & 0x80)) {
		*v = 0x80;
		for (int i = 0; i < 2; i++) {
			struct schedule ok;

			if (hours_callable(sc->s->profile, sc->camp[k], tzs, n, sc->probes[i],
			    sc->s->scratch, &ok) == 0 && ok.n == 0)
				*v |= (uint8_t)(1u << i);
		}
	}
	return (*v & 3) != 0;
}

/* The candidate zones of a national number. The zone map matches prefixes
 * no longer than prefix_len, so the answer depends on those digits only:
 * a million leads ask the map a few hundred times. */
static void
zones_for(struct scrub *sc, const char *e164, const char *nsn, const struct tz_zone *const **tzs,
    const char *const **names, size_t *n)
{
	uint64_t key = 1;
	size_t row;
	bool added;

	if (sc->prefix_len == 0 || sc->prefix_len > 18 || strlen(nsn) < sc->prefix_len) {
		profile_zone_tzs(sc->s->profile, e164, tzs, n);
		profile_zones_for(sc->s->profile, e164, names, n);
		return;
	}
	for (size_t i = 0; i < sc->prefix_len; i++)
		key = key * 10 + (uint64_t)(nsn[i] - '0');
	row = u64map_index(&sc->prefix_index, key, &added);
	if (added) {
		struct zones_of *z;

		xgrow((void **)&sc->zones_of, &sc->zones_of_cap, row + 1, sizeof(*sc->zones_of));
		z = &sc->zones_of[row];
		profile_zone_tzs(sc->s->profile, e164, &z->tzs, &z->n);
		profile_zones_for(sc->s->profile, e164, &z->names, &z->n);
	}
	*tzs = sc->zones_of[row].tzs;
	*names = sc->zones_of[row].names;
	*n = sc->zones_of[row].n;
}

/* Appends ";what" or ";what:campaign" to the problems cell. */
static void
cell_problem(char *buf, size_t size, size_t *used, const char *what, const char *campaign)
{
	if (*used >= size)
		return;
	*used += (size_t)snprintf(buf + *used, size - *used, "%s%s%s%s", *used ? ";" : "", what,
	    campaign != NULL ? ":" : "", campaign != NULL ? campaign : "");
}

static void
write_detail(struct scrub *sc, const struct lead_file *f, const struct lead *l, const char *e164,
    const char *const *zones, size_t nzones, unsigned problems, const bool *no_consent,
    const bool *uncallable)
{
	FILE *out = sc->s->details;
	char num[PHONE_MAX + 16], zone[512] = "", line[16], text[2048] = "";
	size_t used = 0, tused = 0;

	if (l->status == PHONE_OK)
		phone_display(e164, &sc->s->profile->numbering, sc->s->show_numbers, num, sizeof(num));
	else
		snprintf(num, sizeof(num), "%s", sc->s->show_numbers && l->raw != NULL ? l->raw : "");
	for (size_t z = 0; z < nzones && used < sizeof(zone); z++)
		used += (size_t)snprintf(zone + used, sizeof(zone) - used, "%s%s", z ? " " : "",
		    zones[z]);
	snprintf(line, sizeof(line), "%u", l->line);
	if (problems & P_INVALID)
		cell_problem(text, sizeof(text), &tused, "invalid-number", NULL);
	if (problems & P_DNC)
		cell_problem(text, sizeof(text), &tused, "dnc-list", NULL);
	if (problems & P_BLOCKED)
		cell_problem(text, sizeof(text), &tused, "blocked-destination", NULL);
	if (problems & P_ZONE)
		cell_problem(text, sizeof(text), &tused, "zone-unknown", NULL);
	for (size_t k = 0; k < sc->k; k++)
		if (no_consent[k])
			cell_problem(text, sizeof(text), &tused, "no-consent", camp_name(sc, k));
	for (size_t k = 0; k < sc->k; k++)
		if (uncallable[k])
			cell_problem(text, sizeof(text), &tused, "uncallable", camp_name(sc, k));
	csv_cell(out, f->path);
	fputc(',', out);
	fputs(line, out);
	fputc(',', out);
	csv_cell(out, l->id != NULL ? l->id : "");
	fputc(',', out);
	csv_cell(out, num);
	fputc(',', out);
	csv_cell(out, zone);
	fputc(',', out);
	csv_cell(out, text);
	fputc('\n', out);
	if (ferror(out) && sc->s->details_errno == 0)
		sc->s->details_errno = errno != 0 ? errno : EIO;
}

/* One finding summing up a category of one file (and campaign). */
static void
add_finding(struct scrub *sc, const char *rule, enum severity sev, const struct lead_file *f,
    const char *campaign, const char *key, const struct tally *t, const char *limit,
    const struct citation *cite, const char *message)
{
	struct finding tmpl = { 0 };

	tmpl.rule = rule_find(rule);
	tmpl.severity = sev;
	tmpl.path = f->path;
	tmpl.line = (int)t->first;
	tmpl.campaign = campaign;
	tmpl.key = key;
	tmpl.limit = limit;
	tmpl.cite = cite;
	tmpl.actual = arena_printf(sc->s->scratch, tr("%llu of %llu leads"),
	    (unsigned long long)t->n, (unsigned long long)f->n);
	findings_add(sc->s->out, &tmpl, "%s", message);
}

static void
file_findings(struct scrub *sc, const struct lead_file *f, const struct tally *dnc,
    const struct tally *invalid, const struct tally *blocked, const struct tally *zone,
    const struct tally *consent, const struct tally *hours)
{
	const struct profile *p = sc->s->profile;
	struct arena *a = sc->s->scratch;
	unsigned long long total = f->n;
	char limit[768], date[16];
	const struct citation *cite;

	if (dnc->n > 0) {
		cite = limit_dnc(p, limit, sizeof(limit));
		add_finding(sc, "dnc-list", SEV_HIGH, f, NULL, "leads", dnc, limit, cite,
		    arena_printf(a, tr("%llu of %llu leads are on the do-not-call list %s; the first "
		    "is on line %u"), (unsigned long long)dnc->n, total, sc->s->dnc->path, dnc->first));
	}
	if (invalid->n > 0)
		add_finding(sc, "input-rejected", SEV_MEDIUM, f, NULL, "leads/invalid-number", invalid,
		    tr("every lead has a valid phone number"), NULL,
		    arena_printf(a, tr("%llu of %llu leads have no valid phone number (empty, "
		    "malformed, or impossible in the numbering plan); the first is on line %u"),
		    (unsigned long long)invalid->n, total, invalid->first));
	if (blocked->n > 0) {
		cite = limit_destination(p, limit, sizeof(limit));
		add_finding(sc, "blocked-destination", SEV_MEDIUM, f, NULL, "leads", blocked, limit,
		    cite, arena_printf(a, tr("%llu of %llu leads are blocked destinations (emergency, "
		    "premium or special numbers the profile bars); the first is on line %u"),
		    (unsigned long long)blocked->n, total, blocked->first));
	}
	if (zone->n > 0) {
		limit[0] = '\0';
		cite = limit_calling_hours(p, limit, sizeof(limit));
		add_finding(sc, "calling-hours", SEV_LOW, f, NULL, "leads/zone-unknown", zone, limit,
		    cite, arena_printf(a, tr("%llu of %llu leads have no single known time zone (a "
		    "number outside the profile's country, or an area code that spans zones): they "
		    "are judged in every zone they may be in, and a foreign number's calling hours "
		    "cannot be judged; the first is on line %u"), (unsigned long long)zone->n, total,
		    zone->first));
	}
	format_date(sc->s->today, date, sizeof(date));
	for (size_t k = 0; k < sc->k; k++) {
		const char *name = camp_name(sc, k);

		if (consent[k].n > 0) {
			cite = limit_consent(p, limit, sizeof(limit));
			if (cite == NULL)
				snprintf(limit, sizeof(limit), "%s", tr("the campaign requires consent"));
			add_finding(sc, "consent", SEV_HIGH, f, name, "leads", &consent[k], limit, cite,
			    name != NULL ? arena_printf(a, tr("%llu of %llu leads have no consent valid "
			    "all through %s for campaign '%s' (no record, revoked or expired); the first "
			    "is on line %u"), (unsigned long long)consent[k].n, total, date, name,
			    consent[k].first) : arena_printf(a, tr("%llu of %llu leads have no consent "
			    "valid all through %s (no record, revoked or expired); the first is on line "
			    "%u"), (unsigned long long)consent[k].n, total, date, consent[k].first));
		}
		if (hours[k].n > 0) {
			cite = limit_calling_hours(p, limit, sizeof(limit));
			add_finding(sc, "calling-hours", SEV_HIGH, f, name, "leads", &hours[k], limit,
			    cite, arena_printf(a, tr("%llu of %llu leads cannot be called at all inside the "
			    "windows of campaign '%s': in the callee's zone those windows and the "
			    "permitted hours do not overlap on any day of the week; the first is on line "
			    "%u"), (unsigned long long)hours[k].n, total, name != NULL ? name : "",
			    hours[k].first));
		}
	}
}

static void
not_checked(struct lead_scrub *s, const char *rule, const char *key, const char *actual,
    const char *message)
{
	struct finding t = { 0 };
	char limit[256] = "";

	t.rule = rule_find(rule);
	t.severity = SEV_INFO;
	t.key = key;
	t.cite = t.rule->limit != NULL ? t.rule->limit(s->profile, limit, sizeof(limit)) : NULL;
	t.limit = limit;
	t.actual = actual;
	findings_add(s->out, &t, "%s", message);
}

static void
scrub_file(struct scrub *sc, const struct lead_file *f, struct tally *consent,
    struct tally *hours, bool *no_consent, bool *uncallable)
{
	struct lead_scrub *s = sc->s;
	const struct profile *p = s->profile;
	struct tally dnc = { 0 }, invalid = { 0 }, blocked = { 0 }, zone = { 0 };

	memset(consent, 0, sc->k * sizeof(*consent));
	memset(hours, 0, sc->k * sizeof(*hours));
	for (size_t i = 0; i < f->n; i++) {
		const struct lead *l = &f->v[i];
		char e164[PHONE_MAX] = "";
		const char *const *zones = NULL;
		const struct tz_zone *const *tzs = NULL;
		size_t nzones = 0;
		unsigned problems = 0;
		bool any_consent = false, any_hours = false;

		memset(no_consent, 0, sc->k);
		memset(uncallable, 0, sc->k);
		if (l->status != PHONE_OK) {
			problems |= P_INVALID;
			tally(&invalid, l->line);
			if (l->number != 0 && p->blocked_destinations.set) {
				number_unpack(l->number, e164, sizeof(e164));
				if (destination_match(p, e164) != REGEX_NO_MATCH) {
					problems |= P_BLOCKED;
					tally(&blocked, l->line);
				}
			}
		} else {
			const char *nsn;
			bool foreign;

			number_unpack(l->number, e164, sizeof(e164));
			nsn = phone_national(e164, &p->numbering);
			foreign = nsn == NULL;
			if (s->dnc != NULL && dnc_contains(s->dnc, l->number)) {
				problems |= P_DNC;
				tally(&dnc, l->line);
			}
			if (p->blocked_destinations.set && destination_match(p, e164) != REGEX_NO_MATCH) {
				problems |= P_BLOCKED;
				tally(&blocked, l->line);
			}
			if (!foreign)
				zones_for(sc, e164, nsn, &tzs, &zones, &nzones);
			if (foreign || nzones != 1) {
				problems |= P_ZONE;
				tally(&zone, l->line);
			}
			for (size_t k = 0; k < sc->k; k++) {
				const char *name = camp_name(sc, k);

				if (sc->needs_consent[k] && s->consent != NULL && !l->consent_cell &&
				    !(consent_valid(s->consent, l->number, sc->day_first, name) &&
				    consent_valid(s->consent, l->number, sc->day_last, name))) {
					no_consent[k] = any_consent = true;
					tally(&consent[k], l->line);
				}
				if (!foreign && p->hours.set && never_callable(sc, tzs, nzones, k)) {
					uncallable[k] = any_hours = true;
					tally(&hours[k], l->line);
				}
			}
		}
		if (problems & P_DNC)
			s->stats.dnc++;
		if (problems & P_INVALID)
			s->stats.invalid_number++;
		if (problems & P_BLOCKED)
			s->stats.blocked++;
		if (problems & P_ZONE)
			s->stats.zone_unknown++;
		s->stats.no_consent += any_consent;
		s->stats.uncallable += any_hours;
		for (size_t k = 0; k < sc->k; k++) {
			s->stats.campaigns[k].no_consent += no_consent[k];
			s->stats.campaigns[k].uncallable += uncallable[k];
		}
		if (problems == 0 && !any_consent && !any_hours)
			continue;
		s->stats.flagged++;
		if (s->details != NULL && s->details_errno == 0)
			write_detail(sc, f, l, e164, zones, zones != NULL ? nzones : 0, problems, no_consent,
			    uncallable);
	}
	file_findings(sc, f, &dnc, &invalid, &blocked, &zone, consent, hours);
}

void
leads_scrub(struct lead_scrub *s)
{
	const struct profile *p = s->profile;
	struct scrub sc = { 0 };
	struct tally *consent, *hours;
	bool *no_consent, *uncallable, consent_any = false;
	struct diag d;
	const struct tz_zone *home = tz_get(p->timezone, &d);
	int64_t midnight = s->today * SECONDS_PER_DAY;

	sc.s = s;
	sc.k = s->campaigns->n > 0 ? s->campaigns->n : 1;
	sc.camp = arena_alloc(s->scratch, sc.k * sizeof(*sc.camp));
	sc.needs_consent = arena_alloc(s->scratch, sc.k);
	for (size_t k = 0; k < s->campaigns->n; k++)
		sc.camp[k] = &s->campaigns->v[k];
	for (size_t k = 0; k < sc.k; k++) {
		sc.needs_consent[k] = consent_needed(p, sc.camp[k]) ||
		    (sc.camp[k] != NULL && sc.camp[k]->consent_required == TRI_YES);
		consent_any |= sc.needs_consent[k];
	}
	/* consent must hold from the first to the last second of today, there */
	sc.day_first = midnight - (home != NULL ? tz_offset_at(home, midnight) : 0);
	sc.day_last = sc.day_first + SECONDS_PER_DAY - 1;
	hours_season_probes(s->today, sc.probes);
	for (size_t i = 0; i < p->nzone_map; i++)
		if (strlen(p->zone_map[i].prefix) > sc.prefix_len)
			sc.prefix_len = strlen(p->zone_map[i].prefix);
	s->stats.campaigns = arena_alloc(s->scratch, sc.k * sizeof(*s->stats.campaigns));
	s->stats.ncampaigns = s->campaigns->n;
	for (size_t k = 0; k < s->campaigns->n; k++)
		s->stats.campaigns[k].name = s->campaigns->v[k].name;
	s->stats.dnc_checked = s->dnc != NULL;
	s->stats.consent_checked = s->consent != NULL && consent_any;
	s->stats.hours_checked = p->hours.set;
	consent = xcalloc(sc.k, sizeof(*consent));
	hours = xcalloc(sc.k, sizeof(*hours));
	no_consent = xcalloc(sc.k, 1);
	uncallable = xcalloc(sc.k, 1);
	for (size_t i = 0; i < s->leads->n; i++) {
		const struct lead_file *f = &s->leads->v[i];

		s->stats.files++;
		s->stats.rows += f->rows;
		s->stats.parsed += f->n;
		s->stats.rejected += f->rejected;
		scrub_file(&sc, f, consent, hours, no_consent, uncallable);
	}
	free(consent);
	free(hours);
	free(no_consent);
	free(uncallable);
	free(sc.uncallable);
	u64map_free(&sc.zone_index);
	u64map_free(&sc.prefix_index);
	free(sc.zones_of);
	if (s->dnc == NULL && p->dnc.set && p->dnc.scrub_required && s->stats.parsed > 0)
		not_checked(s, "dnc-list", "leads/not-checked", tr("no list given"),
		    tr("the leads were not checked against a do-not-call list; give one with --dnc "
		    "FILE"));
	if (s->consent == NULL && consent_any && s->stats.parsed > 0)
		not_checked(s, "consent", "leads/not-checked", tr("no consent records given"),
		    tr("the leads were not checked for consent; give the consent records with "
		    "--consent FILE"));
}
