/* Jurisdiction profiles: the limits one regime sets, each with its citation. */
#ifndef DIALAUDIT_PROFILE_H
#define DIALAUDIT_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"
#include "schedule.h"
#include "util/phone.h"

struct arena;
struct calendar;
struct regex_list;
struct tz_zone;

/* How firmly a limit binds: the reports say which, because a carrier's
 * contract term is enforced differently from a statute. */
enum standing {
	STANDING_LAW,
	STANDING_GUIDANCE,         /* regulator guidance or enforcement policy */
	STANDING_CARRIER_PRACTICE, /* carrier or platform contract practice */
};

/* Where a limit comes from, and where in the profile it was set. */
struct citation {
	const char *source;  /* instrument and section */
	enum standing standing;
	const char *note;    /* caveat, e.g. "figure unconfirmed" */
	bool confirmed;      /* false: research could not confirm the figure */
	const char *file;
	int line;
};

/* "law", "regulator guidance", "carrier practice": the identifier reports key on. */
const char *standing_name(enum standing s);
/* The same in the report language (util/i18n.h), for text meant to be read. */
const char *standing_label(enum standing s);

/* Every limit group: set says whether the profile (or a parent) sets it. */
struct limit_hours {
	bool set;
	struct schedule windows;   /* permitted, in the callee's local time */
	unsigned barred_days;      /* weekday mask (bit 0 = Monday), already removed from windows */
	int64_t *barred_dates;     /* days since epoch */
	size_t nbarred_dates;
	const char *calendar_id;
	const struct calendar *calendar;
	bool holidays_barred;
	int workday_as;            /* make-up working day judged as this weekday; -1 = own weekday */
	struct citation cite;
};

struct limit_frequency {
	int calls;                 /* at most this many attempts … */
	int64_t window;            /* … in a rolling window of this many seconds, or */
	bool calendar_day;         /* … in one local calendar day, or */
	int days;                  /* … in any this many consecutive local calendar days (0: rolling window) */
	struct citation cite;
};

/* No new call to a number within hours of a call of some kind (abandoned, or
 * answered by a machine), unless a live agent is guaranteed on it. */
struct limit_recall {
	bool set;
	int hours;
	bool live_agent_exempt;
	struct citation cite;
};

enum abandon_denominator {
	DENOM_LIVE_ANSWERED, /* calls answered by a person (US, UK) */
	DENOM_ANSWERED,      /* all answered calls, machines included */
	DENOM_ATTEMPTS,      /* all attempts */
};

struct profile {
	char *id, *name, *jurisdiction, *path, *extends, *review_date;
	char **sources;
	size_t nsources;
	char *timezone;            /* default zone of the callee and of logs */
	char **zones;              /* every zone a number of this country may be in */
	size_t nzones;
	const struct tz_zone **zones_tz;  /* zones, resolved */
	struct zone_prefix {
		char *prefix;      /* national significant number prefix */
		char **zones;
		const struct tz_zone **zones_tz;
		size_t nzones;
	} *zone_map;
	size_t nzone_map;
	struct numbering numbering;
	char *country_code, *trunk_prefix, *international_prefix;

	struct limit_hours hours;
	struct limit_frequency *frequency;
	size_t nfrequency;
	struct citation frequency_cite; /* where the list was set */
	struct limit_recall recall_after_abandon;
	struct limit_recall recall_after_machine; /* after a call an answering machine took */
	struct { bool set; int days; bool forever; struct citation cite; } wait_after_refusal;
	struct { bool set; int days; struct citation cite; } wait_after_conversation; /* local days; the conversation's is day 1 */
	struct {
		bool set;
		double max_percent;
		int64_t window;
		bool calendar_day;
		enum abandon_denominator denominator;
		struct citation cite;
	} abandon_rate;
	struct { bool set; bool required; double max_seconds; struct citation cite; } abandon_message;
	struct { bool set; int min_seconds; struct citation cite; } ring_time;
	struct {
		bool set;
		bool required;
		struct regex_list *allowed, *forbidden, *inbound_only;
		struct citation cite;
	} caller_id;
	struct { bool set; unsigned purposes; struct citation cite; } consent; /* purpose mask */
	struct { bool set; bool scrub_required; int max_list_age_days; struct citation cite; } dnc;
	struct { bool set; struct regex_list *patterns; struct citation cite; } blocked_destinations;
	struct { bool set; int days; struct citation cite; } retention;
	struct { bool set; int lead_days; struct citation cite; } licence_renewal;
	struct {
		bool set;
		unsigned forbidden;  /* purpose mask */
		char **licence_types;/* applies only under these licence types; none = always */
		size_t nlicence_types;
		struct citation cite;
	} call_purpose;
	struct { bool set; int per_caller_number; struct citation cite; } capacity;
	struct { bool set; int per_hour, per_day; struct citation cite; } call_volume; /* per caller ID; 0 = no limit */
	struct {
		bool set;
		int max_seconds;          /* an answered call shorter than this is short */
		double max_share_percent; /* of answered calls, per caller ID and campaign */
		int min_answered;         /* too few answered calls to judge below this */
		struct citation cite;
	} short_calls;

	struct arena *arena;
};

/*
 * Loads a profile by id (looked up in the built-in directories) or by path
 * (anything with a '/' or ending in ".cfg"), following 'extends'. The
 * result owns all its memory; free it with profile_free().
 */
int profile_load(const char *id_or_path, struct profile **out, struct diag *d);
void profile_free(struct profile *p);

/* Directories searched for built-in profiles, in order; NULL-terminated. */
const char *const *profile_dirs(void);
/* Sets the directory of the running binary, from which built-in profiles are found. */
void profile_set_exe_dir(const char *dir);
/* Ids of the built-in profiles (sorted), NULL-terminated, owned by the caller (free each and the array). */
char **profile_list_builtin(void);

/* Candidate zones of a normalised number: from the zone map, else every zone. */
void profile_zones_for(const struct profile *p, const char *e164, const char *const **zones,
    size_t *n);
/* The same, as loaded zones. */
void profile_zone_tzs(const struct profile *p, const char *e164, const struct tz_zone *const **tzs,
    size_t *n);

/* Purposes ("marketing", …) as bits of a mask. */
int purpose_parse(const char *s);      /* bit index or -1 */
const char *purpose_name(int bit);
/* The purpose in the report language (util/i18n.h); purpose_name stays the identifier. */
const char *purpose_label(int bit);
/* "marketing, collection" (or "none") in the report language. */
void purposes_format(unsigned mask, char *buf, size_t size);

#endif
