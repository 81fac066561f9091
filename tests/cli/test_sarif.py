"""SARIF 2.1.0: valid against the OASIS schema, with what GitHub code scanning needs."""
import json
import os
import unittest

import jsonschema

from dialaudit_test import DATA, SAMPLES, CliTestCase, run

SCHEMA = os.path.join(DATA, "sarif", "sarif-schema-2.1.0.json")


class Sarif(CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.res = run("scan", SAMPLES, "-f", "sarif", "--today", "2026-11-28")
        cls.log = json.loads(cls.res.out)
        cls.json = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28").json()

    def test_valid_against_the_schema(self):
        with open(SCHEMA) as f:
            jsonschema.validate(self.log, json.load(f))
        self.assertEqual(self.res.rc, 1)
        self.assertEqual(self.log["version"], "2.1.0")

    def test_one_run_with_rules_and_automation_id(self):
        self.assertEqual(len(self.log["runs"]), 1)
        run_ = self.log["runs"][0]
        self.assertEqual(run_["automationDetails"]["id"], "dialaudit/scan/cn/")
        rules = run_["tool"]["driver"]["rules"]
        for r in rules:
            self.assertTrue(r["shortDescription"]["text"] and r["fullDescription"]["text"]
                            and r["help"]["text"], r["id"])
        self.assertIn("calling-hours", [r["id"] for r in rules])

    def test_results_match_the_json_report(self):
        results = self.log["runs"][0]["results"]
        rules = self.log["runs"][0]["tool"]["driver"]["rules"]
        self.assertEqual(len(results), len(self.json["findings"]))
        for res, f in zip(results, self.json["findings"]):
            self.assertEqual(res["ruleId"], f["rule"])
            self.assertEqual(rules[res["ruleIndex"]]["id"], f["rule"])
            self.assertEqual(res["partialFingerprints"]["dialauditFinding/v1"], f["fingerprint"])
            level = {"critical": "error", "high": "error", "medium": "warning"}.get(
                f["severity"], "note")
            self.assertEqual(res["level"], level)
            loc = res["locations"][0]["physicalLocation"]
            self.assertTrue(loc["artifactLocation"]["uri"].endswith(
                os.path.basename(f["location"]["path"])))
            if f["location"]["line"]:
                self.assertEqual(loc["region"]["startLine"], f["location"]["line"])
            else:
                self.assertNotIn("region", loc)

    def test_paths_are_uris(self):
        path = self.write("with space/c.cfg", open(os.path.join(
            SAMPLES, "campaigns", "spring-promo.cfg")).read())
        log = json.loads(run("config", path, "-p", "cn", "-f", "sarif").out)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"]["uri"]
        self.assertTrue(uri.startswith("file:///"), uri)
        self.assertIn("with%20space/c.cfg", uri)

    def test_numbers_stay_masked(self):
        self.assertNotIn("13912345678", self.res.out)


if __name__ == "__main__":
    unittest.main()
