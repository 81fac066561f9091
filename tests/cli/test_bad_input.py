"""Bad input: one clear line 'dialaudit: FILE:LINE: message', exit 2, nothing on stdout."""
import os
import stat
import unittest

from dialaudit_test import DATA, SAMPLES, CliTestCase, campaign_file, run

LICENCE = os.path.join(DATA, "licences", "b07.cfg")


class BadCampaigns(CliTestCase):
    def config(self, text, *extra):
        path = self.write("bad.cfg", text)
        return path, run("config", path, "-p", "cn", *extra)

    def test_syntax_error_names_line(self):
        path, res = self.config('campaigns = (\n  { name = "x";\n    purpose = ; }\n);\n')
        self.assert_error(res, f"{path}:3:", "syntax error")

    def test_unknown_key(self):
        path, res = self.config(campaign_file().replace("    ring_timeout", "    ring_timout"))
        self.assert_error(res, f"{path}:", "unknown key 'ring_timout'", "allowed:")

    def test_wrong_type(self):
        path, res = self.config(campaign_file(ring_timeout="15"))
        self.assert_error(res, "'ring_timeout' in a campaign must be an integer")

    def test_bad_time(self):
        path, res = self.config(campaign_file(windows={"daily": ["25:00-26:00"]}))
        self.assert_error(res, f"{path}:", "25:00-26:00", "not HH:MM-HH:MM")

    def test_empty_window(self):
        path, res = self.config(campaign_file(windows={"daily": ["10:00-10:00"]}))
        self.assert_error(res, "is empty")

    def test_overlapping_windows(self):
        path, res = self.config(campaign_file(windows={"mon": ["09:00-12:00", "11:00-13:00"]}))
        self.assert_error(res, "overlap")

    def test_impossible_value(self):
        path, res = self.config(campaign_file(max_attempts=-1))
        self.assert_error(res, "'max_attempts' is -1")

    def test_unknown_purpose(self):
        path, res = self.config(campaign_file(purpose="sales"))
        self.assert_error(res, 'unknown purpose "sales"')

    def test_unknown_time_zone(self):
        path, res = self.config(campaign_file(windows_zone="server", server_timezone="Mars/Base"))
        self.assert_error(res, f"{path}:", "unknown time zone 'Mars/Base'")

    def test_server_zone_without_timezone(self):
        path, res = self.config(campaign_file(windows_zone="server"))
        self.assert_error(res, "needs server_timezone")

    def test_duplicate_campaign(self):
        one = campaign_file()
        two = one.replace("campaigns = (\n", "campaigns = (\n  { name = \"probe\"; },\n")
        path, res = self.config(two)
        self.assert_error(res, "defined twice")

    def test_not_a_campaign_file(self):
        path, res = self.config("hello = 1;\n")
        self.assert_error(res, path, "not a campaign configuration")

    def test_empty_file(self):
        path, res = self.config("")
        self.assert_error(res, path, "empty file")


class BadFiles(CliTestCase):
    def test_missing_file(self):
        res = run("config", os.path.join(self.tmp, "nope.cfg"), "-p", "cn")
        self.assert_error(res, "nope.cfg", "No such file")

    def test_directory_where_file_expected(self):
        res = run("config", self.tmp, "-p", "cn")
        self.assert_error(res, self.tmp, "is a directory")

    def test_directory_as_licence(self):
        res = run("scan", SAMPLES, "--licence", self.tmp)
        self.assert_error(res, self.tmp, "is a directory")

    @unittest.skipIf(os.geteuid() == 0, "root reads any file")
    def test_unreadable_file(self):
        path = self.write("c.cfg", campaign_file())
        os.chmod(path, 0)
        self.assert_error(run("config", path, "-p", "cn"), path, "Permission denied")

    def test_fifo_as_input(self):
        path = os.path.join(self.tmp, "fifo")
        os.mkfifo(path)
        self.assert_error(run("config", path, "-p", "cn"), path, "not a regular file")

    def test_licence_with_bad_date(self):
        path = self.write("lic.cfg", 'licence = { holder = "h"; number = "n"; expires = "2026-02-30"; };\n')
        res = run("scan", SAMPLES, "--licence", path)
        self.assert_error(res, f"{path}:1:", "2026-02-30")

    def test_licence_missing_expiry(self):
        path = self.write("lic.cfg", 'licence = {\n  holder = "h";\n  number = "n";\n};\n')
        self.assert_error(run("scan", SAMPLES, "--licence", path), f"{path}:1:", "needs 'expires'")

    def test_campaign_file_as_licence(self):
        path = self.write("c.cfg", campaign_file())
        self.assert_error(run("scan", SAMPLES, "--licence", path), path, "not a licence file")


class BadProfiles(CliTestCase):
    def test_unknown_profile_id(self):
        res = run("config", os.path.join(SAMPLES, "campaigns"), "-p", "atlantis")
        self.assert_error(res, "unknown profile 'atlantis'")

    def test_profile_path_missing(self):
        res = run("scan", SAMPLES, "-p", os.path.join(self.tmp, "x.cfg"))
        self.assert_error(res, "x.cfg", "No such file")

    def profile(self, body):
        return self.write("p.cfg", 'id = "t";\nname = "t";\njurisdiction = "T";\n'
                          'review_date = "2026-11-28";\nsources = ["s"];\n'
                          'timezone = "UTC";\ncountry_code = "86";\n' + body)

    def check(self, body, line, *fragments):
        path = self.profile(body)
        res = run("scan", SAMPLES, "-p", path)
        self.assert_error(res, f"{path}:{line}:", *fragments)

    def test_unknown_top_key(self):
        self.check("colour = \"red\";\n", 8, "unknown key 'colour' in a profile")

    def test_unknown_group_key(self):
        self.check('ring_time = {\n  min_seconds = 15;\n  max_seconds = 20;\n'
                   '  source = "s"; standing = "law"; };\n', 10, "unknown key 'max_seconds'")

    def test_wrong_type(self):
        self.check('frequency = ( { calls = "5"; window = "24h"; source = "s"; standing = "law"; } );\n',
                   8, "'calls' in a frequency limit must be an integer")

    def test_negative_count(self):
        self.check('frequency = ( { calls = -1; window = "24h"; source = "s"; standing = "law"; } );\n',
                   8, "'calls' is -1")

    def test_impossible_time(self):
        self.check('calling_hours = {\n  windows = { daily = ["08:00-25:00"]; };\n'
                   '  source = "s"; standing = "law"; };\n', 9, "08:00-25:00")

    def test_empty_window(self):
        self.check('calling_hours = {\n  windows = { daily = ["08:00-08:00"]; };\n'
                   '  source = "s"; standing = "law"; };\n', 9, "is empty")

    def test_missing_citation(self):
        self.check("ring_time = { min_seconds = 15; };\n", 8, "has no 'source'")

    def test_bad_standing(self):
        self.check('ring_time = { min_seconds = 15; source = "s"; standing = "rumour"; };\n', 8,
                   "'standing' is \"rumour\"")

    def test_bad_regex(self):
        self.check('blocked_destinations = { patterns = ["(110"]; source = "s"; standing = "law"; };\n',
                   8, "does not compile")

    def test_extends_loop(self):
        a = self.write("a.cfg", 'id = "a";\nname = "a";\njurisdiction = "T";\n'
                       'review_date = "2026-11-28";\nsources = ["s"];\nextends = "b";\n')
        self.write("b.cfg", 'id = "b";\nname = "b";\njurisdiction = "T";\n'
                   'review_date = "2026-11-28";\nsources = ["s"];\nextends = "a";\n')
        self.assert_error(run("scan", SAMPLES, "-p", a), "loops")


class Usage(CliTestCase):
    def test_no_command(self):
        res = run()
        self.assertEqual(res.rc, 2)
        self.assertEqual(res.out, "")
        self.assertIn("Usage: dialaudit COMMAND", res.err)

    def test_unknown_command(self):
        self.assert_error(run("frobnicate"), "unknown command 'frobnicate'")

    def test_unknown_option(self):
        self.assert_error(run("scan", SAMPLES, "--frobnicate"), "unknown option '--frobnicate'")

    def test_option_needs_value(self):
        self.assert_error(run("scan", SAMPLES, "--profile"), "needs a value")

    def test_bad_format(self):
        self.assert_error(run("scan", SAMPLES, "-f", "xml"), "--format 'xml'")

    def test_bad_fail_on(self):
        self.assert_error(run("scan", SAMPLES, "--fail-on", "severe"), "--fail-on 'severe'")

    def test_bad_today(self):
        self.assert_error(run("scan", SAMPLES, "--today", "2026-02-30"), "--today")

    def test_option_not_for_command(self):
        self.assert_error(run("profiles", "--licence", "x"), "does not apply")

    def test_no_paths(self):
        self.assert_error(run("scan"), "at least one path")

    def test_no_profile(self):
        path = self.write("c.cfg", campaign_file())
        self.assert_error(run("config", path), "no profile")

    def test_report_over_an_input(self):
        path = self.write("c.cfg", campaign_file())
        before = open(path).read()
        self.assert_error(run("config", path, "-p", "cn", "-o", path), "over an input")
        self.assertEqual(open(path).read(), before)

    def test_unknown_rule(self):
        self.assert_error(run("explain", "no-such-rule"), "unknown rule 'no-such-rule'")


if __name__ == "__main__":
    unittest.main()
