"""Fault injection (docs/testing.md): every allocation failure and every I/O
failure ends in one 'dialaudit: ...' line and exit 2, with nothing on standard
output, no temporary file left beside the outputs, the old outputs untouched,
no signal and, in the sanitizer build, no LeakSanitizer report.

Allocations: dialaudit-fault (dialaudit built to honour DIALAUDIT_FAIL_ALLOC=N)
fails the Nth allocation, for N = 1, 2, ... up to the number the run makes:
every N up to 400, then a stride giving about 200 more (DIALAUDIT_FAULT_ALL=1:
every N). I/O: the libiofail.so shim (tests/fault/iofail.c) fails one kind of
call on one file after N successful ones, for every N up to the number of such
calls the run makes.

Under valgrind (the memcheck/ variant) a sample of the same runs is made.
On the out-of-memory path valgrind checks memory errors but not leaks: it
looks for leaks after the threads have gone, when a block whose only pointer
was in a register (a jansson object being built when its next allocation
failed) counts as lost. LeakSanitizer, run by the out-of-memory handler
itself in the sanitizer build, sees those registers and checks the leaks.
"""
import os
import subprocess
import unittest

from dialaudit_test import CliTestCase, SAMPLES, clean_env

FAULT_BIN = os.environ.get("DIALAUDIT_FAULT_BIN")
IOFAIL = os.environ.get("DIALAUDIT_IOFAIL")
SANITIZED = os.environ.get("DIALAUDIT_SANITIZED") == "1"
MEMCHECK = os.environ.get("DIALAUDIT_REAL_BIN") is not None
ALL = os.environ.get("DIALAUDIT_FAULT_ALL") == "1"

LOG = os.path.join(SAMPLES, "logs", "asterisk", "Master.csv")
LISTS = os.path.join(SAMPLES, "lists")
OLD = "the report of an earlier run\n"


def scan_argv():
    return ["scan", SAMPLES, "-f", "json", "-o", "r.json"]


def logs_argv(*extra):
    return ["logs", "-p", "cn", "--log-tz", "Asia/Shanghai",
            "--dnc", os.path.join(LISTS, "dnc.txt"),
            "--consent", os.path.join(LISTS, "consent.csv"),
            LOG, "--details", "d.csv", "-f", "json", "-o", "r.json", *extra]


def sample(values, most):
    """At most `most` of values, spread evenly, first and last kept."""
    values = list(values)
    if len(values) <= most:
        return values
    step = (len(values) - 1) / (most - 1)
    return sorted({values[round(i * step)] for i in range(most)})


def alloc_points(total):
    if ALL:
        points = list(range(1, total + 1))
    else:
        stride = max(1, (total - 400) // 200)
        points = list(range(1, min(total, 400) + 1)) + list(range(401, total + 1, stride))
        points.append(total)
    points = sorted(set(points))
    return sample(points, 8) if MEMCHECK else points


@unittest.skipUnless(FAULT_BIN and IOFAIL, "needs the test build (DIALAUDIT_FAULT_BIN, DIALAUDIT_IOFAIL)")
class FaultCase(CliTestCase):
    outputs = ("r.json", "d.csv")

    def run_fault(self, argv, env=None, preload=False, stdout=None, leaks=True):
        e = clean_env()
        e.pop("DIALAUDIT_FAIL_ALLOC", None)
        if SANITIZED:
            # the caller's options win; the shim is preloaded ahead of the
            # sanitizer runtime, which ASan checks unless told not to
            opts = "detect_leaks=1:" + e.get("ASAN_OPTIONS", "")
            if preload:
                opts += ":verify_asan_link_order=0"
            e["ASAN_OPTIONS"] = opts
        if preload:
            e["LD_PRELOAD"] = IOFAIL
        e.update(env or {})
        cmd = [FAULT_BIN, *argv]
        if MEMCHECK:
            cmd = ["valgrind", "--error-exitcode=97",
                   "--leak-check=full" if leaks else "--leak-check=no",
                   "--errors-for-leak-kinds=definite", "-q", *cmd]
        proc = subprocess.run(cmd, cwd=self.tmp, env=e, text=True, timeout=300,
                              stdout=stdout if stdout is not None else subprocess.PIPE,
                              stderr=subprocess.PIPE)
        return proc

    def plant_old_outputs(self):
        for name in self.outputs:
            with open(os.path.join(self.tmp, name), "w") as f:
                f.write(OLD)

    def leftovers(self):
        return sorted(n for n in os.listdir(self.tmp)
                      if ".tmp." in n or n.startswith("core") or n.startswith("vgcore"))

    def assert_clean_failure(self, proc, fragment, what, intact=None):
        self.assertGreaterEqual(proc.returncode, 0, f"{what}: killed by a signal\n{proc.stderr}")
        self.assertEqual(proc.returncode, 2, f"{what}: exit status\n{proc.stderr}")
        self.assertEqual(proc.stdout, "", what)
        self.assertNotIn("Sanitizer", proc.stderr, what)
        lines = proc.stderr.splitlines()
        self.assertEqual(len(lines), 1, f"{what}: one line on stderr\n{proc.stderr}")
        self.assertTrue(lines[0].startswith("dialaudit: "), f"{what}: {lines[0]}")
        self.assertIn(fragment, lines[0], what)
        self.assertEqual(self.leftovers(), [], what)
        for name in (self.outputs if intact is None else intact):
            with open(os.path.join(self.tmp, name)) as f:
                self.assertEqual(f.read(), OLD, f"{what}: {name} was replaced")


class TestAllocationFailures(FaultCase):
    def allocations(self, argv):
        proc = self.run_fault(argv, env={"DIALAUDIT_FAIL_ALLOC": "count"})
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        last = proc.stderr.splitlines()[-1]
        self.assertTrue(last.startswith("dialaudit: allocations: "), proc.stderr)
        return int(last.split()[-1])

    def check_every_allocation(self, argv, outputs):
        self.outputs = outputs
        total = self.allocations(argv)
        self.assertGreater(total, 100)
        self.plant_old_outputs()
        for n in alloc_points(total):
            proc = self.run_fault(argv, env={"DIALAUDIT_FAIL_ALLOC": str(n)}, leaks=False)
            self.assert_clean_failure(proc, "dialaudit: out of memory", f"allocation {n} of {total}")
            self.assertEqual(proc.stderr, "dialaudit: out of memory\n")
        # one past the last: the allocation never happens and the run ends normally
        proc = self.run_fault(argv, env={"DIALAUDIT_FAIL_ALLOC": str(total + 1)})
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        self.assertEqual(proc.stderr, "")
        for name in outputs:
            with open(os.path.join(self.tmp, name)) as f:
                self.assertNotEqual(f.read(), OLD)

    def test_scan_json_report(self):
        self.check_every_allocation(scan_argv(), ("r.json",))

    def test_logs_with_details(self):
        self.check_every_allocation(logs_argv(), ("r.json", "d.csv"))


class TestIoFailures(FaultCase):
    def calls(self, argv, call, path):
        """How many matching calls a run makes (the shim counts, failing none)."""
        log = os.path.join(self.tmp, "iofail.log")
        proc = self.run_fault(argv, preload=True, env={
            "IOFAIL_CALL": call, "IOFAIL_PATH": path, "IOFAIL_AFTER": "1000000000",
            "IOFAIL_LOG": log})
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        with open(log) as f:
            counts = [int(line.split()[1]) for line in f if line.startswith("calls ")]
        os.unlink(log)
        return max(counts)

    def check(self, argv, call, path, err, fragment, intact=None, most=None):
        """Fails call on path after 0, 1, ... successful ones, up to every
        call the run makes (or `most` of them, spread)."""
        total = self.calls(argv, call, path)
        self.assertGreater(total, 0, f"the run makes no {call} on {path}")
        log = os.path.join(self.tmp, "iofail.log")
        afters = range(total)
        if most is not None or MEMCHECK:
            afters = sample(afters, 2 if MEMCHECK else most)
        for after in afters:
            self.plant_old_outputs()
            proc = self.run_fault(argv, preload=True, env={
                "IOFAIL_CALL": call, "IOFAIL_PATH": path, "IOFAIL_AFTER": str(after),
                "IOFAIL_ERRNO": err, "IOFAIL_LOG": log})
            with open(log) as f:
                fired = f.read()
            os.unlink(log)
            what = f"{call} on {path} failing after {after} of {total}"
            self.assertIn(f"fired {call}", fired, what)
            self.assert_clean_failure(proc, fragment, what, intact)

    # the report and the details CSV: a full disk, a failing sync, close or rename

    def test_report_write_no_space(self):
        self.check(logs_argv(), "write", "r.json.tmp.", "ENOSPC",
                   "dialaudit: r.json: cannot write: No space left on device")

    def test_details_write_no_space(self):
        self.check(logs_argv(), "write", "d.csv.tmp.", "ENOSPC",
                   "dialaudit: d.csv: cannot write: No space left on device")

    def test_scan_report_write_no_space(self):
        self.outputs = ("r.json",)
        self.check(scan_argv(), "write", "r.json.tmp.", "ENOSPC",
                   "dialaudit: r.json: cannot write: No space left on device")

    def test_report_fsync(self):
        self.check(logs_argv(), "fsync", "r.json.tmp.", "EIO",
                   "dialaudit: r.json: cannot write: Input/output error")

    def test_details_fsync(self):
        self.check(logs_argv(), "fsync", "d.csv.tmp.", "EIO",
                   "dialaudit: d.csv: cannot write: Input/output error")

    def test_report_fclose(self):
        self.check(logs_argv(), "fclose", "r.json.tmp.", "EIO",
                   "dialaudit: r.json: cannot write: Input/output error")

    def test_details_fclose(self):
        self.check(logs_argv(), "fclose", "d.csv.tmp.", "EDQUOT",
                   "dialaudit: d.csv: cannot write: Disk quota exceeded")

    def test_report_temporary_file_not_created(self):
        self.check(logs_argv(), "open", "r.json.tmp.", "EACCES",
                   "dialaudit: r.json: cannot write: Permission denied")

    def test_details_temporary_file_not_created(self):
        self.check(logs_argv(), "open", "d.csv.tmp.", "EROFS",
                   "dialaudit: d.csv: cannot write: Read-only file system")

    def test_details_rename(self):
        # the details are renamed first: the report is not yet in place either
        self.check(logs_argv(), "rename", "d.csv", "EACCES",
                   "dialaudit: d.csv: cannot write: Permission denied")

    def test_report_rename(self):
        # Every file is complete before any is renamed, but a rename that
        # fails after another succeeded leaves that one in place: the
        # details (renamed first) are new and whole, the report is the old one.
        self.check(logs_argv(), "rename", "r.json", "EACCES",
                   "dialaudit: r.json: cannot write: Permission denied", intact=("r.json",))
        with open(os.path.join(self.tmp, "d.csv")) as f:
            self.assertTrue(f.read().startswith("rule,file,line,"))

    # inputs: EIO while reading, mapping or opening them

    def test_log_read(self):
        self.check(logs_argv(), "read", "Master.csv", "EIO",
                   "Master.csv: cannot read: Input/output error")

    def test_log_read_while_hashing(self):
        self.check(logs_argv("--hash-logs"), "read", "Master.csv", "EIO",
                   "Master.csv: ", most=20)

    def test_log_mmap(self):
        self.check(logs_argv(), "mmap", "Master.csv", "EIO",
                   "Master.csv: cannot read: Input/output error")

    def test_log_open(self):
        self.check(logs_argv(), "open", "Master.csv", "EACCES",
                   "Master.csv: cannot open: Permission denied")

    def test_dnc_list_read(self):
        self.check(logs_argv(), "read", "dnc.txt", "EIO", "dnc.txt: ")

    def test_consent_list_read(self):
        self.check(logs_argv(), "read", "consent.csv", "EIO", "consent.csv: ")

    def test_profile_read(self):
        self.check(logs_argv(), "read", "cn.cfg", "EIO", "cn.cfg: ")

    def test_scan_licence_read(self):
        self.outputs = ("r.json",)
        self.check(scan_argv(), "read", "licence.cfg", "EIO", "licence.cfg: ")

    def test_scan_settings_read(self):
        self.outputs = ("r.json",)
        self.check(scan_argv(), "read", "dialaudit.cfg", "EIO", "dialaudit.cfg: ")

    def test_scan_mapping_read(self):
        self.outputs = ("r.json",)
        self.check(scan_argv(), "read", "mapping.cfg", "EIO", "mapping.cfg: ")

    def test_scan_campaign_read(self):
        self.outputs = ("r.json",)
        self.check(scan_argv(), "read", "campaigns/", "EIO", "campaigns/", most=20)


class TestStandardOutput(FaultCase):
    """Output without an outfile (profiles, rules) is checked at the end."""

    def test_full_standard_output(self):
        for argv in (["profiles"], ["rules", "-p", "cn"], ["explain", "call-purpose"]):
            with open("/dev/full", "w") as full:
                proc = self.run_fault(argv, stdout=full)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertEqual(proc.stderr,
                             "dialaudit: standard output: cannot write: No space left on device\n")


if __name__ == "__main__":
    unittest.main()
