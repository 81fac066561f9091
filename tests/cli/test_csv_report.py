"""The CSV report of findings: one row per finding, safe to open in a spreadsheet."""
import csv
import io
import os
import unittest

from dialaudit_test import SAMPLES, CliTestCase, campaign_file, run

HEADER = ["severity", "rule", "title", "file", "line", "campaign", "key", "message", "limit",
          "actual", "source", "standing", "confirmed", "fingerprint", "waived"]


class CsvReport(CliTestCase):
    def test_rows_match_the_json_report(self):
        res = run("scan", SAMPLES, "-f", "csv", "--today", "2026-11-28")
        self.assertEqual(res.rc, 1)
        rows = list(csv.reader(io.StringIO(res.out)))
        self.assertEqual(rows[0], HEADER)
        findings = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28").json()["findings"]
        self.assertEqual(len(rows) - 1, len(findings))
        for row, f in zip(rows[1:], findings):
            r = dict(zip(HEADER, row))
            self.assertEqual((r["severity"], r["rule"], r["fingerprint"]),
                             (f["severity"], f["rule"], f["fingerprint"]))
            self.assertEqual(r["message"], f["message"])
            self.assertEqual(r["line"], str(f["location"]["line"] or ""))

    def test_formulas_are_neutralised(self):
        path = self.write("c.cfg", campaign_file(name="=HYPERLINK(\"http://x\",\"y\")",
                                                  ring_timeout=5))
        res = run("config", path, "-p", "us", "-f", "csv")
        rows = list(csv.DictReader(io.StringIO(res.out)))
        self.assertTrue(rows)
        for r in rows:
            self.assertTrue(r["campaign"].startswith("'="), r["campaign"])

    def test_masked_numbers_stay_plain(self):
        details = os.path.join(self.tmp, "d.csv")
        run("scan", SAMPLES, "--details", details, "-f", "csv", "-o", "/dev/null")
        with open(details) as f:
            rows = list(csv.DictReader(f))
        self.assertTrue(rows)
        self.assertTrue(all(r["number"].startswith("+") for r in rows))


if __name__ == "__main__":
    unittest.main()
