"""Data safety of what dialaudit writes: reports replace a file only whole,
never an input, with mode 0600; streams and devices are written as they are;
numbers are masked in every format; no value of a config key is echoed.

tests/cli/test_samples.py already covers: -o replacing a file gives mode
0600 and leaves no temporary file; -o /dev/null works; masking in the text
and JSON reports. tests/cli/test_bad_input.py: -o over the campaign file
read. These extend them."""
import csv
import glob
import os
import stat
import threading
import unittest

from hostile import SAMPLES, HostileCase, campaign_file, row, run

OLD = "old report, must survive\n"


class Replacing(HostileCase):
    def existing(self, name="report.json", mode=0o644):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(OLD)
        os.chmod(path, mode)
        return path

    def assert_old(self, path):
        with open(path) as f:
            self.assertEqual(f.read(), OLD)

    def assert_no_temporary_files(self):
        self.assertEqual(glob.glob(os.path.join(self.tmp, "*.tmp.*")), [])

    def test_failed_run_leaves_the_report(self):
        out = self.existing()
        bad = self.write("bad.cfg", "campaigns = (\n  { name = ; }\n);\n")
        res = run("config", bad, "-p", "cn", "-f", "json", "-o", out)
        self.assert_clear_error(res, bad, line=2)
        self.assert_old(out)
        self.assert_no_temporary_files()

    def test_second_output_failing_leaves_the_first(self):
        out = self.existing()
        nowhere = os.path.join(self.tmp, "no-such-folder", "r.sarif")
        res = run("scan", SAMPLES, "-f", "json", "-o", out, "-f", "sarif", "-o", nowhere)
        self.assert_clear_error(res, nowhere)
        self.assert_old(out)
        self.assert_no_temporary_files()

    def test_report_over_a_folder(self):
        res = run("scan", SAMPLES, "-o", self.tmp)
        self.assert_clear_error(res, self.tmp, "is a directory")

    def test_mode_0600_whatever_the_umask(self):
        details = os.path.join(self.tmp, "details.csv")
        base = os.path.join(self.tmp, "base.json")
        out = self.existing("r.html", mode=0o666)
        res = run("scan", SAMPLES, "-f", "html", "-o", out, "--details", details,
                  "--write-baseline", base, umask=0)
        self.assertEqual(res.rc, 1, res.err)
        for path in (out, details, base):
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600, path)
        self.assert_no_temporary_files()

    def test_streams_and_devices_written_directly(self):
        # /dev/null stays the device (a rename over it would replace it for everyone)
        before = os.stat("/dev/null")
        for opt in (["-o", "/dev/null"], ["--details", "/dev/null"],
                    ["--write-baseline", "/dev/null"]):
            res = run("scan", SAMPLES, *opt)
            self.assertIn(res.rc, (0, 1), res.err)
        after = os.stat("/dev/null")
        self.assertTrue(stat.S_ISCHR(after.st_mode))
        self.assertEqual((after.st_rdev, after.st_ino), (before.st_rdev, before.st_ino))
        # "-" and no -o: standard output, here a pipe
        res = run("scan", SAMPLES, "-f", "json", "-o", "-")
        self.assertEqual(res.rc, 1)
        self.assertEqual(res.json()["schema"], "dialaudit-report/1")
        # a FIFO: written into, not replaced by a regular file
        fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(fifo)
        got = []

        def read():
            with open(fifo, "rb") as f:
                got.append(f.read())
        reader = threading.Thread(target=read)
        reader.start()
        res = run("scan", SAMPLES, "-f", "json", "-o", fifo)
        reader.join(30)
        self.assertEqual(res.rc, 1, res.err)
        self.assertTrue(got and got[0].startswith(b"{"))
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))


class NeverOverAnInput(HostileCase):
    """Every output is checked against every file read, by device and inode,
    before anything is written."""

    def setUp(self):
        super().setUp()
        self.log = self.write_bytes("calls.csv", row() + row(start="2026-03-10 23:00:00"))
        with open(self.log, "rb") as f:
            self.log_bytes = f.read()

    def refused(self, res, path, what="report"):
        self.assert_clear_error(res, path, f"refusing to write the {what} over an input file")

    def assert_log_intact(self):
        with open(self.log, "rb") as f:
            self.assertEqual(f.read(), self.log_bytes)

    def test_log_under_other_names(self):
        hard = os.path.join(self.tmp, "hard.csv")
        os.link(self.log, hard)
        sym = os.path.join(self.tmp, "sym.csv")
        os.symlink(self.log, sym)
        dotted = os.path.join(self.tmp, ".", "calls.csv")
        for out in (hard, sym, dotted, self.log):
            self.refused(run("logs", self.log, "-p", "cn", "-o", out), out)
            self.refused(run("logs", self.log, "-p", "cn", "--details", out), out, "details")
            self.refused(run("logs", self.log, "-p", "cn", "--write-baseline", out), out,
                         "baseline")
        self.assert_log_intact()

    def test_nothing_written_when_one_output_is_refused(self):
        first = os.path.join(self.tmp, "first.json")
        details = os.path.join(self.tmp, "details.csv")
        res = run("logs", self.log, "-p", "cn", "--details", details, "-f", "json", "-o", first,
                  "-f", "text", "-o", self.log)
        self.refused(res, self.log)
        self.assertFalse(os.path.exists(first))
        self.assertFalse(os.path.exists(details))
        self.assert_log_intact()

    def test_profile_baseline_and_included_files(self):
        prof = self.write("p.cfg", 'extends = "cn";\nid = "p";\nname = "p";\n'
                          'jurisdiction = "CN";\nreview_date = "2026-11-28";\nsources = ["s"];\n'
                          '@include "more.cfg"\n')
        inc = self.write("more.cfg", "# nothing more\n")
        base = os.path.join(self.tmp, "base.json")
        res = run("logs", self.log, "-p", prof, "--write-baseline", base)
        self.assertIn(res.rc, (0, 1), res.err)
        for path in (prof, inc, base):
            with open(path, "rb") as f:
                before = f.read()
            for opt, what in (("-o", "report"), ("--details", "details"),
                              ("--write-baseline", "baseline")):
                res = run("logs", self.log, "-p", prof, "--baseline", base, opt, path)
                self.refused(res, path, what)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), before, (path, opt))

    def test_baseline_read_before_it_could_be_replaced(self):
        # an empty baseline given as both --baseline and --write-baseline used
        # to be replaced first and then read: every finding became "known", exit 0
        base = self.write("base.json", '{ "schema": "dialaudit-baseline/1", "fingerprints": [] }\n')
        res = run("logs", self.log, "-p", "cn", "--baseline", base, "--write-baseline", base)
        self.refused(res, base, "baseline")
        res = run("logs", self.log, "-p", "cn", "--baseline", base)
        self.assertEqual(res.rc, 1, res.err)

    def test_lists_mapping_waivers(self):
        dnc = self.write("dnc.txt", "13900004444\n")
        consent = self.write("consent.csv", "number,granted_at\n13912345678,2026-01-01 00:00:00\n")
        waivers = self.write("w.cfg", "waivers = ();\n")
        for path in (dnc, consent, waivers):
            res = run("logs", self.log, "-p", "cn", "--dnc", dnc, "--consent", consent,
                      "--waivers", waivers, "-o", path)
            self.refused(res, path)


class Masking(HostileCase):
    """No called number in any report format, nor in the details, unless
    --show-numbers: numbers are personal data."""

    @staticmethod
    def called_numbers():
        nums = set()
        with open(os.path.join(SAMPLES, "logs", "asterisk", "Master.csv"), newline="") as f:
            for r in csv.reader(f):
                if len(r) > 2 and len(r[2]) == 11 and r[2].isdigit():
                    nums.add(r[2])
        with open(os.path.join(SAMPLES, "lists", "consent.csv"), newline="") as f:
            for r in csv.DictReader(f):
                nums.add(r["number"])
        return nums

    def outputs(self, *extra):
        files = {}
        argv = ["scan", SAMPLES, "--today", "2026-11-28", "--details",
                os.path.join(self.tmp, "details.csv")]
        for fmt in ("text", "json", "sarif", "csv", "junit", "html"):
            files[fmt] = os.path.join(self.tmp, "r." + fmt)
            argv += ["-f", fmt, "-o", files[fmt]]
        files["details"] = os.path.join(self.tmp, "details.csv")
        res = run(*argv, *extra)
        self.assertEqual(res.rc, 1, res.err)
        text = {}
        for k, p in files.items():
            with open(p, encoding="utf-8") as f:
                text[k] = f.read()
        return text

    def test_masked_everywhere(self):
        nums = self.called_numbers()
        self.assertGreater(len(nums), 50)
        for fmt, body in self.outputs().items():
            leaked = [n for n in nums if n in body]
            self.assertEqual(leaked, [], fmt)
            self.assertIn("******", body, fmt)

    def test_shown_when_asked(self):
        nums = self.called_numbers()
        for fmt, body in self.outputs("--show-numbers").items():
            self.assertTrue(any(n in body for n in nums), fmt)


class NoSecretEchoed(HostileCase):
    """No config format has a secret key (no password, token or key in any
    of them); a secret put under an unknown key must not be echoed by the
    error that refuses the key."""

    SECRET = "hunter2-Sup3rS3cret"

    def check(self, res, path):
        self.assert_clear_error(res, path, "unknown key 'password'")
        self.assertNotIn(self.SECRET, res.err + res.out)

    def test_unknown_secret_keys(self):
        log = self.write_bytes("calls.csv", row())
        pw = f'password = "{self.SECRET}";\n'
        camp = self.write("c.cfg", campaign_file().replace('    name = "probe";',
                                                           f'    name = "probe";\n    {pw}'))
        self.check(run("config", camp, "-p", "cn"), camp)
        top = self.write("c2.cfg", campaign_file() + pw)
        self.check(run("config", top, "-p", "cn"), top)
        lic = self.write("lic.cfg", 'licence = { holder = "h"; number = "n"; '
                         f'expires = "2030-01-01"; {pw} }};\n')
        self.check(run("scan", SAMPLES, "--licence", lic), lic)
        mp = self.write("m.cfg", f'mapping = {{ columns = {{ number = "to"; start = "at"; }}; {pw} }};\n')
        self.check(run("logs", log, "-p", "cn", "--mapping", mp), mp)
        wv = self.write("w.cfg", f"waivers = ();\n{pw}")
        self.check(run("logs", log, "-p", "cn", "--waivers", wv), wv)
        prof = self.write("p.cfg", 'extends = "cn";\nid = "p";\nname = "p";\njurisdiction = "CN";\n'
                          f'review_date = "2026-11-28";\nsources = ["s"];\n{pw}')
        self.check(run("logs", log, "-p", prof), prof)
        d = os.path.join(self.tmp, "audit")
        os.mkdir(d)
        st = self.write("audit/dialaudit.cfg", f'profile = "cn";\n{pw}')
        self.check(run("scan", d), st)

    def test_secret_in_a_string_with_control_bytes(self):
        # a value that is echoed (an unknown purpose) cannot drive the terminal
        camp = self.write("c.cfg", campaign_file(purpose="\x1b[2J\x1b]0;x\x07sales"))
        res = run("config", camp, "-p", "cn")
        self.assert_clear_error(res, camp, "unknown purpose")
        self.assertNotIn("\x1b", res.err)
        self.assertNotIn("\x07", res.err)


if __name__ == "__main__":
    unittest.main()
