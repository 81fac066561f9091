/* The rule table: one row per rule, the single source of rule metadata.
 * Its words are English, marked N_(); whoever shows them calls tr(). */
#include "checks/rules.h"

#include <string.h>

#include "checks/check.h"
#include "checks/events.h"
#include "util/i18n.h"

const struct rule rule_table[] = {
	{ "calling-hours", SEV_HIGH, N_("Calls outside permitted hours"),
	  N_("Compares the campaign's calling windows, converted to the called party's local time, "
	  "with the profile's permitted windows for each weekday, its barred days and its holiday "
	  "calendar."),
	  N_("Calling hours are the most visible limit a regulator or carrier enforces; every call "
	  "placed outside them is a separate breach."),
	  N_("Narrow the campaign windows to the permitted ones, judge them in the callee's zone, and "
	  "turn on holiday skipping where the profile bars holidays."),
	  limit_calling_hours, check_calling_hours_config, &calling_hours_events },
	{ "call-frequency", SEV_HIGH, N_("Too many calls to one number"),
	  N_("Works out the most attempts the campaign's retry settings allow to one number inside each "
	  "frequency window of the profile (rolling or per local day) and compares it with the limit."),
	  N_("Repeated calls to one person are the core of harassment complaints; carriers suspend "
	  "caller numbers and regulators count every excess attempt."),
	  N_("Lower max_attempts or lengthen retry_interval so that no window can hold more attempts "
	  "than the profile allows."),
	  limit_frequency, check_frequency_config, &frequency_events },
	{ "recall-after-abandon", SEV_MEDIUM, N_("Number called again too soon after an abandoned call"),
	  N_("Compares the campaign's retry delay after an abandoned call with the profile's minimum, "
	  "unless a live agent is guaranteed on the next call (preview or progressive dialling)."),
	  N_("An abandoned call followed by another within hours is what regulators treat as "
	  "persistent misuse."),
	  N_("Set retry_after_abandon to at least the profile's minimum, or dial abandoned numbers "
	  "again only in preview or progressive mode."),
	  limit_recall_after_abandon, check_recall_after_abandon_config,
	  &recall_after_abandon_events },
	{ "recall-after-machine", SEV_MEDIUM, N_("Number called again too soon after an answering machine"),
	  N_("Finds calls to a number within the profile's hours of an earlier call that an "
	  "answering machine took (answering-machine detection included), unless a live agent is "
	  "guaranteed on the new call."),
	  N_("Machine-detected calls include people wrongly taken for machines and hung up on; "
	  "calling them again at once is what regulators treat as persistent misuse."),
	  N_("Hold numbers an answering machine took back for the profile's hours, or dial them "
	  "again only in preview or progressive mode without AMD."),
	  limit_recall_after_machine, NULL, &recall_after_machine_events },
	{ "wait-after-refusal", SEV_HIGH, N_("Refusals not honoured long enough"),
	  N_("Compares how long the campaign suppresses a number after the called person refuses "
	  "further calls with the profile's minimum (which may be forever)."),
	  N_("Calling someone who said no is a breach in every regime dialaudit knows."),
	  N_("Set refusal_suppression_days to the profile's minimum, or 0 (forever), and feed refusals "
	  "into the do-not-call list."),
	  limit_wait_after_refusal, check_wait_after_refusal_config, &wait_after_refusal_events },
	{ "wait-after-conversation", SEV_HIGH, N_("Number called again too soon after a conversation"),
	  N_("Finds calls to a number on the days that follow a telephone conversation with its holder "
	  "(counted in the callee's local calendar days, the conversation's own day first), where "
	  "the profile sets such a pause (debt collection)."),
	  N_("Calling again right after speaking to someone is what debt-collection rules presume to "
	  "be harassment."),
	  N_("After a conversation, hold the number back for the profile's number of days: schedule "
	  "the next attempt for the first day after the pause."),
	  limit_wait_after_conversation, NULL, &wait_after_conversation_events },
	{ "abandon-rate", SEV_HIGH, N_("Abandoned-call rate above the limit"),
	  N_("Checks that a predictive campaign has an abandon-rate target and that it is no higher "
	  "than the profile's maximum."),
	  N_("Predictive dialers drop calls by design; the abandoned-call rate is the figure a "
	  "regulator asks for first."),
	  N_("Set abandon_target at or below the profile's maximum, or dial in progressive mode."),
	  limit_abandon_rate, check_abandon_rate_config, &abandon_rate_events },
	{ "abandon-message", SEV_MEDIUM, N_("No timely message on abandoned calls"),
	  N_("Checks that a dialer that can abandon calls plays an identification message, and that "
	  "it starts within the profile's maximum delay."),
	  N_("A silent call frightens people and is treated more harshly than an abandoned one with a "
	  "message."),
	  N_("Turn abandon_message on and set its delay at or below the profile's maximum."),
	  limit_abandon_message, check_abandon_message_config },
	{ "ring-time", SEV_MEDIUM, N_("Unanswered calls given up too early"),
	  N_("Compares the campaign's ring timeout with the profile's minimum ring time."),
	  N_("Hanging up before the person can reach the phone produces missed calls that are then "
	  "redialled, and regulators set a minimum for that reason."),
	  N_("Raise ring_timeout to at least the profile's minimum."),
	  limit_ring_time, check_ring_time_config, &ring_time_events },
	{ "caller-id", SEV_HIGH, N_("Caller ID missing, malformed, forbidden or not licensed"),
	  N_("Checks that the campaign presents caller IDs, that each is a valid number, that none is "
	  "forbidden or inbound-only under the profile, and that each is one of the licence's "
	  "numbers."),
	  N_("Hidden or spoofed caller IDs are banned outright in most regimes and are the first thing "
	  "carriers block."),
	  N_("Present only numbers listed on the licence and allowed by the profile."),
	  limit_caller_id, check_caller_id_config, &caller_id_events },
	{ "dnc-list", SEV_HIGH, N_("Do-not-call scrubbing off or stale"),
	  N_("Checks that the campaign scrubs numbers against the do-not-call list and that the list "
	  "copy is no older than the profile allows."),
	  N_("Calling a registered number is a per-call breach; an old list copy misses new "
	  "registrations."),
	  N_("Turn dnc scrub on and refresh the list at least as often as the profile's maximum age."),
	  limit_dnc, check_dnc_config, &dnc_events },
	{ "consent", SEV_HIGH, N_("Consent not required where the profile requires it"),
	  N_("Checks that campaigns whose purpose needs prior consent under the profile only call "
	  "numbers with consent on record."),
	  N_("Calling without consent is unlawful where consent is required, whatever else is right."),
	  N_("Set consent_required = true and load consent records for the campaign."),
	  limit_consent, check_consent_config, &consent_events },
	{ "capacity", SEV_HIGH, N_("More lines than licensed"),
	  N_("Compares each campaign's channel limit, and all campaigns together, with the licence's "
	  "capacity, and the channels per caller number with the profile's per-number limit."),
	  N_("Running more concurrent calls than licensed breaches the licence itself."),
	  N_("Lower max_channels, or add caller numbers, so that the licensed capacity and the "
	  "per-number limit hold."),
	  limit_capacity, check_capacity_config, &capacity_events },
	{ "call-purpose", SEV_CRITICAL, N_("Call purpose not permitted"),
	  N_("Checks the campaign's purpose against the purposes the licence permits and those the "
	  "profile forbids for the licence type."),
	  N_("A purpose outside the licence (such as marketing under a Chinese B07 call-centre "
	  "licence) puts the licence itself at risk."),
	  N_("Run the campaign only for a permitted purpose, or under a licence that permits it."),
	  limit_purpose, check_purpose_config },
	{ "blocked-destination", SEV_MEDIUM, N_("Emergency or premium numbers not filtered"),
	  N_("Checks that a campaign filters out the destinations the profile blocks (emergency, "
	  "premium and special numbers)."),
	  N_("An auto-dialer that calls an emergency line ties it up; premium numbers cost the "
	  "operator and can be fraud."),
	  N_("Turn destination_filter on so the dialer drops numbers matching the blocked patterns."),
	  limit_destination, check_destination_config, &destination_events },
	{ "licence-expiry", SEV_HIGH, N_("Licence expired or due for renewal"),
	  N_("Compares the licence's expiry date with today: expired is critical, inside the profile's "
	  "renewal lead time is high."),
	  N_("Dialling on an expired licence is unlicensed operation; renewals take months, so the "
	  "lead time matters."),
	  N_("Start the renewal now; stop outbound dialling if the licence has expired."),
	  limit_licence_expiry, check_licence_expiry_config },
	{ "record-retention", SEV_MEDIUM, N_("Call records not kept long enough"),
	  N_("Compares the campaign's record retention with the profile's minimum."),
	  N_("Regulators ask for recordings, call records and consent proof; deleting them early "
	  "leaves no defence."),
	  N_("Keep recordings, CDRs and consent proof at least as long as the profile requires."),
	  limit_retention, check_retention_config, NULL },
	{ "call-volume", SEV_MEDIUM, N_("Caller ID used for too many calls"),
	  N_("Counts the calls each caller ID places per clock hour and per local day (in the "
	  "profile's zone) and compares them with the profile's limits."),
	  N_("Carriers flag and suspend numbers that place mass calls; a regulator reads high "
	  "volume from one number as harassment."),
	  N_("Spread calls over more licensed caller numbers, or lower the dialing rate."),
	  limit_call_volume, NULL, &call_volume_events },
	{ "short-calls", SEV_MEDIUM, N_("Too many very short answered calls"),
	  N_("Works out, per caller ID and campaign, the share of answered calls whose talk time is "
	  "under the profile's seconds, and compares it with the profile's maximum share."),
	  N_("A high share of calls hung up within seconds is the pattern carriers act on as "
	  "harassment or robocalling."),
	  N_("Check the dialer's pacing, the opening of the script and the lead quality of the "
	  "campaign named."),
	  limit_short_calls, NULL, &short_calls_events },
	{ "exposed-interface", SEV_HIGH, N_("Dialer reachable by others: open management interface or weak secret"),
	  N_("Finds, in Asterisk configuration, management interfaces (AMI, ARI, HTTP) listening in "
	  "plain text on every or a public address, AMI users without permit= limits, empty, "
	  "default, short or user-name secrets, chan_sip guest calls and user-name probing, and "
	  "PJSIP endpoints without authentication on an open transport. The secrets themselves are "
	  "never shown."),
	  N_("Whoever logs into a dialer can place calls in the operator's name, with its caller IDs "
	  "and licence: the resulting unlawful or fraudulent calls are the operator's to answer for. "
	  "This is security practice, not a jurisdiction's limit."),
	  N_("Bind AMI and the HTTP server to 127.0.0.1 or a management network, use TLS, give every "
	  "AMI user deny/permit limits and a long random secret, set allowguest = no and "
	  "alwaysauthreject = yes, and give every PJSIP endpoint auth= or an identify section."),
	  NULL, check_exposure_config, NULL },
	{ "waiver-expired", SEV_MEDIUM, N_("A waiver has expired"),
	  N_("Reports a waiver (--waivers) whose expiry date has passed while it still covers "
	  "findings; those findings are reported again as active."),
	  N_("A waiver accepts a known problem for a time; past its date, the problem is as open as "
	  "before, and an auditor reads an old waiver as a problem nobody owns."),
	  N_("Fix the findings it covered, or renew the waiver with a new justification and date."),
	  NULL, NULL, NULL },
	{ "input-rejected", SEV_MEDIUM, N_("Log rows that could not be read"),
	  N_("Counts the rows of each call log that could not be parsed (wrong column count, "
	  "impossible dates, numbers with letters, unterminated quotes, NUL bytes) and shows the "
	  "first few with their line and reason."),
	  N_("A row that is not read is a call that is not audited; an auditor must say so rather than "
	  "report a clean result over part of the data."),
	  N_("Fix or re-export the rows named, or give the right --log-format, --mapping or --log-tz."),
	  NULL, NULL, &input_events },
	{ "calendar-expired", SEV_MEDIUM, N_("Calls beyond the holiday calendar"),
	  N_("Finds calls on days the profile's holiday calendar does not cover (before its first or "
	  "after its last day), where it bars holidays or moves make-up working days: whether such "
	  "a day was a holiday is unknown, so those calls were judged as on ordinary days."),
	  N_("Holiday dates are published year by year; an audit that assumes a day was ordinary "
	  "without knowing may pass a call made on a public holiday."),
	  N_("Update the profile's calendar (scripts/gen-calendars.py or scripts/gen-calendar-cn.py) "
	  "to cover every day in the logs, then audit again."),
	  limit_calendar_expiry, NULL, &calendar_expiry_events },
};

const size_t rule_count = sizeof(rule_table) / sizeof(rule_table[0]);

const struct rule *
rule_find(const char *id)
{
	for (size_t i = 0; i < rule_count; i++)
		if (strcmp(rule_table[i].id, id) == 0)
			return &rule_table[i];
	return NULL;
}

void
checks_run_config(struct check_ctx *ctx)
{
	for (size_t i = 0; i < rule_count; i++) {
		if (rule_table[i].check_config == NULL)
			continue;
		ctx->rule = &rule_table[i];
		rule_table[i].check_config(ctx);
	}
}
