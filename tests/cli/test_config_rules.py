"""Every config rule at its exact boundary, through the real binary.

Each test starts from GOOD_CAMPAIGN (clean under tests/data/profiles/strict.cfg,
which is cn plus the limits cn leaves unset), changes one setting, and checks
that exactly the expected rule reacts, at the line of that setting.
"""
import os
import unittest

from dialaudit_test import DATA, CliTestCase, campaign_file, run

STRICT = os.path.join(DATA, "profiles", "strict.cfg")
LICENCE = os.path.join(DATA, "licences", "b07.cfg")


class ConfigRules(CliTestCase):
    def audit(self, profile=STRICT, licence=LICENCE, today="2026-11-28", **overrides):
        text = campaign_file(**overrides)
        self.path = self.write("campaign.cfg", text)
        self.lines = text.splitlines()
        args = ["config", self.path, "-p", profile, "--today", today, "-f", "json"]
        if licence:
            args += ["--licence", licence]
        res = run(*args)
        self.assertIn(res.rc, (0, 1), res.err)
        report = res.json()
        self.assertEqual(res.rc, 1 if report["findings"] else 0)
        return report

    def line_of(self, key):
        if key == "campaign":
            return self.lines.index("  {") + 1
        for i, line in enumerate(self.lines, 1):
            if line.strip().startswith(key + " ="):
                return i
        raise AssertionError(f"{key} not in generated campaign")

    def rules(self, report):
        return sorted(f["rule"] for f in report["findings"])

    def assert_clean(self, **overrides):
        report = self.audit(**overrides)
        self.assertEqual(report["findings"], [], overrides)

    def assert_only(self, rule, key, count=1, severity=None, **overrides):
        report = self.audit(**overrides)
        self.assertEqual(self.rules(report), [rule] * count, overrides)
        for f in report["findings"]:
            self.assertEqual(f["location"]["path"], self.path)
            self.assertEqual(f["location"]["line"], self.line_of(key))
            self.assertEqual(f["campaign"], "probe")
            if severity:
                self.assertEqual(f["severity"], severity)
        return report

    def test_good_campaign_is_clean(self):
        self.assert_clean()

    # calling-hours: cn permits 08:00-21:00 every day, callee's local time
    def test_calling_hours_edges_allowed(self):
        self.assert_clean(windows={"daily": ["08:00-21:00"]})

    def test_calling_hours_one_minute_late(self):
        r = self.assert_only("calling-hours", "windows", windows={"daily": ["08:00-21:01"]})
        self.assertIn("21:00–21:01", r["findings"][0]["message"])

    def test_calling_hours_one_second_early(self):
        r = self.assert_only("calling-hours", "windows", windows={"daily": ["07:59:59-12:00"]})
        self.assertIn("07:59:59–08:00", r["findings"][0]["message"])

    def test_calling_hours_weekend_only_excess(self):
        r = self.assert_only("calling-hours", "windows",
                             windows={"weekdays": ["09:00-20:00"], "sat": ["20:00-22:00"]})
        self.assertIn("Sat 21:00–22:00", r["findings"][0]["message"])

    def test_calling_hours_server_zone_shifted_inside(self):
        # 00:00-13:00 UTC is 08:00-21:00 in Beijing (no DST there).
        self.assert_clean(windows={"daily": ["00:00-13:00"]}, windows_zone="server",
                          server_timezone="UTC")

    def test_calling_hours_server_zone_shifted_outside(self):
        self.assert_only("calling-hours", "windows", windows={"daily": ["00:00-13:01"]},
                         windows_zone="server", server_timezone="UTC")

    def test_calling_hours_missing_windows(self):
        self.assert_only("calling-hours", "campaign", windows=None)

    def test_calling_hours_us_server_zone_reaches_pacific_mornings(self):
        report = self.audit(profile="us", licence=None, windows={"daily": ["08:00-21:00"]},
                            windows_zone="server", server_timezone="America/New_York",
                            caller_ids=["2125550100"])
        hours = self.findings(report, "calling-hours")
        self.assertEqual(len(hours), 1)
        msg = hours[0]["message"]
        # 08:00 in New York is 05:00 in Los Angeles and 02:00/03:00 in Honolulu;
        # 21:00 in New York is 22:00 in Puerto Rico (no DST) in winter.
        self.assertIn("America/Los_Angeles", msg)
        self.assertIn("Pacific/Honolulu", msg)
        self.assertIn("02:00–08:00", msg)
        self.assertIn("21:00–22:00", msg)
        self.assertNotIn("(in America/New_York", msg)

    def test_calling_hours_us_callee_zone_is_fine(self):
        report = self.audit(profile="us", licence=None, windows={"daily": ["08:00-21:00"]},
                            caller_ids=["2125550100"])
        self.assertEqual(self.findings(report, "calling-hours"), [])

    # call-frequency: cn allows 3 per rolling 5 min and 5 per rolling 24 h
    def test_frequency_three_in_five_minutes_allowed(self):
        # attempts at 0, 100, 200 s: all three inside one 300 s window
        self.assert_clean(max_attempts=5, attempts_window=None, retry_interval="100s",
                          retry_after_abandon=None, dial_mode="progressive")

    def test_frequency_four_in_five_minutes_flagged(self):
        r = self.assert_only("call-frequency", "retry_interval", max_attempts=5,
                             attempts_window=None, retry_interval="99s",
                             retry_after_abandon=None, dial_mode="progressive")
        self.assertEqual(r["findings"][0]["actual"], "up to 4")

    def test_frequency_five_per_day_allowed_six_flagged(self):
        self.assert_clean(max_attempts=5, attempts_window="24h")
        r = self.assert_only("call-frequency", "max_attempts", max_attempts=6,
                             attempts_window="24h")
        self.assertIn("per 24 h", r["findings"][0]["message"])

    def test_frequency_unlimited(self):
        self.assert_only("call-frequency", "campaign", count=2, max_attempts=None,
                         attempts_window=None, retry_interval=None, retry_after_abandon=None,
                         dial_mode="progressive")

    # recall-after-abandon: 72 h unless a live agent is guaranteed
    def test_recall_after_abandon_boundary(self):
        self.assert_clean(retry_after_abandon="72h")
        self.assert_only("recall-after-abandon", "retry_after_abandon",
                         retry_after_abandon="71h")

    def test_recall_after_abandon_exempt_in_progressive(self):
        self.assert_clean(retry_after_abandon="6h", dial_mode="progressive")

    # wait-after-refusal: cn allows no further calls, ever
    def test_wait_after_refusal(self):
        self.assert_clean(refusal_suppression_days=0)
        self.assert_only("wait-after-refusal", "refusal_suppression_days",
                         refusal_suppression_days=3650)
        self.assert_only("wait-after-refusal", "campaign", refusal_suppression_days=None)

    # abandon-rate: 3 % of live-answered calls
    def test_abandon_rate_boundary(self):
        self.assert_clean(abandon_target=3.0)
        self.assert_only("abandon-rate", "abandon_target", abandon_target=3.01)

    def test_abandon_rate_target_missing(self):
        self.assert_only("abandon-rate", "campaign", abandon_target=None)

    # abandon-message: within 2 s
    def test_abandon_message_boundary(self):
        self.assert_clean(abandon_message_delay=2.0)
        self.assert_only("abandon-message", "abandon_message_delay", abandon_message_delay=2.1)
        self.assert_only("abandon-message", "abandon_message", abandon_message=False)

    # ring-time: at least 15 s
    def test_ring_time_boundary(self):
        self.assert_clean(ring_timeout=15)
        self.assert_only("ring-time", "ring_timeout", severity="medium", ring_timeout=14)

    # caller-id
    def test_caller_id_not_licensed(self):
        r = self.assert_only("caller-id", "caller_ids", caller_ids=["13912345678"], max_channels=1)
        self.assertIn("not among the licence", r["findings"][0]["message"])
        self.assertNotIn("13912345678", r["findings"][0]["message"])

    def test_caller_id_withheld_and_malformed(self):
        r = self.assert_only("caller-id", "caller_ids", count=2,
                             caller_ids=["anonymous", "0571-88x0"], max_channels=1)
        text = " ".join(f["message"] for f in r["findings"])
        self.assertIn("withheld", text)
        self.assertIn("not a valid phone number", text)

    def test_caller_id_inbound_only(self):
        r = self.assert_only("caller-id", "caller_ids", caller_ids=["4008001234"], max_channels=1)
        self.assertIn("inbound-only", r["findings"][0]["message"])

    def test_caller_id_missing(self):
        self.assert_only("caller-id", "caller_ids", caller_ids=[])
        self.assert_only("caller-id", "campaign", caller_ids=None)

    # dnc-list: scrub with a list at most 31 days old
    def test_dnc_boundary(self):
        self.assert_clean(dnc_list_age_days=31)
        self.assert_only("dnc-list", "dnc_list_age_days", dnc_list_age_days=32)
        self.assert_only("dnc-list", "dnc_scrub", dnc_scrub=False)

    # consent: cn requires it for marketing only
    def test_consent_for_marketing(self):
        report = self.audit(purpose="marketing", consent_required=False)
        self.assertEqual(len(self.findings(report, "consent")), 1)

    def test_consent_not_needed_for_service(self):
        self.assert_clean(purpose="service", consent_required=False)

    # capacity: 1 concurrent call per caller number (cn), 4 channels (licence)
    def test_capacity_per_caller_number(self):
        self.assert_clean(max_channels=2)
        r = self.assert_only("capacity", "max_channels", max_channels=3)
        self.assertIn("at most 2", r["findings"][0]["message"])

    def test_capacity_licence_channels(self):
        ids = ["0571-8800-1201", "0571-8800-1202"]
        report = self.audit(max_channels=5, caller_ids=ids)
        msgs = [f["message"] for f in self.findings(report, "capacity")]
        self.assertTrue(any("the licence allows 4" in m for m in msgs), msgs)

    # call-purpose: marketing is outside the licence and forbidden under B07
    def test_call_purpose_marketing(self):
        report = self.audit(purpose="marketing")
        purpose = self.findings(report, "call-purpose")
        self.assertEqual(len(purpose), 2)
        self.assertTrue(all(f["severity"] == "critical" for f in purpose))

    # blocked-destination
    def test_destination_filter(self):
        self.assert_only("blocked-destination", "destination_filter", destination_filter=False)

    # record-retention: 30 days
    def test_retention_boundary(self):
        self.assert_clean(record_retention_days=30)
        self.assert_only("record-retention", "record_retention_days", record_retention_days=29)

    # licence-expiry: the licence expires 2030-12-31, cn renews 90 days ahead
    def expiry(self, today):
        report = self.audit(today=today)
        return [f["severity"] for f in self.findings(report, "licence-expiry")]

    def test_licence_expiry_boundaries(self):
        self.assertEqual(self.expiry("2030-10-01"), [])
        self.assertEqual(self.expiry("2030-10-02"), ["high"])
        self.assertEqual(self.expiry("2030-12-31"), ["high"])
        self.assertEqual(self.expiry("2031-01-01"), ["critical"])


if __name__ == "__main__":
    unittest.main()
