"""Ten million distinct called numbers in one log: every row parsed, every
number counted, memory about 48 bytes a call.

Skipped under valgrind (hours) and in the AddressSanitizer build (about
160 s and 2.4 GB for 10 M rows: 1 M rows take 16 s there). The log is
written by gen_calls (tests/hostile/gen_calls.c, built by CMake) in about
5 s: 550 MB in the temporary folder, removed after the test."""
import os
import unittest

from hostile import MEMCHECK, SANITIZED, HostileCase, run

GEN = os.environ.get("DIALAUDIT_GEN_CALLS")
ROWS = 10_000_000
# Bound: 64 bytes a call plus 64 MiB (measured: 478 MB, 47.8 bytes a call).
BOUND_MIB = ROWS * 64 // (1 << 20) + 64


@unittest.skipIf(MEMCHECK, "10 million rows are not run under valgrind")
@unittest.skipIf(SANITIZED, "10 million rows take about 160 s and 2.4 GB under ASan")
@unittest.skipUnless(GEN and os.access(GEN, os.X_OK),
                     "DIALAUDIT_GEN_CALLS (the gen_calls helper built by CMake) is not set")
class TenMillionNumbers(HostileCase):
    def test_ten_million_distinct_numbers(self):
        path = os.path.join(self.tmp, "10m.csv")
        import subprocess
        subprocess.run([GEN, str(ROWS), path], check=True, timeout=120)
        res = run("logs", path, "-p", "cn", "--log-format", "asterisk", "-f", "json",
                  timeout=240)
        self.assertEqual(res.rc, 0, res.err)  # only an info finding: consent was not checked
        report = res.json()
        self.assert_counted(res, rows=ROWS, parsed=ROWS, rejected=0)
        self.assertEqual(report["stats"]["calls"], ROWS)
        self.assertEqual(report["stats"]["distinct_numbers"], ROWS)
        self.assertEqual(report["stats"]["violations"], 0)
        self.assertEqual([f["rule"] for f in report["findings"]], ["consent"])
        self.assert_peak(res, BOUND_MIB, "10 million distinct numbers")


if __name__ == "__main__":
    unittest.main()
