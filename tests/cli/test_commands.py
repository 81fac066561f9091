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

    def test_formats_lists_the_adapter_table(self):
        res = run("formats")
        self.assertEqual(res.rc, 0, res.err)
        rows = [l.split()[:2] for l in res.out.splitlines()[1:]]
        self.assertIn(["asterisk-cdr", "call-log"], rows)
        self.assertIn(["dialaudit-campaign", "campaign"], rows)
        self.assertIn(["generic-csv", "call-log"], rows)
        self.assertEqual(run("formats", "x").rc, 2)

    def test_config_format_names_come_from_the_table(self):
        res = run("config", "--config-format", "asterisk-cdr", "x.cfg", "-p", "cn")
        self.assert_error(res, "--config-format 'asterisk-cdr': expected one of: auto, "
                          "dialaudit-campaign")
        res = run("logs", "--log-format", "dialaudit-campaign", "x.csv", "-p", "cn")
        self.assert_error(res, "--log-format 'dialaudit-campaign': expected one of: auto, "
                          "asterisk-cdr")
        # logs have no configurations to read
        self.assert_error(run("logs", "--config-format", "auto", "x.csv", "-p", "cn"),
                          "'config-format' does not apply")

    def test_config_format_forces_the_adapter(self):
        # a campaign file whose settings start after the bytes detection reads
        path = self.write("settings.txt", "# notes\n" * 600 +
                          'campaigns = ( { name = "x"; ring_timeout = 10; } );\n')
        self.assert_error(run("config", path, "-p", "cn"), "not a recognised format")
        res = run("config", "--config-format", "dialaudit-campaign", path, "-p", "cn",
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        report = res.json()
        self.assertEqual([i["format"] for i in report["inputs"] if i["kind"] == "campaign"],
                         ["dialaudit-campaign"])

    def test_log_format_applies_to_logs_a_scan_recognises(self):
        # an Asterisk CDR read by the generic adapter: its header-less first row
        # is then refused, which proves the override took the file
        self.write("d/Master.csv", '"c","1","13900001111","ctx","","PJSIP/a-1","","Dial",'
                   '"x","2026-03-12 10:02:00",,"2026-03-12 10:02:20",20,0,"NO ANSWER",'
                   '"DOCUMENTATION","1.1",""\n')
        folder = self.tmp + "/d"
        res = run("scan", folder, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual([i["format"] for i in res.json()["inputs"]], ["asterisk-cdr"])
        res = run("scan", folder, "-p", "cn", "-f", "json", "--log-format", "generic-csv")
        self.assertEqual(res.rc, 2)
        self.assertIn("mapping", res.err)

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
