"""The HTML report: self-contained, escaped, its charts true to the log, and
rendered by headless Chromium without a console error."""
import html.parser
import json
import os
import re
import unittest

import headless
from dialaudit_test import SAMPLES, CliTestCase, cdr, run

LIMIT_RED = "#b3261e"

# cn, plus an abandon-rate limit (cn sets none), so that chart has a line to cross.
PROFILE = """\
id = "html-test";
name = "Test profile: cn with an abandon-rate limit";
jurisdiction = "TEST";
review_date = "2026-11-28";
extends = "cn";
sources = ["test fixture"];
abandon_rate = { max_percent = 10; per = "day"; denominator = "attempts";
  source = "test"; standing = "carrier-practice"; };
"""


class Page(html.parser.HTMLParser):
    """What the tests look at: figures with their marks (rect fill and
    title), captions and notes, and every tag and attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.figures = {}
        self._figure = None
        self._rect = None
        self._in = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._in.append(tag)
        if tag == "figure":
            self._figure = a.get("id")
            self.figures[self._figure] = {"marks": [], "note": ""}
        elif tag == "rect" and self._figure:
            self._rect = {"fill": a.get("fill"), "title": ""}
            self.figures[self._figure]["marks"].append(self._rect)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag == "figure":
            self._figure = None
        elif tag == "rect":
            self._rect = None

    def handle_data(self, data):
        self.text.append(data)
        if self._rect is not None and self._in and self._in[-1] == "title":
            self._rect["title"] += data
        elif self._figure and self._in and self._in[-1] == "p":
            self.figures[self._figure]["note"] += data

    def titles(self, figure):
        return [m["title"] for m in self.figures[figure]["marks"] if m["title"]]


def parse(path):
    with open(path, "rb") as f:
        raw = f.read()
    page = Page()
    page.feed(raw.decode("utf-8"))  # strict: the report must be valid UTF-8
    page.raw = raw
    return page


M = "1380000000"  # + one digit: mobile numbers in Beijing time


class Charts(CliTestCase):
    """A small log whose every chart value is known in advance."""

    def rows(self):
        rows = []
        # one number called six times on Tuesday 2026-03-10, an hour apart:
        # the sixth is over cn's 5 per 24 h
        for h in range(9, 15):
            rows.append(cdr(M + "1", f"2026-03-10 {h:02d}:00:00"))
        # Tuesday 21:30: outside 08:00-21:00
        rows.append(cdr(M + "2", "2026-03-10 21:30:00"))
        # Wednesday: three calls overlap; the fourth starts the second the
        # first ends, so at most three are ever up at once
        for i, start in enumerate(["10:00:00", "10:01:00", "10:02:00", "10:10:00"]):
            rows.append(cdr(M + str(3 + i), f"2026-03-11 {start}", duration=600,
                            src=f"05718800121{i}"))
        # Thursday: camp-a abandons 2 of 10 (over 10 %), camp-b 1 of 10 (at it)
        for camp, abandoned in (("camp-a", 2), ("camp-b", 1)):
            for i in range(10):
                rows.append(cdr(f"1390000{camp[-1] == 'a' and 1 or 2}{i:03d}",
                                f"2026-03-12 {10 + i // 2:02d}:{(i % 2) * 30:02d}:00",
                                answer=f"2026-03-12 {10 + i // 2:02d}:{(i % 2) * 30:02d}:05",
                                account=camp, userfield="ABANDONED" if i < abandoned else ""))
        return rows

    def report(self, *args):
        log = self.write("Master.csv", "".join(self.rows()))
        profile = self.write("html-test.cfg", PROFILE)
        out = os.path.join(self.tmp, "r.html")
        js = os.path.join(self.tmp, "r.json")
        res = run("logs", log, "-p", profile, "--log-tz", "Asia/Shanghai", "-f", "html", "-o", out,
                  "-f", "json", "-o", js, *args)
        self.assertEqual(res.rc, 1, res.err)
        self.assertEqual(res.out, "")  # both reports went to files
        with open(js) as f:
            return parse(out), json.load(f)

    def test_heat_map_counts_every_call_in_its_local_hour(self):
        page, report = self.report("--capacity", "3")
        cells = {}
        for t in page.titles("chart-hours"):
            m = re.fullmatch(r"(\w+) (\d\d):00–\d\d:00: (\d+) calls \((.+)\)", t)
            self.assertIsNotNone(m, t)
            cells[(m[1], int(m[2]))] = (int(m[3]), m[4])
        self.assertEqual(len(cells), 7 * 24)
        self.assertEqual(sum(n for n, _ in cells.values()), report["stats"]["calls"])
        self.assertEqual(cells[("Tue", 21)], (1, "not permitted"))
        self.assertEqual(cells[("Tue", 7)], (0, "not permitted"))
        for h in range(9, 15):
            self.assertEqual(cells[("Tue", h)], (1, "permitted"))
        self.assertEqual(cells[("Wed", 10)], (4, "permitted"))
        self.assertEqual(cells[("Thu", 10)], (4, "permitted"))
        self.assertEqual(cells[("Thu", 14)], (4, "permitted"))

    def test_concurrency_peak_and_capacity_line(self):
        page, _ = self.report("--capacity", "3")
        fig = page.figures["chart-concurrency"]
        self.assertIn("Peak of 3 concurrent calls against a capacity of 3", fig["note"])
        self.assertTrue(fig["marks"])
        self.assertFalse([m for m in fig["marks"] if m["fill"] == LIMIT_RED])
        self.assertIn("capacity 3 (--capacity)", "".join(page.text))

        page, _ = self.report("--capacity", "2")
        fig = page.figures["chart-concurrency"]
        self.assertIn("Peak of 3 concurrent calls against a capacity of 2", fig["note"])
        over = [m["title"] for m in fig["marks"] if m["fill"] == LIMIT_RED]
        self.assertTrue(over)
        self.assertTrue(all("at most 3 calls at once" in t for t in over), over)

    def test_abandon_rate_per_campaign_against_the_limit(self):
        page, report = self.report()
        marks = {m["title"].split(":")[0]: m for m in page.figures["chart-abandon"]["marks"]}
        self.assertEqual(marks["camp-a"]["title"], "camp-a: 20.00% (2 of 10)")
        self.assertEqual(marks["camp-a"]["fill"], LIMIT_RED)
        self.assertEqual(marks["camp-b"]["title"], "camp-b: 10.00% (1 of 10)")
        self.assertNotEqual(marks["camp-b"]["fill"], LIMIT_RED)  # at the limit is allowed
        self.assertIn("limit 10%", "".join(page.text))
        # the chart agrees with the rule
        self.assertEqual([f["campaign"] for f in self.findings(report, "abandon-rate")], ["camp-a"])

    def test_calls_per_number_with_the_frequency_limit(self):
        page, report = self.report()
        bars = {}
        for m in page.figures["chart-per-number"]["marks"]:
            got = re.fullmatch(r"(\d+) numbers had (\d+\+?) attempts in their busiest window",
                               m["title"])
            self.assertIsNotNone(got, m["title"])
            bars[got[2]] = (int(got[1]), m["fill"])
        self.assertEqual(bars["6"], (1, LIMIT_RED))
        self.assertEqual(bars["1"][0], report["stats"]["distinct_numbers"] - 1)
        self.assertNotEqual(bars["1"][1], LIMIT_RED)
        self.assertEqual(sum(n for n, _ in bars.values()), report["stats"]["distinct_numbers"])
        self.assertIn("limit 5", "".join(page.text))
        self.assertIn("24 hours", page.figures["chart-per-number"]["note"])

    def test_top_caller_ids_are_masked(self):
        page, report = self.report()
        titles = page.titles("chart-caller-ids")
        counts = [int(re.search(r": (\d+) calls", t)[1]) for t in titles]
        self.assertEqual(counts, sorted(counts, reverse=True))
        self.assertEqual(counts[0], 27)  # the default caller ID: every call but four
        self.assertTrue(all("******" in t for t in titles), titles)
        self.assertNotIn(b"057188001201", page.raw)

        page, _ = self.report("--show-numbers")
        self.assertIn("+8657188001201: 27 calls (87.1%)", page.titles("chart-caller-ids"))


class Document(CliTestCase):
    def scan_samples(self, *args):
        out = os.path.join(self.tmp, "samples.html")
        js = os.path.join(self.tmp, "samples.json")
        res = run("scan", SAMPLES, "-f", "html", "-o", out, "-f", "json", "-o", js, *args)
        self.assertEqual(res.rc, 1, res.err)
        with open(js) as f:
            return out, parse(out), json.load(f)

    def test_self_contained_with_every_finding_and_input(self):
        path, page, report = self.scan_samples("--today", "2026-11-28")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        tags = [t for t, _ in page.tags]
        self.assertNotIn("script", tags)
        self.assertNotIn("img", tags)
        self.assertNotIn("link", tags)
        for tag, attrs in page.tags:
            for name in ("src", "href"):
                self.assertFalse(attrs.get(name), (tag, attrs))
        csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") ==
               "Content-Security-Policy"]
        self.assertEqual(len(csp), 1)
        self.assertIn("default-src 'none'", csp[0]["content"])
        articles = [a for t, a in page.tags if t == "article" and "finding" in a.get("class", "")]
        self.assertEqual(len(articles), report["summary"]["total"])
        text = "".join(page.text)
        for f in report["findings"]:
            self.assertIn(f["message"], text)
        for i in report["inputs"]:
            if i.get("sha256"):
                self.assertIn(i["sha256"], text)
        self.assertEqual(sorted(page.figures), sorted(["chart-hours", "chart-concurrency",
                         "chart-abandon", "chart-per-number", "chart-caller-ids"]))
        lic = report["licence"]
        self.assertIn(lic["holder"], text)
        self.assertIn(f"{lic['expires']} — {lic['days_to_expiry']} days left", text)

    def test_expired_licence_is_flagged(self):
        _, page, report = self.scan_samples("--today", "2029-05-01")
        self.assertIn("2029-04-16 — expired 15 days ago", "".join(page.text))

    def test_hostile_names_are_escaped_and_bad_bytes_replaced(self):
        row = cdr(M + "9", "2026-03-10 10:00:00", account='<img src=x onerror="alert(1)">&')
        log = os.path.join(self.tmp, "Master.csv")
        with open(log, "wb") as f:
            f.write(row.encode() + cdr(M + "8", "2026-03-10 11:00:00", account="caf\xe9").encode("latin-1"))
        out = os.path.join(self.tmp, "r.html")
        res = run("logs", log, "-p", "cn", "-f", "html", "-o", out)
        self.assertIn(res.rc, (0, 1), res.err)
        page = parse(out)  # raises on bytes that are not UTF-8
        self.assertNotIn("img", [t for t, _ in page.tags])
        self.assertIn(b"&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;", page.raw)
        self.assertIn("caf\ufffd", "".join(page.text))

    def test_not_html_without_charts_when_no_log(self):
        out = os.path.join(self.tmp, "c.html")
        camps = os.path.join(SAMPLES, "campaigns")
        res = run("config", *[os.path.join(camps, f) for f in sorted(os.listdir(camps))],
                  "-p", "cn", "-f", "html", "-o", out)
        self.assertEqual(res.rc, 1, res.err)
        page = parse(out)
        self.assertEqual(page.figures, {})
        self.assertIn("Findings", "".join(page.text))


class Chinese(CliTestCase):
    def test_zh_cn_report(self):
        out = os.path.join(self.tmp, "zh.html")
        res = run("scan", SAMPLES, "--lang", "zh-CN", "-f", "html", "-o", out, "--today", "2026-11-28")
        self.assertEqual(res.rc, 1, res.err)
        page = parse(out)
        html_tag = [a for t, a in page.tags if t == "html"][0]
        self.assertEqual(html_tag["lang"], "zh-CN")
        text = "".join(page.text)
        for want in ("外呼合规审计", "许可证", "发现的问题", "法律依据", "整改建议",
                     "证据：审计了哪些文件", "按被叫方当地时间（小时与星期）统计的呼叫"):
            self.assertIn(want, text)
        cells = page.titles("chart-hours")
        self.assertEqual(len(cells), 7 * 24)
        self.assertTrue(all("通呼叫" in t for t in cells), cells[:3])
        # identities stay English: rule ids in <code>, severity classes
        self.assertIn("calling-hours", text)
        self.assertTrue([a for t, a in page.tags if t == "article" and "high" in a.get("class", "")])


@unittest.skipUnless(headless.find_chromium() or os.environ.get("DIALAUDIT_REQUIRE_BROWSER"),
                     "chromium is not installed")
class InBrowser(CliTestCase):
    """The page as Chromium renders it: no console error, no blocked load,
    the key texts visible, every chart drawn, printable."""

    def test_renders_without_console_errors(self):
        out = os.path.join(self.tmp, "samples.html")
        js = os.path.join(self.tmp, "samples.json")
        res = run("scan", SAMPLES, "-f", "html", "-o", out, "-f", "json", "-o", js,
                  "--today", "2026-11-28")
        self.assertEqual(res.rc, 1, res.err)
        with open(js) as f:
            report = json.load(f)
        with headless.Browser() as b:
            b.open("file://" + os.path.abspath(out))
            self.assertEqual(b.problems(), [])
            self.assertTrue(b.evaluate("document.title").startswith("Dialing compliance audit"))
            text = b.evaluate("document.body.innerText")
            for want in ("Dialing compliance audit", "FAIL:", report["licence"]["holder"],
                         "days left", "Legal source", "Remediation",
                         "Calls by the callee's local hour and weekday",
                         "Concurrent calls over time", "Abandoned calls per campaign",
                         "Numbers by their most attempts in one window", "Top caller IDs by calls",
                         "Evidence: what was checked"):
                self.assertIn(want, text)
            sizes = b.evaluate("[...document.querySelectorAll('svg')].map(s => "
                               "[s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
            self.assertEqual(len(sizes), 5)
            for w, h in sizes:
                self.assertGreater(w, 300)
                self.assertGreater(h, 50)
            self.assertEqual(b.evaluate("document.scripts.length"), 0)
            self.assertEqual(b.evaluate("document.images.length"), 0)
            shots = os.environ.get("DIALAUDIT_BUILD")
            shot = os.path.join(shots, "test-artifacts") if shots else self.tmp
            os.makedirs(shot, exist_ok=True)
            b.screenshot(os.path.join(shot, "html-report.png"))
            with open(os.path.join(shot, "html-report.png"), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            pdf = os.path.join(shot, "html-report.pdf")
            b.print_pdf(pdf)
            with open(pdf, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"%PDF"))
        # the Chinese page too, with its own screenshot
        zh = os.path.join(self.tmp, "zh.html")
        res = run("scan", SAMPLES, "--lang", "zh-CN", "-f", "html", "-o", zh, "--today", "2026-11-28")
        self.assertEqual(res.rc, 1, res.err)
        with headless.Browser() as b:
            b.open("file://" + os.path.abspath(zh))
            self.assertEqual(b.problems(), [])
            self.assertTrue(b.evaluate("document.title").startswith("外呼合规审计"))
            self.assertIn("通话记录图表", b.evaluate("document.body.innerText"))
            b.screenshot(os.path.join(shot, "html-report-zh-CN.png"))
            self.assertGreater(data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r")
                               + len(re.findall(rb"/Type\s*/Page[^s]", data)), 1)


if __name__ == "__main__":
    unittest.main()
