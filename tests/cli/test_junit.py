"""JUnit XML: well-formed, a failing test case per finding at or above --fail-on."""
import os
import unittest
import xml.etree.ElementTree as ET

from dialaudit_test import SAMPLES, CliTestCase, campaign_file, run


class JUnit(CliTestCase):
    def suite(self, *args):
        res = run(*args, "-f", "junit", "--today", "2026-11-28")
        self.assertIn(res.rc, (0, 1), res.err)
        root = ET.fromstring(res.out)
        self.assertEqual(root.tag, "testsuites")
        return res, root.find("testsuite")

    def test_findings_are_failures(self):
        res, suite = self.suite("scan", SAMPLES)
        findings = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28").json()["findings"]
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        self.assertEqual(len(failed), len(findings))
        self.assertEqual(int(suite.get("failures")), len(findings))
        self.assertEqual(int(suite.get("tests")), len(cases))
        fps = sorted(c.get("name").rsplit(" ", 1)[1] for c in failed)
        self.assertEqual(fps, sorted(f["fingerprint"] for f in findings))

    def test_rules_without_findings_pass(self):
        res, suite = self.suite("config", os.path.join(SAMPLES, "campaigns",
                                                        "policy-callbacks.cfg"), "-p", "cn",
                                "--licence", os.path.join(SAMPLES, "licence.cfg"))
        self.assertEqual(res.rc, 0)
        self.assertEqual(suite.get("failures"), "0")
        names = {c.get("name") for c in suite.findall("testcase")}
        self.assertIn("calling-hours", names)

    def test_below_fail_on_is_skipped(self):
        path = self.write("c.cfg", campaign_file(ring_timeout=None, max_channels=1,
                                                  caller_ids=["057188001201"]))
        res, suite = self.suite("config", path, "-p", "us", "--fail-on", "high")
        skipped = [c for c in suite.findall("testcase") if c.find("skipped") is not None]
        self.assertTrue(skipped)
        self.assertEqual(int(suite.get("skipped")), len(skipped))

    def test_markup_is_escaped(self):
        path = self.write("c.cfg", campaign_file(name="<b>&\"x\"", ring_timeout=5))
        res, suite = self.suite("config", path, "-p", "us")
        self.assertIn('<b>&"x"', "".join(c.get("classname") for c in suite.findall("testcase")))


if __name__ == "__main__":
    unittest.main()
