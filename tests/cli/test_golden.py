"""Golden tests, one folder per case (as universal-ctags keeps them per parser):

    tests/golden/<adapter>/<case>/args           arguments, one per line
    tests/golden/<adapter>/<case>/...            the inputs the arguments name
    tests/golden/<adapter>/<case>/expected.json  what the run must give

The binary runs in the case folder with '-f json' added; the report is cut
down to what an adapter decides (each input's kind, format, status, row
counts and layout; each finding's rule, severity, place, campaign, key, actual value and
message; the exit status), so a change in any of them fails the case, and
run-to-run facts (times, sizes, hashes) do not. A line of args that starts
with '#' is a comment.

DIALAUDIT_GOLDEN_UPDATE=1 writes expected.json from the run instead of
comparing: review the diff before committing it."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from dialaudit_test import ROOT, run  # noqa: E402

GOLDEN = os.path.join(ROOT, "tests", "golden")
INPUT_KEYS = ("path", "kind", "format", "status", "reason", "rows", "parsed", "rejected",
              "duplicates", "layout")
FINDING_KEYS = ("rule", "severity", "campaign", "key", "actual", "message", "count")


def cases():
    for adapter in sorted(os.listdir(GOLDEN)):
        top = os.path.join(GOLDEN, adapter)
        if not os.path.isdir(top):
            continue
        for case in sorted(os.listdir(top)):
            folder = os.path.join(top, case)
            if os.path.isfile(os.path.join(folder, "args")):
                yield adapter + "/" + case, folder


def read_args(folder):
    with open(os.path.join(folder, "args"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f
                if line.strip() and not line.startswith("#")]


def project(report, rc):
    inputs = []
    for i in report["inputs"]:
        inputs.append({k: i[k] for k in INPUT_KEYS if k in i})
    findings = []
    for f in report["findings"]:
        g = {k: f[k] for k in FINDING_KEYS if k in f}
        loc = f.get("location") or {}
        g["path"] = loc.get("path")
        g["line"] = loc.get("line")
        findings.append(g)
    findings.sort(key=lambda g: json.dumps(g, sort_keys=True))
    return {"exit": rc, "inputs": inputs, "findings": findings}


class GoldenTest(unittest.TestCase):
    def test_cases(self):
        update = os.environ.get("DIALAUDIT_GOLDEN_UPDATE") == "1"
        found = 0
        for name, folder in cases():
            found += 1
            with self.subTest(case=name):
                res = run(*read_args(folder), "-f", "json", cwd=folder)
                self.assertIn(res.rc, (0, 1), name + ": " + res.err)
                got = project(res.json(), res.rc)
                path = os.path.join(folder, "expected.json")
                if update:
                    with open(path, "w", encoding="utf-8") as f:
                        json.dump(got, f, indent=1, ensure_ascii=False, sort_keys=True)
                        f.write("\n")
                    continue
                with open(path, encoding="utf-8") as f:
                    want = json.load(f)
                self.assertEqual(want, got, name)
        # a missing folder would otherwise pass by testing nothing
        self.assertGreater(found, 0, "no golden cases under " + GOLDEN)


if __name__ == "__main__":
    unittest.main()
