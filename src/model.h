/* The vendor-neutral model: campaigns, licences and the files they came from. */
#ifndef DIALAUDIT_MODEL_H
#define DIALAUDIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calllog.h"
#include "logscan.h"
#include "schedule.h"

/* Call purposes, as bits of a mask. */
enum purpose {
	PURPOSE_MARKETING,
	PURPOSE_SERVICE,
	PURPOSE_COLLECTION,
	PURPOSE_RESEARCH,
	PURPOSE_CALLBACK,
	PURPOSE_POLITICAL,
	PURPOSE_CHARITY,
	PURPOSE__COUNT,
};

enum dial_mode {
	DIAL_UNSET,
	DIAL_PREVIEW,     /* an agent chooses and places each call */
	DIAL_PROGRESSIVE, /* one call per free agent: no abandonment by design */
	DIAL_PREDICTIVE,  /* more calls than agents: abandons calls */
};

/* A yes/no setting the file may leave out. */
enum tristate { TRI_UNSET = -1, TRI_NO = 0, TRI_YES = 1 };

/*
 * Each campaign setting has a slot for the line it was read from, so a
 * finding can point at the exact setting.
 */
enum campaign_setting {
	CS_CAMPAIGN, /* the campaign block itself */
	CS_PURPOSE, CS_DIAL_MODE, CS_PACING, CS_ABANDON_TARGET, CS_WINDOWS, CS_WINDOWS_ZONE,
	CS_SERVER_TIMEZONE, CS_SKIP_HOLIDAYS, CS_MAX_ATTEMPTS, CS_ATTEMPTS_WINDOW,
	CS_RETRY_INTERVAL, CS_RETRY_AFTER_ABANDON, CS_RETRY_AFTER_NO_ANSWER, CS_RING_TIMEOUT,
	CS_ABANDON_MESSAGE, CS_ABANDON_MESSAGE_DELAY, CS_AMD, CS_CALLER_IDS, CS_DNC_SCRUB,
	CS_DNC_LIST_AGE, CS_CONSENT_REQUIRED, CS_REFUSAL_SUPPRESSION, CS_RETENTION,
	CS_DESTINATION_FILTER, CS_MAX_CHANNELS, CS_CALLS_PER_SECOND, CS_AGENTS,
	CS__COUNT,
};

/* The setting's name as written in the native campaign format. */
const char *campaign_setting_key(enum campaign_setting s);

struct campaign {
	const char *name;
	const char *path;                /* file it came from */
	int line[CS__COUNT];             /* 0 = not set in the file */
	/* The file of each setting when it is not path (a dialer whose settings
	 * span several files, such as Asterisk's); NULL = path. */
	const char *file[CS__COUNT];
	int purpose;                     /* enum purpose, -1 = unset */
	enum dial_mode dial_mode;
	double pacing;                   /* lines per agent; 0 = unset */
	double abandon_target;           /* percent; < 0 = unset */
	bool has_windows;
	struct schedule windows;
	bool windows_in_callee_zone;     /* false: judged in server_timezone */
	const char *server_timezone;
	enum tristate skip_holidays;
	/* Days (since 1970-01-01, sorted) the dialer's own holiday table closes:
	 * public holidays among them are skipped even when skip_holidays is not
	 * set (CS_SKIP_HOLIDAYS says where the table was read). */
	const int64_t *closed_days;
	size_t nclosed_days;
	int max_attempts;                /* per number; 0 = unlimited/unset */
	int64_t attempts_window;         /* seconds over which max_attempts counts; 0 = whole campaign */
	int64_t retry_interval;          /* seconds; -1 unset */
	int64_t retry_after_abandon;
	int64_t retry_after_no_answer;
	int ring_timeout;                /* seconds; -1 unset, INT_MAX no limit */
	enum tristate abandon_message;
	double abandon_message_delay;    /* seconds; < 0 unset */
	enum tristate amd;
	char **caller_ids;
	/* Where each caller ID was read, when the IDs come from several places;
	 * NULL = the CS_CALLER_IDS setting's file and line. */
	const char **caller_id_files;
	int *caller_id_lines;
	size_t ncaller_ids;
	enum tristate dnc_scrub;
	int dnc_list_age_days;           /* -1 unset */
	enum tristate consent_required;
	int refusal_suppression_days;    /* -1 unset, 0 = forever */
	int retention_days;              /* -1 unset */
	enum tristate destination_filter;
	int max_channels;                /* 0 unset */
	double calls_per_second;         /* 0 unset */
	int agents;                      /* agents calls can be put through to (seats); 0 unset */
};

struct campaign_set {
	struct campaign *v;
	size_t n;
};

struct licence {
	const char *path;
	int line;                        /* of the licence group */
	const char *holder, *number, *type;
	char **coverage;
	size_t ncoverage;
	int64_t issued, expires;         /* days since epoch; expires is the last valid day */
	int expires_line;
	int seats, channels;             /* 0 = not stated */
	int capacity_line;
	char **caller_numbers;
	size_t ncaller_numbers;
	int caller_numbers_line;
	unsigned purposes;               /* permitted purposes; 0 = not stated */
	int purposes_line;
	bool outbound_commitment;        /* CN: commitment letter for 95/96/400 outbound */
};



/*
 * A way into the dialer that an attacker can use to place calls in the
 * operator's name (exposed-interface). Adapters record the fact, never the
 * secret: a weak secret is recorded by its weakness only.
 */
enum exposure_kind {
	EXP_AMI_OPEN,          /* AMI (manager.conf) listening on every address, plain text */
	EXP_AMI_USER_OPEN,     /* an AMI user with no permit= limit on an AMI open to all */
	EXP_HTTP_OPEN,         /* the HTTP server (AMI over HTTP, ARI) on every address, plain text */
	EXP_ARI_ENABLED,       /* ARI on: exposed when its folder's HTTP server is (EXP_HTTP_OPEN) */
	EXP_WEAK_SECRET,       /* detail = enum secret_weakness */
	EXP_SIP_GUEST,         /* chan_sip allowguest on (its default) */
	EXP_SIP_AUTH_REVEALS,  /* chan_sip alwaysauthreject = no */
	EXP_PJSIP_NO_AUTH,     /* a PJSIP endpoint without auth= on an all-address transport */
	EXP__COUNT,
};

struct exposure {
	enum exposure_kind kind;
	int detail;            /* kind-specific (the weakness of a weak secret) */
	const char *path;      /* the file and line of the setting at fault */
	int line;
	const char *subject;   /* user, endpoint or address named; never a secret */
	const char *service;   /* "AMI", "ARI", "SIP", … : whose secret or setting */
	const char *group;     /* the configuration folder it belongs to */
};

struct arena;

/* Everything read from the inputs of one audit. The arena owns all of it. */
struct model {
	struct campaign_set campaigns;
	size_t campaigns_cap;
	struct licence *licence;
	struct exposure *exposures;    /* exposed-interface facts */
	size_t nexposures, exposures_cap;
	struct calllog log;            /* calls from every call log */
	struct log_scan_opts log_opts; /* how call logs are read */
	struct arena *arena;
};

void model_init(struct model *m);
void model_free(struct model *m);
/* A new campaign with every setting unset, appended to m. */
struct campaign *model_add_campaign(struct model *m, const char *name, const char *path);
/* Appends caller ID id, read at file:line, to c (strings copied into the
 * arena); false when c already holds MODEL_MAX_CALLER_IDS. */
#define MODEL_MAX_CALLER_IDS 1000
bool model_add_caller_id(struct model *m, struct campaign *c, const char *id, const char *file,
    int line);
/* Appends a copy of e (strings copied into the arena); false past MODEL_MAX_EXPOSURES. */
#define MODEL_MAX_EXPOSURES 10000
bool model_add_exposure(struct model *m, const struct exposure *e);
#endif
