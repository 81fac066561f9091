"""Shared helpers for whole-binary tests: run the real dialaudit, parse its output."""
import csv
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
# The research folder's saved dialer files (../shared/formats beside the
# repository). Files whose licence allows it are also copied under
# tests/data/real/; the others are read from here when it exists.
SHARED_FORMATS = os.environ.get("DIALAUDIT_SHARED_FORMATS") or os.path.join(
    ROOT, "..", "shared", "formats")


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


def clean_env(extra=None):
    """The environment every run gets: reports follow the locale, so every
    test runs in English (and without NO_COLOR) unless it says otherwise."""
    e = dict(os.environ)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR"):
        e.pop(name, None)
    e["LANG"] = "C"
    if extra:
        e.update(extra)
    return e


def run(*args, env=None, cwd=None):
    proc = subprocess.run([BIN, *args], capture_output=True, text=True, env=clean_env(env),
                          cwd=cwd, timeout=120)
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

    def logs_with_details(self, log, *args, profile, tz):
        """'dialaudit logs' on one file with --details: the JSON report; the
        details rows are left in self.details."""
        details = os.path.join(self.tmp, "details.csv")
        argv = ["logs", log, "-p", profile, "-f", "json", "--details", details, *args]
        if tz:
            argv += ["--log-tz", tz]
        res = run(*argv)
        self.assertIn(res.rc, (0, 1), res.err)
        report = res.json()
        with open(details, newline="") as f:
            self.details = list(csv.DictReader(f))
        return report

    @staticmethod
    def findings(report, rule=None, campaign=None):
        return [f for f in report["findings"]
                if (rule is None or f["rule"] == rule)
                and (campaign is None or f["campaign"] == campaign)]


def cfg_value(v):
    """A Python value as libconfig text."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(cfg_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + " ".join(f"{k} = {cfg_value(x)};" for k, x in v.items()) + " }"
    raise TypeError(v)


# A campaign that passes every rule of the cn profile and of tests/data/profiles/strict.cfg;
# tests change one setting at a time and watch exactly one rule react.
GOOD_CAMPAIGN = {
    "name": "probe",
    "purpose": "callback",
    "dial_mode": "predictive",
    "abandon_target": 3.0,
    "windows": {"daily": ["09:00-20:00"]},
    "windows_zone": "callee",
    "max_attempts": 3,
    "attempts_window": "24h",
    "retry_interval": "4h",
    "retry_after_abandon": "72h",
    "ring_timeout": 15,
    "abandon_message": True,
    "abandon_message_delay": 2.0,
    "amd": False,
    "caller_ids": ["057188001201", "057188001202"],
    "dnc_scrub": True,
    "dnc_list_age_days": 31,
    "consent_required": True,
    "refusal_suppression_days": 0,
    "record_retention_days": 30,
    "destination_filter": True,
    "max_channels": 2,
}


def campaign_file(**overrides):
    """libconfig text of GOOD_CAMPAIGN with overrides (None removes a key)."""
    c = dict(GOOD_CAMPAIGN)
    for k, v in overrides.items():
        if v is None:
            c.pop(k, None)
        else:
            c[k] = v
    body = "\n".join(f"    {k} = {cfg_value(v)};" for k, v in c.items())
    return "campaigns = (\n  {\n" + body + "\n  }\n);\n"


_uid = [1700000000]


def cdr(dst, start, *, answer=None, end=None, duration=None, disposition=None, src="057188001201",
        account="camp", userfield="", linkedid=None, dstchannel=None):
    """One 21-column Asterisk cdr_csv row (formats.md §1.1), as the file has it.

    start/answer/end are "YYYY-MM-DD HH:MM:SS" strings; duration in seconds.
    """
    import datetime as dt

    def parse(s):
        return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")

    if duration is None:
        duration = int((parse(end) - parse(start)).total_seconds()) if end else 30
    if end is None:
        end = (parse(start) + dt.timedelta(seconds=duration)).strftime("%Y-%m-%d %H:%M:%S")
    billsec = int((parse(end) - parse(answer)).total_seconds()) if answer else 0
    if disposition is None:
        disposition = "ANSWERED" if answer else "NO ANSWER"
    _uid[0] += 1
    uid = f"{_uid[0]}.{_uid[0] % 97}"
    link = linkedid or uid
    if dstchannel is None:
        dstchannel = "PJSIP/agent-0001" if answer else ""

    def q(s):
        return '"' + str(s).replace('"', '""') + '"'

    fields = [q(account), q(src), q(dst), q("outbound"), q(f'"Sales" <{src}>'),
              q("PJSIP/trunk-00000001"), q(dstchannel), q("Dial"),
              q(f"PJSIP/{dst}@trunk,30,tT"), q(start), q(answer) if answer else "", q(end),
              str(duration), str(billsec), q(disposition), q("DOCUMENTATION"), q(uid),
              q(userfield), q(""), q(link), "0"]
    return ",".join(fields) + "\n"
