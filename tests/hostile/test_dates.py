"""Dates at the edges: 1900, 2100, impossible dates, epoch seconds past 2099,
and wall times inside daylight-saving gaps and overlaps."""
import datetime as dt
import unittest
from zoneinfo import ZoneInfo

from hostile import HostileCase, campaign_file, row, run

OUTSIDE = "date outside 1970-2099"
IMPOSSIBLE = "impossible date or time"


def at(start, dst="13912345678"):
    """A row whose start is written as given (a quoted date, or bare epoch
    seconds), with a duration and no end."""
    r = row(dst=dst, start="2026-03-10 10:00:00", duration=30)
    return r.replace(b'"2026-03-10 10:00:00"', start.encode(), 1).replace(
        b'"2026-03-10 10:00:30"', b"", 1)


def utc(local, zone):
    """local 'YYYY-MM-DD HH:MM:SS' in zone as dialaudit reads it: a time that
    never occurred with the offset before the change, a time that occurred
    twice as the earlier instant (fold=0 in both cases, as zoneinfo does)."""
    t = dt.datetime.strptime(local, "%Y-%m-%d %H:%M:%S").replace(tzinfo=ZoneInfo(zone), fold=0)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Dates(HostileCase):
    def test_years_and_impossible_dates_are_rejected_rows(self):
        rows = [at('"1900-01-01 10:00:00"'), at('"2100-01-01 00:00:00"'),
                at('"2026-02-30 10:00:00"'), at('"2025-02-29 10:00:00"'),
                at('"2026-04-31 10:00:00"'), at('"2026-03-10 24:00:00"'),
                at('"0000-00-00 00:00:00"'), at('"9999-12-31 23:59:59"'),
                at("4102444800"), at("99999999999"),           # 2100-01-01, year 5138
                at('"2024-02-29 10:00:00"'), at('"2099-12-31 10:00:00"'),
                at('"1970-01-01 10:00:00"'), at("4102444799")]  # 2099-12-31 23:59:59Z
        path = self.write_bytes("dates.csv", b"".join(rows))
        res = run("logs", path, "-p", "cn", "-f", "json")
        bad = self.assert_counted(res, rows=14, parsed=4, rejected=10)
        self.assertEqual(bad, {1: OUTSIDE, 2: OUTSIDE, 3: IMPOSSIBLE, 4: IMPOSSIBLE, 5: IMPOSSIBLE})
        log = self.log_input(res.json())
        self.assertEqual(log["last_call"], "2099-12-31T23:59:59Z")
        # the report keeps five examples: the rest, one file each
        for n, why in ((6, IMPOSSIBLE), (7, IMPOSSIBLE), (8, OUTSIDE)):
            one = self.write_bytes(f"d{n}.csv", row() + rows[n - 1])
            self.assertEqual(self.assert_counted(run("logs", one, "-p", "cn", "-f", "json"),
                                                 rows=2, parsed=1), {2: why})

    def test_epoch_past_2099_rejected_alone(self):
        # before the fix, epoch seconds skipped the 1970-2099 check
        path = self.write_bytes("e.csv", at("4102444800") + at("99999999999"))
        bad = self.assert_counted(run("logs", path, "-p", "cn", "-f", "json",
                                      "--log-format", "asterisk"), rows=2, parsed=0, rejected=2)
        self.assertEqual(bad, {1: OUTSIDE, 2: OUTSIDE})

    def check_zone(self, profile, zone, dst, local):
        path = self.write_bytes("z.csv", at(f'"{local}"', dst=dst))
        res = run("logs", path, "-p", profile, "--log-tz", zone, "-f", "json")
        self.assert_counted(res, rows=1, parsed=1, rejected=0)
        self.assertEqual(self.log_input(res.json())["first_call"], utc(local, zone), local)

    def test_dst_gap_and_overlap(self):
        ny = ("us", "America/New_York", "+12125550123")
        for local in ("2026-03-08 02:30:00",   # never happened: clocks went 02:00 -> 03:00
                      "2026-03-08 01:59:59", "2026-03-08 03:00:00",
                      "2026-11-01 01:30:00",   # happened twice
                      "2026-11-01 00:59:59", "2026-11-01 02:00:00"):
            self.check_zone(*ny, local)
        # half-hour daylight saving (Lord Howe Island): gap 02:00 -> 02:30, overlap 01:30-02:00
        lh = ("au", "Australia/Lord_Howe", "+61291234567")
        for local in ("2026-10-04 02:15:00", "2026-04-05 01:45:00"):
            self.check_zone(*lh, local)
        # London: gap 01:00 -> 02:00, overlap 01:00-02:00
        uk = ("uk", "Europe/London", "+442071234567")
        for local in ("2026-03-29 01:30:00", "2026-10-25 01:30:00"):
            self.check_zone(*uk, local)

    def test_consent_times_at_the_edges(self):
        consent = self.write("c.csv", "number,granted_at,revoked_at\n"
                             "13912345678,2026-02-30 00:00:00,\n"
                             "13912345679,1900-01-01 00:00:00,\n"
                             "13912345670,2026-01-01 00:00:00,2100-01-01 00:00:00\n"
                             "13912345671,2026-01-01 00:00:00,\n")
        res = run("logs", self.write_bytes("l.csv", row()), "-p", "cn", "--consent", consent,
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        lst = [i for i in res.json()["inputs"] if i["path"] == consent][0]
        self.assertEqual((lst["rows"], lst["parsed"], lst["rejected"]), (4, 1, 3))

    def test_today_at_the_edges(self):
        # --today is the audit date: any real date is taken, an impossible one is an error
        cfg = self.write("c.cfg", campaign_file())
        for today in ("1900-01-01", "2100-01-01", "9999-12-31"):
            res = run("config", cfg, "-p", "cn", "--today", today)
            self.assertIn(res.rc, (0, 1), res.err)
        for today in ("2026-02-30", "2026-13-01", "2025-02-29"):
            res = run("config", cfg, "-p", "cn", "--today", today)
            self.assertEqual((res.rc, res.out), (2, ""))
            self.assertEqual(len(res.err.splitlines()), 2, res.err)  # the error, then "Try …"
            self.assertIn(f"--today '{today}'", res.err)

if __name__ == "__main__":
    unittest.main()
