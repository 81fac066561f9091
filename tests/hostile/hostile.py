"""Helpers for the hostile-input tests: the real binary under a timeout and a
memory measurement, privileges dropped on request.

The helpers of tests/cli (run, CliTestCase, cdr, campaign_file) are imported
from there; everything here adds what hostile inputs need:

* a timeout on every run (a hang is a failure, not a stuck CI job);
* the child's own peak RSS, from GNU time (RUSAGE_CHILDREN of the test
  process is the maximum over every run before, and even wait4() on one
  child counts the test process's own memory, which survives exec);
* a check that the process was not killed by a signal (a crash);
* running as nobody (uid 65534), so that a file mode 000 is really
  unreadable when the tests run as root.
"""
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))

from dialaudit_test import BIN, DATA, ROOT, SAMPLES, CliTestCase, campaign_file, cdr, clean_env  # noqa: E402,F401

# Under valgrind (tests/cli/memcheck.sh) the measured process is valgrind:
# memory bounds are not checked there, and very large inputs are skipped.
MEMCHECK = bool(os.environ.get("DIALAUDIT_REAL_BIN"))
# The AddressSanitizer build: shadow memory makes RSS meaningless, and it
# is 10 to 20 times slower.
SANITIZED = os.environ.get("DIALAUDIT_SANITIZED") == "1"
MEASURED = not MEMCHECK and not SANITIZED

# A run that takes longer than this has hung.
TIMEOUT = 60 * (20 if MEMCHECK else 5 if SANITIZED else 1)

NOBODY = 65534
MiB = 1 << 20


class Run:
    """The outcome of one run: rc, out, err (text) and peak_kb (the child's
    maximum resident set, in KiB)."""

    def __init__(self, rc, out, err, peak_kb, seconds):
        self.rc = rc
        self.out = out
        self.err = err
        self.peak_kb = peak_kb
        self.seconds = seconds

    def json(self):
        import json
        return json.loads(self.out)


def _as_nobody():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def can_drop_privileges():
    """Whether a child can run as nobody (the tests run as root in CI)."""
    if os.geteuid() != 0:
        return False
    try:
        return subprocess.run(["true"], preexec_fn=_as_nobody).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


TIME = "/usr/bin/time"


def run(*args, env=None, cwd=None, timeout=TIMEOUT, as_nobody=False, stdin=None, umask=None):
    """Runs dialaudit; fails the calling test on a timeout or a signal.

    The peak RSS comes from GNU time (-f %M), which forks dialaudit from its
    own small process: a child forked from this test process would count
    the test's own memory (the maximum RSS survives exec)."""
    if MEASURED and not os.access(TIME, os.X_OK):
        raise AssertionError(f"{TIME} is missing: install the Debian package 'time' "
                             "(scripts/install-deps.sh does)")

    def pre():
        if umask is not None:
            os.umask(umask)
        if as_nobody:
            _as_nobody()

    with tempfile.NamedTemporaryFile(prefix="dialaudit-rss-") as rss:
        argv = [BIN, *args]
        if as_nobody:
            os.chmod(rss.name, 0o666)  # time writes it as nobody
        if MEASURED:
            argv = [TIME, "-f", "%M", "-o", rss.name, *argv]
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=clean_env(env), cwd=cwd, start_new_session=True,
                                stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                preexec_fn=pre if (as_nobody or umask is not None) else None)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise AssertionError(f"dialaudit {' '.join(args)}: no answer in {timeout} s (a hang)")
        seconds = time.monotonic() - t0
        rc, peak = proc.returncode, 0
        if MEASURED:
            with open(rss.name) as f:
                lines = f.read().splitlines()
            for line in lines:
                if "terminated by signal" in line:
                    rc = -int(line.split()[-1])
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    res = Run(rc, out.decode("utf-8", "surrogateescape"), err.decode("utf-8", "surrogateescape"),
              peak, seconds)
    if res.rc < 0:
        raise AssertionError(f"dialaudit {' '.join(args)} was killed by signal {-res.rc}: "
                             f"{res.err[-2000:]}")
    return res


class HostileCase(CliTestCase):
    """CliTestCase with checks for the three outcomes a hostile input may have."""

    def assert_clear_error(self, res, path, *fragments, line=None):
        """Exit 2, nothing on stdout, exactly one line 'dialaudit: PATH[:LINE]: …'."""
        self.assertEqual(res.rc, 2, res.err)
        self.assertEqual(res.out, "")
        lines = res.err.splitlines()
        self.assertEqual(len(lines), 1, res.err)
        where = f"dialaudit: {path}:{line}: " if line is not None else f"dialaudit: {path}"
        self.assertTrue(lines[0].startswith(where), f"{res.err!r} does not start with {where!r}")
        for f in fragments:
            self.assertIn(f, res.err)

    def log_input(self, report, path=None):
        inputs = [i for i in report["inputs"] if i["kind"] == "call-log"
                  and (path is None or i["path"] == path)]
        self.assertEqual(len(inputs), 1, report["inputs"])
        return inputs[0]

    def assert_counted(self, res, rows, parsed, rejected=None, path=None):
        """Exit 0 or 1, and the log's rows = parsed + rejected as given; returns
        {line: reason} of the rejected examples."""
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(res.err, "")
        log = self.log_input(res.json(), path)
        self.assertEqual(log["rows"], log["parsed"] + log["rejected"])
        self.assertEqual((log["rows"], log["parsed"]), (rows, parsed), log)
        if rejected is not None:
            self.assertEqual(log["rejected"], rejected)
        return {e["line"]: e["reason"] for e in log["rejected_examples"]}

    def assert_peak(self, res, mib, what):
        """The run's peak RSS is under mib MiB (not checked under valgrind or ASan)."""
        if os.environ.get("DIALAUDIT_HOSTILE_VERBOSE"):
            print(f"\n  {what}: peak RSS {res.peak_kb / 1024:.1f} MiB (bound {mib} MiB), "
                  f"{res.seconds:.2f} s", file=sys.stderr)
        if MEASURED:
            self.assertLess(res.peak_kb, mib * 1024,
                            f"{what}: peak RSS {res.peak_kb / 1024:.1f} MiB, bound {mib} MiB")

    def write_bytes(self, name, data):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path


def row(dst="13912345678", start="2026-03-10 10:00:00", **kw):
    """One Asterisk cdr_csv row as bytes."""
    return cdr(dst, start, **kw).encode()


if __name__ == "__main__":
    unittest.main()
