"""Every call-log rule at its exact boundary, through the real binary.

Logs are generated as real Asterisk cdr_csv rows (dialaudit_test.cdr); times
are Beijing local unless a test says otherwise.
"""
import io
import os
import unittest

from dialaudit_test import DATA, CliTestCase, cdr, run

STRICT = os.path.join(DATA, "profiles", "strict.cfg")
NY = os.path.join(DATA, "profiles", "ny.cfg")
TWO = os.path.join(DATA, "profiles", "us-two-zones.cfg")
M1 = "13912345678"
M2 = "13800000002"


class LogCase(CliTestCase):
    def logs(self, rows, *args, profile=STRICT, tz="Asia/Shanghai", name="Master.csv"):
        path = self.write(name, "".join(rows))
        self.log_path = path
        return self.logs_with_details(path, *args, profile=profile, tz=tz)

    def flagged(self, report, rule):
        """Lines of the log flagged for rule, from the details CSV."""
        return sorted(int(d["line"]) for d in self.details if d["rule"] == rule)


class CallingHours(LogCase):
    def test_boundaries_in_beijing(self):
        rows = [cdr(M1, "2026-03-10 07:59:59"), cdr(M1, "2026-03-10 08:00:00"),
                cdr(M2, "2026-03-10 20:59:59"), cdr(M2, "2026-03-10 21:00:00"),
                cdr("13700000003", "2026-03-10 23:59:59"), cdr("13600000004", "2026-03-11 00:00:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "calling-hours"), [1, 4, 5, 6])

    def test_log_written_in_utc(self):
        # 12:59:59 UTC is 20:59:59 in Beijing; 13:00:00 UTC is 21:00:00
        rows = [cdr(M1, "2026-03-10 12:59:59"), cdr(M2, "2026-03-10 13:00:00")]
        r = self.logs(rows, tz="UTC")
        self.assertEqual(self.flagged(r, "calling-hours"), [2])
        local = [d["local_time"] for d in self.details if d["rule"] == "calling-hours"]
        self.assertEqual(local, ["2026-03-10 21:00:00+08:00"])

    def test_spring_forward_in_new_york(self):
        # 2026-03-08: clocks go 02:00 EST -> 03:00 EDT; 08:00 EDT is 12:00 UTC
        rows = [cdr("2125550101", "2026-03-08 11:59:59"), cdr("2125550102", "2026-03-08 12:00:00"),
                cdr("2125550103", "2026-03-07 12:59:59"), cdr("2125550104", "2026-03-07 13:00:00")]
        r = self.logs(rows, profile=NY, tz="UTC")
        self.assertEqual(self.flagged(r, "calling-hours"), [1, 3])

    def test_fall_back_in_new_york(self):
        # 2026-11-01: clocks go 02:00 EDT -> 01:00 EST; 08:00 EST is 13:00 UTC
        rows = [cdr("2125550101", "2026-11-01 12:59:59"), cdr("2125550102", "2026-11-01 13:00:00"),
                cdr("2125550103", "2026-10-31 12:00:00"), cdr("2125550104", "2026-11-02 00:59:59"),
                cdr("2125550105", "2026-11-02 01:00:00")]
        r = self.logs(rows, profile=NY, tz="UTC")
        # 00:59:59 UTC on Nov 2 is 19:59:59 EST (allowed); 2026-11-02 01:00 UTC is 20:00 EST
        self.assertEqual(self.flagged(r, "calling-hours"), [1])

    def test_ambiguous_zone_must_fit_every_zone(self):
        # 310 is not in the zone map: New York or Los Angeles. 08:30 in New York is
        # 05:30 in Los Angeles; 212 is New York only.
        rows = [cdr("3105550101", "2026-06-10 12:30:00"), cdr("2125550102", "2026-06-10 12:30:00"),
                cdr("3105550103", "2026-06-10 16:00:00")]
        r = self.logs(rows, profile=TWO, tz="UTC")
        self.assertEqual(self.flagged(r, "calling-hours"), [1])


class Frequency(LogCase):
    def test_rolling_five_minutes(self):
        # window is (start - 300 s, start]: at +299 s four calls count, at +300 s three
        rows = [cdr(M1, "2026-03-10 10:00:00"), cdr(M1, "2026-03-10 10:01:40"),
                cdr(M1, "2026-03-10 10:03:20"), cdr(M1, "2026-03-10 10:04:59"),
                cdr(M2, "2026-03-10 10:00:00"), cdr(M2, "2026-03-10 10:01:40"),
                cdr(M2, "2026-03-10 10:03:20"), cdr(M2, "2026-03-10 10:05:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "call-frequency"), [4])

    def test_every_excess_call_is_flagged(self):
        rows = [cdr(M1, f"2026-03-10 {9 + i:02d}:00:00") for i in range(7)]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "call-frequency"), [6, 7])
        f = [x for x in r["findings"] if x["rule"] == "call-frequency"][0]
        self.assertEqual(f["actual"], "2 of 7 calls")

    def test_rolling_24_hours_edge(self):
        # five calls, then the sixth exactly 24 h after the first: the first is out
        rows = [cdr(M1, f"2026-03-10 {9 + i:02d}:00:00") for i in range(5)]
        rows.append(cdr(M1, "2026-03-11 09:00:00"))
        rows.append(cdr(M1, "2026-03-11 09:59:59"))
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "call-frequency"), [7])

    def test_calendar_day_uses_local_midnight(self):
        # ny profile: at most 2 calls per New York calendar day
        rows = [cdr("2125550101", "2026-06-10 13:00:00"), cdr("2125550101", "2026-06-10 20:00:00"),
                cdr("2125550101", "2026-06-11 03:59:59"),   # 23:59:59 EDT, same local day
                cdr("2125550101", "2026-06-11 04:00:00")]   # 00:00:00 EDT, next day
        r = self.logs(rows, profile=NY, tz="UTC")
        self.assertEqual(self.flagged(r, "call-frequency"), [3])

    def test_rows_of_one_call_count_once(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", linkedid="L1"),
                cdr(M1, "2026-03-10 10:00:00", linkedid="L1"),
                cdr(M1, "2026-03-10 10:01:00", linkedid="L2"),
                cdr(M1, "2026-03-10 10:02:00", linkedid="L3")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "call-frequency"), [])
        self.assertEqual(r["stats"]["calls"], 3)
        self.assertEqual(r["inputs"][0]["duplicates"], 1)


class Sequences(LogCase):
    def test_recall_after_abandon(self):
        # strict: 72 h after an abandoned call
        rows = [cdr(M1, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="ABANDONED"),
                cdr(M1, "2026-03-13 09:59:59"),
                cdr(M2, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="ABANDONED"),
                cdr(M2, "2026-03-13 10:00:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "recall-after-abandon"), [2])

    def test_userfield_marks_are_whole_words(self):
        # "NO-DNC-CHECK" and "DROPBOX" mark nothing; "status=REFUSED" marks a refusal
        rows = [cdr(M1, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="NO-DNC-CHECK"),
                cdr(M1, "2026-03-10 11:00:00", answer="2026-03-10 11:00:05", userfield="DROPBOX"),
                cdr(M1, "2026-03-10 12:00:00"),
                cdr(M2, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="status=REFUSED"),
                cdr(M2, "2026-03-10 12:00:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "wait-after-refusal"), [5])
        self.assertEqual(self.flagged(r, "recall-after-abandon"), [])

    def test_wait_after_refusal_forever(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="REFUSED"),
                cdr(M1, "2026-09-10 10:00:00"), cdr(M2, "2026-03-10 10:00:00"),
                cdr(M2, "2026-03-11 10:00:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "wait-after-refusal"), [2])


class Lists(LogCase):
    def test_dnc(self):
        dnc = self.write("dnc.txt", "number\n+86 139 1234 5678\nnot a number\n")
        rows = [cdr(M1, "2026-03-10 10:00:00"), cdr(M2, "2026-03-10 10:00:00")]
        r = self.logs(rows, "--dnc", dnc)
        self.assertEqual(self.flagged(r, "dnc-list"), [1])
        lst = [i for i in r["inputs"] if i["kind"] == "number-list"][0]
        self.assertEqual((lst["rows"], lst["parsed"], lst["rejected"]), (2, 1, 1))
        self.assertEqual(lst["rejected_examples"], [{"line": 3, "reason": "no phone number in the row"}])
        rej = [f for f in r["findings"] if f["rule"] == "input-rejected"]
        self.assertEqual([(f["location"]["path"], f["location"]["line"]) for f in rej], [(dnc, 3)])

    def test_dnc_header_after_a_comment(self):
        dnc = self.write("dnc.txt", "# export of 2026-03-01\nphone\n13912345678\n")
        r = self.logs([cdr(M1, "2026-03-10 10:00:00")], "--dnc", dnc)
        lst = [i for i in r["inputs"] if i["kind"] == "number-list"][0]
        self.assertEqual((lst["rows"], lst["rejected"]), (1, 0))
        self.assertEqual(self.flagged(r, "dnc-list"), [1])

    def test_consent_window(self):
        consent = self.write("consent.csv", "number,granted_at,revoked_at\n"
                             f"{M1},2026-03-10 10:00:00,2026-03-12 10:00:00\n")
        rows = [cdr(M1, "2026-03-10 09:59:59"), cdr(M1, "2026-03-10 10:00:00"),
                cdr(M1, "2026-03-12 09:59:59"), cdr(M1, "2026-03-12 10:00:00")]
        r = self.logs(rows, "--consent", consent, profile="cn")
        self.assertEqual(self.flagged(r, "consent"), [1, 4])

    def test_without_lists_the_report_says_so(self):
        r = self.logs([cdr(M1, "2026-03-10 10:00:00")])
        notes = {f["rule"] for f in r["findings"] if f["severity"] == "info"}
        self.assertEqual(notes, {"dnc-list", "consent"})


class Aggregates(LogCase):
    def abandon_rows(self, abandoned, answered=100):
        rows = []
        for i in range(answered):
            num = f"1390000{i:04d}"
            user = "ABANDONED" if i < abandoned else ""
            rows.append(cdr(num, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05",
                            userfield=user, account="promo"))
        return rows

    def test_abandon_rate_boundary(self):
        r = self.logs(self.abandon_rows(3))
        self.assertEqual([f for f in r["findings"] if f["rule"] == "abandon-rate"], [])
        r = self.logs(self.abandon_rows(4))
        ab = [f for f in r["findings"] if f["rule"] == "abandon-rate"]
        self.assertEqual(len(ab), 1)
        self.assertEqual(ab[0]["campaign"], "promo")
        self.assertIn("4.00%", ab[0]["actual"])

    def test_capacity_peak(self):
        # distinct caller numbers, so cn's one-call-per-caller-number limit stays quiet
        rows = [cdr(M1, "2026-03-10 10:00:00", duration=60, src="057188001201"),
                cdr(M2, "2026-03-10 10:00:30", duration=60, src="057188001202"),
                cdr("13700000003", "2026-03-10 10:00:59", duration=60, src="057188001203"),
                cdr("13600000004", "2026-03-10 10:02:00", duration=60, src="057188001204")]
        r = self.logs(rows, "--capacity", "2")
        peak = [f for f in r["findings"] if f["rule"] == "capacity" and f["key"] == "capacity/peak"]
        self.assertEqual(len(peak), 1)
        self.assertEqual(peak[0]["actual"], "peak of 3")
        self.assertEqual(self.flagged(r, "capacity"), [3])

    def test_capacity_back_to_back_calls_do_not_overlap(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", duration=60), cdr(M2, "2026-03-10 10:01:00", duration=60)]
        r = self.logs(rows, "--capacity", "1")  # same caller number too: per-number limit 1
        self.assertEqual(self.flagged(r, "capacity"), [])


class PerCall(LogCase):
    def test_ring_time(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", duration=14),
                cdr(M2, "2026-03-10 10:00:00", duration=15),
                cdr("13700000003", "2026-03-10 10:00:00", duration=3, disposition="BUSY")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "ring-time"), [1])

    def test_caller_id(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", src="anonymous"),
                cdr(M2, "2026-03-10 10:00:00", src="057188001201")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "caller-id"), [1])

    def test_blocked_destination(self):
        rows = [cdr("110", "2026-03-10 10:00:00"), cdr(M2, "2026-03-10 10:00:00")]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "blocked-destination"), [1])

    def test_numbers_masked_in_details(self):
        self.logs([cdr(M1, "2026-03-10 22:00:00")])
        self.assertEqual(self.details[0]["number"], "+86 139******78")
        self.logs([cdr(M1, "2026-03-10 22:00:00")], "--show-numbers")
        self.assertEqual(self.details[0]["number"], "+8613912345678")


class BadRows(LogCase):
    def test_every_row_parsed_or_rejected(self):
        good = cdr(M1, "2026-03-10 10:00:00")
        rows = ["\ufeff" + good,                                   # 1 BOM
                cdr(M2, "2026-03-10 10:00:00").replace("\n", "\r\n"),  # 2 CRLF
                '"a","b","c"\n',                                   # 3 wrong columns
                cdr(M1, "2026-02-27 10:00:00").replace("2026-02-27", "2026-02-30"),  # 4 bad date
                cdr("1391234x678", "2026-03-10 10:00:00"),         # 5 letters
                "\n",                                              # 6 blank line: not a row
                good.replace('"camp"', '"ca\x00mp"'),              # 7 NUL byte
                good,                                              # 8 good
                '"unterminated,' + good]                           # 9 open quote to EOF
        r = self.logs(rows)
        inp = r["inputs"][0]
        self.assertEqual(inp["rows"], inp["parsed"] + inp["rejected"])
        self.assertEqual(inp["parsed"], 3)
        reasons = {e["line"]: e["reason"] for e in inp["rejected_examples"]}
        self.assertIn("column", reasons[3])
        self.assertIn("impossible", reasons[4])
        self.assertIn("not a number", reasons[5])
        rej = [f for f in r["findings"] if f["rule"] == "input-rejected"]
        self.assertEqual(len(rej), 1)
        self.assertEqual(rej[0]["location"]["line"], 3)

    def test_quoted_newline_keeps_physical_lines(self):
        rows = [cdr(M1, "2026-03-10 10:00:00", account="multi\nline"),
                cdr(M2, "2026-03-10 22:00:00")]
        r = self.logs(rows)
        self.assertEqual(r["inputs"][0]["parsed"], 2)
        self.assertEqual(self.flagged(r, "calling-hours"), [3])

    def test_open_quote_does_not_swallow_later_rows(self):
        rows = ['"x,"broken\n', cdr(M1, "2026-03-10 10:00:00"), cdr(M2, "2026-03-10 22:00:00")]
        r = self.logs(rows)
        inp = r["inputs"][0]
        self.assertEqual((inp["rows"], inp["parsed"], inp["rejected"]), (3, 2, 1))
        self.assertEqual(self.flagged(r, "calling-hours"), [3])

    def test_empty_log(self):
        r = self.logs([])
        self.assertEqual(r["inputs"][0]["rows"], 0)

    def test_not_a_log(self):
        path = self.write("notes.csv", "hello,world\n")
        res = run("logs", path, "-p", "cn")
        self.assertEqual(res.rc, 2)
        self.assertIn("notes.csv", res.err)


VOLUME = os.path.join(DATA, "profiles", "volume.cfg")


class CallerUse(LogCase):
    def test_volume_per_hour_boundary(self):
        # 3 calls in the 10:00 hour are allowed, a 4th is not; 11:00 starts afresh
        rows = [cdr(f"1390000000{i}", f"2026-03-10 10:{10 * i:02d}:00", duration=5) for i in range(3)]
        rows += [cdr("13900000009", "2026-03-10 11:00:00", duration=5)]
        r = self.logs(rows, profile=VOLUME)
        self.assertEqual([f for f in r["findings"] if f["rule"] == "call-volume"], [])
        rows.append(cdr("13900000008", "2026-03-10 10:59:59", duration=5))
        r = self.logs(rows, profile=VOLUME)
        vol = [f for f in r["findings"] if f["rule"] == "call-volume"]
        self.assertEqual([f["key"] for f in vol], ["volume/hour"])
        self.assertEqual(vol[0]["actual"], "4 calls in 2026-03-10 10:00")

    def test_volume_per_day(self):
        rows = [cdr(f"1390000000{i}", f"2026-03-10 {9 + i:02d}:00:00", duration=5) for i in range(6)]
        r = self.logs(rows, profile=VOLUME)
        vol = [f for f in r["findings"] if f["rule"] == "call-volume"]
        self.assertEqual([f["key"] for f in vol], ["volume/day"])
        self.assertEqual(vol[0]["actual"], "6 calls in 2026-03-10")

    def short(self, talks):
        rows = []
        for i, talk in enumerate(talks):
            start = f"2026-03-10 {9 + i:02d}:00:00"
            rows.append(cdr(f"1390000001{i}", start, answer=f"2026-03-10 {9 + i:02d}:00:05",
                            end=f"2026-03-10 {9 + i:02d}:00:{5 + talk:02d}"))
        return self.logs(rows, profile=VOLUME)

    def test_short_calls_share_boundary(self):
        # talk under 6 s is short; 2 of 4 (50 %) is allowed, 3 of 4 is not
        r = self.short([1, 5, 6, 30])
        self.assertEqual([f for f in r["findings"] if f["rule"] == "short-calls"], [])
        r = self.short([1, 5, 5, 30])
        sc = [f for f in r["findings"] if f["rule"] == "short-calls"]
        self.assertEqual(len(sc), 1)
        self.assertEqual(sc[0]["actual"], "75.0% (3 of 4)")

    def test_short_calls_need_enough_answered(self):
        r = self.short([1, 1, 1])
        self.assertEqual([f for f in r["findings"] if f["rule"] == "short-calls"], [])


class PerCallerNumber(LogCase):
    def test_one_call_at_a_time_per_caller_number(self):
        # cn: 1 concurrent call per caller number
        rows = [cdr(M1, "2026-03-10 10:00:00", duration=60, src="057188001201"),
                cdr(M2, "2026-03-10 10:00:59", duration=60, src="057188001201"),
                cdr("13700000003", "2026-03-10 10:00:30", duration=60, src="057188001202"),
                cdr("13600000004", "2026-03-10 10:02:00", duration=60, src="057188001201")]
        r = self.logs(rows, profile="cn")
        self.assertEqual(self.flagged(r, "capacity"), [2])


if __name__ == "__main__":
    unittest.main()


class AsteriskLayouts(LogCase):
    """Every cdr_csv column variant (cdr.conf options), cdr_custom with a header,
    and the legacy cdr_custom layout: the same calls read the same way."""

    BASE = ['"camp"', '"057188001201"', '"13912345678"', '"out"', '"""S"" <1>"',
            '"PJSIP/t-1"', '""', '"Dial"', '"PJSIP/13912345678@t,30"']

    def row(self, start, extra):
        end = start[:-2] + "30"
        return ",".join(self.BASE + [f'"{start}"', "", f'"{end}"', "30", "0", '"NO ANSWER"',
                                     '"DOCUMENTATION"'] + extra) + "\n"

    def test_column_variants(self):
        uid = '"1773014400.1"'
        variants = {
            16: [],
            17: [uid],                      # uniqueid (looks like epoch.seq)
            18: [uid, '"REFUSED"'],         # uniqueid, userfield
            19: ['""', uid, "1"],           # peeraccount, linkedid, sequence
            20: ['"REFUSED"', '""', uid, "1"],
            21: [uid, '"REFUSED"', '""', uid, "1"],
        }
        for cols, extra in variants.items():
            with self.subTest(columns=cols):
                rows = [self.row("2026-03-10 22:00:00", extra)]
                r = self.logs(rows)
                inp = r["inputs"][0]
                self.assertEqual((inp["rows"], inp["parsed"]), (1, 1), inp)
                self.assertEqual(self.flagged(r, "calling-hours"), [1])

    def test_17_columns_with_a_userfield(self):
        # column 17 is a userfield when it does not look like a uniqueid
        rows = [self.row("2026-03-10 10:00:00", ['"REFUSED"']),
                self.row("2026-03-11 10:00:00", ['"x"'])]
        r = self.logs(rows)
        self.assertEqual(self.flagged(r, "wait-after-refusal"), [2])

    def test_cdr_custom_with_header(self):
        text = ("accountcode,src,dst,start,answer,end,duration,billsec,disposition,uniqueid\n"
                "camp,057188001201,13912345678,2026-03-10 20:59:59,,2026-03-10 21:00:29,30,0,"
                "NO ANSWER,1.1\n"
                "camp,057188001201,13912345679,2026-03-10 21:00:00,,2026-03-10 21:00:30,30,0,"
                "NO ANSWER,1.2\n")
        r = self.logs([text], name="custom.csv")
        self.assertEqual(r["inputs"][0]["format"], "asterisk-cdr")
        self.assertEqual(r["inputs"][0]["parsed"], 2)
        self.assertEqual(self.flagged(r, "calling-hours"), [3])

    def test_legacy_custom_layout(self):
        # clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer,
        # end, duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield, seq
        row = ('"""S"" <1>","057188001201","13912345678","out","PJSIP/t-1","","Dial",'
               '"PJSIP/1@t","2026-03-10 22:00:00","","2026-03-10 22:00:30","30","0",'
               '"NO ANSWER","DOCUMENTATION","legacy","1.1","",1\n')
        r = self.logs([row])
        self.assertEqual(r["inputs"][0]["parsed"], 1)
        self.assertEqual(r["stats"]["calls_per_campaign"], {"legacy": 1})
        self.assertEqual(self.flagged(r, "calling-hours"), [1])
