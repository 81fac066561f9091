"""asterisk-callfile: Asterisk outgoing call files judged through the binary.

A call file's schedule is its mtime, which git does not keep: every test
here writes its files into a temporary folder and sets their times with
os.utime, so nothing depends on when the tree was checked out."""
import os
import shutil
import unittest
from datetime import datetime
from zoneinfo import ZoneInfo

from dialaudit_test import DATA, ROOT, CliTestCase, run

REAL_SAMPLE = os.path.join(DATA, "real", "asterisk", "sample.call")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def epoch(tz, *when):
    return int(datetime(*when, tzinfo=tz).timestamp())


# Tuesday 2026-03-03, no holiday in the cn calendar; 10:00 Beijing time
TUESDAY_10 = epoch(SHANGHAI, 2026, 3, 3, 10, 0, 0)


class CallFileCase(CliTestCase):
    def callfile(self, name, text, mtime=TUESDAY_10):
        path = self.write(name, text)
        os.utime(path, (mtime, mtime))
        return path

    def audit(self, *files, profile, extra=()):
        res = run("config", *files, "-p", profile, "-f", "json", "--today", "2026-03-03", *extra)
        self.assertIn(res.rc, (0, 1), res.err)
        return res.json()

    @staticmethod
    def config(report, rule):
        """The rule's findings on settings (not on calls)."""
        return [f for f in report["findings"] if f["rule"] == rule and
                not f["actual"].endswith(("calls", "call"))]

    @staticmethod
    def events(report, rule):
        return [f for f in report["findings"] if f["rule"] == rule and
                f["actual"].endswith(("calls", "call"))]


class RingTime(CallFileCase):
    """us: unanswered calls ring at least 15 s; WaitTime is the ring limit."""

    def run_wait(self, wait):
        p = self.callfile("w.call", f"""\
            Channel: PJSIP/2125551212@trunk
            CallerID: "Acme" <2125550100>
            WaitTime: {wait}
            Context: outbound
            Extension: s
            """)
        return p, self.audit(p, profile="us")

    def test_minimum_is_allowed(self):
        _, r = self.run_wait(15)
        self.assertEqual(self.config(r, "ring-time"), [])

    def test_one_below_is_a_finding_at_its_line(self):
        p, r = self.run_wait(14)
        got = self.config(r, "ring-time")
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["location"], {"path": p, "line": 3})
        self.assertEqual(got[0]["actual"], "14 s")
        self.assertEqual(got[0]["key"], "ring_timeout")

    def test_absent_waittime_is_asterisks_45(self):
        p = self.callfile("d.call", "Channel: SIP/trunk/2125551212\nExtension: s\n")
        self.assertEqual(self.config(self.audit(p, profile="us"), "ring-time"), [])
        # and a value below 1 is Asterisk's 45 too
        p = self.callfile("z.call", "Channel: SIP/trunk/2125551212\nWaitTime: 0\nExtension: s\n")
        self.assertEqual(self.config(self.audit(p, profile="us"), "ring-time"), [])


class Frequency(CallFileCase):
    def retries(self, profile, maxretries, retrytime):
        p = self.callfile("f.call", f"""\
            Channel: SIP/trunk/3055551212
            MaxRetries: {maxretries}
            RetryTime: {retrytime}
            Account: fl-sales
            Extension: s
            """)
        return p, self.config(self.audit(p, profile=profile), "call-frequency")

    def test_us_fl_three_a_day(self):
        # MaxRetries 2 = 3 attempts: the limit; 3 = 4 attempts: one too many
        self.assertEqual(self.retries("us-fl", 2, 300)[1], [])
        p, got = self.retries("us-fl", 3, 300)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["location"], {"path": p, "line": 2})
        self.assertEqual(got[0]["key"], "max_attempts")
        self.assertEqual(got[0]["actual"], "up to 4")
        self.assertEqual(got[0]["campaign"], "fl-sales")

    def test_cn_three_in_five_minutes(self):
        # 5 attempts (the 24 h limit) 100 s apart: a 5-minute window holds 3 of
        # them; 99 s apart, 4 (t, t+99, t+198, t+297)
        self.assertEqual(self.retries("cn", 4, 100)[1], [])
        p, got = self.retries("cn", 4, 99)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["location"], {"path": p, "line": 3})
        self.assertEqual(got[0]["key"], "retry_interval")
        self.assertEqual(got[0]["actual"], "up to 4")

    def test_worst_case_over_files_of_one_campaign(self):
        a = self.callfile("a.call", "Channel: SIP/t/3055551001\nAccount: fl\nMaxRetries: 1\n"
                          "Extension: s\n")
        b = self.callfile("b.call", "Account: fl\nChannel: SIP/t/3055551002\nMaxRetries: 5\n"
                          "Extension: s\n")
        r = self.audit(a, b, profile="us-fl")
        got = self.config(r, "call-frequency")
        self.assertEqual([(f["location"]["path"], f["location"]["line"], f["actual"])
                          for f in got], [(b, 3, "up to 6")])
        self.assertEqual([c for c in {f["campaign"] for f in r["findings"]} if c], ["fl"])

    def test_archived_attempts_are_counted(self):
        # four attempts a minute apart (StartRetry time = attempt + RetryTime)
        t = TUESDAY_10
        lines = "".join(f"\nStartRetry: 7 {i + 1} ({t + 60 * i + 60})\n"
                        f"\nEndRetry: 7 {i + 1} ({t + 60 * i + 30})\n" for i in range(4))
        p = self.callfile("done.call", "Channel: SIP/t/13912345678\nMaxRetries: 3\n"
                          "RetryTime: 60\nExtension: s\nArchive: yes\n" + lines +
                          "Status: Expired\n", mtime=t + 86400 * 30)
        r = self.audit(p, profile="cn")
        got = self.events(r, "call-frequency")
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["actual"], "1 of 4 calls")
        self.assertEqual(got[0]["location"], {"path": p, "line": 19})
        inp = [i for i in r["inputs"] if i["path"] == p][0]
        self.assertEqual((inp["rows"], inp["parsed"], inp["rejected"]), (4, 4, 0))
        # archived: the file's own time (its archiving) is no attempt
        self.assertEqual(inp["last_call"], datetime.fromtimestamp(t + 180, ZoneInfo("UTC"))
                         .strftime("%Y-%m-%dT%H:%M:%SZ"))


class CallingHours(CallFileCase):
    """cn: 08:00-21:00 in the callee's zone; the schedule is the mtime."""

    def at(self, *hms):
        p = self.callfile("h.call", "Channel: PJSIP/13912345678@trunk\nCallerID: 057188001201\n"
                          "Extension: s\n", mtime=epoch(SHANGHAI, 2026, 3, 3, *hms))
        return p, self.events(self.audit(p, profile="cn"), "calling-hours")

    def test_last_second_allowed(self):
        self.assertEqual(self.at(20, 59, 59)[1], [])

    def test_nine_pm_is_a_violation_at_the_channel_line(self):
        p, got = self.at(21, 0, 0)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["actual"], "1 of 1 calls")
        self.assertEqual(got[0]["location"], {"path": p, "line": 1})


class CallerId(CallFileCase):
    def test_withheld(self):
        p = self.callfile("c.call", 'Channel: PJSIP/13912345678@trunk\n'
                          'CallerID: "Private" <anonymous>\nExtension: s\n')
        r = self.audit(p, profile="cn")
        cfg = self.config(r, "caller-id")
        self.assertEqual([(f["location"]["line"], f["actual"]) for f in cfg], [(2, "withheld")])
        ev = self.events(r, "caller-id")
        self.assertEqual(len(ev), 1)
        self.assertEqual(ev[0]["actual"], "1 of 1 calls")
        self.assertIn("withheld", ev[0]["message"])

    def test_none_presented(self):
        p = self.callfile("n.call", "Channel: PJSIP/13912345678@trunk\nExtension: s\n")
        r = self.audit(p, profile="cn")
        self.assertEqual([f["actual"] for f in self.config(r, "caller-id")], ["none"])
        self.assertIn("no caller ID", self.events(r, "caller-id")[0]["message"])


class RetryAfterAbandon(CallFileCase):
    def test_no_recall_finding_from_retrytime(self):
        # RetryTime applies to unanswered attempts; an abandoned call was answered,
        # which ends the call file, so a 60 s RetryTime is no recall after abandon
        p = self.callfile("r.call", "Channel: SIP/t/7700900123\nRetryTime: 60\nMaxRetries: 1\n"
                          "Extension: s\n")
        r = self.audit(p, profile="uk")
        self.assertEqual(self.config(r, "recall-after-abandon"), [])


class BadInput(CallFileCase):
    def test_named_malformed_file_is_exit_2_at_its_line(self):
        p = self.callfile("bad.call", "Channel: SIP/t/3055551212\nMaxRetries 2\nExtension: s\n")
        self.assert_error(run("config", p, "-p", "us"), p + ":2:", "no ':'")

    def test_scan_stops_at_a_malformed_file_naming_it(self):
        self.callfile("spool/good.call", "Channel: SIP/t/3055551212\nExtension: s\n")
        p = self.callfile("spool/bad.call", "Channel: SIP/t/3055551212\nWaitTime: soon\n"
                          "Extension: s\n")
        res = run("scan", os.path.join(self.tmp, "spool"), "-p", "us")
        self.assert_error(res, p + ":2:", "WaitTime")

    def test_device_channel_is_a_rejected_row(self):
        p = self.callfile("dev.call", "Channel: DAHDI/1\nExtension: s\n")
        r = self.audit(p, profile="us")
        inp = [i for i in r["inputs"] if i["path"] == p][0]
        self.assertEqual((inp["rows"], inp["parsed"], inp["rejected"]), (1, 0, 1))
        self.assertEqual(inp["rejected_examples"][0]["line"], 1)
        self.assertIn("not a dialled number", inp["rejected_examples"][0]["reason"])
        rej = [f for f in r["findings"] if f["rule"] == "input-rejected"]
        self.assertEqual([(f["location"], f["actual"]) for f in rej],
                         [({"path": p, "line": 1}, "1 of 1 rows rejected")])

    def test_not_a_call_log(self):
        p = self.callfile("x.call", "Channel: SIP/t/3055551212\nExtension: s\n")
        self.assertEqual(run("logs", p, "-p", "us").rc, 2)


class RealSample(CallFileCase):
    def test_asterisk_sample_call_reads(self):
        # copied from asterisk/asterisk (tests/data/real/SOURCES.md); its Channel
        # is DAHDI/1, a line and no number: one row, rejected, with its reason
        p = os.path.join(self.tmp, "sample.call")
        shutil.copy(REAL_SAMPLE, p)
        os.utime(p, (TUESDAY_10, TUESDAY_10))
        res = run("config", p, "-p", "us", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        r = res.json()
        inp = r["inputs"][0]
        self.assertEqual((inp["format"], inp["status"]), ("asterisk-callfile", "read"))
        self.assertEqual(inp["rows"], inp["parsed"] + inp["rejected"])
        self.assertEqual((inp["rows"], inp["rejected"]), (1, 1))
        self.assertEqual(inp["rejected_examples"][0]["line"], 16)
        # MaxRetries 2, RetryTime 60, WaitTime 30 from the sample
        ring = self.config(r, "ring-time")
        self.assertEqual(ring, [])


class Samples(CallFileCase):
    def test_samples_spool_reads(self):
        spool = os.path.join(ROOT, "samples", "asterisk")
        res = run("scan", spool, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        r = res.json()
        files = [i for i in r["inputs"] if i["format"] == "asterisk-callfile"]
        self.assertGreaterEqual(len(files), 4)
        for i in files:
            self.assertEqual(i["rows"], i["parsed"] + i["rejected"], i)


if __name__ == "__main__":
    unittest.main()
