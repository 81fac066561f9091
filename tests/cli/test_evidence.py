"""Evidence: each input's size, modification time and SHA-256, and the run's time."""
import datetime
import hashlib
import json
import os
import unittest

from dialaudit_test import SAMPLES, CliTestCase, run


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def utc(path):
    t = datetime.datetime.fromtimestamp(int(os.stat(path).st_mtime), datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Evidence(CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28").json()
        cls.hashed = run("scan", SAMPLES, "-f", "json", "--today", "2026-11-28",
                         "--hash-logs").json()

    def read_inputs(self, report):
        return [i for i in report["inputs"] if i["status"] == "read"]

    def test_every_input_read_has_size_time_and_hash(self):
        inputs = self.read_inputs(self.plain)
        self.assertGreater(len(inputs), 5)
        for i in inputs:
            self.assertEqual(i["size"], os.path.getsize(i["path"]), i["path"])
            self.assertEqual(i["modified"], utc(i["path"]), i["path"])
            if i["kind"] == "call-log":
                self.assertIsNone(i["sha256"], i["path"])
            else:
                self.assertEqual(i["sha256"], sha256(i["path"]), i["path"])

    def test_hash_logs_hashes_the_call_logs_too(self):
        logs = [i for i in self.read_inputs(self.hashed) if i["kind"] == "call-log"]
        self.assertGreaterEqual(len(logs), 2)
        for i in logs:
            self.assertEqual(i["sha256"], sha256(i["path"]), i["path"])

    def test_skipped_files_carry_no_evidence(self):
        skipped = [i for i in self.plain["inputs"] if i["status"] == "skipped"]
        self.assertTrue(skipped)
        for i in skipped:
            self.assertNotIn("sha256", i)

    def test_a_changed_file_changes_its_hash(self):
        path = self.write("c.cfg", open(os.path.join(
            SAMPLES, "campaigns", "spring-promo.cfg")).read())
        first = run("config", path, "-p", "cn", "-f", "json").json()["inputs"][0]
        with open(path, "a") as f:
            f.write("\n# edited\n")
        second = run("config", path, "-p", "cn", "-f", "json").json()["inputs"][0]
        self.assertEqual(second["size"], first["size"] + len("\n# edited\n"))
        self.assertNotEqual(first["sha256"], second["sha256"])
        self.assertEqual(second["sha256"], sha256(path))

    def test_run_time_is_recorded(self):
        r = self.plain["run"]
        started = datetime.datetime.strptime(r["started"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertLess(abs((now - started).total_seconds()), 600)
        self.assertGreaterEqual(r["elapsed_seconds"], 0)
        self.assertLess(r["elapsed_seconds"], 600)

    def test_sarif_lists_the_artifacts_with_hashes(self):
        log = json.loads(run("scan", SAMPLES, "-f", "sarif", "--today", "2026-11-28").out)
        arts = log["runs"][0]["artifacts"]
        self.assertEqual(len(arts), len(self.read_inputs(self.plain)))
        hashed = [a for a in arts if "hashes" in a]
        self.assertTrue(hashed)
        for a in hashed:
            uri = a["location"]["uri"]
            match = [i for i in self.plain["inputs"]
                     if i.get("sha256") == a["hashes"]["sha-256"]]
            self.assertEqual(len(match), 1, uri)
            self.assertEqual(a["length"], match[0]["size"])
        inv = log["runs"][0]["invocations"][0]
        self.assertLessEqual(inv["startTimeUtc"], inv["endTimeUtc"])


if __name__ == "__main__":
    unittest.main()
