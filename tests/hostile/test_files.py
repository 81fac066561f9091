"""Things that are not regular files, files that cannot be read, symbolic-link
loops under scan, and libconfig @include loops: a clear error naming the file
(exit 2) or, under scan, a listed skip; never a hang.

tests/cli/test_bad_input.py already covers: a missing file, a directory as a
campaign file and as the licence, a FIFO as a campaign file, a campaign file
readable by nobody when not root; tests/cli/test_samples.py a symbolic link
to its own folder under scan. These extend them."""
import os
import socket
import stat
import unittest

from hostile import (SAMPLES, HostileCase, campaign_file, can_drop_privileges, row, run)

NOT_REGULAR = "is not a regular file (a device, FIFO or socket)"
DROP = can_drop_privileges()
WHY_NOT = "cannot run a child as nobody (uid 65534): not root, or setuid refused"


class NotFiles(HostileCase):
    def setUp(self):
        super().setUp()
        self.fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(self.fifo)
        self.log = self.write_bytes("ok.csv", row())

    def test_fifo_device_directory_as_log(self):
        for path, why in ((self.fifo, NOT_REGULAR), ("/dev/zero", NOT_REGULAR),
                          ("/dev/null", NOT_REGULAR), (self.tmp, "is a directory")):
            self.assert_clear_error(run("logs", path, "-p", "cn"), path, why)

    def test_unix_socket_as_log(self):
        path = os.path.join(self.tmp, "sock")
        s = socket.socket(socket.AF_UNIX)
        try:
            s.bind(path)
            self.assert_clear_error(run("logs", path, "-p", "cn"), path, NOT_REGULAR)
        finally:
            s.close()

    def test_every_input_option(self):
        # every option that names a file refuses a FIFO, a device and a folder
        for opt in ("--dnc", "--consent", "--mapping", "--waivers", "--baseline", "--licence",
                    "--profile"):
            for path, why in ((self.fifo, NOT_REGULAR), ("/dev/zero", NOT_REGULAR),
                              ("/dev/stdin", NOT_REGULAR), (self.tmp + "/", None)):
                argv = ["logs", self.log, "-p", "cn", opt, path]
                if opt == "--profile":
                    argv = ["logs", self.log, opt, path]
                res = run(*argv, stdin=None)
                if why is None:  # a folder
                    self.assertEqual(res.rc, 2, (opt, res.err))
                    self.assertEqual(res.out, "")
                    self.assertEqual(len(res.err.splitlines()), 1, res.err)
                    continue
                self.assert_clear_error(res, path, why)

    def test_scan_skips_what_is_not_a_file(self):
        # a FIFO, devices and dangling or looping links in a scanned folder
        # are listed as skipped, and reading them is never tried (no hang)
        d = os.path.join(self.tmp, "audit")
        os.makedirs(os.path.join(d, "sub"))
        self.write("audit/c.cfg", campaign_file())
        os.mkfifo(os.path.join(d, "calls.csv"))
        os.symlink("/dev/zero", os.path.join(d, "zero.csv"))
        os.symlink("/dev/tty", os.path.join(d, "tty.cfg"))
        os.symlink("b", os.path.join(d, "a"))
        os.symlink("a", os.path.join(d, "b"))
        os.symlink("missing", os.path.join(d, "dangling.csv"))
        os.symlink("../sub", os.path.join(d, "sub", "self"))
        os.symlink("..", os.path.join(d, "sub", "up"))
        os.symlink(d, os.path.join(d, "sub", "abs"))
        res = run("scan", d, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        inputs = {os.path.relpath(i["path"], d): i for i in res.json()["inputs"]}
        self.assertEqual(inputs["c.cfg"]["status"], "read")
        for name in ("calls.csv", "zero.csv", "tty.cfg", "a", "b", "dangling.csv",
                     "sub/self", "sub/up", "sub/abs"):
            self.assertEqual(inputs[name]["status"], "skipped", name)
            self.assertTrue(inputs[name]["reason"], name)


@unittest.skipUnless(DROP, WHY_NOT)
class Unreadable(HostileCase):
    """Files mode 000, read as nobody so that the permission check is real."""

    def setUp(self):
        super().setUp()
        os.chmod(self.tmp, 0o755)  # nobody may look into the folder, not read the file

    def locked(self, name, data):
        path = self.write_bytes(name, data)
        os.chmod(path, 0)
        return path

    def test_unreadable_log_and_config(self):
        log = self.locked("calls.csv", row())
        self.assert_clear_error(run("logs", log, "-p", "cn", as_nobody=True), log,
                                "Permission denied")
        cfg = self.locked("c.cfg", campaign_file().encode())
        self.assert_clear_error(run("config", cfg, "-p", "cn", as_nobody=True), cfg,
                                "Permission denied")

    def test_unreadable_lists(self):
        log = self.write_bytes("calls.csv", row())
        os.chmod(log, 0o644)
        for opt in ("--dnc", "--consent", "--mapping", "--waivers", "--baseline"):
            path = self.locked(opt.strip("-") + ".txt", b"13900004444\n")
            self.assert_clear_error(run("logs", log, "-p", "cn", opt, path, as_nobody=True),
                                    path, "Permission denied")

    def test_unreadable_include(self):
        inc = self.locked("inc.cfg", b"x = 1;\n")
        cfg = self.write("c.cfg", campaign_file() + '@include "inc.cfg"\n')
        os.chmod(cfg, 0o644)
        self.assert_clear_error(run("config", cfg, "-p", "cn", as_nobody=True), cfg,
                                '@include "inc.cfg"', "Permission denied", line=27)

    def test_scan_lists_an_unreadable_file_and_folder(self):
        d = os.path.join(self.tmp, "audit")
        os.makedirs(os.path.join(d, "locked"))
        self.write("audit/c.cfg", campaign_file())
        os.chmod(os.path.join(d, "c.cfg"), 0o644)
        self.locked("audit/calls.csv", row())
        self.write_bytes("audit/locked/more.csv", row())
        os.chmod(os.path.join(d, "locked"), 0)
        res = run("scan", d, "-p", "cn", "-f", "json", as_nobody=True)
        self.assertIn(res.rc, (0, 1), res.err)
        inputs = {os.path.relpath(i["path"], d): i for i in res.json()["inputs"]}
        self.assertEqual(inputs["c.cfg"]["status"], "read")
        for name in ("calls.csv", "locked"):
            self.assertEqual(inputs[name]["status"], "skipped", name)
            self.assertIn("Permission denied", inputs[name]["reason"], name)


class Includes(HostileCase):
    """libconfig @include: loops, and includes that are not regular files.
    Before the fix, an @include of a FIFO hung, of a folder made libconfig's
    scanner exit the process with 'input in flex scanner failed'."""

    LINE = 27  # the line after campaign_file()'s 26 lines

    def campaign(self, name, include):
        return self.write(name, campaign_file() + f'@include "{include}"\n')

    def test_include_of_itself(self):
        cfg = self.campaign("c.cfg", "c.cfg")
        self.assert_clear_error(run("config", cfg, "-p", "cn"), cfg, "@include loop",
                                line=self.LINE)

    def test_include_loop_of_three(self):
        cfg = self.campaign("c.cfg", "a.cfg")
        self.write("a.cfg", '@include "b.cfg"\n')
        b = self.write("b.cfg", '# comment\n@include "a.cfg"\n')
        self.assert_clear_error(run("config", cfg, "-p", "cn"), b, '@include "a.cfg"',
                                "@include loop", line=2)

    def test_include_nesting_too_deep(self):
        cfg = self.campaign("c.cfg", "i1.cfg")
        for k in range(1, 15):
            self.write(f"i{k}.cfg", f'@include "i{k + 1}.cfg"\n')
        self.write("i15.cfg", "")
        res = run("config", cfg, "-p", "cn")
        self.assertEqual((res.rc, res.out), (2, ""))
        self.assertEqual(len(res.err.splitlines()), 1, res.err)
        self.assertIn("include file nesting too deep", res.err)

    def test_include_of_what_is_not_a_file(self):
        fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(fifo)
        os.mkdir(os.path.join(self.tmp, "folder"))
        for target, why in (("fifo", NOT_REGULAR), ("folder", "is a directory"),
                            ("/dev/zero", NOT_REGULAR), ("/dev/stdin", NOT_REGULAR)):
            cfg = self.campaign("c.cfg", target)
            self.assert_clear_error(run("config", cfg, "-p", "cn"), cfg, f'@include "{target}"',
                                    why, line=self.LINE)

    def test_include_in_every_libconfig_input(self):
        # profile, licence, mapping, waivers and dialaudit.cfg go through the same check
        fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(fifo)
        log = self.write_bytes("calls.csv", row())
        inc = '@include "fifo"\n'
        prof = self.write("p.cfg", 'extends = "cn";\nid = "p";\n' + inc)
        self.assert_clear_error(run("logs", log, "-p", prof), prof, NOT_REGULAR, line=3)
        lic = self.write("lic.cfg", 'licence = { holder = "h"; number = "n"; '
                         'expires = "2030-01-01"; };\n' + inc)
        self.assert_clear_error(run("scan", SAMPLES, "--licence", lic), lic, NOT_REGULAR, line=2)
        mp = self.write("m.cfg", 'mapping = { columns = { number = "to"; start = "at"; }; };\n' + inc)
        self.assert_clear_error(run("logs", log, "-p", "cn", "--mapping", mp), mp, NOT_REGULAR,
                                line=2)
        wv = self.write("w.cfg", inc)
        self.assert_clear_error(run("logs", log, "-p", "cn", "--waivers", wv), wv, NOT_REGULAR,
                                line=1)
        d = os.path.join(self.tmp, "audit")
        os.mkdir(d)
        os.symlink(fifo, os.path.join(d, "fifo"))
        st = self.write("audit/dialaudit.cfg", 'profile = "cn";\n' + inc)
        self.assert_clear_error(run("scan", d), st, NOT_REGULAR, line=2)

    def test_a_good_include_still_works(self):
        self.write("windows.cfg", "")
        cfg = self.campaign("c.cfg", "windows.cfg")
        res = run("config", cfg, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertTrue(stat.S_ISREG(os.stat(cfg).st_mode))


if __name__ == "__main__":
    unittest.main()
