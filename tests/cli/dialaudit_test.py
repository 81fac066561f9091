"""Shared helpers for whole-binary tests: run the real dialaudit, parse its output."""
import json
import os
import subprocess
import tempfile
import textwrap
import unittest

BIN = os.environ.get("DIALAUDIT_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "dialaudit")
ROOT = os.environ.get("DIALAUDIT_ROOT") or os.path.join(os.path.dirname(__file__), "..", "..")
SAMPLES = os.path.join(ROOT, "samples")
DATA = os.path.join(ROOT, "tests", "data")


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


def run(*args, env=None, cwd=None):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    proc = subprocess.run([BIN, *args], capture_output=True, text=True, env=e, cwd=cwd,
                          timeout=120)
    return Result(proc)


class CliTestCase(unittest.TestCase):
    """A test case with a private temporary folder for generated inputs."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="dialaudit-test-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(text))
        return path

    def assert_error(self, res, *fragments):
        """Exit 2, nothing on stdout, one 'dialaudit: ' line naming the fragments."""
        self.assertEqual(res.rc, 2, res.err)
        self.assertEqual(res.out, "")
        self.assertTrue(res.err.startswith("dialaudit: "), res.err)
        for f in fragments:
            self.assertIn(f, res.err)

    @staticmethod
    def findings(report, rule=None, campaign=None):
        return [f for f in report["findings"]
                if (rule is None or f["rule"] == rule)
                and (campaign is None or f["campaign"] == campaign)]
