"""profiles, rules, explain, version, help."""
import unittest

from dialaudit_test import CliTestCase, run


class Commands(CliTestCase):
    def test_profiles_lists_builtins(self):
        res = run("profiles")
        self.assertEqual(res.rc, 0, res.err)
        lines = res.out.splitlines()
        self.assertTrue(lines[0].startswith("ID"))
        ids = [l.split()[0] for l in lines[1:] if not l.startswith(" ")]
        self.assertIn("cn", ids)
        self.assertIn("us", ids)
        cn = next(l for l in lines if l.startswith("cn "))
        self.assertIn("2026-12-31", cn)  # the CN calendar runs to the end of 2026

    def test_rules_lists_every_rule(self):
        res = run("rules")
        self.assertEqual(res.rc, 0)
        ids = [l.split()[0] for l in res.out.splitlines()]
        for rule in ("calling-hours", "call-frequency", "recall-after-abandon", "abandon-rate",
                     "abandon-message", "ring-time", "caller-id", "dnc-list", "consent",
                     "capacity", "call-purpose", "blocked-destination", "licence-expiry"):
            self.assertIn(rule, ids)

    def test_rules_with_profile_shows_limits(self):
        res = run("rules", "--profile", "us")
        self.assertEqual(res.rc, 0, res.err)
        self.assertIn("ring at least 15 s", res.out)
        self.assertIn("64.1200", res.out)
        self.assertIn("at most 3% of live-answered calls", res.out)

    def test_explain(self):
        res = run("explain", "ring-time")
        self.assertEqual(res.rc, 0, res.err)
        self.assertIn("What:", res.out)
        self.assertIn("Fix:", res.out)
        self.assertIn("Profile us", res.out)
        res = run("explain", "call-purpose", "-p", "cn")
        self.assertIn("81号", res.out)
        self.assertIn("figure unconfirmed", res.out)

    def test_version_and_help(self):
        self.assertRegex(run("version").out, r"^dialaudit \d+\.\d+\.\d+\n$")
        for cmd in ("scan", "config", "profiles", "rules", "explain"):
            res = run(cmd, "--help")
            self.assertEqual(res.rc, 0)
            self.assertIn(f"Usage: dialaudit {cmd}", res.out)
        self.assertIn("Exit status", run("help").out)


if __name__ == "__main__":
    unittest.main()
