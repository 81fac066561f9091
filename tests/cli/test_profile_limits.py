"""Every limit of the built-in profiles at its boundary, through the real binary:
the allowed case passes and the next one is flagged. Zone and DST cases use logs
written in UTC, so that the local time is the profile's doing, not the log's.
"""
import os
import unittest

import json

from dialaudit_test import CliTestCase, campaign_file, cdr, run


class ProfileCase(CliTestCase):
    profile = None
    tz = None

    def logs(self, rows, *args, tz=None, profile=None):
        path = self.write("Master.csv", "".join(rows))
        return self.logs_with_details(path, *args, profile=profile or self.profile,
                                      tz=tz or self.tz)

    def flagged(self, rule):
        return sorted(int(d["line"]) for d in self.details if d["rule"] == rule)


# ---------------------------------------------------------------------- France

FR1, FR2, FR3 = "0612345678", "0698765432", "0145678901"
FR_CLI = "0162000001"  # an Arcep prospecting range


class France(ProfileCase):
    profile = "fr"
    tz = "Europe/Paris"

    def test_weekday_windows_and_lunch_break(self):
        # Tuesday 2026-03-10
        times = ["09:59:59", "10:00:00", "12:59:59", "13:00:00", "13:59:59", "14:00:00",
                 "19:59:59", "20:00:00"]
        rows = [cdr(FR1 if i % 2 else FR2, f"2026-03-10 {t}", src=FR_CLI) for i, t in enumerate(times)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4, 5, 8])

    def test_no_weekend_and_no_public_holiday(self):
        rows = [cdr(FR1, "2026-03-14 11:00:00", src=FR_CLI),  # Saturday
                cdr(FR1, "2026-03-15 11:00:00", src=FR_CLI),  # Sunday
                cdr(FR2, "2026-05-01 11:00:00", src=FR_CLI),  # Fête du travail, a Friday
                cdr(FR2, "2026-05-04 11:00:00", src=FR_CLI),  # the Monday after: allowed
                cdr(FR3, "2026-05-14 11:00:00", src=FR_CLI),  # Ascension (Easter + 39)
                cdr(FR3, "2026-05-25 11:00:00", src=FR_CLI)]  # Whit Monday (Easter + 50)
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 2, 3, 5, 6])

    def test_paris_time_across_the_spring_change(self):
        # 2026-03-29: 02:00 CET -> 03:00 CEST. 10:00 local is 09:00 UTC before, 08:00 UTC after.
        rows = [cdr(FR1, "2026-03-27 08:59:59", src=FR_CLI), cdr(FR1, "2026-03-27 09:00:00", src=FR_CLI),
                cdr(FR2, "2026-03-30 07:59:59", src=FR_CLI), cdr(FR2, "2026-03-30 08:00:00", src=FR_CLI)]
        self.logs(rows, tz="UTC")
        self.assertEqual(self.flagged("calling-hours"), [1, 3])

    def test_four_attempts_in_thirty_calendar_days(self):
        # days are the consumer's calendar days, the call's own and the 29 before it:
        # neither the time of day nor the clock change of 2026-03-29 moves the edge
        rows = [cdr(FR1, f"2026-03-{d:02d} 11:00:00", src=FR_CLI) for d in (2, 9, 16, 23)]
        rows.append(cdr(FR1, "2026-03-31 19:59:59", src=FR_CLI))  # day 30 from the 1st: 5th
        rows += [cdr(FR2, f"2026-03-{d:02d} 11:00:00", src=FR_CLI) for d in (2, 9, 16, 23)]
        rows.append(cdr(FR2, "2026-04-01 10:00:00", src=FR_CLI))  # day 31: the 1st has left,
        # although a rolling 30 x 24 h window would still hold it
        self.logs(rows)
        self.assertEqual(self.flagged("call-frequency"), [5])
        reasons = [d["reason"] for d in self.details if d["rule"] == "call-frequency"]
        self.assertEqual(reasons, ["call 5 to this number within 30 consecutive local days (limit 4)"])

    def test_sixty_days_after_a_refusal(self):
        rows = [cdr(FR1, "2026-04-07 11:00:00", answer="2026-04-07 11:00:05", userfield="REFUSED",
                    src=FR_CLI),
                cdr(FR1, "2026-06-05 11:00:00", src=FR_CLI),   # day 59
                cdr(FR1, "2026-06-06 10:59:59", src=FR_CLI),   # 60 days less a second
                cdr(FR2, "2026-04-07 11:00:00", answer="2026-04-07 11:00:05", userfield="REFUSED",
                    src=FR_CLI),
                cdr(FR2, "2026-06-06 11:00:00", src=FR_CLI)]   # exactly 60 days on
        self.logs(rows)
        self.assertEqual(self.flagged("wait-after-refusal"), [2, 3])

    def test_arcep_caller_number_ranges(self):
        rows = [cdr(FR1, "2026-03-10 11:00:00", src="0162000001"),
                cdr(FR1, "2026-03-11 11:00:00", src="0949123456"),
                cdr(FR1, "2026-03-12 11:00:00", src="0947512345"),
                cdr(FR2, "2026-03-10 11:00:00", src="0612345678"),   # a mobile: forbidden
                cdr(FR2, "2026-03-11 11:00:00", src="0145678901"),   # geographic: not allowed
                cdr(FR3, "2026-03-10 11:00:00", src="0947412345")]   # 09474: outside 09475-09479
        self.logs(rows)
        self.assertEqual(self.flagged("caller-id"), [4, 5, 6])

    def test_calendar_expired_after_its_last_day(self):
        rows = [cdr(FR1, "2027-12-31 11:00:00", src=FR_CLI),   # Friday, last day covered
                cdr(FR2, "2028-01-03 11:00:00", src=FR_CLI),   # Monday, not covered
                cdr(FR3, "2023-12-29 11:00:00", src=FR_CLI)]   # before the first day
        r = self.logs(rows)
        self.assertEqual(self.flagged("calendar-expired"), [2, 3])
        self.assertEqual(self.flagged("calling-hours"), [])
        reasons = {int(d["line"]): d["reason"] for d in self.details if d["rule"] == "calendar-expired"}
        self.assertIn("after the last day of the holiday calendar 'fr' (2027-12-31)", reasons[2])
        self.assertIn("before the first day of the holiday calendar 'fr' (2024-01-01)", reasons[3])
        self.assertEqual(len(self.findings(r, "calendar-expired")), 1)


# -------------------------------------------------------------- United Kingdom

UK1, UK2 = "07700900001", "07700900002"
UK_CLI = "02079460000"


class UnitedKingdom(ProfileCase):
    profile = "uk"
    tz = "Europe/London"

    def test_no_statutory_calling_hours(self):
        r = self.logs([cdr(UK1, "2026-03-15 03:00:00", src=UK_CLI)])  # a Sunday, at night
        self.assertEqual(self.flagged("calling-hours"), [])
        self.assertEqual(self.findings(r, "calling-hours"), [])

    def abandon_day(self, abandoned, day="2026-03-10"):
        rows = []
        for i in range(100):
            t = f"{day} {9 + i // 12:02d}:{(i % 12) * 5:02d}:00"
            rows.append(cdr(f"0770090{i:04d}", t, answer=t[:-2] + "05", src=UK_CLI,
                            userfield="ABANDONED" if i < abandoned else ""))
        return rows

    def test_abandon_rate_three_percent_per_day(self):
        r = self.logs(self.abandon_day(3))
        self.assertEqual(self.findings(r, "abandon-rate"), [])
        r = self.logs(self.abandon_day(4))
        f = self.findings(r, "abandon-rate")
        self.assertEqual(len(f), 1)
        self.assertIn("4.00%", f[0]["message"])

    def test_abandon_rate_days_run_midnight_to_midnight(self):
        # 4 % on one day and 0 % on the next would pass as one 2 % window over both:
        # days run midnight to midnight, so the clean day does not dilute the bad one
        rows = self.abandon_day(4, "2026-03-10") + self.abandon_day(0, "2026-03-11")
        r = self.logs(rows)
        self.assertEqual(len(self.findings(r, "abandon-rate")), 1)

    def test_no_recall_within_72_hours_of_an_abandoned_call(self):
        rows = [cdr(UK1, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="ABANDONED",
                    src=UK_CLI),
                cdr(UK1, "2026-03-13 09:59:59", src=UK_CLI),
                cdr(UK2, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="ABANDONED",
                    src=UK_CLI),
                cdr(UK2, "2026-03-13 10:00:00", src=UK_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("recall-after-abandon"), [2])

    def test_no_recall_within_24_hours_of_an_answering_machine(self):
        rows = [cdr(UK1, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="MACHINE",
                    src=UK_CLI),
                cdr(UK1, "2026-03-11 09:59:59", src=UK_CLI),
                cdr(UK2, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="MACHINE",
                    src=UK_CLI),
                cdr(UK2, "2026-03-11 10:00:00", src=UK_CLI),
                # a person answered: no pause at all
                cdr("07700900003", "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", src=UK_CLI),
                cdr("07700900003", "2026-03-10 10:30:00", src=UK_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("recall-after-machine"), [2])
        reasons = [d["reason"] for d in self.details if d["rule"] == "recall-after-machine"]
        self.assertEqual(reasons, ["called 23 h 59 min after an answering machine took a call to "
                                   "the same number (minimum 24 h)"])

    def test_tps_and_refusal_forever(self):
        tps = self.write("tps.txt", "07700 900001\n")
        rows = [cdr(UK1, "2026-03-10 10:00:00", src=UK_CLI),
                cdr(UK2, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="REFUSED",
                    src=UK_CLI),
                cdr(UK2, "2029-03-10 10:00:00", src=UK_CLI)]
        self.logs(rows, "--dnc", tps)
        self.assertEqual(self.flagged("dnc-list"), [1])
        self.assertEqual(self.flagged("wait-after-refusal"), [3])

    def test_caller_line_identity_presented(self):
        rows = [cdr(UK1, "2026-03-10 10:00:00", src="anonymous"),
                cdr(UK2, "2026-03-10 10:00:00", src=UK_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("caller-id"), [1])


# --------------------------------------------------------------- United States

NYC, LA, PHX, HNL, ANC, TOLL = ("2125550101", "2135550102", "6025550103", "8085550104",
                                "9075550105", "8005550106")
US_CLI = "2125559999"


class UnitedStates(ProfileCase):
    """Callee local time by area code (zones/nanp.cfg), logs in UTC."""
    profile = "us"
    tz = "UTC"

    def test_eastern_and_pacific_by_area_code(self):
        # 2026-03-10: both on daylight time (EDT UTC-4, PDT UTC-7)
        rows = [cdr(NYC, "2026-03-10 11:59:59", src=US_CLI), cdr(NYC, "2026-03-10 12:00:00", src=US_CLI),
                cdr(NYC, "2026-03-11 00:59:59", src=US_CLI), cdr(NYC, "2026-03-11 01:00:00", src=US_CLI),
                cdr(LA, "2026-03-10 14:59:59", src=US_CLI), cdr(LA, "2026-03-10 15:00:00", src=US_CLI),
                cdr(LA, "2026-03-11 03:59:59", src=US_CLI), cdr(LA, "2026-03-11 04:00:00", src=US_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4, 5, 8])

    def test_arizona_area_code_spans_phoenix_and_denver(self):
        # July: Phoenix stays on UTC-7, Denver is on UTC-6; a 602 call must fit both
        rows = [cdr(PHX, "2026-07-14 14:59:59", src=US_CLI), cdr(PHX, "2026-07-14 15:00:00", src=US_CLI),
                cdr(PHX, "2026-07-15 02:59:59", src=US_CLI), cdr(PHX, "2026-07-15 03:00:00", src=US_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4])

    def test_hawaii_and_alaska(self):
        # Hawaii UTC-10 all year; 907 spans Anchorage (AKDT UTC-8) and Adak (HDT UTC-9)
        rows = [cdr(HNL, "2026-07-14 17:59:59", src=US_CLI), cdr(HNL, "2026-07-14 18:00:00", src=US_CLI),
                cdr(ANC, "2026-07-14 16:59:59", src=US_CLI), cdr(ANC, "2026-07-14 17:00:00", src=US_CLI),
                cdr(ANC, "2026-07-15 04:59:59", src=US_CLI), cdr(ANC, "2026-07-15 05:00:00", src=US_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 3, 6])

    def test_number_of_no_area_must_fit_every_zone(self):
        # a toll-free number: 16:00 UTC is noon in New York but 06:00 in Honolulu
        rows = [cdr(TOLL, "2026-07-14 16:00:00", src=US_CLI), cdr(NYC, "2026-07-14 16:00:00", src=US_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1])


FL, OK_, MD, WA = "3055550101", "4055550102", "4105550103", "2065550104"


class UsStates(ProfileCase):
    """The state profiles end at 8 p.m. and (FL, OK, MD) allow 3 calls per 24 h."""

    def hours(self, profile, number, zone):
        rows = [cdr(number, "2026-03-10 19:59:59", src=US_CLI),
                cdr(number, "2026-03-10 20:00:00", src=US_CLI),
                cdr(number, "2026-03-11 07:59:59", src=US_CLI)]
        self.logs(rows, profile=profile, tz=zone)
        self.assertEqual(self.flagged("calling-hours"), [2, 3], profile)

    def test_eight_pm_in_each_state(self):
        self.hours("us-fl", FL, "America/New_York")
        self.hours("us-ok", OK_, "America/Chicago")
        self.hours("us-md", MD, "America/New_York")
        self.hours("us-wa", WA, "America/Los_Angeles")

    def test_federal_profile_still_allows_until_nine(self):
        rows = [cdr(FL, "2026-03-10 20:59:59", src=US_CLI), cdr(FL, "2026-03-10 21:00:00", src=US_CLI)]
        self.logs(rows, profile="us", tz="America/New_York")
        self.assertEqual(self.flagged("calling-hours"), [2])

    def test_three_calls_per_24_hours(self):
        for profile, number, zone in (("us-fl", FL, "America/New_York"),
                                      ("us-ok", OK_, "America/Chicago"),
                                      ("us-md", MD, "America/New_York")):
            rows = [cdr(number, t, src=US_CLI) for t in
                    ("2026-03-10 10:00:00", "2026-03-10 12:00:00", "2026-03-10 14:00:00",
                     "2026-03-11 09:59:59",    # 4th within 24 h of the 1st
                     "2026-03-11 12:00:00")]   # 24 h after the 2nd: three in the window again
            self.logs(rows, profile=profile, tz=zone)
            self.assertEqual(self.flagged("call-frequency"), [4], profile)

    def test_washington_keeps_the_federal_five_years(self):
        rows = [cdr(WA, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="REFUSED",
                    src=US_CLI),
                cdr(WA, "2027-06-10 10:00:00", src=US_CLI)]  # past WA's year, inside 5 years
        self.logs(rows, profile="us-wa", tz="America/Los_Angeles")
        self.assertEqual(self.flagged("wait-after-refusal"), [2])


# ---------------------------------------------------------------------- Canada

TOR, VAN, SK = "4165550101", "6045550102", "3065550103"
CA_CLI = "4165559999"


class Canada(ProfileCase):
    profile = "ca"
    tz = "America/Toronto"

    def test_weekday_until_half_past_nine(self):
        rows = [cdr(TOR, "2026-03-10 08:59:59", src=CA_CLI), cdr(TOR, "2026-03-10 09:00:00", src=CA_CLI),
                cdr(TOR, "2026-03-10 21:29:59", src=CA_CLI), cdr(TOR, "2026-03-10 21:30:00", src=CA_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4])

    def test_weekend_ten_to_six(self):
        rows = [cdr(TOR, "2026-03-14 09:59:59", src=CA_CLI), cdr(TOR, "2026-03-14 10:00:00", src=CA_CLI),
                cdr(TOR, "2026-03-15 17:59:59", src=CA_CLI), cdr(TOR, "2026-03-15 18:00:00", src=CA_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4])

    def test_vancouver_and_saskatchewan_in_their_own_time(self):
        # March 10: Toronto EDT (UTC-4), Vancouver PDT (UTC-7); Saskatchewan keeps UTC-6
        # all year but 306 also reaches Alberta-time Lloydminster (MDT, UTC-6 too) and
        # Manitoba-time Creighton (CDT, UTC-5)
        rows = [cdr(VAN, "2026-03-10 11:59:59", src=CA_CLI), cdr(VAN, "2026-03-10 12:00:00", src=CA_CLI),
                cdr(SK, "2026-03-10 10:59:59", src=CA_CLI), cdr(SK, "2026-03-10 11:00:00", src=CA_CLI),
                cdr(SK, "2026-03-10 22:29:59", src=CA_CLI), cdr(SK, "2026-03-10 22:30:00", src=CA_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 3, 6])


# ------------------------------------------------------------------- Australia

SYD, MEL, BNE, PER, MOB = "0298765432", "0398765432", "0798765432", "0898765432", "0412345678"
AU_CLI = "0290000000"


class Australia(ProfileCase):
    profile = "au"
    tz = "Australia/Sydney"

    def test_weekday_saturday_and_no_sunday(self):
        # June: Sydney on standard time
        rows = [cdr(SYD, "2026-06-09 08:59:59", src=AU_CLI), cdr(SYD, "2026-06-09 09:00:00", src=AU_CLI),
                cdr(SYD, "2026-06-09 19:59:59", src=AU_CLI), cdr(SYD, "2026-06-09 20:00:00", src=AU_CLI),
                cdr(SYD, "2026-06-13 16:59:59", src=AU_CLI), cdr(SYD, "2026-06-13 17:00:00", src=AU_CLI),
                cdr(SYD, "2026-06-14 12:00:00", src=AU_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4, 6, 7])

    def test_national_public_holidays(self):
        rows = [cdr(SYD, "2026-04-03 12:00:00", src=AU_CLI),   # Good Friday
                cdr(SYD, "2026-04-06 12:00:00", src=AU_CLI),   # Easter Monday
                cdr(SYD, "2026-04-07 12:00:00", src=AU_CLI),   # an ordinary Tuesday
                cdr(SYD, "2026-12-28 12:00:00", src=AU_CLI)]   # Boxing Day moved off Saturday
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 2, 4])

    def test_perth_and_brisbane_by_area_code(self):
        # June: Perth UTC+8 is two hours behind Sydney
        rows = [cdr(PER, "2026-06-09 10:59:59", src=AU_CLI), cdr(PER, "2026-06-09 11:00:00", src=AU_CLI),
                # January: Sydney on daylight time (UTC+11), Queensland not (UTC+10)
                cdr(BNE, "2026-01-13 20:30:00", src=AU_CLI), cdr(SYD, "2026-01-13 20:30:00", src=AU_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4])

    def test_mobile_must_fit_every_zone(self):
        # June: from 09:00 in Perth (11:00 Sydney) to 20:00 on Lord Howe Island
        # (UTC+10:30, 19:30 Sydney)
        rows = [cdr(MOB, "2026-06-09 10:59:59", src=AU_CLI), cdr(MOB, "2026-06-09 11:00:00", src=AU_CLI),
                cdr(MOB, "2026-06-10 19:29:59", src=AU_CLI), cdr(MOB, "2026-06-10 19:30:00", src=AU_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("calling-hours"), [1, 4])

    def test_calling_line_identity_required(self):
        rows = [cdr(SYD, "2026-06-09 12:00:00", src="anonymous"), cdr(MEL, "2026-06-09 12:00:00", src=AU_CLI)]
        self.logs(rows)
        self.assertEqual(self.flagged("caller-id"), [1])

    def test_calendar_expired(self):
        self.logs([cdr(SYD, "2027-12-30 12:00:00", src=AU_CLI), cdr(SYD, "2028-01-04 12:00:00", src=AU_CLI)])
        self.assertEqual(self.flagged("calendar-expired"), [2])


class RegulationF(ProfileCase):
    """Debt collection: 7 calls in 7 consecutive days, none on the 7 days from a conversation."""
    profile = "us-regf"
    tz = "America/New_York"

    def test_seven_calls_in_seven_consecutive_days(self):
        # Tue 2026-03-10 is day 1; days are the consumer's calendar days
        a = [cdr(NYC, f"2026-03-{d:02d} 10:00:00", src=US_CLI) for d in range(10, 17)]
        a.append(cdr(NYC, "2026-03-16 20:00:00", src=US_CLI))            # 8th on day 7
        b = [cdr(LA, f"2026-03-{d:02d} 10:00:00", src=US_CLI) for d in range(10, 17)]
        # the log is in New York time: LA's calls were at 07:00 local. The 8th, on LA's
        # day 8 at 06:30 local, is within 168 hours of the first, so a rolling window would
        # flag it; in consecutive calendar days the first has left the window
        b.append(cdr(LA, "2026-03-17 09:30:00", src=US_CLI))
        self.logs(a + b)
        self.assertEqual(self.flagged("call-frequency"), [8])

    def test_no_call_on_the_seven_days_from_a_conversation(self):
        rows = [cdr(NYC, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", duration=300),
                cdr(NYC, "2026-03-10 15:00:00"),   # same day, after the conversation: day 1
                cdr(NYC, "2026-03-16 20:59:59"),   # day 7
                cdr(NYC, "2026-03-17 08:00:00"),   # day 8: allowed
                # an unanswered call is no conversation
                cdr(LA, "2026-03-10 13:00:00"), cdr(LA, "2026-03-11 13:00:00"),
                # an abandoned call is no conversation either
                cdr(FL, "2026-03-10 10:00:00", answer="2026-03-10 10:00:05", userfield="ABANDONED"),
                cdr(FL, "2026-03-11 10:00:00")]
        self.logs(rows)
        self.assertEqual(self.flagged("wait-after-conversation"), [2, 3])
        reasons = [d["reason"] for d in self.details if d["rule"] == "wait-after-conversation"]
        self.assertEqual(reasons[1], "called on day 7 of the 7 days that start with a conversation "
                         "with the called person")


# ------------------------------------------------ the other limits, profile by profile

class EveryProfile(ProfileCase):
    """The limits the sections above do not pin, for every profile that sets them.
    Logs are in UTC at 16:00-17:00 UTC on weekdays of May 2026: inside the calling
    hours of every profile and zone used, so only the rule under test reacts."""

    tz = "UTC"
    # profile: (a number, another number, a caller ID the profile accepts)
    NUMBERS = {
        "us": ("2125550101", "2125550102", US_CLI),
        "ca": ("4165550101", "4165550102", CA_CLI),
        "uk": (UK1, UK2, UK_CLI),
        "fr": (FR1, FR2, FR_CLI),
        "au": (SYD, MEL, AU_CLI),
    }

    def numbers(self, profile):
        return self.NUMBERS[profile]

    def test_ring_time_fifteen_seconds(self):
        for profile in ("us", "uk"):
            a, b, cli = self.numbers(profile)
            rows = [cdr(a, "2026-05-12 16:00:00", duration=14, src=cli),
                    cdr(b, "2026-05-12 16:00:00", duration=15, src=cli)]
            self.logs(rows, profile=profile)
            self.assertEqual(self.flagged("ring-time"), [1], profile)

    def test_us_abandon_rate_three_percent_of_live_calls(self):
        def rows(abandoned):
            out = []
            for i in range(100):
                t = f"2026-05-12 16:{i % 60:02d}:00"
                out.append(cdr(f"212555{i:04d}", t, answer=t[:-2] + "05", src=US_CLI,
                               userfield="ABANDONED" if i < abandoned else ""))
            # unanswered calls are not in the live-answered denominator
            out += [cdr(f"213555{i:04d}", "2026-05-12 16:30:00", src=US_CLI) for i in range(50)]
            return out
        r = self.logs(rows(3), profile="us")
        self.assertEqual(self.findings(r, "abandon-rate"), [])
        r = self.logs(rows(4), profile="us")
        self.assertEqual([f["actual"] for f in self.findings(r, "abandon-rate")], ["4.00% (4 of 100)"])

    def test_do_not_call_lists(self):
        for profile in ("us", "ca", "fr", "au"):
            a, b, cli = self.numbers(profile)
            listed = self.write(f"dnc-{profile}.txt", a + "\n")
            rows = [cdr(a, "2026-05-12 16:00:00", src=cli), cdr(b, "2026-05-12 16:00:00", src=cli)]
            self.logs(rows, "--dnc", listed, profile=profile)
            self.assertEqual(self.flagged("dnc-list"), [1], profile)

    def test_wait_after_refusal_in_days(self):
        # seconds, not calendar days: a refusal at 16:00 UTC, then one second short and exactly on
        for profile, days, end in (("us", 1827, "2031-05-13"), ("ca", 1096, "2029-05-12")):
            a, b, cli = self.numbers(profile)
            rows = [cdr(a, "2026-05-12 16:00:00", answer="2026-05-12 16:00:05", userfield="REFUSED", src=cli),
                    cdr(a, f"{end} 15:59:59", src=cli),
                    cdr(b, "2026-05-12 16:00:00", answer="2026-05-12 16:00:05", userfield="REFUSED", src=cli),
                    cdr(b, f"{end} 16:00:00", src=cli)]
            self.logs(rows, profile=profile)
            self.assertEqual(self.flagged("wait-after-refusal"), [2], (profile, days))

    def test_caller_id_required(self):
        for profile in ("us", "ca"):
            a, b, cli = self.numbers(profile)
            rows = [cdr(a, "2026-05-12 16:00:00", src="anonymous"), cdr(b, "2026-05-12 16:00:00", src=cli)]
            self.logs(rows, profile=profile)
            self.assertEqual(self.flagged("caller-id"), [1], profile)

    def test_blocked_destinations(self):
        for profile, emergency in (("us", "911"), ("ca", "911"), ("uk", "999"), ("fr", "15"),
                                   ("au", "000")):
            _, b, cli = self.numbers(profile)
            rows = [cdr(emergency, "2026-05-12 16:00:00", src=cli), cdr(b, "2026-05-12 16:00:00", src=cli)]
            self.logs(rows, profile=profile)
            self.assertEqual(self.flagged("blocked-destination"), [1], profile)

    def test_consent_for_marketing(self):
        # a call of no known campaign may be marketing, so it needs a consent record
        # valid at its start
        for profile in ("us", "fr"):
            a, b, cli = self.numbers(profile)
            consent = self.write(f"consent-{profile}.csv", "number,granted_at\n"
                                 f"{a},2026-05-12 16:00:00\n")
            rows = [cdr(a, "2026-05-12 15:59:59", src=cli), cdr(a, "2026-05-12 16:00:00", src=cli),
                    cdr(b, "2026-05-12 16:00:00", src=cli)]
            self.logs(rows, "--consent", consent, profile=profile, tz="UTC")
            self.assertEqual(self.flagged("consent"), [1, 3], profile)

    def test_abandon_message_within_two_seconds(self):
        # a campaign-side limit: the abandon message must start within 2 s
        for profile in ("us", "uk"):
            for delay, flagged in ((2.0, False), (2.5, True)):
                path = self.write("campaign.cfg", campaign_file(abandon_message_delay=delay))
                res = run("config", path, "-p", profile, "-f", "json", "--today", "2026-11-28")
                self.assertIn(res.rc, (0, 1), res.err)
                rules = [f["rule"] for f in json.loads(res.out)["findings"]]
                self.assertEqual("abandon-message" in rules, flagged, (profile, delay))


if __name__ == "__main__":
    unittest.main()
