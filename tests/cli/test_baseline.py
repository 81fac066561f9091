"""Baselines: only findings that are new since the baseline, matched on identity, not lines."""
import json
import os
import unittest

from dialaudit_test import DATA, CliTestCase, campaign_file, run

STRICT = os.path.join(DATA, "profiles", "strict.cfg")
LICENCE = os.path.join(DATA, "licences", "b07.cfg")


class Baseline(CliTestCase):
    def audit(self, text, *args):
        path = self.write("campaign.cfg", text)
        res = run("config", path, "-p", STRICT, "--licence", LICENCE, "--today", "2026-11-28",
                  "-f", "json", *args)
        self.assertIn(res.rc, (0, 1), res.err)
        return res

    def test_only_new_findings_after_lines_move(self):
        base = os.path.join(self.tmp, "baseline.json")
        first = self.audit(campaign_file(ring_timeout=10), "--write-baseline", base)
        self.assertEqual([f["rule"] for f in first.json()["findings"]], ["ring-time"])
        with open(base) as f:
            self.assertEqual(json.load(f)["schema"], "dialaudit-baseline/1")
        # the known problem moves down three lines; a new one appears
        moved = "# edited\n# again\n\n" + campaign_file(ring_timeout=10, dnc_list_age_days=40)
        res = self.audit(moved, "--baseline", base)
        report = res.json()
        self.assertEqual([f["rule"] for f in report["findings"]], ["dnc-list"])
        self.assertEqual(report["summary"]["baseline"]["known"], 1)
        self.assertEqual(res.rc, 1)

    def test_nothing_new_passes(self):
        base = os.path.join(self.tmp, "baseline.json")
        self.audit(campaign_file(ring_timeout=10), "--write-baseline", base)
        res = self.audit(campaign_file(ring_timeout=10), "--baseline", base)
        self.assertEqual(res.rc, 0)
        self.assertEqual(res.json()["findings"], [])

    def test_an_earlier_json_report_serves(self):
        prev = os.path.join(self.tmp, "prev.json")
        self.audit(campaign_file(ring_timeout=10), "-o", prev)
        res = self.audit(campaign_file(ring_timeout=10), "--baseline", prev)
        self.assertEqual(res.rc, 0)

    def test_bad_baseline(self):
        bad = self.write("bad.json", '{"schema": "something/else"}')
        path = self.write("c.cfg", campaign_file())
        res = run("config", path, "-p", "cn", "--baseline", bad)
        self.assert_error(res, bad, "not a baseline")
        res = run("config", path, "-p", "cn", "--baseline", os.path.join(self.tmp, "none.json"))
        self.assert_error(res, "none.json")


if __name__ == "__main__":
    unittest.main()
