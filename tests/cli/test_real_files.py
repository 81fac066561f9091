"""Real dialer files from public repositories: each is read without error and
with every row accounted for (rows = parsed + rejected), and what it holds is
checked where we know it."""
import os
import unittest

from dialaudit_test import DATA, SHARED_FORMATS, CliTestCase, run

REAL = os.path.join(DATA, "real")


def log_inputs(report):
    return [i for i in report["inputs"] if i["kind"] == "call-log"]


class RealFiles(CliTestCase):
    def read_logs(self, *args):
        res = run("logs", *args, "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        inputs = log_inputs(res.json())
        for i in inputs:
            self.assertEqual(i["rows"], i["parsed"] + i["rejected"], i)
        return res.json(), inputs

    def test_cdr_stats_import_through_a_mapping(self):
        folder = os.path.join(REAL, "cdr-stats")
        report, inputs = self.read_logs(os.path.join(folder, "CDRImport-2015-10-26.csv"),
                                        "--mapping", os.path.join(folder, "mapping.cfg"),
                                        "-p", "fr", "--show-numbers")
        self.assertEqual([(i["format"], i["rows"], i["parsed"]) for i in inputs],
                         [("generic-csv", 5, 5)])
        self.assertEqual((report["stats"]["calls"], report["stats"]["distinct_numbers"]), (5, 3))
        # the calls were answered: nothing for ring-time or abandon-rate to find
        rules = {f["rule"] for f in report["findings"]}
        self.assertFalse(rules & {"ring-time", "abandon-rate", "input-rejected"}, rules)

    def shared(self, *parts):
        path = os.path.join(SHARED_FORMATS, *parts)
        if not os.path.exists(path):
            self.skipTest(f"{path} is not here (research files; no licence to copy them)")
        return path

    def test_asterisk_cdr_csv_21_columns(self):
        # cdr_csv with loguniqueid, loguserfield and newcdrcolumns on, and
        # non-UTF-8 bytes in caller names
        path = self.shared("asterisk", "real-samples", "mineevburyat-dj-asterisk-cdr",
                           "Master.csv")
        _, inputs = self.read_logs(path, "-p", "cn", "--log-tz", "Asia/Irkutsk")
        self.assertEqual([(i["format"], i["rows"], i["rejected"]) for i in inputs],
                         [("asterisk-cdr", 84, 0)])

    def test_asterisk_cdr_custom_legacy_layout(self):
        path = self.shared("asterisk", "real-samples", "KelySaina-cdr", "Master.csv")
        _, inputs = self.read_logs(path, "-p", "cn", "--log-tz", "Indian/Antananarivo")
        self.assertEqual([(i["format"], i["rows"], i["rejected"]) for i in inputs],
                         [("asterisk-cdr", 14, 0)])


if __name__ == "__main__":
    unittest.main()
