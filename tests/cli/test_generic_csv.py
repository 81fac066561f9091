"""Generic CSV call logs read through a mapping file (docs/mapping-format.md).

The sample export, every time format, the mapping's zone against --log-tz,
dispositions driving the rules, and every mapping error: exit 2 and one line
'dialaudit: FILE:LINE: message'.
"""
import os
import shutil
import unittest

from dialaudit_test import DATA, SAMPLES, CliTestCase, run

STRICT = os.path.join(DATA, "profiles", "strict.cfg")
GENERIC = os.path.join(SAMPLES, "logs", "generic")
EXPORT = os.path.join(GENERIC, "cloud-export-2026-03.csv")
MAPPING = os.path.join(GENERIC, "mapping.cfg")
M1, M2, M3 = "13812340001", "13812340002", "13812340003"

HEADER = ["call_id", "callee", "cli", "campaign", "start_time", "answer_time", "end_time",
          "duration", "result", "agent", "consent"]
COLUMNS = {"number": "callee", "start": "start_time", "caller_id": "cli",
           "campaign": "campaign", "answer": "answer_time", "end": "end_time",
           "duration": "duration", "disposition": "result", "agent": "agent",
           "consent": "consent", "link": "call_id"}
DISPOSITIONS = {"answered": ["ANSWERED", "CONNECTED"], "no_answer": ["NOANSWER", "NO ANSWER"],
                "busy": ["BUSY"], "failed": ["FAILED", "CONGESTION"],
                "abandoned": ["DROP", "ABANDON"], "refused": ["DNC", "REFUSED"],
                "machine": ["AMD", "MACHINE"]}


def cfg_str(v):
    if isinstance(v, list):
        return "[" + ", ".join(cfg_str(x) for x in v) + "]"
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def mapping_text(columns=None, time_format="%Y-%m-%d %H:%M:%S", zone=None,
                 dispositions=None, consent_values=None, delimiter=None, extra=""):
    """A mapping file, one setting a line (so errors have known lines)."""
    lines = ["mapping = {"]
    if delimiter is not None:
        lines.append(f"  delimiter = {cfg_str(delimiter)};")
    lines.append("  columns = {")
    for k, v in (COLUMNS if columns is None else columns).items():
        lines.append(f"    {k} = {cfg_str(v)};")
    lines.append("  };")
    if time_format is not None or zone is not None:
        lines.append("  time = {")
        if time_format is not None:
            lines.append(f"    format = {cfg_str(time_format)};")
        if zone is not None:
            lines.append(f"    zone = {cfg_str(zone)};")
        lines.append("  };")
    disp = DISPOSITIONS if dispositions is None else dispositions
    if disp:
        lines.append("  dispositions = {")
        for k, v in disp.items():
            lines.append(f"    {k} = {cfg_str(v)};")
        lines.append("  };")
    if consent_values is not None:
        lines.append(f"  consent_values = {cfg_str(consent_values)};")
    if extra:
        lines.append(extra)
    lines.append("};")
    return "\n".join(lines) + "\n"


_id = [0]


def row(number, start, result="NO ANSWER", *, answer="", end="", duration=30, cli="057188001201",
        campaign="camp", agent="", consent="yes", call_id=None):
    _id[0] += 1
    return [call_id or f"C{_id[0]}", number, cli, campaign, start, answer, end, str(duration),
            result, agent, consent]


def csv_text(rows, header=HEADER, delimiter=","):
    out = [delimiter.join(header)]
    for r in rows:
        out.append(delimiter.join(r) if isinstance(r, list) else r)
    return "\n".join(out) + "\n"


class GenericCase(CliTestCase):
    def audit(self, rows, *args, mapping=None, profile=STRICT, tz="Asia/Shanghai", header=HEADER,
              delimiter=","):
        log = self.write("export.csv", csv_text(rows, header, delimiter))
        self.map_path = self.write("mapping.cfg", mapping if mapping is not None else mapping_text())
        report = self.logs_with_details(log, "--mapping", self.map_path, "--today", "2026-11-28",
                                        *args, profile=profile, tz=tz)
        self.log = [i for i in report["inputs"] if i["kind"] == "call-log"][0]
        return report

    def flagged(self, rule):
        return sorted(int(d["line"]) for d in self.details if d["rule"] == rule)

    def rejected(self):
        return [(e["line"], e["reason"]) for e in self.log.get("rejected_examples", [])]


class SampleExport(CliTestCase):
    """samples/logs/generic: what make_sample.py planted, and how scan treats it."""

    @classmethod
    def setUpClass(cls):
        res = run("logs", EXPORT, "--mapping", MAPPING, "-p", "cn", "-f", "json",
                  "--today", "2026-11-28")
        cls.res = res
        cls.report = res.json()

    def test_every_row_accounted_for(self):
        self.assertEqual(self.res.rc, 1, self.res.err)
        log = [i for i in self.report["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual(log["format"], "generic-csv")
        self.assertEqual((log["rows"], log["parsed"], log["rejected"]), (369, 367, 2))
        self.assertEqual(log["rows"], log["parsed"] + log["rejected"])
        self.assertEqual(self.report["stats"]["calls"], 367)

    def test_bad_rows_named_with_line_and_reason(self):
        log = [i for i in self.report["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual([(e["line"], e["reason"]) for e in log["rejected_examples"]],
                         [(59, "start time: impossible date or time"),
                          (213, "called number is not a number")])
        f = self.report["findings"]
        rej = [x for x in f if x["rule"] == "input-rejected"][0]
        self.assertEqual(rej["actual"], "2 of 369 rows rejected")
        self.assertEqual(rej["location"], {"path": EXPORT, "line": 59})

    def test_mapping_listed_as_input(self):
        kinds = {i["path"]: (i["kind"], i["format"]) for i in self.report["inputs"]}
        self.assertEqual(kinds[MAPPING], ("mapping", "dialaudit-mapping"))

    def test_planted_violations(self):
        by = {(f["rule"], f["campaign"]): f for f in self.report["findings"]}
        self.assertEqual(by[("calling-hours", "card-activation")]["actual"], "3 of 176 calls")
        # 20:59:59 (line 143) is allowed; 21:00, 21:20 and 22:05 are not
        self.assertIn("line 144 (2026-03-17 21:00:00+08:00", by[("calling-hours",
                                                                 "card-activation")]["message"])
        self.assertIn(("call-frequency", "overdue-reminder"), by)
        self.assertIn(("wait-after-refusal", "card-activation"), by)

    def test_scan_reads_it_through_dialaudit_cfg(self):
        res = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28")
        self.assertEqual(res.rc, 1, res.err)
        got = {os.path.relpath(i["path"], SAMPLES): (i["kind"], i["format"], i["status"])
               for i in res.json()["inputs"]}
        self.assertEqual(got["logs/generic/mapping.cfg"], ("mapping", "dialaudit-mapping", "read"))
        self.assertEqual(got["logs/generic/cloud-export-2026-03.csv"],
                         ("call-log", "generic-csv", "read"))

    def test_scan_without_mapping_skips_it(self):
        folder = os.path.join(self.tmp, "audit")
        shutil.copytree(GENERIC, folder)
        res = run("scan", folder, "-p", "cn", "-f", "json", "--today", "2026-11-28")
        self.assertEqual(res.rc, 0, res.err)
        status = {os.path.basename(i["path"]): i for i in res.json()["inputs"]}
        self.assertEqual(status["cloud-export-2026-03.csv"]["status"], "skipped")
        self.assertEqual(status["cloud-export-2026-03.csv"]["reason"], "not a recognised format")

    def test_generic_format_without_mapping(self):
        res = run("logs", EXPORT, "--log-format", "generic", "-p", "cn")
        self.assert_error(res, EXPORT, "generic-csv needs --mapping FILE")

    def test_generator_is_deterministic(self):
        out = os.path.join(self.tmp, "gen")
        os.makedirs(out)
        shutil.copy(os.path.join(GENERIC, "make_sample.py"), out)
        import subprocess
        import sys
        subprocess.run([sys.executable, "make_sample.py"], cwd=out, check=True)
        with open(os.path.join(out, "cloud-export-2026-03.csv"), "rb") as a, \
                open(EXPORT, "rb") as b:
            self.assertEqual(a.read(), b.read())


class TimeFormats(GenericCase):
    def test_default_format_at_the_21_00_boundary(self):
        r = self.audit([row(M1, "2026-03-10 20:59:59"), row(M2, "2026-03-10 21:00:00")],
                       profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual(self.log["parsed"], 2)

    def test_epoch_seconds(self):
        # 12:59:59 UTC is 20:59:59 in Beijing; epochs carry no zone, so --log-tz is moot
        rows = [row(M1, "1773147599", end="1773147629"), row(M2, "1773147600", end="1773147630")]
        self.audit(rows, mapping=mapping_text(time_format="epoch"), profile="cn", tz="UTC")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual(self.details[0]["local_time"], "2026-03-10 21:00:00+08:00")

    def test_epoch_seconds_with_fraction(self):
        rows = [row(M1, "1773147599.999999"), row(M2, "1773147600.0")]
        self.audit(rows, mapping=mapping_text(time_format="epoch"), profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [3])

    def test_epoch_milliseconds(self):
        rows = [row(M1, "1773147599999"), row(M2, "1773147600000"), row(M3, "1773147600.5")]
        self.audit(rows, mapping=mapping_text(time_format="epoch_ms"), profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual(self.rejected(), [(4, "start time: trailing characters after the time")])

    def test_epoch_zero_answer_means_unanswered(self):
        rows = [row(M1, "1773140000", "NO ANSWER", answer="0", end="1773140010", duration="")]
        self.audit(rows, mapping=mapping_text(time_format="epoch"), profile=STRICT)
        self.assertEqual(self.log["parsed"], 1)
        self.assertEqual(self.flagged("ring-time"), [2])

    def test_custom_day_first_format(self):
        rows = [row(M1, "10/03/2026 20:59"), row(M2, "10/03/2026 21:00"),
                row(M3, "3/10/2026 9:05"),            # one-digit fields are fine
                row(M3, "03/13/2026 10:00"),          # month-first: month 13
                row(M3, "10/03/2026 10:00:00")]       # seconds the format does not have
        self.audit(rows, mapping=mapping_text(time_format="%d/%m/%Y %H:%M"), profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual(self.rejected(), [(5, "start time: impossible date or time"),
                                           (6, "start time: trailing characters after the time")])

    def test_month_names_and_literals(self):
        fmt = "%e %b %Y at %H.%M.%S"
        rows = [row(M1, " 9 Mar 2026 at 20.59.59"), row(M2, "10 march 2026 at 21.00.00"),
                row(M3, "10 Mrz 2026 at 10.00.00")]
        self.audit(rows, mapping=mapping_text(time_format=fmt), profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual(self.rejected(), [(4, "start time: month name not recognised "
                                               "(expected Jan … Dec)")])

    def test_bad_times_rejected_with_reasons(self):
        rows = [row(M1, "2026-02-29 10:00:00"), row(M1, "2026-03-10 24:00:00"),
                row(M1, "2026-03-10 10:00:00Z"), row(M1, "2026-03-10"), row(M1, ""),
                row(M1, "2026-03-10 10:00:00", end="2026-03-10 09:59:59", duration="")]
        self.audit(rows)
        self.assertEqual(self.rejected(), [
            (2, "start time: impossible date or time"),
            (3, "start time: impossible date or time"),
            (4, "start time: trailing characters after the time"),
            (5, "start time: time does not match the mapping's time.format"),
            (6, "start time missing")])
        self.assertEqual(self.log["rejected"], 6)


class Zones(GenericCase):
    ROWS_LOCAL = [row(M1, "2026-03-10 20:59:59"), row(M2, "2026-03-10 21:00:00")]
    ROWS_UTC = [row(M1, "2026-03-10 12:59:59"), row(M2, "2026-03-10 13:00:00")]

    def test_log_tz_decides_without_a_mapping_zone(self):
        self.audit(self.ROWS_UTC, profile="cn", tz="UTC")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.audit(self.ROWS_LOCAL, profile="cn", tz="Asia/Shanghai")
        self.assertEqual(self.flagged("calling-hours"), [3])

    def test_mapping_zone_wins_over_log_tz(self):
        self.audit(self.ROWS_LOCAL, mapping=mapping_text(zone="Asia/Shanghai"), profile="cn",
                   tz="UTC")
        self.assertEqual(self.flagged("calling-hours"), [3])
        self.assertEqual([d["local_time"] for d in self.details if d["rule"] == "calling-hours"],
                         ["2026-03-10 21:00:00+08:00"])
        self.audit(self.ROWS_UTC, mapping=mapping_text(zone="UTC"), profile="cn",
                   tz="Asia/Shanghai")
        self.assertEqual(self.flagged("calling-hours"), [3])

    def test_mapping_zone_as_fixed_offset(self):
        self.audit([row(M1, "2026-03-10 07:59:59"), row(M2, "2026-03-10 08:00:00")],
                   mapping=mapping_text(zone="-05:00"), profile="cn", tz="UTC")
        # 07:59:59 at UTC-5 is 20:59:59 in Beijing
        self.assertEqual(self.flagged("calling-hours"), [3])


class Dispositions(GenericCase):
    def test_no_answer_ring_time_boundary(self):
        # strict: an unanswered call must ring 15 s; busy and failed end early by nature
        rows = [row(M1, "2026-03-10 10:00:00", "NO ANSWER", duration=14),
                row(M2, "2026-03-10 10:00:00", "noanswer", duration=15),
                row(M3, "2026-03-10 10:00:00", "BUSY", duration=3),
                row("13812340004", "2026-03-10 10:00:00", "CONGESTION", duration=1)]
        self.audit(rows)
        self.assertEqual(self.flagged("ring-time"), [2])

    def test_ring_column_wins_over_duration(self):
        cols = dict(COLUMNS, ring="ring")
        header = HEADER + ["ring"]
        rows = [row(M1, "2026-03-10 10:00:00", duration=40) + ["10"],
                row(M2, "2026-03-10 10:00:00", duration=10) + ["20"],
                row(M3, "2026-03-10 10:00:00", duration=10) + ["0:00:12"]]
        self.audit(rows, mapping=mapping_text(columns=cols), header=header)
        self.assertEqual(self.flagged("ring-time"), [2, 4])

    def test_answer_column_alone_tells_answered_apart(self):
        cols = {k: v for k, v in COLUMNS.items() if k != "disposition"}
        rows = [row(M1, "2026-03-10 10:00:00", "", duration=8),
                row(M2, "2026-03-10 10:00:00", "", answer="2026-03-10 10:00:05", duration=60)]
        self.audit(rows, mapping=mapping_text(columns=cols, dispositions={}))
        self.assertEqual(self.flagged("ring-time"), [2])

    def test_unmapped_value_is_kept_as_unknown(self):
        # an unlisted value is an unknown disposition (not "no answer"); an empty cell
        # falls back to the answer column: no answer time, no answer
        rows = [row(M1, "2026-03-10 10:00:00", "VOICEMAIL-ISH", duration=3),
                row(M2, "2026-03-10 10:00:00", "", duration=3)]
        report = self.audit(rows)
        self.assertEqual((self.log["rows"], self.log["parsed"], self.log["rejected"]), (2, 2, 0))
        self.assertEqual(self.flagged("ring-time"), [3])
        # the report says which values the mapping missed
        unmapped = [f for f in report["findings"] if f["key"] == "dispositions/unmapped"]
        self.assertEqual(len(unmapped), 1)
        self.assertEqual(unmapped[0]["actual"], "1 row")
        self.assertIn('"VOICEMAIL-ISH"', unmapped[0]["message"])
        self.assertEqual(unmapped[0]["location"]["path"], self.map_path)

    def test_values_match_without_case_or_blanks(self):
        rows = [row(M1, "2026-03-10 10:00:00", " no answer ", duration=5)]
        self.audit(rows)
        self.assertEqual(self.flagged("ring-time"), [2])

    def test_abandoned_drives_recall_after_abandon(self):
        # strict: no call within 72 h of an abandoned one; (start - 72 h) itself is allowed
        rows = [row(M1, "2026-03-10 10:00:00", "DROP", answer="2026-03-10 10:00:05"),
                row(M1, "2026-03-11 10:00:00", "ANSWERED", answer="2026-03-11 10:00:05"),
                row(M2, "2026-03-10 10:00:00", "abandon", answer="2026-03-10 10:00:05"),
                row(M2, "2026-03-13 10:00:00", "ANSWERED", answer="2026-03-13 10:00:05")]
        self.audit(rows)
        self.assertEqual(self.flagged("recall-after-abandon"), [3])

    def rate_rows(self, campaign, other, n):
        rows = [row("1381000%04d" % k, f"2026-03-{10 + k % 5:02d} {9 + k % 10:02d}:00:00", other,
                    answer=f"2026-03-{10 + k % 5:02d} {9 + k % 10:02d}:00:04", campaign=campaign)
                for k in range(n)]
        rows.append(row("13819999999", "2026-03-10 11:30:00", "DROP",
                        answer="2026-03-10 11:30:04", campaign=campaign))
        return rows

    def test_machine_is_not_live_answered(self):
        # strict: at most 3 % of live-answered calls; 1 of 41 passes, 1 of 1 does not
        r = self.audit(self.rate_rows("people", "ANSWERED", 40))
        self.assertEqual([f for f in r["findings"] if f["rule"] == "abandon-rate"], [])
        r = self.audit(self.rate_rows("machines", "AMD", 40))
        rate = [f for f in r["findings"] if f["rule"] == "abandon-rate"]
        self.assertEqual(len(rate), 1)
        self.assertEqual(rate[0]["campaign"], "machines")
        self.assertEqual(rate[0]["actual"], "100.00% (1 of 1)")

    def test_refused_drives_wait_after_refusal(self):
        rows = [row(M1, "2026-03-10 10:00:00", "REFUSED", answer="2026-03-10 10:00:05"),
                row(M1, "2026-03-20 10:00:00", "NO ANSWER"),
                row(M2, "2026-03-10 10:00:00", "ANSWERED", answer="2026-03-10 10:00:05"),
                row(M2, "2026-03-20 10:00:00", "NO ANSWER")]
        self.audit(rows, profile="cn")
        self.assertEqual(self.flagged("wait-after-refusal"), [3])

    def test_consent_column(self):
        consent = self.write("consent.csv", "number,granted_at\n13899999999,2026-01-01 00:00:00\n")
        rows = [row(M1, "2026-03-10 10:00:00", consent="yes"),
                row(M2, "2026-03-10 10:00:00", consent="no"),
                row(M3, "2026-03-10 10:00:00", consent="Y")]
        self.audit(rows, "--consent", consent, profile="cn")
        self.assertEqual(self.flagged("consent"), [3])
        self.audit(rows, "--consent", consent, profile="cn",
                   mapping=mapping_text(consent_values=["yes"]))
        self.assertEqual(self.flagged("consent"), [3, 4])

    def test_rows_of_one_call_count_once(self):
        # four rows in five minutes, two of them legs of one call: three attempts
        rows = [row(M1, "2026-03-10 10:00:00", call_id="X1"),
                row(M1, "2026-03-10 10:00:00", call_id="X1"),
                row(M1, "2026-03-10 10:01:00"), row(M1, "2026-03-10 10:02:00")]
        self.audit(rows, profile="cn")
        self.assertEqual(self.flagged("call-frequency"), [])


class Rows(GenericCase):
    def test_bad_rows_rejected_with_reasons(self):
        rows = [row(M1, "2026-03-10 10:00:00"),
                ",".join(row(M2, "2026-03-10 10:00:00")[:5]),
                ",".join(row(M2, "2026-03-10 10:00:00") + ["extra"]),
                row("1381234OOO1", "2026-03-10 10:00:00"),
                row(M2, "2026-03-10 10:00:00", duration="-5"),
                row(M2, "2026-03-10 10:00:00", duration="abc"),
                row(M2, "2026-03-10 10:00:00", duration="", end="2026-03-10 09:00:00"),
                row(M2, "2026-03-10 10:00:00", duration="")]
        self.audit(rows)
        self.assertEqual(self.log["rows"], 8)
        self.assertEqual(self.log["rejected"], 7)
        # the report keeps the first five examples
        self.assertEqual(self.rejected(), [
            (3, "too few columns (5; the header has 11)"),
            (4, "too many columns (12; the header has 11): an unquoted delimiter in a value?"),
            (5, "called number is not a number"),
            (6, "negative duration"),
            (7, "duration is not a number of seconds (or H:MM:SS)")])

    def test_missing_duration_and_end(self):
        rows = [row(M2, "2026-03-10 10:00:00", duration="", end="2026-03-10 09:00:00"),
                row(M2, "2026-03-10 10:00:00", duration="")]
        self.audit(rows)
        self.assertEqual(self.rejected(), [
            (2, "end time before start time (negative duration)"),
            (3, "duration and end time missing")])

    def test_duration_from_end_time(self):
        rows = [row(M1, "2026-03-10 10:00:00", duration="", end="2026-03-10 10:00:14"),
                row(M2, "2026-03-10 10:00:00", duration="", end="2026-03-10 10:00:15")]
        self.audit(rows)
        self.assertEqual(self.flagged("ring-time"), [2])

    def test_tab_delimiter_and_quoted_header(self):
        header = ['"' + h.upper() + '"' for h in HEADER]  # case and quotes do not matter
        rows = [row(M1, "2026-03-10 21:00:00")]
        self.audit(rows, mapping=mapping_text(delimiter="\t"), header=header, delimiter="\t",
                   profile="cn")
        self.assertEqual(self.flagged("calling-hours"), [2])

    def test_semicolon_delimiter_with_bom_and_crlf(self):
        text = "\ufeff" + csv_text([row(M1, "2026-03-10 21:00:00")], delimiter=";")
        log = self.write("export.csv", "")
        with open(log, "w", encoding="utf-8", newline="") as f:
            f.write(text.replace("\n", "\r\n"))
        m = self.write("mapping.cfg", mapping_text(delimiter=";"))
        res = run("logs", log, "--mapping", m, "-p", "cn", "-f", "json")
        self.assertEqual(res.rc, 1, res.err)
        log_in = [i for i in res.json()["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual((log_in["format"], log_in["parsed"]), ("generic-csv", 1))

    def test_asterisk_files_still_recognised_with_a_mapping(self):
        master = os.path.join(SAMPLES, "logs", "asterisk", "Master.csv")
        m = self.write("mapping.cfg", mapping_text())
        res = run("logs", master, "--mapping", m, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        fmt = [i["format"] for i in res.json()["inputs"] if i["kind"] == "call-log"]
        self.assertEqual(fmt, ["asterisk-cdr"])


def line_of(text, needle):
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


class MappingErrors(CliTestCase):
    def check(self, text, *fragments, at=None, log_header=HEADER):
        """The run stops: exit 2, 'dialaudit: FILE:LINE: …' naming the mapping line of at."""
        m = self.write("mapping.cfg", text)
        log = self.write("export.csv", csv_text([row(M1, "2026-03-10 10:00:00")], log_header))
        res = run("logs", log, "--mapping", m, "-p", "cn")
        where = [f"dialaudit: {m}:{line_of(text, at)}: "] if at is not None else []
        self.assert_error(res, *where, *fragments)
        self.assertRegex(res.err, r"^dialaudit: [^:]+:\d+: ")
        return m, log, res

    def test_unknown_key_in_columns(self):
        text = mapping_text(columns=dict(COLUMNS, called="callee"))
        self.check(text, "unknown key 'called' in mapping.columns", "allowed: number, start",
                   at="called =")

    def test_unknown_key_in_mapping(self):
        self.check(mapping_text(extra="  header = true;"), "unknown key 'header' in mapping",
                   at="header =")

    def test_unknown_top_level_key(self):
        self.check('columns = { number = "callee"; };\n', "unknown key 'columns' in a mapping "
                   "file", at="columns")

    def test_wrong_type(self):
        self.check(mapping_text(extra="  delimiter = 44;"), "'delimiter' in mapping must be a "
                   "string", at="delimiter =")
        self.check(mapping_text(columns=dict(COLUMNS, number=["callee"])),
                   "'number' in mapping.columns must be a string", at="number =")

    def test_missing_number_column(self):
        cols = {k: v for k, v in COLUMNS.items() if k != "number"}
        self.check(mapping_text(columns=cols), "mapping.columns has no 'number'",
                   at="columns = {")

    def test_missing_start_column(self):
        cols = {k: v for k, v in COLUMNS.items() if k != "start"}
        self.check(mapping_text(columns=cols), "mapping.columns has no 'start'", at="columns = {")

    def test_no_mapping_group(self):
        self.check("# nothing here\n", "no mapping: expected mapping = {", at="nothing")

    def test_column_not_in_header(self):
        cols = dict(COLUMNS, number="dialled")
        m, log, res = self.check(mapping_text(columns=cols), "not a log of format generic-csv",
                                 'its header has no column "dialled" (columns.number of the '
                                 'mapping')
        self.assertTrue(res.err.startswith(f"dialaudit: {log}:1: "), res.err)

    def test_column_twice_in_header(self):
        m, log, res = self.check(mapping_text(), 'names column "cli" twice',
                                 log_header=HEADER[:-1] + ["CLI"])
        self.assertTrue(res.err.startswith(f"dialaudit: {log}:1: "), res.err)

    def test_bad_directive(self):
        self.check(mapping_text(time_format="%Y-%m-%d %H:%M:%S.%f"), "time.format",
                   "%f, which dialaudit does not support", at="format =")
        self.check(mapping_text(time_format="%Y-%m-%d %I:%M %p"), "%I, which dialaudit does "
                   "not support", at="format =")

    def test_lone_percent(self):
        self.check(mapping_text(time_format="%Y-%m-%d %H:%M %"), "ends with a lone %",
                   at="format =")

    def test_format_without_hours(self):
        self.check(mapping_text(time_format="%Y-%m-%d"), "has no hour", at="format =")

    def test_format_field_twice(self):
        self.check(mapping_text(time_format="%F %H:%M %d"), "gives the day twice",
                   at="format =")

    def test_bad_zone(self):
        self.check(mapping_text(zone="Asia/Beijing"), "time.zone",
                   "unknown time zone 'Asia/Beijing'", at="zone =")

    def test_disposition_listed_twice(self):
        disp = dict(DISPOSITIONS, failed=["FAILED", "busy"])
        self.check(mapping_text(dispositions=disp), 'disposition value "busy" is listed twice '
                   "(under busy and failed)", at="failed =")

    def test_unknown_disposition_key(self):
        disp = dict(DISPOSITIONS, voicemail=["VM"])
        self.check(mapping_text(dispositions=disp), "unknown key 'voicemail' in "
                   "mapping.dispositions", at="voicemail =")

    def test_dispositions_without_column(self):
        cols = {k: v for k, v in COLUMNS.items() if k != "disposition"}
        self.check(mapping_text(columns=cols), "columns.disposition names no column",
                   at="dispositions = {")

    def test_unanswered_calls_need_a_length(self):
        cols = {k: v for k, v in COLUMNS.items() if k not in ("duration", "end")}
        self.check(mapping_text(columns=cols), "map ring, duration or end too", at="columns = {")

    def test_bad_delimiter(self):
        self.check(mapping_text(delimiter=";;"), "delimiter \";;\" must be one character",
                   at="delimiter =")

    def test_consent_values_without_column(self):
        cols = {k: v for k, v in COLUMNS.items() if k != "consent"}
        self.check(mapping_text(columns=cols, consent_values=["yes"]),
                   "columns.consent names no column", at="consent_values =")

    def test_syntax_error(self):
        self.check("mapping = {\n  columns = { number = ; };\n};\n", "syntax error",
                   at="number = ;")

    def test_missing_mapping_file(self):
        log = self.write("export.csv", csv_text([row(M1, "2026-03-10 10:00:00")]))
        res = run("logs", log, "--mapping", os.path.join(self.tmp, "nope.cfg"), "-p", "cn")
        self.assert_error(res, "nope.cfg")

    def test_mapping_in_settings_is_relative_to_them(self):
        folder = os.path.join(self.tmp, "audit")
        text = mapping_text(zone="Mars/Base")
        self.write("audit/conf/map.cfg", text)
        self.write("audit/dialaudit.cfg", 'profile = "cn";\nmapping = "conf/map.cfg";\n')
        res = run("scan", folder)
        self.assert_error(res, os.path.join(folder, "conf", "map.cfg") +
                          f":{line_of(text, 'zone =')}:", "Mars/Base")

    def test_unknown_log_format(self):
        res = run("logs", "--log-format", "csv", "x.csv", "-p", "cn")
        self.assert_error(res, "--log-format 'csv': expected one of: auto, asterisk-cdr, ")
        for name in ("freeswitch-cdr", "vicidial-log", "generic-csv"):
            self.assertIn(name, res.err)


if __name__ == "__main__":
    unittest.main()
