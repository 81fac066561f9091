"""--lang and the locale: report text in Chinese, the report's identity unchanged."""
import csv
import io
import json
import os
import re
import unittest

import jsonschema

from dialaudit_test import DATA, SAMPLES, CliTestCase, run

TODAY = ("--today", "2026-11-28")
CJK = re.compile("[\u4e00-\u9fff]")
SCHEMA = os.path.join(DATA, "sarif", "sarif-schema-2.1.0.json")


def identity(report):
    """What must not depend on the language: every finding's ids, and the counts."""
    return ([(f["rule"], f["severity"], f["fingerprint"], f["location"]["path"],
              f["location"]["line"], f["campaign"], f["key"],
              f["source"]["standing"] if f["source"] else None) for f in report["findings"]],
            {k: report["summary"][k] for k in ("total", "by_severity", "by_rule", "failed")})


class ScanInChinese(CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.en_res = run("scan", SAMPLES, "-f", "json", *TODAY)
        cls.zh_res = run("scan", SAMPLES, "-f", "json", "--lang", "zh-CN", *TODAY)
        cls.en = cls.en_res.json()
        cls.zh = cls.zh_res.json()

    def test_reports_say_their_language(self):
        self.assertEqual(self.en["language"], "en")
        self.assertEqual(self.zh["language"], "zh-CN")

    def test_same_findings_fingerprints_and_counts(self):
        self.assertEqual(self.zh_res.rc, self.en_res.rc)
        self.assertEqual(self.zh_res.err, "")
        self.assertEqual(identity(self.zh), identity(self.en))
        self.assertGreater(len(self.zh["findings"]), 20)

    def test_titles_messages_and_remediation_in_chinese(self):
        titles = {f["rule"]: f["title"] for f in self.zh["findings"]}
        self.assertEqual(titles["calling-hours"], "在允许拨打时段之外呼叫")
        self.assertEqual(titles["call-purpose"], "呼叫目的不被允许")
        self.assertEqual(titles["caller-id"], "主叫号码缺失、格式错误、被禁止或未经许可")
        purpose = self.findings(self.zh, "call-purpose", "spring-promo")
        self.assertIn("外呼任务“spring-promo”进行营销类呼叫，合规配置禁止持 B07 类许可证进行此类呼叫",
                      [f["message"] for f in purpose])
        freq = [f["message"] for f in self.findings(self.zh, "call-frequency")]
        self.assertTrue(any("对该号码的第 4 次呼叫（上限 3 次）" in m for m in freq), freq)
        for f in self.zh["findings"]:
            self.assertRegex(f["message"], CJK, f["message"])
            self.assertRegex(f["title"], CJK)
            self.assertRegex(f["remediation"], CJK)
            if f["limit"] is not None:
                self.assertRegex(f["limit"], CJK, f["limit"])

    def test_english_run_has_no_chinese_report_text(self):
        # the catalog is used only when asked for (profile names and citations may be Chinese)
        for f in self.en["findings"]:
            self.assertNotRegex(f["title"] + f["remediation"], CJK)


class LanguageChoice(CliTestCase):
    def scan(self, *args, env=None):
        res = run("scan", SAMPLES, "-f", "json", *TODAY, *args, env=env)
        self.assertEqual(res.rc, 1, res.err)
        return res.json()

    def test_lang_from_the_environment(self):
        report = self.scan(env={"LANG": "zh_CN.UTF-8"})
        self.assertEqual(report["language"], "zh-CN")
        self.assertRegex(report["findings"][0]["message"], CJK)

    def test_lc_all_beats_lang(self):
        self.assertEqual(self.scan(env={"LANG": "zh_CN.UTF-8", "LC_ALL": "C"})["language"], "en")
        self.assertEqual(self.scan(env={"LANG": "C", "LC_ALL": "zh_CN.UTF-8"})["language"],
                         "zh-CN")

    def test_option_beats_the_environment(self):
        self.assertEqual(self.scan("--lang", "en", env={"LANG": "zh_CN.UTF-8"})["language"], "en")

    def test_unknown_locale_means_english(self):
        self.assertEqual(self.scan(env={"LANG": "fr_FR.UTF-8"})["language"], "en")

    def test_unknown_lang_is_a_usage_error(self):
        res = run("scan", SAMPLES, "--lang", "xx")
        self.assert_error(res, "--lang 'xx'", "en or zh-CN", "Try 'dialaudit scan --help'")

    def test_lang_only_where_text_is_written(self):
        self.assert_error(run("profiles", "--lang", "zh-CN"), "does not apply")
        self.assertEqual(run("version", "--lang", "zh-CN").rc, 0)  # version takes no options

    def test_errors_stay_english(self):
        res = run("config", os.path.join(self.tmp, "missing.cfg"), "-p", "cn", "--lang", "zh-CN")
        self.assertEqual(res.rc, 2)
        self.assertNotRegex(res.err, CJK)

    def test_help_names_the_option(self):
        for cmd in ("scan", "config", "logs", "rules", "explain"):
            self.assertIn("--lang", run(cmd, "--help").out, cmd)
        self.assertIn("--lang", run("help").out)


class OtherFormats(CliTestCase):
    def test_text_report_labels(self):
        res = run("scan", SAMPLES, "--lang", "zh-CN", *TODAY)
        self.assertEqual(res.rc, 1, res.err)
        for label in ("合规配置：cn", "许可证：", "      限值：", "      实际：", "      依据：",
                      "      整改：", "严重 (2)", "结果：不通过", "个问题："):
            self.assertIn(label, res.out)
        self.assertNotIn("      limit:", res.out)
        self.assertNotIn("Result:", res.out)

    def test_sarif_in_chinese_is_valid(self):
        res = run("scan", SAMPLES, "-f", "sarif", "--lang", "zh-CN", *TODAY)
        log = json.loads(res.out)
        with open(SCHEMA) as f:
            jsonschema.validate(log, json.load(f))
        run_ = log["runs"][0]
        self.assertEqual(run_["language"], "zh-CN")
        en = json.loads(run("scan", SAMPLES, "-f", "sarif", *TODAY).out)["runs"][0]
        self.assertEqual(en["language"], "en")
        self.assertEqual([(r["ruleId"], r["partialFingerprints"]) for r in run_["results"]],
                         [(r["ruleId"], r["partialFingerprints"]) for r in en["results"]])
        for r in run_["results"]:
            self.assertRegex(r["message"]["text"], CJK)
        for rule in run_["tool"]["driver"]["rules"]:
            self.assertRegex(rule["shortDescription"]["text"], CJK)
            self.assertRegex(rule["help"]["text"], CJK)

    def test_junit_names_stay_english(self):
        # CI keeps a test case's history by its name: only the messages change
        def names(xml):
            return re.findall(r'<testcase classname="([^"]*)" name="([^"]*)"', xml)
        en = run("scan", SAMPLES, "-f", "junit", *TODAY).out
        zh = run("scan", SAMPLES, "-f", "junit", "--lang", "zh-CN", *TODAY).out
        self.assertEqual(names(zh), names(en))
        self.assertIn("整改：", zh)

    def test_csv_header_stays_english(self):
        en = run("scan", SAMPLES, "-f", "csv", *TODAY).out
        zh = run("scan", SAMPLES, "-f", "csv", "--lang", "zh-CN", *TODAY).out
        self.assertEqual(zh.splitlines()[0], en.splitlines()[0])
        rows = list(csv.DictReader(io.StringIO(zh)))
        self.assertIn("在允许拨打时段之外呼叫", {r["title"] for r in rows})
        self.assertEqual([r["fingerprint"] for r in rows],
                         [r["fingerprint"] for r in csv.DictReader(io.StringIO(en))])

    def test_details_reasons_in_chinese(self):
        log = os.path.join(SAMPLES, "logs", "asterisk", "Master.csv")
        details = os.path.join(self.tmp, "details.csv")
        res = run("logs", log, "-p", "cn", "--lang", "zh-CN", "--details", details, *TODAY)
        self.assertEqual(res.rc, 1, res.err)
        with open(details, encoding="utf-8") as f:
            header = f.readline()
            rows = list(csv.reader(f))
        self.assertEqual(header, "rule,file,line,campaign,number,local_time,reason\n")
        self.assertTrue(rows)
        for row in rows:
            self.assertRegex(row[6], CJK, row)

    def test_rules_and_explain(self):
        res = run("rules", "-p", "cn", "--lang", "zh-CN")
        self.assertEqual(res.rc, 0, res.err)
        self.assertIn("calling-hours          high      在允许拨打时段之外呼叫", res.out)
        self.assertIn("限值：周一–周日 08:00–21:00，按被叫方当地时间", res.out)
        res = run("explain", "call-frequency", "-p", "cn", "--lang", "zh-CN")
        self.assertEqual(res.rc, 0, res.err)
        self.assertIn("检查内容：", res.out)
        self.assertIn("合规配置 cn", res.out)
        self.assertIn("每个号码在任意连续24小时内最多呼叫 5 次", res.out)

    def test_english_baseline_matches_a_chinese_run(self):
        base = os.path.join(self.tmp, "baseline.json")
        first = run("scan", SAMPLES, "-f", "json", "--write-baseline", base, *TODAY)
        self.assertEqual(first.rc, 1, first.err)
        res = run("scan", SAMPLES, "-f", "json", "--lang", "zh-CN", "--baseline", base, *TODAY)
        report = res.json()
        self.assertEqual(res.rc, 0, res.err)
        self.assertEqual(report["findings"], [])
        self.assertEqual(report["summary"]["baseline"]["known"], len(first.json()["findings"]))


if __name__ == "__main__":
    unittest.main()
