"""`dialaudit scan samples/`: the main job, end to end, as the README runs it."""
import json
import os
import stat
import unittest

from dialaudit_test import SAMPLES, CliTestCase, run

CN_RULES = {"calling-hours", "call-frequency", "wait-after-refusal", "caller-id", "consent",
            "capacity", "call-purpose", "blocked-destination", "record-retention"}


class ScanSamples(CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.res = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28")
        cls.report = cls.res.json()

    def test_exit_status_says_findings(self):
        self.assertEqual(self.res.rc, 1, self.res.err)
        self.assertEqual(self.res.err, "")
        self.assertTrue(self.report["summary"]["failed"])

    def test_header(self):
        r = self.report
        self.assertEqual(r["schema"], "dialaudit-report/1")
        self.assertEqual(r["tool"]["name"], "dialaudit")
        self.assertEqual(r["profile"]["id"], "cn")
        self.assertEqual(r["audit_date"], "2026-11-28")
        self.assertEqual(r["licence"]["number"], "B2-20240417")
        self.assertEqual(r["licence"]["days_to_expiry"], 870)

    def test_inputs_listed_with_their_adapters(self):
        got = {os.path.relpath(i["path"], SAMPLES): (i["kind"], i["format"], i["status"])
               for i in self.report["inputs"]}
        self.assertEqual(got["dialaudit.cfg"], ("settings", "dialaudit-settings", "read"))
        self.assertEqual(got["licence.cfg"], ("licence", "dialaudit-licence", "read"))
        self.assertEqual(got["campaigns/policy-callbacks.cfg"],
                         ("campaign", "dialaudit-campaign", "read"))
        self.assertEqual(got["campaigns/spring-promo.cfg"],
                         ("campaign", "dialaudit-campaign", "read"))
        self.assertEqual(got["logs/asterisk/Master.csv"], ("call-log", "asterisk-cdr", "read"))
        self.assertEqual(got["lists/dnc.txt"], ("number-list", "dnc-list", "read"))
        for name in ("amd", "asterisk", "extensions", "manager", "pjsip"):
            self.assertEqual(got["asterisk/etc/%s.conf" % name],
                             ("campaign", "asterisk-config", "read"))

    def test_asterisk_folder_is_one_campaign_with_exposures(self):
        ast = [f for f in self.report["findings"] if "/asterisk/etc/" in f["location"]["path"]]
        self.assertEqual({f["campaign"] for f in ast if f["campaign"]}, {"asterisk:etc"})
        self.assertEqual(sorted((f["severity"], f["key"]) for f in ast
                                if f["rule"] == "exposed-interface"),
                         [("high", "bindaddr"), ("high", "secret"), ("high", "secret"),
                          ("medium", "auth"), ("medium", "permit")])
        # the campaign's one unlicensed caller ID, set in the dialplan
        cid = [f for f in ast if f["rule"] == "caller-id"]
        self.assertEqual([(os.path.basename(f["location"]["path"]), f["location"]["line"])
                          for f in cid], [("extensions.conf", 24)])

    def config_findings(self, campaign):
        return [f for f in self.findings(self.report, campaign=campaign)
                if "/campaigns/" in f["location"]["path"]]

    def test_compliant_campaign_settings_are_clean(self):
        self.assertEqual(self.config_findings("policy-renewal-callbacks"), [])

    def test_risky_campaign_trips_every_rule_cn_sets(self):
        rules = {f["rule"] for f in self.config_findings("spring-promo")}
        self.assertEqual(rules, CN_RULES)

    def test_planted_log_violations_are_found(self):
        # samples/logs/asterisk/make_sample.py says what it planted
        log = [f for f in self.report["findings"]
               if f["location"]["path"].endswith("asterisk/Master.csv")]
        self.assertEqual({f["rule"] for f in log},
                         {"calling-hours", "call-frequency", "wait-after-refusal", "caller-id",
                          "dnc-list", "consent", "blocked-destination", "capacity",
                          "input-rejected"})
        by = {(f["rule"], f["campaign"]): f["actual"] for f in log}
        self.assertEqual(by[("calling-hours", "spring-promo")], "3 of 162 calls")
        self.assertEqual(by[("call-frequency", "spring-promo")], "3 of 162 calls")
        self.assertEqual(by[("dnc-list", "spring-promo")], "1 of 162 calls")
        self.assertEqual(by[("consent", "spring-promo")], "1 of 162 calls")
        self.assertEqual(by[("input-rejected", None)], "1 of 301 rows rejected")

    def test_vicidial_planted_violations_are_found(self):
        # samples/vicidial/make_sample.py says what it planted
        vici = [f for f in self.report["findings"] if "/vicidial/" in f["location"]["path"]]
        got = {(f["rule"], f["campaign"], os.path.basename(f["location"]["path"])): f["actual"]
               for f in vici}
        log = "EXPORT_CALL_REPORT_20261123-090000.txt"
        dump = "asterisk-campaigns-20261127.sql"
        self.assertEqual(got[("calling-hours", "SURVEY9", log)], "2 of 91 calls")
        self.assertEqual(got[("call-frequency", "SURVEY9", log)], "2 of 91 calls")
        self.assertEqual(got[("dnc-list", "RENEW1", log)], "1 of 68 calls")
        self.assertIn(("wait-after-refusal", "RENEW1", log), got)
        self.assertEqual(got[("input-rejected", None, log)], "1 of 160 rows rejected")
        self.assertEqual(got[("calling-hours", "SURVEY9", dump)], "Mon–Sun 00:00–24:00")
        self.assertEqual(got[("caller-id", "SURVEY9", dump)], "malformed")
        self.assertEqual(got[("call-frequency", "SURVEY9", dump)], "unlimited")
        # RENEW1's own call time (09:00-20:00, Saturday 10:00-17:00) and its
        # licensed caller ID pass
        self.assertNotIn(("calling-hours", "RENEW1", dump), got)
        self.assertNotIn(("caller-id", "RENEW1", dump), got)
        self.assertNotIn(("call-frequency", "RENEW1", dump), got)
        # vicidial_log holds no caller ID: no call is blamed for lacking one
        self.assertNotIn(("caller-id", "RENEW1", log), got)
        self.assertNotIn(("caller-id", "SURVEY9", log), got)

    def test_log_rows_accounted_for(self):
        logs = [i for i in self.report["inputs"] if i["kind"] == "call-log"]
        self.assertEqual([(i["format"], i["rows"], i["parsed"], i["rejected"]) for i in logs],
                         [("freeswitch-cdr", 16, 15, 1), ("asterisk-cdr", 301, 300, 1),
                          ("generic-csv", 369, 367, 2), ("vicidial-log", 160, 159, 1)])
        # and the Asterisk call files: 3 planned calls (one more is a wake-up
        # call to an extension, rejected) and 4 archived attempts
        self.assertEqual(self.report["stats"]["calls"], 15 + 300 + 367 + 159 + 7)

    def test_asterisk_call_files(self):
        # A call file's schedule is its mtime, which is the checkout time here:
        # only what does not depend on it is asserted (tests/cli/test_callfile.py
        # sets mtimes to test the rest).
        files = {os.path.relpath(i["path"], SAMPLES): (i["rows"], i["parsed"], i["rejected"])
                 for i in self.report["inputs"] if i["format"] == "asterisk-callfile"}
        self.assertEqual(files, {
            "asterisk/outgoing/flash-sale-lead-0417.call": (1, 1, 0),
            "asterisk/outgoing/reminder-inv-20260311.call": (1, 1, 0),
            "asterisk/outgoing/reminder-inv-20260312.call": (1, 1, 0),
            "asterisk/outgoing/wakeup-room-208.call": (1, 0, 1),
            "asterisk/outgoing_done/flash-sale-lead-0388.call": (4, 4, 0)})
        got = {(f["rule"], os.path.basename(f["location"]["path"]), f["location"]["line"],
                f["actual"]) for f in self.findings(self.report, campaign="flash-sale")}
        for want in [("dnc-list", "flash-sale-lead-0417.call", 3, "1 of 5 calls"),
                     ("call-frequency", "flash-sale-lead-0388.call", 25, "1 of 5 calls"),
                     ("call-frequency", "flash-sale-lead-0417.call", 5, "up to 10"),
                     ("call-frequency", "flash-sale-lead-0417.call", 6, "up to 5"),
                     ("caller-id", "flash-sale-lead-0417.call", 4, "withheld")]:
            self.assertIn(want, got)

    def test_freeswitch_install(self):
        got = {os.path.relpath(i["path"], SAMPLES): (i["kind"], i["format"], i.get("layout"))
               for i in self.report["inputs"] if "freeswitch/" in i["path"]}
        conf = "freeswitch/conf/autoload_configs/"
        for name in ("switch", "callcenter", "cdr_csv"):
            self.assertEqual(got[conf + name + ".conf.xml"], ("campaign", "freeswitch-config", None))
        kind, fmt, layout = got["freeswitch/log/cdr-csv/Master.csv"]
        self.assertEqual((kind, fmt), ("call-log", "freeswitch-cdr"))
        self.assertIn("template 'outbound'", layout)
        self.assertIn("1 row with unescaped quotes", layout)
        # planted: 21:10 and 07:50:30, a 4th call in 5 min, a row that cannot be split
        log = [f for f in self.report["findings"]
               if f["location"]["path"].endswith("freeswitch/log/cdr-csv/Master.csv")]
        by = {f["rule"]: (f["actual"], f["location"]["line"]) for f in log}
        self.assertEqual(by["calling-hours"], ("2 of 15 calls", 12))
        self.assertEqual(by["call-frequency"], ("1 of 15 calls", 9))
        self.assertEqual(by["input-rejected"], ("1 of 16 rows rejected", 14))
        # max-sessions 30 is within the licence's 60 channels
        cap = [f for f in self.findings(self.report, "capacity", "freeswitch:freeswitch")
               if f["key"] == "max_channels"]
        self.assertEqual(cap, [])

    def test_summary_counts_match_findings(self):
        s = self.report["summary"]
        self.assertEqual(s["total"], len(self.report["findings"]))
        self.assertEqual(sum(s["by_severity"].values()), s["total"])
        self.assertEqual(sum(s["by_rule"].values()), s["total"])

    def test_every_finding_has_evidence(self):
        for f in self.report["findings"]:
            self.assertTrue(f["location"]["path"].startswith(SAMPLES), f)
            self.assertGreater(f["location"]["line"], 0, f)
            self.assertTrue(f["message"] and f["actual"], f)
            self.assertTrue(f["limit"], f)
            self.assertRegex(f["fingerprint"], "^[0-9a-f]{16}$")

    def test_fingerprints_unique_and_stable(self):
        fps = [f["fingerprint"] for f in self.report["findings"]]
        self.assertEqual(len(fps), len(set(fps)))
        again = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28").json()
        self.assertEqual(fps, [f["fingerprint"] for f in again["findings"]])

    def test_law_derived_findings_cite_their_source(self):
        consent = self.findings(self.report, "consent")[0]
        self.assertIn("art. 24", consent["source"]["citation"])
        self.assertEqual(consent["source"]["standing"], "law")
        hours = self.findings(self.report, "calling-hours")[0]
        self.assertEqual(hours["source"]["standing"], "carrier practice")

    def test_numbers_masked_by_default(self):
        text = run("scan", SAMPLES, "--today", "2026-11-28").out
        self.assertNotIn("13912345678", self.res.out)
        self.assertNotIn("13912345678", text)
        self.assertIn("+86 139******78", self.res.out)

    def test_show_numbers(self):
        out = run("scan", SAMPLES, "-f", "json", "--show-numbers", "--today", "2026-11-28").out
        self.assertIn("+8613912345678", out)


class ExitStatusAndOutput(CliTestCase):
    def test_fail_on_thresholds(self):
        # the samples' worst finding is critical
        self.assertEqual(run("scan", SAMPLES, "--fail-on", "critical").rc, 1)
        self.assertEqual(run("scan", SAMPLES, "--fail-on", "never").rc, 0)
        clean = os.path.join(SAMPLES, "campaigns", "policy-callbacks.cfg")
        lic = os.path.join(SAMPLES, "licence.cfg")
        self.assertEqual(run("config", clean, "-p", "cn", "--licence", lic,
                             "--today", "2026-11-28").rc, 0)

    def test_text_report(self):
        res = run("scan", SAMPLES, "--today", "2026-11-28")
        self.assertEqual(res.rc, 1)
        self.assertIn("CRITICAL (2)", res.out)
        self.assertIn("[call-purpose]", res.out)
        self.assertIn("Result: FAIL", res.out)
        self.assertNotIn("\033[", res.out)  # not a terminal: no colour

    def test_colour_only_when_asked(self):
        self.assertIn("\033[", run("scan", SAMPLES, "--color", "always").out)
        self.assertNotIn("\033[", run("scan", SAMPLES, "--color", "never").out)
        self.assertNotIn("\033[", run("scan", SAMPLES, "-f", "json", "--color", "always").out)

    def test_output_file_replaced_with_private_mode(self):
        out = os.path.join(self.tmp, "report.json")
        with open(out, "w") as f:
            f.write("old")
        res = run("scan", SAMPLES, "-f", "json", "-o", out)
        self.assertEqual(res.rc, 1)
        self.assertEqual(res.out, "")
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        with open(out) as f:
            self.assertEqual(f.read(1), "{")
        self.assertEqual([n for n in os.listdir(self.tmp)], ["report.json"])

    def test_several_reports_in_one_run(self):
        j, s = os.path.join(self.tmp, "r.json"), os.path.join(self.tmp, "r.sarif")
        res = run("scan", SAMPLES, "-f", "json", "-o", j, "-f", "sarif", "-o", s, "-f", "text",
                  "--today", "2026-11-28")
        self.assertEqual(res.rc, 1, res.err)
        self.assertIn("Result: FAIL", res.out)  # the one without -o
        with open(j) as f:
            report = json.load(f)
        with open(s) as f:
            sarif = json.load(f)
        self.assertEqual(len(report["findings"]), len(sarif["runs"][0]["results"]))
        # -o before -f pairs the same way
        res = run("scan", SAMPLES, "-o", j, "-f", "json")
        self.assertEqual(res.out, "")

    def test_two_reports_to_stdout_refused(self):
        res = run("scan", SAMPLES, "-f", "json", "-f", "sarif")
        self.assertEqual(res.rc, 2)
        self.assertIn("only one report can go to standard output", res.err)

    def test_output_to_device(self):
        res = run("scan", SAMPLES, "-o", "/dev/null")
        self.assertEqual(res.rc, 1)
        self.assertTrue(os.path.exists("/dev/null"))

    def test_skipped_files_are_listed(self):
        self.write("audit/notes.txt", "not a dialer file\n")
        self.write("audit/c.cfg", open(os.path.join(SAMPLES, "campaigns",
                                                    "policy-callbacks.cfg")).read())
        os.symlink(self.tmp, os.path.join(self.tmp, "audit", "loop"))
        res = run("scan", os.path.join(self.tmp, "audit"), "-p", "cn", "-f", "json")
        self.assertEqual(res.rc, 0, res.err)
        status = {os.path.basename(i["path"]): i for i in res.json()["inputs"]}
        self.assertEqual(status["notes.txt"]["status"], "skipped")
        self.assertEqual(status["notes.txt"]["reason"], "not a recognised format")
        self.assertEqual(status["loop"]["status"], "skipped")
        self.assertIn("not followed", status["loop"]["reason"])
        self.assertEqual(status["c.cfg"]["status"], "read")


if __name__ == "__main__":
    unittest.main()
