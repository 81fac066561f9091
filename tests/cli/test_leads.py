"""`dialaudit config CAMPAIGN --leads FILE`: the pre-launch scrub through the binary."""
import csv
import os
import unittest

from dialaudit_test import DATA, ROOT, SAMPLES, CliTestCase, run

REAL = os.path.join(DATA, "real", "vicidial", "lead-file-samples")
TODAY = "2026-11-28"


def campaign(name="spring", windows='daily = ["09:00-20:00"];', extra=""):
    return """campaigns = (
  {
    name = "%s";
    purpose = "marketing";
    dial_mode = "preview";
    windows = { %s };
    windows_zone = "callee";
    dnc_scrub = true;
    consent_required = true;
    %s
  }
);
""" % (name, windows, extra)


def lead(code, number, vendor="L1", state="NY"):
    """One row of VICIdial's standard layout."""
    return "|".join([vendor, "src", "1001", code, number, "MR", "Ann", "", "Lee", "1 Main St",
                     "", "", "Albany", state, "", "12207", "USA", "F", "1980-01-01", "",
                     "a@example.com", "", "note"])


class LeadScrub(CliTestCase):
    def scrub(self, leads, *args, camp=None, rc=(0, 1)):
        cfg = self.write("camp.cfg", camp or campaign())
        path = leads if os.path.isabs(leads) else os.path.join(self.tmp, leads)
        res = run("config", cfg, "--leads", path, "-p", "us", "--today", TODAY, "-f", "json",
                  *args)
        self.assertIn(res.rc, rc, res.err)
        return res

    def write_bytes(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def lead_findings(self, report, rule=None, key=None):
        return [f for f in report["findings"]
                if (f["location"]["path"] or "").endswith((".txt", ".csv"))
                and (rule is None or f["rule"] == rule) and (key is None or f.get("key") == key)]

    def test_dnc_hit(self):
        self.write("leads.txt", "\n".join([lead("1", "2125550100", "A"),
                                           lead("1", "2125550101", "B")]) + "\n")
        dnc = self.write("dnc.txt", "2125550101\n")
        report = self.scrub("leads.txt", "--dnc", dnc).json()
        [f] = self.lead_findings(report, "dnc-list", "leads")
        self.assertEqual(f["actual"], "1 of 2 leads")
        self.assertEqual(f["location"]["line"], 2)
        self.assertEqual(f["severity"], "high")
        stats = report["stats"]["leads"]
        self.assertEqual((stats["total"], stats["parsed"], stats["rejected"], stats["dnc"]),
                         (2, 2, 0, 1))
        self.assertTrue(stats["checked"]["dnc"])
        # without the list the scrub says it did not check
        report = self.scrub("leads.txt").json()
        self.assertEqual(self.lead_findings(report, "dnc-list", "leads"), [])
        nc = [f for f in report["findings"] if f.get("key") == "leads/not-checked"
              and f["rule"] == "dnc-list"]
        self.assertEqual(len(nc), 1)
        self.assertFalse(report["stats"]["leads"]["checked"]["dnc"])

    def test_hours_overlap_one_minute_vs_none(self):
        # the us profile permits 08:00-21:00 in the callee's zone
        self.write("leads.txt", lead("1", "2125550100") + "\n")
        one = campaign(windows='daily = ["07:00-08:01"];')
        report = self.scrub("leads.txt", camp=one).json()
        self.assertEqual(self.lead_findings(report, "calling-hours", "leads"), [])
        self.assertEqual(report["stats"]["leads"]["uncallable"], 0)
        none = campaign(windows='daily = ["07:00-08:00"];')
        report = self.scrub("leads.txt", camp=none).json()
        [f] = self.lead_findings(report, "calling-hours", "leads")
        self.assertEqual((f["campaign"], f["actual"], f["severity"]),
                         ("spring", "1 of 1 leads", "high"))
        self.assertEqual(report["stats"]["leads"]["campaigns"]["spring"]["uncallable"], 1)

    def test_server_zone_windows_judged_per_callee(self):
        # 07:00-08:01 New York time is 04:00-05:01 in Los Angeles: never permitted there
        self.write("leads.txt", lead("1", "2125550100", "NYC") + "\n" +
                   lead("1", "2135550100", "LAX") + "\n")
        camp = campaign(windows='daily = ["07:00-08:01"];').replace(
            'windows_zone = "callee";',
            'windows_zone = "server"; server_timezone = "America/New_York";')
        report = self.scrub("leads.txt", camp=camp).json()
        [f] = self.lead_findings(report, "calling-hours", "leads")
        self.assertEqual((f["actual"], f["location"]["line"]), ("1 of 2 leads", 2))

    def test_consent_expired_yesterday_today_tomorrow(self):
        self.write("leads.txt", "\n".join(
            [lead("1", "212555010%d" % i, "L%d" % i) for i in range(4)]) + "\n")
        consent = self.write("consent.csv", "number,granted_at,expires_at\n"
                             "2125550100,2026-01-01 00:00:00,2026-11-27 00:00:00\n"
                             "2125550101,2026-01-01 00:00:00,2026-11-28 12:00:00\n"
                             "2125550102,2026-01-01 00:00:00,2026-11-29 00:00:00\n")
        report = self.scrub("leads.txt", "--consent", consent).json()
        [f] = self.lead_findings(report, "consent", "leads")
        # expired yesterday, expiring during today, and no record at all
        self.assertEqual((f["actual"], f["location"]["line"], f["campaign"]),
                         ("3 of 4 leads", 1, "spring"))
        self.assertEqual(report["stats"]["leads"]["no_consent"], 3)
        self.assertTrue(report["stats"]["leads"]["checked"]["consent"])

    def test_consent_revoked(self):
        self.write("leads.txt", lead("1", "2125550100") + "\n")
        consent = self.write("consent.csv", "number,granted_at,revoked_at\n"
                             "2125550100,2026-01-01 00:00:00,2026-11-28 00:00:00\n")
        report = self.scrub("leads.txt", "--consent", consent).json()
        self.assertEqual(len(self.lead_findings(report, "consent", "leads")), 1)
        consent = self.write("consent.csv", "number,granted_at,revoked_at\n"
                             "2125550100,2026-01-01 00:00:00,2026-11-29 00:00:00\n")
        report = self.scrub("leads.txt", "--consent", consent).json()
        self.assertEqual(self.lead_findings(report, "consent", "leads"), [])

    def test_bom_crlf_and_rejected_row(self):
        rows = [lead("1", "2125550100"), "L2|src|1001", lead("1", "3035550100")]
        self.write_bytes("leads.txt", b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
        report = self.scrub("leads.txt").json()
        [inp] = [i for i in report["inputs"] if i["kind"] == "lead-list"]
        self.assertEqual((inp["format"], inp["rows"], inp["parsed"], inp["rejected"]),
                         ("vicidial-leads", 3, 2, 1))
        self.assertEqual(inp["rejected_examples"][0]["line"], 2)
        [f] = self.lead_findings(report, "input-rejected", "rows")
        self.assertEqual((f["location"]["line"], f["actual"]), (2, "1 of 3 rows rejected"))

    def test_invalid_blocked_and_zone_unknown(self):
        self.write("leads.txt", "\n".join([
            lead("1", "212555010", "SHORT"),       # nine digits
            lead("1", "9005550100", "PREMIUM"),    # blocked ^900…, no zone of its own
            lead("44", "7700900123", "UK"),        # outside the profile's country
            lead("1", "2085550100", "IDAHO"),      # area code in two zones
            lead("1", "2125550100", "OK"),
        ]) + "\n")
        report = self.scrub("leads.txt").json()
        s = report["stats"]["leads"]
        self.assertEqual((s["invalid_number"], s["blocked"], s["zone_unknown"], s["flagged"]),
                         (1, 1, 3, 4))
        [f] = self.lead_findings(report, "input-rejected", "leads/invalid-number")
        self.assertEqual(f["location"]["line"], 1)
        [f] = self.lead_findings(report, "blocked-destination", "leads")
        self.assertEqual(f["location"]["line"], 2)
        [f] = self.lead_findings(report, "calling-hours", "leads/zone-unknown")
        self.assertEqual((f["location"]["line"], f["actual"]), (2, "3 of 5 leads"))

    def test_details_rows(self):
        self.write("leads.txt", "\n".join([lead("1", "2125550100", "CLEAN"),
                                           lead("1", "2125550101", "DNC"),
                                           lead("1", "21255", "BAD")]) + "\n")
        dnc = self.write("dnc.txt", "2125550101\n")
        details = os.path.join(self.tmp, "details.csv")
        self.scrub("leads.txt", "--dnc", dnc, "--details", details)
        with open(details, newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["file", "line", "lead", "number", "zone", "problems"])
        self.assertEqual([r[1:3] + [r[5]] for r in rows[1:]],
                         [["2", "DNC", "dnc-list"], ["3", "BAD", "invalid-number"]])
        self.assertTrue(rows[1][0].endswith("leads.txt"))
        self.assertEqual(rows[1][3], "+1 212*****01")
        self.assertEqual(rows[1][4], "America/New_York")
        self.assertEqual(rows[2][3], "")
        self.scrub("leads.txt", "--dnc", dnc, "--details", details, "--show-numbers")
        with open(details, newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[1][3], "+12125550101")
        self.assertEqual(rows[2][3], "1 21255")

    def test_several_campaigns(self):
        camps = campaign("alpha").replace("\n);\n", ",\n") + campaign("beta").split("(\n", 1)[1]
        self.write("leads.txt", lead("1", "2125550100") + "\n")
        consent = self.write("consent.csv", "number,granted_at,campaign\n"
                             "2125550100,2026-01-01 00:00:00,alpha\n")
        report = self.scrub("leads.txt", "--consent", consent, camp=camps).json()
        found = self.lead_findings(report, "consent", "leads")
        self.assertEqual([f["campaign"] for f in found], ["beta"])
        self.assertEqual(report["stats"]["leads"]["campaigns"],
                         {"alpha": {"no_consent": 0, "uncallable": 0},
                          "beta": {"no_consent": 1, "uncallable": 0}})

    def test_mapped_csv(self):
        mapping = self.write("map.cfg", 'mapping = { leads = { number = "Mobile"; '
                             'id = "Customer ID"; }; };\n')
        self.write("crm.csv", "Customer ID,Name,Mobile\r\nC-1,\"Lee, Ann\",212-555-0100\r\n"
                   "C-2,Bo,212-555-01\r\n")
        report = self.scrub("crm.csv", "--mapping", mapping).json()
        [inp] = [i for i in report["inputs"] if i["kind"] == "lead-list"]
        self.assertEqual((inp["format"], inp["rows"], inp["parsed"]), ("mapped-leads", 2, 2))
        self.assertEqual(report["stats"]["leads"]["invalid_number"], 1)
        # a mapping with only a leads group cannot read call logs
        log = self.write("calls.csv", "Mobile,When\n2125550100,2026-01-01 10:00:00\n")
        res = run("logs", log, "-p", "us", "--mapping", mapping, "--log-format", "generic")
        self.assert_error(res, "no columns group")

    def test_update_file_refused(self):
        res = self.scrub(os.path.join(REAL, "testUPDATE_lead_file.txt"), rc=(2,))
        self.assert_error(res, "testUPDATE_lead_file.txt:1:", "lead update file",
                          "not a lead list")

    def test_options_need_leads(self):
        cfg = self.write("camp.cfg", campaign())
        dnc = self.write("dnc.txt", "2125550101\n")
        res = run("config", cfg, "-p", "us", "--dnc", dnc)
        self.assert_error(res, "--dnc", "only with --leads")
        res = run("logs", cfg, "-p", "us", "--leads", dnc)
        self.assert_error(res, "'leads' does not apply")

    def test_real_vicidial_files_every_row_accounted(self):
        want = {"test_VICIDIAL_lead_file.txt": ("vicidial-leads", 14),
                "testMULTI_VICIDIAL_lead_file.csv": ("vicidial-leads-csv", 14),
                "UTF8_lead_file.txt": ("vicidial-leads", 16)}
        for name, (fmt, rows) in want.items():
            with self.subTest(name):
                report = self.scrub(os.path.join(REAL, name)).json()
                [inp] = [i for i in report["inputs"] if i["kind"] == "lead-list"]
                self.assertEqual((inp["format"], inp["rows"], inp["rejected"]), (fmt, rows, 0))
                self.assertEqual(inp["rows"], inp["parsed"] + inp["rejected"])
                s = report["stats"]["leads"]
                self.assertEqual(s["total"], s["parsed"] + s["rejected"])
        # the UTF-8 file's leads with phone codes 44, 61, 64 and 39 are not US numbers
        report = self.scrub(os.path.join(REAL, "UTF8_lead_file.txt")).json()
        self.assertEqual(report["stats"]["leads"]["zone_unknown"], 9)

    def test_sample_leads(self):
        res = run("config", os.path.join(SAMPLES, "campaigns", "spring-promo.cfg"),
                  "--leads", os.path.join(SAMPLES, "leads", "spring-promo-leads.txt"),
                  "-p", "cn", "--dnc", os.path.join(SAMPLES, "lists", "dnc.txt"),
                  "--consent", os.path.join(SAMPLES, "lists", "consent.csv"),
                  "--today", TODAY, "-f", "json")
        self.assertEqual(res.rc, 1, res.err)
        s = res.json()["stats"]["leads"]
        self.assertEqual({k: s[k] for k in ("total", "parsed", "rejected", "dnc", "no_consent",
                                            "invalid_number", "blocked", "zone_unknown",
                                            "uncallable", "flagged")},
                         {"total": 20, "parsed": 19, "rejected": 1, "dnc": 2, "no_consent": 6,
                          "invalid_number": 4, "blocked": 2, "zone_unknown": 2,
                          "uncallable": 0, "flagged": 11})
        # scan lists the lead file, but does not read it as a log
        report = run("scan", SAMPLES, "-f", "json", "--today", TODAY).json()
        [inp] = [i for i in report["inputs"] if i["path"].endswith("spring-promo-leads.txt")]
        self.assertEqual((inp["status"], inp["reason"]),
                         ("skipped", "lead list: use config --leads"))
        # named to scan, it is an error that says where it belongs
        path = os.path.join(SAMPLES, "leads", "spring-promo-leads.txt")
        self.assert_error(run("scan", path, "-p", "cn"), path + ": a lead list",
                          "config CAMPAIGN --leads")
        # and the format table lists it
        self.assertIn("lead-list", [l.split()[0] for l in run("formats").out.splitlines()])

    def test_text_report_and_chinese(self):
        self.write("leads.txt", lead("1", "2125550100") + "\n")
        cfg = self.write("camp.cfg", campaign())
        res = run("config", cfg, "--leads", os.path.join(self.tmp, "leads.txt"), "-p", "us",
                  "--today", TODAY)
        self.assertIn("Leads:    1 parsed, 0 with a problem", res.out)
        res = run("config", cfg, "--leads", os.path.join(self.tmp, "leads.txt"), "-p", "us",
                  "--today", TODAY, "--lang", "zh-CN")
        self.assertIn("名单：", res.out)


if __name__ == "__main__":
    unittest.main()
