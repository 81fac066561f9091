/* dialaudit: the command line. Everything else lives in the library. */
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <getopt.h>
#include <libgen.h>
#include <malloc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "adapters/adapter.h"
#include "audit.h"
#include "baseline.h"
#include "calendar.h"
#include "checks/rules.h"
#include "profile.h"
#include "report/report.h"
#include "util/i18n.h"
#include "util/outfile.h"
#include "util/timeutil.h"
#include "util/tz.h"
#include "util/xalloc.h"

#ifndef DIALAUDIT_VERSION
#define DIALAUDIT_VERSION "0.0.0"
#endif

enum exit_status { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

static const char usage_main[] =
"Usage: dialaudit COMMAND [OPTION]... [ARG]...\n"
"Audit outbound dialing (dialer settings, call logs, do-not-call and consent\n"
"lists, licence terms) for regulatory risk.\n"
"\n"
"Commands:\n"
"  scan PATH...      audit everything dialaudit recognises under each PATH;\n"
"                    reads PATH/dialaudit.cfg (profile, licence, lists …) when\n"
"                    present\n"
"  config FILE...    audit campaign configuration files\n"
"  logs FILE...      audit call logs (CDRs): every call that broke a limit\n"
"  formats           list the input formats dialaudit reads (dialer configs,\n"
"                    call logs, lists, licences) and how each is recognised\n"
"  profiles          list the built-in jurisdiction profiles\n"
"  rules             list the rules (with --profile: the limits it sets)\n"
"  explain RULE      what a rule checks, why, its legal source and the fix\n"
"  version           print the version\n"
"  help [COMMAND]    this text, or a command's own help\n"
"\n"
"Run 'dialaudit COMMAND --help' for a command's options.\n"
"\n"
"Reports (scan, config, logs) and the text of rules and explain come in the\n"
"language --lang names (en or zh-CN), by default the one LC_ALL, LC_MESSAGES\n"
"or LANG names (English when it is neither); errors are always English.\n"
"\n"
"Exit status:\n"
"  0  no finding at or above the --fail-on severity\n"
"  1  at least one finding at or above it\n"
"  2  usage error or bad input (nothing is reported)\n";

static const char usage_audit[] =
"Usage: dialaudit %s [OPTION]... %s...\n"
"%s\n"
"\n"
"Options:\n"
"  -p, --profile ID|FILE   jurisdiction profile: a built-in id (see 'dialaudit\n"
"                          profiles') or a profile file; required (for scan,\n"
"                          unless PATH/dialaudit.cfg names one)\n"
"      --licence FILE      licence terms (holder, expiry, capacity, caller\n"
"                          numbers, permitted purposes); also --license\n"
"  -f, --format FORMAT     report format: text (default), json, sarif, csv,\n"
"                          junit or html (one self-contained page for people\n"
"                          and renewal files: licence, findings with legal\n"
"                          source and fix, charts of the call logs, evidence)\n"
"  -o, --output FILE       write the report to FILE (default: standard output);\n"
"                          a file is replaced whole, with mode 0600. Several\n"
"                          reports in one run: -f json -o r.json -f sarif -o\n"
"                          r.sarif (the i-th -f goes to the i-th -o; one -f\n"
"                          without -o may go to standard output)\n"
"      --fail-on SEVERITY  exit 1 when a finding is at or above SEVERITY:\n"
"                          info, low (default), medium, high, critical, never\n"
"      --show-numbers      show phone numbers in full (default: masked, as\n"
"                          they are personal data)\n"
"      --color WHEN        colour the text report: auto (default: only on a\n"
"                          terminal, and not when NO_COLOR is set), always, never\n"
"      --config-format NAME  read dialer configurations as NAME instead of\n"
"                          recognising each file: auto (the default) or a\n"
"                          campaign format of 'dialaudit formats'; in a scan,\n"
"                          files recognised as configurations are read as NAME\n"
"                          (not for logs)\n"
"      --today DATE        judge dates (licence expiry) as of DATE, YYYY-MM-DD\n"
"                          (default: today in the profile's time zone)\n"
"      --baseline FILE     report only findings not in FILE (a file written by\n"
"                          --write-baseline, or an earlier JSON report); matched\n"
"                          on each finding's fingerprint, never its line\n"
"      --write-baseline FILE  write the fingerprints of this run's findings\n"
"      --waivers FILE      accepted findings (rule; campaign, file, caller ID or\n"
"                          called number; justification; expiry;\n"
"                          docs/waivers.md): listed as waived, not failing the\n"
"                          run; an expired waiver is itself a finding\n"
"      --lang LANG         language of the report text: en or zh-CN (default:\n"
"                          from LC_ALL, LC_MESSAGES or LANG, else en); rule ids,\n"
"                          JSON keys, severities and fingerprints stay the same,\n"
"                          and errors on standard error stay English\n"
"\n"
"Lead lists (config):\n"
"      --leads FILE        scrub a lead list before the campaign goes live; give\n"
"                          it once per file. VICIdial's standard layout (pipe or\n"
"                          tab), its CSV layout, a VICIdial list export with a\n"
"                          header, or any CSV read through --mapping (its leads\n"
"                          group). Each lead is judged against every campaign\n"
"                          given: on the --dnc list, without --consent valid all\n"
"                          through --today, invalid or blocked number, zone not\n"
"                          known, or no hour inside the campaign's windows that\n"
"                          the profile permits in the callee's zone\n"
"                          (docs/leads.md). --dnc, --consent, --mapping and\n"
"                          --details work with config only together with it;\n"
"                          --details then writes one row per lead with a problem:\n"
"                          file,line,lead,number,zone,problems\n"
"\n"
"Call logs (logs and scan):\n"
"      --log-format NAME   read call logs as NAME instead of recognising each\n"
"                          file: auto (the default) or a call-log format of\n"
"                          'dialaudit formats' (generic-csv is any CSV with a\n"
"                          header, read through --mapping); in a scan, files\n"
"                          recognised as call logs are read as NAME\n"
"      --mapping FILE      how a generic CSV export's columns, times and\n"
"                          dispositions map to calls (docs/mapping-format.md)\n"
"      --log-tz ZONE       zone the log's times are written in, e.g. UTC or\n"
"                          Asia/Shanghai (default: the profile's zone); epoch\n"
"                          columns need none\n"
"      --dnc FILE          do-not-call list: one number a line, or CSV\n"
"      --consent FILE      consent records: CSV with number, granted_at and\n"
"                          optionally revoked_at, expires_at, campaign\n"
"      --capacity N        concurrent calls allowed (default: the licence's\n"
"                          channels)\n"
"      --details FILE      write every call that broke a rule to FILE as CSV:\n"
"                          rule,file,line,campaign,number,local_time,reason\n"
"  -j, --jobs N            parser threads (default: one per core)\n"
"      --hash-logs         record each call log's SHA-256 in the report's\n"
"                          evidence (other inputs are always hashed, with size\n"
"                          and time; a log costs about 0.8 s per GB more)\n"
"  -h, --help              show this help\n"
"\n"
"Severities: critical > high > medium > low > info.\n"
"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.\n"
"An input error is one line on standard error, 'dialaudit: FILE:LINE: message';\n"
"a usage error adds a hint. Nothing is written to standard output then.\n";

static const char usage_formats[] =
"Usage: dialaudit formats\n"
"List the input formats: name, kind (campaign configuration, call log, number\n"
"list, licence) and what the format is. Each file is recognised by its name\n"
"and first bytes; --config-format and --log-format take these names to\n"
"override that.\n";

static const char usage_profiles[] =
"Usage: dialaudit profiles\n"
"List the built-in jurisdiction profiles: id, name, review date, the last day\n"
"their holiday calendar covers, and what they extend.\n"
"Built-in profiles are searched in $DIALAUDIT_PROFILE_DIR, beside the binary\n"
"(build tree) and in the installed data directory.\n";

static const char usage_rules[] =
"Usage: dialaudit rules [-p ID|FILE] [--lang LANG]\n"
"List every rule: id, default severity and title. With --profile, also the\n"
"limit that profile sets for each rule and its legal source; rules the\n"
"profile sets no limit for are marked 'not set'. --lang en|zh-CN: the\n"
"language of titles and limits (default: from LC_ALL, LC_MESSAGES or LANG).\n";

static const char usage_explain[] =
"Usage: dialaudit explain RULE [-p ID|FILE] [--lang LANG]\n"
"Explain a rule: what it checks, why it matters, how to fix a finding, and\n"
"the limit and legal source of each built-in profile (or only of --profile).\n"
"--lang en|zh-CN: the language of the explanation (default: from LC_ALL,\n"
"LC_MESSAGES or LANG).\n";

static void
error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
error(const char *fmt, ...)
{
	char msg[2400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* one line, and no terminal control from an input's text */
	for (char *p = msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "dialaudit: %s\n", msg);
}

static int
fail_diag(const struct diag *d)
{
	char buf[2200];

	error("%s", diag_format(d, buf, sizeof(buf)));
	return EXIT_ERROR;
}

static int
usage_error(const char *command, const char *fmt, const char *arg)
{
	fputs("dialaudit: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'dialaudit %s%s--help' for more information.\n",
	    command != NULL ? command : "", command != NULL ? " " : "");
	return EXIT_ERROR;
}

/* --log-format / --config-format: "auto" (NULL) or an adapter of kind. */
static int
format_option(const char *command, const char *option, enum input_kind kind, const char *arg,
    const char **out)
{
	const struct adapter *ad;
	char names[600] = "auto";

	if (strcmp(arg, "auto") == 0) {
		*out = NULL;
		return 0;
	}
	/* the short names of the first releases */
	if (kind == KIND_CALL_LOG && strcmp(arg, "asterisk") == 0)
		arg = "asterisk-cdr";
	else if (kind == KIND_CALL_LOG && strcmp(arg, "generic") == 0)
		arg = "generic-csv";
	ad = adapter_find(arg);
	if (ad != NULL && ad->kind == kind) {
		*out = ad->name;
		return 0;
	}
	for (size_t i = 0; i < adapter_count; i++)
		if (adapter_table[i].kind == kind) {
			size_t len = strlen(names);

			snprintf(names + len, sizeof(names) - len, ", %s", adapter_table[i].name);
		}
	fprintf(stderr, "dialaudit: %s '%s': expected one of: %s\n", option, arg, names);
	fprintf(stderr, "Try 'dialaudit %s --help' or 'dialaudit formats' for more information.\n",
	    command);
	return -1;
}

#define MAX_OUTPUTS 8
#define MAX_LEADS 64

struct cli {
	const char *command;
	const char *profile, *licence, *color, *today;
	/* -f and -o, paired in the order given: the i-th -f writes to the i-th -o */
	const char *formats[MAX_OUTPUTS], *outputs[MAX_OUTPUTS];
	int nformats, noutputs;
	const char *log_format, *config_format, *log_tz, *dnc, *consent, *details, *mapping;
	const char *baseline, *write_baseline, *waivers;
	const char *leads[MAX_LEADS];   /* config --leads, in the order given */
	size_t nleads;
	int fail_on, capacity, jobs;
	int lang;                       /* enum lang; -1: from the environment */
	bool show_numbers, hash_logs;
	struct timespec started, started_mono; /* for the report's run evidence */
};

enum { OPT_LICENCE = 256, OPT_FAIL_ON, OPT_SHOW_NUMBERS, OPT_COLOR, OPT_TODAY, OPT_LOG_FORMAT,
	OPT_LOG_TZ, OPT_DNC, OPT_CONSENT, OPT_CAPACITY, OPT_DETAILS, OPT_MAPPING, OPT_BASELINE,
	OPT_WRITE_BASELINE, OPT_WAIVERS, OPT_HASH_LOGS, OPT_LANG, OPT_CONFIG_FORMAT, OPT_LEADS };

static const struct option long_options[] = {
	{ "profile", required_argument, NULL, 'p' },
	{ "licence", required_argument, NULL, OPT_LICENCE },
	{ "license", required_argument, NULL, OPT_LICENCE },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "show-numbers", no_argument, NULL, OPT_SHOW_NUMBERS },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "log-format", required_argument, NULL, OPT_LOG_FORMAT },
	{ "config-format", required_argument, NULL, OPT_CONFIG_FORMAT },
	{ "log-tz", required_argument, NULL, OPT_LOG_TZ },
	{ "dnc", required_argument, NULL, OPT_DNC },
	{ "consent", required_argument, NULL, OPT_CONSENT },
	{ "capacity", required_argument, NULL, OPT_CAPACITY },
	{ "details", required_argument, NULL, OPT_DETAILS },
	{ "jobs", required_argument, NULL, 'j' },
	{ "mapping", required_argument, NULL, OPT_MAPPING },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "waivers", required_argument, NULL, OPT_WAIVERS },
	{ "hash-logs", no_argument, NULL, OPT_HASH_LOGS },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "leads", required_argument, NULL, OPT_LEADS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void
print_help(const char *command)
{
	if (command == NULL)
		fputs(usage_main, stdout);
	else if (strcmp(command, "scan") == 0)
		printf(usage_audit, "scan", "PATH",
		    "Audit every file dialaudit recognises under each PATH (folders are walked;\n"
		    "files it does not recognise are listed as skipped, with the reason).\n"
		    "PATH/dialaudit.cfg may set profile, licence, dnc, consent, mapping, log_tz\n"
		    "and fail_on (paths relative to it); options win.");
	else if (strcmp(command, "config") == 0)
		printf(usage_audit, "config", "FILE",
		    "Audit campaign configuration files against a profile and the licence.\n"
		    "Each FILE must be a campaign configuration dialaudit recognises. With\n"
		    "--leads, also scrub lead lists against the campaigns before launch.");
	else if (strcmp(command, "logs") == 0)
		printf(usage_audit, "logs", "FILE",
		    "Audit call logs (CDRs) against a profile: every call that broke a limit, and\n"
		    "the aggregates a regulator looks at (abandon rate, peak concurrency). Rows\n"
		    "that cannot be read are counted and reported (rule input-rejected).");
	else if (strcmp(command, "profiles") == 0)
		fputs(usage_profiles, stdout);
	else if (strcmp(command, "formats") == 0)
		fputs(usage_formats, stdout);
	else if (strcmp(command, "rules") == 0)
		fputs(usage_rules, stdout);
	else if (strcmp(command, "explain") == 0)
		fputs(usage_explain, stdout);
	else
		fputs(usage_main, stdout);
}

/* Which options a command takes, as a mask of option_bit() bits. */
#define OPTS_NONE 0u
#define OPTS_PROFILE (1u << 0)
#define OPTS_LANG (1u << 20)
#define OPTS_CONFIG_FORMAT (1u << 21)
#define OPTS_LEADS (1u << 24)
/* profile … today, baselines, waivers, lang, config format; dnc, consent,
 * details, mapping and leads */
#define OPTS_CONFIG (0x1700ffu | 0xac00u | OPTS_CONFIG_FORMAT | OPTS_LEADS)
#define OPTS_LOGS 0x1fffffu   /* the config options but their own, and the call-log ones */
#define OPTS_AUDIT 0x3fffffu  /* scan: the logs options and the config format */

static unsigned
option_bit(int ch)
{
	switch (ch) {
	case 'p':
		return 1u << 0;
	case OPT_LICENCE:
		return 1u << 1;
	case 'f':
		return 1u << 2;
	case 'o':
		return 1u << 3;
	case OPT_FAIL_ON:
		return 1u << 4;
	case OPT_SHOW_NUMBERS:
		return 1u << 5;
	case OPT_COLOR:
		return 1u << 6;
	case OPT_TODAY:
		return 1u << 7;
	case OPT_LOG_FORMAT:
		return 1u << 8;
	case OPT_LOG_TZ:
		return 1u << 9;
	case OPT_DNC:
		return 1u << 10;
	case OPT_CONSENT:
		return 1u << 11;
	case OPT_CAPACITY:
		return 1u << 12;
	case OPT_DETAILS:
		return 1u << 13;
	case 'j':
		return 1u << 14;
	case OPT_MAPPING:
		return 1u << 15;
	case OPT_BASELINE:
		return 1u << 16;
	case OPT_WRITE_BASELINE:
		return 1u << 17;
	case OPT_WAIVERS:
		return 1u << 18;
	case OPT_HASH_LOGS:
		return 1u << 19;
	case OPT_LANG:
		return OPTS_LANG;
	case OPT_CONFIG_FORMAT:
		return OPTS_CONFIG_FORMAT;
	case OPT_LEADS:
		return OPTS_LEADS;
	}
	return 0;
}

static const char *
option_name(int ch)
{
	for (const struct option *o = long_options; o->name != NULL; o++)
		if (o->val == ch)
			return o->name;
	return "?";
}

/* Parses options; returns the index of the first operand, -1 after --help, -2 on error. */
static int
parse_options(struct cli *c, int argc, char **argv, unsigned allowed)
{
	int ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":p:f:o:j:h", long_options, NULL)) != -1) {
		char name[40];

		if (ch == 'h') {
			print_help(c->command);
			return -1;
		}
		if (ch == '?' || ch == ':') {
			const char *opt = argv[optind - 1];

			return usage_error(c->command, ch == ':' ? "option '%s' needs a value" :
			    "unknown option '%s'", optopt && ch == '?' && opt[1] != '-' ?
			    (snprintf(name, sizeof(name), "-%c", optopt), name) : opt), -2;
		}
		if ((option_bit(ch) & allowed) == 0)
			return usage_error(c->command, "option '%s' does not apply to this command",
			    option_name(ch)), -2;
		switch (ch) {
		case 'p':
			c->profile = optarg;
			break;
		case OPT_LICENCE:
			c->licence = optarg;
			break;
		case 'f':
			if (c->nformats == MAX_OUTPUTS)
				return usage_error(c->command, "too many --format options (at most %s)",
				    "8"), -2;
			c->formats[c->nformats++] = optarg;
			break;
		case 'o':
			if (c->noutputs == MAX_OUTPUTS)
				return usage_error(c->command, "too many --output options (at most %s)",
				    "8"), -2;
			c->outputs[c->noutputs++] = optarg;
			break;
		case OPT_FAIL_ON:
			c->fail_on = severity_parse(optarg);
			if (c->fail_on < 0)
				return usage_error(c->command, "--fail-on '%s': expected info, low, medium, "
				    "high, critical or never", optarg), -2;
			break;
		case OPT_SHOW_NUMBERS:
			c->show_numbers = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
				return usage_error(c->command, "--color '%s': expected auto, always or never",
				    optarg), -2;
			c->color = optarg;
			break;
		case OPT_TODAY:
			c->today = optarg;
			break;
		case OPT_LOG_FORMAT:
			if (format_option(c->command, "--log-format", KIND_CALL_LOG, optarg,
			    &c->log_format) < 0)
				return -2;
			break;
		case OPT_CONFIG_FORMAT:
			if (format_option(c->command, "--config-format", KIND_CAMPAIGN, optarg,
			    &c->config_format) < 0)
				return -2;
			break;
		case OPT_LOG_TZ:
			c->log_tz = optarg;
			break;
		case OPT_DNC:
			c->dnc = optarg;
			break;
		case OPT_CONSENT:
			c->consent = optarg;
			break;
		case OPT_DETAILS:
			if (strcmp(optarg, "-") == 0)
				return usage_error(c->command, "--details '%s': give a file; standard "
				    "output carries the report", optarg), -2;
			c->details = optarg;
			break;
		case OPT_MAPPING:
			c->mapping = optarg;
			break;
		case OPT_BASELINE:
			c->baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			c->write_baseline = optarg;
			break;
		case OPT_WAIVERS:
			c->waivers = optarg;
			break;
		case OPT_HASH_LOGS:
			c->hash_logs = true;
			break;
		case OPT_LEADS:
			if (c->nleads == MAX_LEADS)
				return usage_error(c->command, "too many --leads options (at most %s)",
				    "64"), -2;
			c->leads[c->nleads++] = optarg;
			break;
		case OPT_LANG:
			c->lang = i18n_parse(optarg);
			if (c->lang < 0)
				return usage_error(c->command, "--lang '%s': expected en or zh-CN", optarg),
				    -2;
			break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 64)
				return usage_error(c->command, "--jobs '%s': expected 1 to 64 threads",
				    optarg), -2;
			c->jobs = (int)v;
			break;
		}
		case OPT_CAPACITY: {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 10000000)
				return usage_error(c->command, "--capacity '%s': expected a whole number "
				    "of calls, 1 or more", optarg), -2;
			c->capacity = (int)v;
			break;
		}
		}
	}
	return optind;
}

/* The report language: --lang, else the environment's (as setlocale would). */
static void
set_language(const struct cli *c)
{
	i18n_set_language(c->lang >= 0 ? (enum lang)c->lang : i18n_from_environment());
}

static bool
want_color(const struct cli *c, FILE *out)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (c->color != NULL && strcmp(c->color, "always") == 0)
		return true;
	if (c->color != NULL && strcmp(c->color, "never") == 0)
		return false;
	if (no != NULL && no[0] != '\0')
		return false;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(out));
}

/* A writer that failed on a stream that saw a write error: say which file
 * and why, rather than only which report. */
static void
write_error(const struct outfile *o, int err, struct diag *d)
{
	if (o->fp != NULL && ferror(o->fp))
		diag_set(d, o->path != NULL ? o->path : "standard output", 0, "cannot write: %s",
		    strerror(err));
}

/*
 * Writes every requested report and puts them in place together with the
 * side files (the --details CSV, the --write-baseline file), which it
 * takes over: every file is written, flushed and closed before any is
 * renamed, so a full disk or a failed write leaves every old file as it
 * was. Only a rename failing after another succeeded can leave a mix.
 */
static int
write_reports(const struct cli *c, struct audit *a, struct outfile *side, int nside)
{
	struct report r = { 0 };
	struct outfile of[MAX_OUTPUTS];
	struct diag d = { 0 };
	int sev = c->fail_on, n = c->nformats > 0 ? c->nformats : 1, opened = 0;

	if (sev == -1)
		sev = audit_settings_fail_on(a);
	r.version = DIALAUDIT_VERSION;
	r.command = c->command;
	r.profile = a->profile;
	r.licence = a->model.licence;
	r.today = a->opt.today;
	r.inputs = a->inputs;
	r.ninputs = a->ninputs;
	r.findings = &a->findings;
	r.log = &a->model.log;
	r.events = a->have_events ? &a->events : NULL;
	r.leads = a->have_leads ? &a->lead_stats : NULL;
	r.fail_on = sev >= 0 ? (enum severity)sev : SEV_LOW;
	r.show_numbers = c->show_numbers;
	{
		struct timespec now;

		clock_gettime(CLOCK_MONOTONIC, &now);
		r.started = (int64_t)c->started.tv_sec;
		r.elapsed = (double)(now.tv_sec - c->started_mono.tv_sec) +
		    (double)(now.tv_nsec - c->started_mono.tv_nsec) / 1e9;
	}
	r.baseline_path = a->baseline_path;
	r.baseline_known = a->baseline_known;
	for (int i = 0; i < n; i++) {
		const char *path = i < c->noutputs ? c->outputs[i] : NULL;

		if (path != NULL && strcmp(path, "-") != 0 && audit_output_is_input(a, path)) {
			error("%s: refusing to write the report over an input file", path);
			goto out;
		}
		if (outfile_open(&of[i], path, &d) < 0)
			goto fail;
		opened++;
	}
	for (int i = 0; i < n; i++) {
		const struct report_writer *w = report_writer_find(c->nformats > 0 ? c->formats[i] :
		    "text");

		r.color = strcmp(w->name, "text") == 0 && want_color(c, of[i].fp);
		if (w->write(of[i].fp, &r, &d) < 0) {
			write_error(&of[i], errno, &d);
			goto fail;
		}
	}
	for (int i = 0; i < nside; i++)
		if (outfile_close(&side[i], &d) < 0)
			goto fail;
	for (int i = 0; i < n; i++)
		if (outfile_close(&of[i], &d) < 0)
			goto fail;
	for (int i = 0; i < nside + n; i++)
		if (outfile_commit(i < nside ? &side[i] : &of[i - nside], &d) < 0)
			goto fail;
	return report_failed(&r) ? EXIT_FINDINGS : EXIT_CLEAN;
fail:
	fail_diag(&d);
out:
	/* released outfiles abort as no-ops */
	for (int i = 0; i < nside; i++)
		outfile_abort(&side[i]);
	for (int i = 0; i < opened; i++)
		outfile_abort(&of[i]);
	return EXIT_ERROR;
}

/* A progress line on a terminal for logs of 64 MiB and more. */
static void
show_progress(void *arg, const char *path, size_t done, size_t total)
{
	(void)arg;
	if (total < (64u << 20))
		return;
	if (done >= total)
		fprintf(stderr, "\r\033[K");
	else
		fprintf(stderr, "\rdialaudit: reading %s: %zu%% (%zu of %zu MB)\033[K", path,
		    (size_t)(100.0 * (double)done / (double)total), done >> 20, total >> 20);
	fflush(stderr);
}

/* Every output checked before any is written: a run that refuses one
 * leaves all the others as they were. */
static bool
outputs_over_inputs(const struct cli *c, const struct audit *a)
{
	for (int i = 0; i < c->noutputs; i++)
		if (strcmp(c->outputs[i], "-") != 0 && audit_output_is_input(a, c->outputs[i])) {
			error("%s: refusing to write the report over an input file", c->outputs[i]);
			return true;
		}
	if (c->details != NULL && audit_output_is_input(a, c->details)) {
		error("%s: refusing to write the details over an input file", c->details);
		return true;
	}
	if (c->write_baseline != NULL && audit_output_is_input(a, c->write_baseline)) {
		error("%s: refusing to write the baseline over an input file", c->write_baseline);
		return true;
	}
	return false;
}

static int
run_audit(struct cli *c, int argc, char **argv, enum input_kind kind, bool walk, unsigned opts)
{
	struct audit_options opt = { 0 };
	/* --details and --write-baseline: put in place with the reports, or not at all */
	struct outfile side[2];
	int nside = 0;
	struct baseline known = { 0 };
	bool have_known = false;
	struct audit a;
	struct diag d = { 0 };
	int first = parse_options(c, argc, argv, opts);
	int rc = EXIT_ERROR;

	if (first < 0)
		return first == -1 ? EXIT_CLEAN : EXIT_ERROR;
	if (first >= argc)
		return usage_error(c->command, "%s: give at least one path", c->command);
	if (kind == KIND_CAMPAIGN && c->nleads == 0 && (c->dnc || c->consent || c->details ||
	    c->mapping))
		return usage_error(c->command, "%s: --dnc, --consent, --mapping and --details apply "
		    "to config only with --leads FILE", c->dnc ? "--dnc" : c->consent ? "--consent" :
		    c->details ? "--details" : "--mapping");
	set_language(c);
	for (int i = 0; i < c->nformats; i++) {
		const struct report_writer *w = report_writer_find(c->formats[i]);
		char msg[256];
		size_t used;

		if (w != NULL) {
			opt.charts |= w->charts;
			continue;
		}
		/* the writers the table has, so that a new one is named here too */
		used = (size_t)snprintf(msg, sizeof(msg), "--format '%s': expected ", c->formats[i]);
		for (size_t k = 0; k < report_writer_count && used < sizeof(msg); k++)
			used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s%s",
			    k == 0 ? "" : k + 1 == report_writer_count ? " or " : ", ",
			    report_writers[k].name);
		return usage_error(c->command, "%s", msg);
	}
	if (c->noutputs > (c->nformats > 0 ? c->nformats : 1))
		return usage_error(c->command, "%s: more --output than --format options (the i-th "
		    "--format goes to the i-th --output)", "--output");
	{
		int to_stdout = 0;

		for (int i = 0; i < (c->nformats > 0 ? c->nformats : 1); i++)
			to_stdout += i >= c->noutputs || strcmp(c->outputs[i], "-") == 0;
		if (to_stdout > 1)
			return usage_error(c->command, "%s: only one report can go to standard output; "
			    "give each --format an --output", "--format");
	}
	opt.profile = c->profile;
	opt.licence = c->licence;
	opt.dnc = c->dnc;
	opt.consent = c->consent;
	opt.log_format = c->log_format;
	opt.config_format = c->config_format;
	opt.log_tz = c->log_tz;
	opt.capacity = c->capacity;
	opt.jobs = c->jobs;
	opt.mapping = c->mapping;
	opt.leads = c->leads;
	opt.nleads = c->nleads;
	opt.waivers = c->waivers;
	opt.show_numbers = c->show_numbers;
	opt.hash_logs = c->hash_logs;
	opt.today = AUDIT_TODAY_NOW;
	if (c->today != NULL && !parse_date(c->today, &opt.today))
		return usage_error(c->command, "--today '%s': expected a date YYYY-MM-DD", c->today);
	audit_init(&a, &opt);
	if (isatty(STDERR_FILENO))
		a.model.log_opts.progress = show_progress;
	for (int i = first; walk && i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) &&
		    audit_read_settings(&a, argv[i], &d) < 0)
			goto out;
	}
	if (audit_prepare(&a, &d) < 0)
		goto out;
	for (int i = first; i < argc; i++)
		if (audit_add(&a, argv[i], kind, walk, &d) < 0)
			goto out;
	/* the baseline is read before anything is written: --write-baseline
	 * must not replace it before it is compared with */
	if (c->baseline != NULL) {
		if (baseline_load(c->baseline, &known, &d) < 0)
			goto out;
		have_known = true;
	}
	if (outputs_over_inputs(c, &a))
		goto fail;
	if (c->details != NULL) {
		/* rows are written while the rules run; the file appears whole or not at all */
		if (audit_output_is_input(&a, c->details)) {
			error("%s: refusing to write the details over an input file", c->details);
			goto fail;
		}
		if (outfile_open(&side[nside], c->details, &d) < 0)
			goto out;
		fputs(c->nleads > 0 ? leads_details_header : events_details_header, side[nside].fp);
		a.opt.details = side[nside++].fp;
	}
	if (audit_check(&a, &d) < 0)
		goto out;
	a.opt.details = NULL;
	if (c->write_baseline != NULL) {
		if (audit_output_is_input(&a, c->write_baseline)) {
			error("%s: refusing to write the baseline over an input file", c->write_baseline);
			goto fail;
		}
		if (outfile_open(&side[nside], c->write_baseline, &d) < 0)
			goto out;
		if (baseline_write(side[nside++].fp, &a.findings, &d) < 0) {
			write_error(&side[nside - 1], errno, &d);
			goto out;
		}
	}
	if (have_known) {
		a.baseline_path = c->baseline;
		a.baseline_known = baseline_filter(&known, &a.findings);
	}
	rc = write_reports(c, &a, side, nside);
	nside = 0;
	goto done;
out:
	fail_diag(&d);
fail:
	rc = EXIT_ERROR;
	for (int i = 0; i < nside; i++)
		outfile_abort(&side[i]);
done:
	if (have_known)
		baseline_free(&known);
	audit_free(&a);
	return rc;
}

static int
cmd_formats(struct cli *c, int argc, char **argv)
{
	int first = parse_options(c, argc, argv, OPTS_NONE);

	if (first < 0)
		return first == -1 ? EXIT_CLEAN : EXIT_ERROR;
	if (first < argc)
		return usage_error(c->command, "formats takes no arguments ('%s')", argv[first]);
	printf("%-22s %-13s %s\n", "FORMAT", "KIND", "WHAT IT IS");
	for (size_t i = 0; i < adapter_count; i++)
		printf("%-22s %-13s %s\n", adapter_table[i].name,
		    input_kind_name(adapter_table[i].kind), adapter_table[i].description);
	return EXIT_CLEAN;
}

static int
cmd_profiles(struct cli *c, int argc, char **argv)
{
	char **ids;
	int first = parse_options(c, argc, argv, OPTS_NONE);
	int rc = EXIT_CLEAN;

	if (first < 0)
		return first == -1 ? EXIT_CLEAN : EXIT_ERROR;
	if (first < argc)
		return usage_error(c->command, "profiles takes no arguments ('%s')", argv[first]);
	ids = profile_list_builtin();
	if (ids[0] == NULL) {
		error("no built-in profiles found (looked in %s and the other profile directories; "
		    "set DIALAUDIT_PROFILE_DIR)", profile_dirs()[0]);
		rc = EXIT_ERROR;
	} else {
		printf("%-8s %-10s %-11s %-15s %-8s %s\n", "ID", "REGION", "REVIEWED", "CALENDAR UNTIL",
		    "EXTENDS", "NAME");
	}
	for (size_t i = 0; ids[i] != NULL; i++) {
		struct profile *p;
		struct diag d = { 0 };
		char until[16] = "-";

		if (profile_load(ids[i], &p, &d) < 0) {
			fail_diag(&d);
			rc = EXIT_ERROR;
		} else {
			if (p->hours.calendar != NULL)
				format_date(p->hours.calendar->valid_until, until, sizeof(until));
			printf("%-8s %-10s %-11s %-15s %-8s %s\n", p->id, p->jurisdiction, p->review_date,
			    until, p->extends ? p->extends : "-", p->name);
			for (size_t s = 0; s < p->nsources; s++)
				printf("%-8s   source: %s\n", "", p->sources[s]);
			profile_free(p);
		}
		free(ids[i]);
	}
	free(ids);
	return rc;
}

static void
print_limit(const struct rule *r, const struct profile *p, const char *indent)
{
	char limit[1024];
	const struct citation *cite = r->limit != NULL ? r->limit(p, limit, sizeof(limit)) : NULL;

	fputs(indent, stdout);
	if (r->limit == NULL) {
		fputs(tr("limit:  none; applies to every audit\n"), stdout);
		return;
	}
	if (cite == NULL) {
		printf(tr("limit:  not set by profile %s\n"), p->id);
		return;
	}
	printf(tr("limit:  %s\n"), limit);
	fputs(indent, stdout);
	if (cite->confirmed)
		printf(tr("source: %s (%s)\n"), cite->source, standing_label(cite->standing));
	else
		printf(tr("source: %s (%s, figure unconfirmed)\n"), cite->source,
		    standing_label(cite->standing));
	if (cite->note != NULL) {
		fputs(indent, stdout);
		printf(tr("note:   %s\n"), cite->note);
	}
}

static int
cmd_rules(struct cli *c, int argc, char **argv)
{
	struct profile *p = NULL;
	struct diag d = { 0 };
	int first = parse_options(c, argc, argv, OPTS_PROFILE | OPTS_LANG);

	if (first < 0)
		return first == -1 ? EXIT_CLEAN : EXIT_ERROR;
	if (first < argc)
		return usage_error(c->command, "rules takes no arguments ('%s')", argv[first]);
	set_language(c);
	if (c->profile != NULL && profile_load(c->profile, &p, &d) < 0)
		return fail_diag(&d);
	for (size_t i = 0; i < rule_count; i++) {
		const struct rule *r = &rule_table[i];

		printf("%-22s %-9s %s\n", r->id, severity_name(r->severity), tr(r->title));
		if (p != NULL)
			print_limit(r, p, "    ");
	}
	profile_free(p);
	return EXIT_CLEAN;
}

/* Terminal columns of the UTF-8 character at s, whose length goes to *n:
 * two for CJK and full-width forms, one for the rest. */
static int
char_columns(const char *s, int *n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned cp;

	if ((u[0] & 0xf0) == 0xe0 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
		*n = 3;
		cp = (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
		return (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
		    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
		    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
	}
	if ((u[0] & 0xe0) == 0xc0 && (u[1] & 0xc0) == 0x80)
		*n = 2;
	else if ((u[0] & 0xf8) == 0xf0 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80 &&
	    (u[3] & 0xc0) == 0x80)
		*n = 4;
	else
		*n = 1;
	return *n == 4 ? 2 : 1;
}

static int
text_columns(const char *s)
{
	int cols = 0, n;

	for (; *s != '\0'; s += n)
		cols += char_columns(s, &n);
	return cols;
}

/*
 * Prints text after label, wrapped at 78 columns under the label. Lines
 * break at spaces, and also between two wide (Chinese) characters, since
 * Chinese text has no spaces.
 */
static void
wrap(const char *label, const char *text)
{
	int indent = text_columns(label), col = indent, n;
	const char *w = text;
	bool space = false;

	fputs(label, stdout);
	while (*w != '\0') {
		const char *end = w;
		int cols = 0;

		if (*w == ' ') {
			space = true;
			w++;
			continue;
		}
		if (char_columns(w, &n) == 2) {
			cols = 2;
			end = w + n;
		} else {
			while (*end != '\0' && *end != ' ' && char_columns(end, &n) == 1) {
				cols++;
				end += n;
			}
		}
		if (col > indent && col + space + cols > 78) {
			printf("\n%*s", indent, "");
			col = indent;
		} else if (space && col > indent) {
			putchar(' ');
			col++;
		}
		space = false;
		printf("%.*s", (int)(end - w), w);
		col += cols;
		w = end;
	}
	putchar('\n');
}

static int
cmd_explain(struct cli *c, int argc, char **argv)
{
	const struct rule *r;
	int first = parse_options(c, argc, argv, OPTS_PROFILE | OPTS_LANG);
	int rc = EXIT_CLEAN;

	if (first < 0)
		return first == -1 ? EXIT_CLEAN : EXIT_ERROR;
	set_language(c);
	if (first + 1 != argc)
		return usage_error(c->command, "explain takes one rule id%s",
		    first >= argc ? "" : " (run 'dialaudit rules' for the list)");
	r = rule_find(argv[first]);
	if (r == NULL)
		return usage_error(c->command, "unknown rule '%s' (run 'dialaudit rules' for the list)",
		    argv[first]);
	printf(tr("%s — %s (default severity %s)\n\n"), r->id, tr(r->title),
	    severity_name(r->severity));
	wrap(tr("What: "), tr(r->what));
	wrap(tr("Why:  "), tr(r->why));
	wrap(tr("Fix:  "), tr(r->remediation));
	putchar('\n');
	if (c->profile != NULL) {
		struct profile *p;
		struct diag d = { 0 };

		if (profile_load(c->profile, &p, &d) < 0)
			return fail_diag(&d);
		printf(tr("Profile %s (%s):\n"), p->id, p->name);
		print_limit(r, p, "  ");
		profile_free(p);
	} else {
		char **ids = profile_list_builtin();

		for (size_t i = 0; ids[i] != NULL; i++) {
			struct profile *p;
			struct diag d = { 0 };

			if (profile_load(ids[i], &p, &d) < 0) {
				fail_diag(&d);
				rc = EXIT_ERROR;
			} else {
				printf(tr("Profile %s (%s):\n"), p->id, p->name);
				print_limit(r, p, "  ");
				profile_free(p);
			}
			free(ids[i]);
		}
		free(ids);
	}
	return rc;
}

/*
 * Out of memory, anywhere, in any thread: remove the temporary report
 * files, say so in one line and end with status 2. The process ends with
 * _exit, not exit: exit would flush a half-written report on standard
 * output and run exit handlers while other threads still work, and
 * nothing the interrupted run holds needs freeing, since the process is
 * going away. That memory is still reachable from the stacks, so the
 * sanitizer build first runs LeakSanitizer's check, which reports only
 * memory that had really lost its last pointer (tests/cli/test_faults.py).
 * Allocates nothing.
 */
static void
out_of_memory(void)
{
	static const char msg[] = "dialaudit: out of memory\n";
	static atomic_flag once = ATOMIC_FLAG_INIT;

	if (atomic_flag_test_and_set(&once))
		for (;;)
			pause(); /* another thread is already ending the process */
	outfile_unlink_all();
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
		/* nowhere left to say it; the status still does */
	}
#ifdef __SANITIZE_ADDRESS__
	__lsan_do_leak_check();
#endif
	_exit(EXIT_ERROR);
}

#ifdef DIALAUDIT_FAULT_INJECTION
/*
 * Only in dialaudit-fault, the test build of this file (tests/CMakeLists.txt):
 * DIALAUDIT_FAIL_ALLOC=N makes the Nth allocation fail, =count prints on
 * exit how many allocations the run made.
 */
static bool count_allocations;

static void
arm_fault_injection(void)
{
	const char *s = getenv("DIALAUDIT_FAIL_ALLOC");

	if (s == NULL)
		return;
	count_allocations = strcmp(s, "count") == 0;
	xalloc_fail_after(count_allocations ? ULONG_MAX : strtoul(s, NULL, 10));
}

static void
report_allocations(void)
{
	if (count_allocations)
		fprintf(stderr, "dialaudit: allocations: %lu\n", ULONG_MAX - xalloc_fail_countdown());
}
#endif

static void
find_exe_dir(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = '\0';
	} else if (realpath(argv0, buf) == NULL) {
		return;
	}
	profile_set_exe_dir(dirname(buf));
}

int
main(int argc, char **argv)
{
	struct cli c = { 0 };
	const char *cmd;
	int rc;

	xalloc_set_oom_handler(out_of_memory);
#ifdef DIALAUDIT_FAULT_INJECTION
	arm_fault_injection();
#endif
	/* jansson's allocations fail the way ours do (PCRE2's and libcsv's are
	 * routed where they are used) */
	json_set_alloc_funcs(xmalloc, free);
	c.fail_on = -1;
	c.lang = -1;
	clock_gettime(CLOCK_REALTIME, &c.started);
	clock_gettime(CLOCK_MONOTONIC, &c.started_mono);
	/* Call arrays grow to hundreds of megabytes: from 1 MiB up, allocate
	 * them as their own mappings, so that growing one is a remap rather
	 * than a copy that leaves the old block behind in the heap. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	find_exe_dir(argv[0]);
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_ERROR;
	}
	cmd = argv[1];
	c.command = cmd;
	/* Subcommands see their own argv, so getopt starts after the command. */
	argc--;
	argv++;
	if (strcmp(cmd, "scan") == 0)
		rc = run_audit(&c, argc, argv, KIND__COUNT, true, OPTS_AUDIT);
	else if (strcmp(cmd, "config") == 0)
		rc = run_audit(&c, argc, argv, KIND_CAMPAIGN, false, OPTS_CONFIG);
	else if (strcmp(cmd, "logs") == 0)
		rc = run_audit(&c, argc, argv, KIND_CALL_LOG, false, OPTS_LOGS);
	else if (strcmp(cmd, "profiles") == 0)
		rc = cmd_profiles(&c, argc, argv);
	else if (strcmp(cmd, "formats") == 0)
		rc = cmd_formats(&c, argc, argv);
	else if (strcmp(cmd, "rules") == 0)
		rc = cmd_rules(&c, argc, argv);
	else if (strcmp(cmd, "explain") == 0)
		rc = cmd_explain(&c, argc, argv);
	else if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
		printf("dialaudit %s\n", DIALAUDIT_VERSION);
		rc = EXIT_CLEAN;
	} else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		c.command = argc > 1 ? argv[1] : NULL;
		print_help(c.command);
		rc = EXIT_CLEAN;
	} else {
		c.command = NULL;
		rc = usage_error(NULL, "unknown command '%s'", cmd);
	}
	/* the safety net for an error path that left a temporary file */
	outfile_abort_all();
	/* output printed without an outfile (profiles, rules …) is checked here */
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc != EXIT_ERROR) {
		error("standard output: cannot write: %s", strerror(errno));
		rc = EXIT_ERROR;
	}
	tz_cache_clear();
#ifdef DIALAUDIT_FAULT_INJECTION
	report_allocations();
#endif
	return rc;
}
