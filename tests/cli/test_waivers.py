"""Waivers: accepted findings listed as waived until their expiry; then reported again."""
import json
import os
import unittest

from dialaudit_test import DATA, CliTestCase, campaign_file, run

STRICT = os.path.join(DATA, "profiles", "strict.cfg")
LICENCE = os.path.join(DATA, "licences", "b07.cfg")
WAIVE_RING = '''waivers = (
  {
    rule = "ring-time";
    campaign = "probe";
    justification = "Carrier allows 10 s until the new trunk is live";
    expires = "2026-12-31";
  }
);
'''


class Waivers(CliTestCase):
    def audit(self, campaign, waivers, today="2026-11-28", fmt="json"):
        c = self.write("campaign.cfg", campaign)
        self.wpath = self.write("waivers.cfg", waivers)
        return run("config", c, "-p", STRICT, "--licence", LICENCE, "--today", today, "-f", fmt,
                   "--waivers", self.wpath)

    def test_waived_finding_is_listed_and_does_not_fail(self):
        res = self.audit(campaign_file(ring_timeout=10), WAIVE_RING)
        self.assertEqual(res.rc, 0, res.err)
        r = res.json()
        self.assertEqual(len(r["findings"]), 1)
        w = r["findings"][0]["waiver"]
        self.assertEqual(w["expires"], "2026-12-31")
        self.assertEqual((w["path"], w["line"]), (self.wpath, 2))
        self.assertEqual(r["summary"]["waived"], 1)
        self.assertFalse(r["summary"]["failed"])

    def test_waiver_is_scoped(self):
        # the ring-time waiver does not cover the new dnc-list finding
        res = self.audit(campaign_file(ring_timeout=10, dnc_list_age_days=40), WAIVE_RING)
        self.assertEqual(res.rc, 1)
        active = [f["rule"] for f in res.json()["findings"] if f["waiver"] is None]
        self.assertEqual(active, ["dnc-list"])

    def test_expiry_boundary(self):
        res = self.audit(campaign_file(ring_timeout=10), WAIVE_RING, today="2026-12-31")
        self.assertEqual(res.rc, 0)
        res = self.audit(campaign_file(ring_timeout=10), WAIVE_RING, today="2027-01-01")
        self.assertEqual(res.rc, 1)
        rules = sorted((f["rule"], f["waiver"] is None) for f in res.json()["findings"])
        self.assertEqual(rules, [("ring-time", True), ("waiver-expired", True)])
        expired = [f for f in res.json()["findings"] if f["rule"] == "waiver-expired"][0]
        self.assertEqual((expired["location"]["path"], expired["location"]["line"]),
                         (self.wpath, 2))

    def test_sarif_suppression_and_text(self):
        res = self.audit(campaign_file(ring_timeout=10), WAIVE_RING, fmt="sarif")
        result = json.loads(res.out)["runs"][0]["results"][0]
        self.assertEqual(result["suppressions"][0]["kind"], "external")
        self.assertIn("new trunk", result["suppressions"][0]["justification"])
        text = self.audit(campaign_file(ring_timeout=10), WAIVE_RING, fmt="text").out
        self.assertIn("WAIVED (1)", text)
        self.assertIn("waived: Carrier allows 10 s", text)

    def test_caller_id_scope(self):
        waivers = WAIVE_RING.replace('rule = "ring-time";\n    campaign = "probe";',
                                     'rule = "caller-id";\n    caller_id = "0571-8800-9999";')
        res = self.audit(campaign_file(caller_ids=["057188009999", "13912345678"],
                                       max_channels=1), waivers)
        findings = res.json()["findings"]
        waived = [f for f in findings if f["waiver"] is not None]
        active = [f for f in findings if f["waiver"] is None]
        self.assertEqual(len(waived), 1)
        self.assertEqual(len(active), 1)
        self.assertIn("139", active[0]["actual"])

    def test_errors_name_the_line(self):
        c = self.write("c.cfg", campaign_file())
        cases = {
            "justification": WAIVE_RING.replace(
                '    justification = "Carrier allows 10 s until the new trunk is live";\n', ''),
            "expires": WAIVE_RING.replace('    expires = "2026-12-31";\n', ''),
            "unknown rule": WAIVE_RING.replace('"ring-time"', '"ring-tone"'),
            "scope": WAIVE_RING.replace('    campaign = "probe";\n', ''),
        }
        for what, text in cases.items():
            with self.subTest(what):
                w = self.write("w.cfg", text)
                res = run("config", c, "-p", "cn", "--waivers", w)
                self.assert_error(res, f"{w}:", what)


class NumberWaivers(CliTestCase):
    def test_number_scope_on_call_logs(self):
        from dialaudit_test import cdr
        log = self.write("Master.csv", "".join([
            cdr("13912345678", "2026-03-10 22:00:00"),
            cdr("13800000002", "2026-03-10 22:30:00")]))
        waivers = self.write("w.cfg", '''waivers = (
  { rule = "calling-hours"; number = "+86 139 1234 5678";
    justification = "Callback the customer booked for 22:00 (ticket 88)"; expires = "2026-12-31"; }
);
''')
        details = os.path.join(self.tmp, "d.csv")
        res = run("logs", log, "-p", "cn", "--log-tz", "Asia/Shanghai", "--waivers", waivers,
                  "--today", "2026-11-28", "--details", details, "-f", "json")
        self.assertEqual(res.rc, 1)
        hours = [f for f in res.json()["findings"] if f["rule"] == "calling-hours"]
        self.assertEqual(sorted((f["actual"], f["waiver"] is None) for f in hours),
                         [("1 of 2 calls", False), ("1 of 2 calls", True)])
        with open(details) as f:
            text = f.read()
        self.assertIn("(waived)", text)
        # after the expiry the call counts again, and the waiver is a finding
        res = run("logs", log, "-p", "cn", "--log-tz", "Asia/Shanghai", "--waivers", waivers,
                  "--today", "2027-01-01", "-f", "json")
        rules = sorted((f["rule"], f["actual"]) for f in res.json()["findings"]
                       if f["rule"] in ("calling-hours", "waiver-expired"))
        self.assertEqual(rules, [("calling-hours", "2 of 2 calls"),
                                 ("waiver-expired", "2026-12-31")])


if __name__ == "__main__":
    unittest.main()
