"""A profile pattern built to backtrack catastrophically: refused when the
profile is loaded, with file and line, before any call is judged.

Before the fix it was matched once per called number, each match running
to PCRE2's match limit (about 2 ms): 2 000 numbers took 3.8 s, so a log of
millions of numbers would have run for hours."""
import unittest

from hostile import HostileCase, run, row

EVIL = [r"^((\\d+)*)*\\D", r"(\\d*)*[a-z]"]


class Backtracking(HostileCase):
    def profile(self, key, pattern):
        body = {
            "blocked_destinations": f'blocked_destinations = {{\n  patterns = ["^110$", "{pattern}"];\n'
                                    '  source = "s";\n  standing = "law";\n};\n',
            "caller_id": f'caller_id = {{\n  forbidden = ["{pattern}"];\n'
                         '  source = "s";\n  standing = "law";\n};\n',
        }[key]
        return self.write("evil.cfg", 'extends = "cn";\nid = "evil";\nname = "evil";\n'
                          'jurisdiction = "CN";\nreview_date = "2026-11-28";\nsources = ["s"];\n'
                          + body)

    def test_refused_at_load(self):
        log = self.write_bytes("calls.csv", b"".join(row(dst=f"139{i:08d}") for i in range(2000)))
        for key in ("blocked_destinations", "caller_id"):
            for pattern in EVIL:
                prof = self.profile(key, pattern)
                res = run("logs", log, "-p", prof, timeout=20)
                self.assert_clear_error(res, prof, "backtracks catastrophically",
                                        pattern.replace("\\\\", "\\"), line=8)
                self.assertLess(res.seconds, 5, pattern)

    def test_fine_patterns_still_load(self):
        log = self.write_bytes("calls.csv", row(dst="13912345678") + row(dst="12315"))
        prof = self.profile("blocked_destinations", r"^12[0-9]{3}$")
        res = run("logs", log, "-p", prof, "-f", "json", "--log-tz", "Asia/Shanghai")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(len(self.findings(res.json(), "blocked-destination")), 1)


if __name__ == "__main__":
    unittest.main()
