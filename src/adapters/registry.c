/* The adapter table and format detection. */
#include "adapters/adapter.h"

#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

int native_campaign_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int native_campaign_parse(const char *path, struct model *m, struct diag *d);
int native_licence_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int native_licence_parse(const char *path, struct model *m, struct diag *d);
int asterisk_cdr_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_cdr_parse(const char *path, struct model *m, struct diag *d);
int lead_list_sniff(const char *path, const char *head, size_t len, const struct model *m);
int lead_list_parse(const char *path, struct model *m, struct diag *d);
int generic_csv_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int generic_csv_parse(const char *path, struct model *m, struct diag *d);
int asterisk_callfile_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_callfile_parse(const char *path, struct model *m, struct diag *d);
int asterisk_config_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_config_parse(const char *path, struct model *m, struct diag *d);
int freeswitch_config_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int freeswitch_config_parse(const char *path, struct model *m, struct diag *d);
int freeswitch_cdr_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int freeswitch_cdr_parse(const char *path, struct model *m, struct diag *d);
int vicidial_campaigns_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int vicidial_campaigns_parse(const char *path, struct model *m, struct diag *d);
int vicidial_tables_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int vicidial_tables_parse(const char *path, struct model *m, struct diag *d);
int vicidial_log_sniff(const char *path, const char *head, size_t len, const struct model *m);
int vicidial_log_parse(const char *path, struct model *m, struct diag *d);

const struct adapter adapter_table[] = {
	/* grouped by dialer; on equal scores the earlier row wins, so the
	 * catch-all generic-csv stays last */
	{ "dialaudit-campaign", KIND_CAMPAIGN, "dialaudit's native campaign settings (libconfig)",
	  native_campaign_sniff, native_campaign_parse },
	{ "dialaudit-licence", KIND_LICENCE, "dialaudit's native licence terms (libconfig)",
	  native_licence_sniff, native_licence_parse },
	{ "asterisk-cdr", KIND_CALL_LOG, "Asterisk cdr_csv Master.csv (16-21 columns) and cdr_custom "
	  "CSV with a header", asterisk_cdr_sniff, asterisk_cdr_parse },
	{ "asterisk-callfile", KIND_CAMPAIGN, "Asterisk outgoing call files (.call): retry, ring-time "
	  "and caller-ID settings, and the calls they plan (the file's time) or made (StartRetry)",
	  asterisk_callfile_sniff, asterisk_callfile_parse },
	{ "asterisk-config", KIND_CAMPAIGN, "Asterisk configuration (extensions, asterisk, pjsip, "
	  "pjsip_wizard, sip, queues, amd, manager, ari, http .conf): one campaign per folder",
	  asterisk_config_sniff, asterisk_config_parse },
	{ "freeswitch-config", KIND_CAMPAIGN, "FreeSWITCH switch.conf.xml (max-sessions, "
	  "sessions-per-second), callcenter.conf.xml and cdr_csv.conf.xml (XML)",
	  freeswitch_config_sniff, freeswitch_config_parse },
	{ "freeswitch-cdr", KIND_CALL_LOG, "FreeSWITCH mod_cdr_csv Master.csv, laid out by the "
	  "site's cdr_csv.conf.xml template (or the default one)", freeswitch_cdr_sniff,
	  freeswitch_cdr_parse },
	{ "vicidial-campaigns", KIND_CAMPAIGN, "VICIdial vicidial_campaigns exported as CSV or tab "
	  "text with a header, or a mysqldump (call times and statuses beside it are read too)",
	  vicidial_campaigns_sniff, vicidial_campaigns_parse },
	{ "vicidial-tables", KIND_CAMPAIGN, "VICIdial vicidial_call_times, vicidial_state_call_times, "
	  "vicidial_statuses, vicidial_campaign_statuses, vicidial_lists, "
	  "vicidial_campaign_cid_areacodes and the carrier, drop and dial logs' exports (read by "
	  "the campaigns and logs beside them)", vicidial_tables_sniff, vicidial_tables_parse },
	{ "vicidial-log", KIND_CALL_LOG, "VICIdial vicidial_log (or the Export Calls Report) as CSV or "
	  "tab text with a header, or a mysqldump; statuses classified by their flags",
	  vicidial_log_sniff, vicidial_log_parse },
	{ "lead-list", KIND_LEAD_LIST, "VICIdial lead files (standard pipe or tab layout, CSV "
	  "layout, list export): for config --leads (docs/leads.md); scan lists them as skipped",
	  lead_list_sniff, lead_list_parse },
	{ "generic-csv", KIND_CALL_LOG, "any CSV call log with a header, read through --mapping FILE "
	  "(docs/mapping-format.md)", generic_csv_sniff, generic_csv_parse },
};

const size_t adapter_count = sizeof(adapter_table) / sizeof(adapter_table[0]);

static const char *const kind_names[KIND__COUNT] = { "campaign", "call-log", "number-list",
	"licence", "lead-list" };

const char *
input_kind_name(enum input_kind k)
{
	return k < KIND__COUNT ? kind_names[k] : "?";
}

const struct adapter *
adapter_find(const char *name)
{
	for (size_t i = 0; i < adapter_count; i++)
		if (strcmp(adapter_table[i].name, name) == 0)
			return &adapter_table[i];
	return NULL;
}

const struct adapter *
adapter_detect(const char *path, enum input_kind kind, const struct model *m, const char **why)
{
	char head[SNIFF_HEAD + 1];
	ssize_t len;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	const struct adapter *best = NULL;
	int best_score = 0;

	static char reason[160]; /* the caller copies it before the next call */

	if (fd < 0) {
		snprintf(reason, sizeof(reason), "cannot be opened: %s", strerror(errno));
		*why = reason;
		return NULL;
	}
	len = read(fd, head, SNIFF_HEAD);
	if (len < 0)
		snprintf(reason, sizeof(reason), "cannot be read: %s", strerror(errno));
	close(fd);
	if (len < 0) {
		*why = reason;
		return NULL;
	}
	if (len == 0) {
		*why = "empty file";
		return NULL;
	}
	head[len] = '\0';
	for (size_t i = 0; i < adapter_count; i++) {
		int score;

		if (kind != KIND__COUNT && adapter_table[i].kind != kind)
			continue;
		score = adapter_table[i].sniff(path, head, (size_t)len, m);
		if (score > best_score) {
			best_score = score;
			best = &adapter_table[i];
		}
	}
	if (best == NULL)
		*why = "not a recognised format";
	return best;
}
