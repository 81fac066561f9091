/* VICIdial's lookup tables: call times, state call times and statuses (built-in and exported). */
#ifndef DIALAUDIT_ADAPTERS_VICIDIAL_TABLES_H
#define DIALAUDIT_ADAPTERS_VICIDIAL_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "adapters/vicidial_export.h"
#include "diag.h"
#include "schedule.h"

struct arena;

/* A vicidial_call_times or vicidial_state_call_times row. */
struct vd_call_time {
	char *id;
	const char *path;   /* the export it came from; NULL = built-in */
	int line;
	bool state;         /* a state call time (sct_* columns) */
	char st[3];         /* its state */
	/* HHMM, VICIdial's order: [0] default, [1] Sunday … [7] Saturday */
	int start[8], stop[8];
	char *state_ids;    /* ct_state_call_times: "|florida|alabama|" */
	char *holiday_ids;  /* ct_holidays: "|newyear|xmas|" */
};

/* A vicidial_call_time_holidays row: on its date the holiday's window
 * replaces the call time's (AST_VDhopper.pl). */
struct vd_holiday {
	char *id;
	int64_t day;        /* holiday_date, days since 1970-01-01 */
	bool active;        /* holiday_status ACTIVE: INACTIVE and EXPIRED rows do nothing */
	int start, stop;    /* HHMM; a start from 2400 on, or no minute between them: no calls */
	const char *path;
	int line;
};

/* What a status code means to the rules. */
enum vd_class {
	VD_UNKNOWN,     /* no flags say what happened */
	VD_NO_ANSWER,
	VD_BUSY,
	VD_FAILED,      /* disconnected, unworkable, network */
	VD_MACHINE,
	VD_DROP,        /* answered, no agent in time: abandoned */
	VD_REFUSED,     /* the person asked for no more calls, or not interested */
	VD_ANSWERED,    /* a person answered */
	VD_DEAD_AIR,    /* answered, nobody spoke */
	VD_NOT_CALLED,  /* a do-not-call block in the hopper: no call was placed */
};

struct vd_status {
	char code[8];
	char *campaign;     /* vicidial_campaign_statuses; NULL = system-wide */
	bool human, sale, dnc, contact, not_interested, unworkable, callback, completed, machine;
	const char *path;
	int line;
};

/* A vicidial_lists row (its campaign-level overrides), or an active-or-not
 * vicidial_campaign_cid_areacodes row (call_time NULL). */
struct vd_list {
	char *campaign;
	bool active;
	char *call_time;    /* local_call_time: "campaign" = the campaign's own */
	char *cid;          /* campaign_cid_override / outbound_cid; NULL or "" = none */
	const char *path;
	int line;
};

struct vd_tables {
	struct vd_call_time *ct;
	size_t nct, ct_cap;
	struct vd_status *st;
	size_t nst, st_cap;
	struct vd_list *lists;      /* vicidial_lists */
	size_t nlists, lists_cap;
	struct vd_list *areacids;   /* vicidial_campaign_cid_areacodes */
	size_t nareacids, areacids_cap;
	struct vd_holiday *hol;     /* vicidial_call_time_holidays */
	size_t nhol, hol_cap;
	char **paths;       /* the exports rows came from, owned */
	size_t npaths;
};

/* The tables kept here: call times, state call times, statuses, campaign
 * statuses, lists, area-code caller IDs and call-time holidays. */
extern const char *const vd_lookup_tables[];

/* The tables with VICIdial's default rows (from MySQL_AST_CREATE_tables.sql). */
void vd_tables_init(struct vd_tables *t);
void vd_tables_free(struct vd_tables *t);

/*
 * Takes one row if it belongs to a table kept here (a later row replaces
 * an earlier one of the same id). Returns 1 when taken, 0 when the row is
 * of another table, -1 (d set) for a row that cannot be read.
 */
int vd_tables_row(struct vd_tables *t, const struct vx_row *row, struct diag *d);

/* The table a CSV/tab export holds, from its header, or NULL. */
const char *vd_text_table(const char *head, size_t len);
/* Whether a file's first bytes (and, for a dump, its INSERT lines) hold
 * call times or statuses. */
bool vd_is_lookup_export(const char *path, const char *head, size_t len);

/*
 * Calls fn with the first bytes of every regular file in the folder of path
 * (not path itself, nor hidden files), in name order; -1 when a call failed
 * (the files after it are passed over).
 */
typedef int (*vd_beside_fn)(void *ctx, const char *file, const char *head, size_t len,
    struct diag *d);
int vd_each_beside(const char *path, vd_beside_fn fn, void *ctx, struct diag *d);

/*
 * Reads every export of call times or statuses in the folder of path (not
 * path itself), in name order, so that a campaign or a log sees the site's
 * own rows beside it. A file that is not such an export is passed over.
 */
int vd_tables_load_beside(struct vd_tables *t, const char *path, struct diag *d);

/* The rows of those tables in a dump (its other INSERTs passed over). */
int vd_tables_load_dump(struct vd_tables *t, const char *path, struct diag *d);

const struct vd_call_time *vd_call_time_find(const struct vd_tables *t, const char *id,
    bool state);
/*
 * The days on which call time ct makes no calls at all: its active
 * holidays whose window is empty. A sorted array the caller frees (NULL
 * when none); *n is its length.
 */
int64_t *vd_call_time_closed_days(const struct vd_tables *t, const struct vd_call_time *ct,
    size_t *n);
/*
 * The weekly windows of a call time (the lead's local time), joined with
 * those of every state call time it names (d set, -1, when one is unknown
 * or an HHMM value is impossible).
 */
int vd_call_time_schedule(const struct vd_tables *t, const struct vd_call_time *ct,
    struct arena *a, struct schedule *out, struct diag *d);

/* The campaign's own status of that code, else the system's; NULL when unknown. */
const struct vd_status *vd_status_find(const struct vd_tables *t, const char *campaign,
    size_t clen, const char *code, size_t len);
/* How a status (NULL: unknown code) is counted; code is the status text. */
enum vd_class vd_classify(const struct vd_status *s, const char *code, size_t len);

#endif
