"""VICIdial: vicidial_campaigns, call times and statuses exports, and vicidial_log, end to end."""
import os
import unittest

from dialaudit_test import DATA, ROOT, CliTestCase, run

COLS = ["campaign_id", "campaign_name", "active", "dial_method", "auto_dial_level",
        "adaptive_dropped_percentage", "local_call_time", "dial_timeout", "campaign_cid",
        "campaign_vdad_exten", "drop_call_seconds", "drop_action", "safe_harbor_audio",
        "use_internal_dnc", "use_campaign_dnc", "call_count_limit", "call_limit_24hour_method",
        "call_limit_24hour"]
# passes every settings rule of the us profile that VICIdial has a column for
GOOD = {"campaign_id": "PROBE", "campaign_name": "probe", "active": "Y",
        "dial_method": "ADAPT_TAPERED", "auto_dial_level": "2.0",
        "adaptive_dropped_percentage": "3", "local_call_time": "9am-9pm", "dial_timeout": "26",
        "campaign_cid": "3125550100", "campaign_vdad_exten": "8369", "drop_call_seconds": "2",
        "drop_action": "AUDIO", "safe_harbor_audio": "identify-msg", "use_internal_dnc": "Y",
        "use_campaign_dnc": "N", "call_count_limit": "0", "call_limit_24hour_method": "PHONE_NUMBER",
        "call_limit_24hour": "3"}
RULES = {"abandon-rate", "abandon-message", "ring-time", "calling-hours", "caller-id",
         "call-frequency"}


def campaigns_csv(**changes):
    row = dict(GOOD, **changes)
    return ",".join(COLS) + "\r\n" + ",".join(row[c] for c in COLS) + "\r\n"


class Campaigns(CliTestCase):
    def config(self, profile="us", name="campaigns.csv", **changes):
        path = self.write(name, campaigns_csv(**changes))
        res = run("config", path, "-p", profile, "-f", "json", "--today", "2026-11-28")
        self.assertIn(res.rc, (0, 1), res.err)
        report = res.json()
        self.assertEqual(report["inputs"][-1]["format"], "vicidial-campaigns")
        return {f["rule"]: f for f in self.findings(report, campaign="PROBE") if f["rule"] in RULES}

    def test_good_campaign_passes_the_mapped_rules(self):
        self.assertEqual(self.config(), {})

    def test_adaptive_dropped_percentage_at_the_limit_and_above(self):
        self.assertNotIn("abandon-rate", self.config(adaptive_dropped_percentage="3"))
        f = self.config(adaptive_dropped_percentage="3.5")["abandon-rate"]
        self.assertEqual(f["actual"], "3.5%")
        self.assertEqual(f["location"]["line"], 2)

    def test_ratio_mode_sets_no_drop_target(self):
        # RATIO above 1 line an agent is predictive without adaptive pacing:
        # adaptive_dropped_percentage does not steer it
        f = self.config(dial_method="RATIO", auto_dial_level="2.0")["abandon-rate"]
        self.assertIn("predictively", f["message"])
        # one line an agent (progressive) without AMD cannot abandon
        self.assertNotIn("abandon-rate", self.config(dial_method="RATIO", auto_dial_level="1.0",
                                                     campaign_vdad_exten="8368"))
        self.assertNotIn("abandon-rate", self.config(dial_method="MANUAL"))

    def test_dial_timeout_at_the_minimum_and_one_below(self):
        self.assertNotIn("ring-time", self.config(dial_timeout="15"))
        self.assertEqual(self.config(dial_timeout="14")["ring-time"]["actual"], "14 s")
        # 4 or less: VICIdial dials 60 s
        self.assertNotIn("ring-time", self.config(dial_timeout="4"))
        self.assertEqual(self.config(dial_timeout="5")["ring-time"]["actual"], "5 s")

    def test_drop_call_seconds_and_drop_action(self):
        self.assertNotIn("abandon-message", self.config(drop_call_seconds="2"))
        self.assertEqual(self.config(drop_call_seconds="3")["abandon-message"]["actual"], "3 s")
        self.assertEqual(self.config(drop_action="HANGUP")["abandon-message"]["actual"], "off")
        # 'buzz', VICIdial's default safe-harbor audio, is a tone, not a message
        self.assertEqual(self.config(safe_harbor_audio="buzz")["abandon-message"]["actual"], "off")

    def test_9am_9pm_against_profiles_ending_at_21_and_20(self):
        self.assertNotIn("calling-hours", self.config("us"))
        f = self.config("us-fl")["calling-hours"]
        self.assertEqual(f["actual"], "Mon–Sun 09:00–21:00")
        self.assertIn("20:00–21:00", f["message"])
        self.assertIn("00:00–08:00", self.config(local_call_time="24hours")["calling-hours"]["message"])
        self.assertNotIn("calling-hours", self.config("us-fl", local_call_time="9am-5pm"))

    def test_manual_dials_ignore_call_times_unless_checked(self):
        def manual(check):
            text = campaigns_csv(dial_method="MANUAL").replace(
                "call_limit_24hour\r\n", "call_limit_24hour,manual_dial_call_time_check\r\n")
            text = text.replace(",3\r\n", f",3,{check}\r\n")
            path = self.write(f"manual-{check}.csv", text)
            r = run("config", path, "-p", "us", "-f", "json", "--today", "2026-11-28").json()
            return self.findings(r, "calling-hours", "PROBE")
        f = manual("DISABLED")
        self.assertEqual([x["actual"] for x in f], ["Mon–Sun 00:00–24:00"])
        self.assertEqual(manual("ENABLED"), [])
        # without the column the call time stands
        self.assertNotIn("calling-hours", self.config(dial_method="MANUAL"))

    def test_call_limits(self):
        # us-fl: at most 3 calls in 24 hours
        self.assertNotIn("call-frequency", self.config("us-fl", call_limit_24hour="3"))
        self.assertEqual(self.config("us-fl", call_limit_24hour="4")["call-frequency"]["actual"],
                         "up to 4")
        self.assertNotIn("call-frequency", self.config(
            "us-fl", call_limit_24hour_method="DISABLED", call_count_limit="3"))
        self.assertEqual(self.config("us-fl", call_limit_24hour_method="DISABLED",
                                     call_count_limit="4")["call-frequency"]["actual"], "up to 4")
        self.assertEqual(self.config("us-fl", call_limit_24hour_method="DISABLED",
                                     call_count_limit="0")["call-frequency"]["actual"], "unlimited")

    def test_default_campaign_cid_is_no_valid_caller_id(self):
        f = self.config(campaign_cid="0000000000")["caller-id"]
        self.assertEqual(f["actual"], "malformed")
        self.assertIn("0000000000", f["message"])

    def test_dnc_switches(self):
        res = run("config", self.write("c.csv", campaigns_csv(use_internal_dnc="N")), "-p", "us",
                  "-f", "json", "--today", "2026-11-28").json()
        dnc = [f for f in self.findings(res, "dnc-list", "PROBE") if f["actual"] == "off"]
        self.assertEqual(len(dnc), 1)
        res = run("config", self.write("d.csv", campaigns_csv(use_internal_dnc="N",
                                                              use_campaign_dnc="AREACODE")),
                  "-p", "us", "-f", "json", "--today", "2026-11-28").json()
        self.assertEqual([f for f in self.findings(res, "dnc-list", "PROBE")
                          if f["actual"] == "off"], [])

    def test_call_times_exported_beside_the_campaigns(self):
        # the site redefined 9am-9pm as 08:00-20:00, Sunday off
        self.write("site/vicidial_call_times.txt",
                   "call_time_id\tcall_time_name\tct_default_start\tct_default_stop\t"
                   "ct_sunday_start\tct_sunday_stop\r\n"
                   "9am-9pm\tredefined\t800\t2000\t2400\t2400\r\n"
                   "late\tlate\t900\t2130\t0\t0\r\n")
        self.assertNotIn("calling-hours", self.config("us-fl", name="site/campaigns.csv"))
        f = self.config("us-fl", name="site/campaigns.csv", local_call_time="late")["calling-hours"]
        # the finding points at the call time that allows it
        self.assertTrue(f["location"]["path"].endswith("vicidial_call_times.txt"))
        self.assertEqual(f["location"]["line"], 3)

    def fr_holidays(self, since):
        """The fr calendar's public holidays from since on, as (date, name)."""
        import re
        with open(os.path.join(ROOT, "profiles", "calendars", "fr.cfg"), encoding="utf-8") as f:
            days = re.findall(r'\[\s*"(\d{4}-\d{2}-\d{2})",\s*"([^"]*)"', f.read())
        return sorted(d for d in days if d[0] >= since)

    def holiday_findings(self, holidays, listed=None):
        """Campaigns on call time 'site' whose ct_holidays lists `listed` (all
        holidays by default), judged by fr: its skip-holidays findings."""
        listed = [h[0] for h in holidays] if listed is None else listed
        self.write("hol/vicidial_call_times.txt",
                   "call_time_id\tcall_time_name\tct_default_start\tct_default_stop\t"
                   "ct_holidays\r\n"
                   "site\tsite\t1000\t1300\t|" + "|".join(listed) + "|\r\n")
        self.write("hol/vicidial_call_time_holidays.txt",
                   "holiday_id\tholiday_name\tholiday_date\tholiday_status\t"
                   "ct_default_start\tct_default_stop\r\n" +
                   "".join(f"{h[0]}\t{h[0]}\t{h[0]}\t{h[3]}\t{h[1]}\t{h[2]}\r\n"
                           for h in holidays))
        path = self.write("hol/campaigns.csv", campaigns_csv(local_call_time="site"))
        res = run("config", path, "-p", "fr", "-f", "json", "--today", "2026-11-28")
        self.assertIn(res.rc, (0, 1), res.err)
        return [f for f in self.findings(res.json(), "calling-hours", "PROBE")
                if f["key"] == "skip_holidays"]

    def test_holidays_the_call_time_closes(self):
        days = self.fr_holidays("2026-11-28")
        self.assertGreater(len(days), 10)
        closed = [(d, "2400", "2400", "ACTIVE") for d, _ in days]
        # every public holiday from today to the calendar's end closed: skipped
        self.assertEqual(self.holiday_findings(closed), [])
        # the last one only narrowed (calls 09:00-17:00): that day is named
        last = days[-1][0]
        f = self.holiday_findings(closed[:-1] + [(last, "900", "1700", "ACTIVE")])
        self.assertEqual([g["actual"] for g in f], [last])
        self.assertTrue(f[0]["location"]["path"].endswith("vicidial_call_times.txt"))
        self.assertEqual(f[0]["location"]["line"], 2)
        # an empty window (start = stop) closes the day too; an inactive row does nothing
        self.assertEqual(self.holiday_findings(closed[:-1] + [(last, "900", "900", "ACTIVE")]), [])
        f = self.holiday_findings(closed[:-1] + [(last, "2400", "2400", "INACTIVE")])
        self.assertEqual([g["actual"] for g in f], [last])
        # a holiday row the call time does not list: that day stays open
        f = self.holiday_findings(closed, listed=[d for d, _ in days[1:]])
        self.assertEqual([g["actual"] for g in f], [days[0][0]])
        # no holiday table at all: the plain finding
        f = self.holiday_findings([], listed=[])
        self.assertEqual([g["actual"] for g in f], ["not set"])

    def test_state_call_times_join_the_window(self):
        # a site call time with a wider state window: the campaign may call then too
        self.write("st/vicidial_call_times.csv",
                   "call_time_id,call_time_name,ct_default_start,ct_default_stop,"
                   "ct_state_call_times\n"
                   "narrow,narrow,900,1700,|wide|\n")
        self.write("st/vicidial_state_call_times.csv",
                   "state_call_time_id,state_call_time_state,state_call_time_name,"
                   "sct_default_start,sct_default_stop\nwide,TX,wide,700,2200\n")
        f = self.config("us", name="st/campaigns.csv", local_call_time="narrow")["calling-hours"]
        self.assertEqual(f["actual"], "Mon–Sun 07:00–22:00")

    def test_lists_override_call_time_and_caller_id(self):
        # an active list dialled in its own call time widens the campaign's
        # hours; an inactive one is not dialled
        self.write("l/vicidial_lists.csv",
                   "list_id,list_name,campaign_id,active,campaign_cid_override,local_call_time\n"
                   "101,main,PROBE,Y,,campaign\n"
                   "102,late,PROBE,Y,0000000000,5pm-9pm\n"
                   "103,old,PROBE,N,0000000001,24hours\n")
        got = self.config("us-fl", name="l/campaigns.csv")
        f = got["calling-hours"]
        self.assertEqual(f["actual"], "Mon–Sun 09:00–21:00")
        cid = got["caller-id"]
        self.assertEqual(cid["actual"], "malformed")
        self.assertTrue(cid["location"]["path"].endswith("vicidial_lists.csv"))
        self.assertEqual(cid["location"]["line"], 3)
        # every list on its own call time: the campaign's own is not used
        self.write("m/vicidial_lists.csv",
                   "list_id,campaign_id,active,local_call_time\n201,PROBE,Y,9am-5pm\n")
        self.assertNotIn("calling-hours",
                         self.config("us-fl", name="m/campaigns.csv", local_call_time="24hours"))
        self.write("n/vicidial_lists.csv",
                   "list_id,campaign_id,active,local_call_time\n201,PROBE,Y,nosuch\n")
        path = self.write("n/campaigns.csv", campaigns_csv())
        self.assert_error(run("config", path, "-p", "us"), "vicidial_lists.csv:2", "nosuch")

    def test_area_code_caller_ids(self):
        self.write("a/vicidial_campaign_cid_areacodes.csv",
                   "campaign_id,areacode,outbound_cid,active\nPROBE,312,3125550111,Y\n"
                   "PROBE,212,0000000000,Y\nPROBE,305,0000000000,N\n")
        # only when the campaign uses them
        self.assertNotIn("caller-id", self.config(name="a/campaigns.csv"))
        with open(os.path.join(self.tmp, "a", "campaigns.csv"), "w") as f:
            f.write(campaigns_csv().replace("call_limit_24hour\r\n", "call_limit_24hour,"
                                            "use_custom_cid\r\n").replace(",3\r\n", ",3,AREACODE\r\n"))
        r = run("config", os.path.join(self.tmp, "a", "campaigns.csv"), "-p", "us", "-f", "json",
                "--today", "2026-11-28").json()
        cids = self.findings(r, "caller-id", "PROBE")
        self.assertEqual([(os.path.basename(f["location"]["path"]), f["location"]["line"])
                          for f in cids], [("vicidial_campaign_cid_areacodes.csv", 3)])

    def test_unknown_call_time_is_an_error(self):
        path = self.write("u.csv", campaigns_csv(local_call_time="nosuch"))
        self.assert_error(run("config", path, "-p", "us"), "u.csv:2", "nosuch")

    def test_bad_values_are_errors(self):
        self.assert_error(run("config", self.write("b.csv", campaigns_csv(dial_timeout="soon")),
                              "-p", "us"), "b.csv:2", "dial_timeout")
        self.assert_error(run("config", self.write("m.csv", campaigns_csv(dial_method="FAST")),
                              "-p", "us"), "m.csv:2", "dial_method")

    def test_mysqldump_without_create_table_uses_the_builtin_order(self):
        # a dump row must carry every column of the built-in schema; a short one is refused
        path = self.write("d.sql", "INSERT INTO `vicidial_campaigns` VALUES ('X','y');\n")
        self.assert_error(run("config", path, "-p", "us"), "d.sql:1", "2 values")

    def test_truncated_dump(self):
        path = self.write("t.sql", "-- MySQL dump\nINSERT INTO `vicidial_campaigns` "
                          "(`campaign_id`,`dial_timeout`) VALUES ('X',30),\n('Y',")
        self.assert_error(run("config", path, "-p", "us"), "t.sql:3", "truncated")


LOG_HEAD = ("call_date\tphone_number_dialed\tstatus\tuser\tcampaign_id\tphone_code\t"
            "phone_number\tlength_in_sec\tuniqueid\tdialstatus\tdial_time\tanswered_time\r\n")


def log_row(t, number, status, user="VDAD", camp="C1", length=0, uid="", dial="", answered=""):
    return "\t".join([t, number, status, user, camp, "1", number, str(length), uid,
                      "", str(dial), str(answered)]) + "\r\n"


class Logs(CliTestCase):
    def test_statuses_by_flags_and_system_codes(self):
        self.write("site/vicidial_campaign_statuses.csv",
                   "status,status_name,campaign_id,human_answered,dnc,not_interested,"
                   "answering_machine\nNOPE,no more,C1,Y,Y,N,N\nVMX,machine,C1,N,N,N,Y\n")
        rows = [log_row("2026-11-02 10:00:00", "3125550101", "NOPE", user="1001", length=30),
                log_row("2026-11-03 10:00:00", "3125550101", "NA", length=20),
                log_row("2026-11-02 10:01:00", "3125550102", "DROP", length=5),
                log_row("2026-11-02 10:02:00", "3125550103", "SALE", user="1001", length=90),
                log_row("2026-11-02 10:03:00", "3125550104", "VMX", length=9),
                log_row("2026-11-02 10:03:30", "3125550105", "AA", length=9),
                log_row("2026-11-02 10:04:00", "3125550106", "NA", length=12, dial=12, answered=0),
                log_row("2026-11-02 10:05:00", "3125550107", "NA", length=15, dial=15, answered=0),
                log_row("2026-11-02 10:06:00", "XXXXXX0108", "NA")]
        log = self.write("site/EXPORT_CALL_REPORT_20261103-101500.txt", LOG_HEAD + "".join(rows))
        r = self.logs_with_details(log, "--today", "2026-11-28", profile="us",
                                   tz="America/Chicago")
        inp = [i for i in r["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual((inp["format"], inp["rows"], inp["parsed"], inp["rejected"]),
                         ("vicidial-log", 9, 8, 1))
        by = {}
        for d in self.details:
            by.setdefault(d["rule"], []).append(int(d["line"]))
        # NOPE (dnc=Y, human) is a refusal: the next day's call breaks it
        self.assertEqual(by.get("wait-after-refusal"), [3])
        # ring time: the carrier's 12 s is short, 15 s is not (the NA of
        # line 3 rang 20 s by length_in_sec)
        self.assertEqual(by.get("ring-time"), [8])
        # abandoned: DROP; live answered: NOPE, DROP, SALE (machines are not)
        rate = self.findings(r, "abandon-rate", "C1")[0]
        self.assertEqual(rate["actual"], "33.33% (1 of 3)")
        # the log holds no caller ID: none is blamed on it
        self.assertEqual(self.findings(r, "caller-id"), [])

    def test_mysqldump_with_statuses_after_the_log(self):
        cols = "(`uniqueid`,`campaign_id`,`call_date`,`start_epoch`,`length_in_sec`,`status`," \
               "`phone_code`,`phone_number`,`user`)"
        dump = ("-- MySQL dump 10.19\n/*!40103 SET TIME_ZONE='+00:00' */;\n"
                f"INSERT INTO `vicidial_log` {cols} VALUES "
                "('1.1','C1','2026-11-02 10:00:00',1762099200,40,'GONE','1','3125550101','1001'),"
                "('1.2','C1','2026-11-04 10:00:00',NULL,0,'NA','1','3125550101','VDAD'),"
                "('1.3','C1','2026-11-04 10:00:00',NULL,0,'NA','1','it\\'s','VDAD');\n"
                "INSERT INTO `vicidial_statuses` (`status`,`human_answered`,`not_interested`) "
                "VALUES ('GONE','Y','Y');\n")
        log = self.write("asterisk.sql", dump)
        r = self.logs_with_details(log, "--today", "2026-11-28", profile="us",
                                   tz="America/Chicago")
        inp = [i for i in r["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual((inp["rows"], inp["parsed"], inp["rejected"]), (3, 2, 1))
        self.assertEqual([d["rule"] for d in self.details if d["rule"] == "wait-after-refusal"],
                         ["wait-after-refusal"])
        # start_epoch wins over call_date: 1762099200 is 2025-11-02 16:00 UTC
        self.assertEqual(inp["first_call"], "2025-11-02T16:00:00Z")

    def test_carrier_and_drop_logs_beside(self):
        self.write("s/carrier.csv", "uniqueid,call_date,server_ip,lead_id,hangup_cause,dialstatus,"
                   "channel,dial_time,answered_time\n"
                   "u1,2026-11-02 10:00:10,10.0.0.1,1,19,NOANSWER,SIP/x,9,0\n")
        self.write("s/drops.txt", "uniqueid\tserver_ip\tdrop_date\tlead_id\tphone_code\t"
                   "phone_number\tcampaign_id\tstatus\r\n"
                   "u2\t10.0.0.1\t2026-11-02 10:01:05\t2\t1\t3125550102\tC1\tDROP\r\n")
        self.write("s/log.txt", LOG_HEAD +
                   log_row("2026-11-02 10:00:00", "3125550101", "NA", length=30, uid="u1") +
                   log_row("2026-11-02 10:01:00", "3125550102", "INCALL", length=5, uid="u2") +
                   log_row("2026-11-02 10:02:00", "3125550103", "SALE", user="6001", length=50,
                           uid="u3"))
        res = run("scan", os.path.join(self.tmp, "s"), "-p", "us", "--log-tz", "America/Chicago",
                  "-f", "json", "--today", "2026-11-28", "--details",
                  os.path.join(self.tmp, "d.csv"))
        self.assertEqual(res.rc, 1, res.err)
        r = res.json()
        self.assertEqual({os.path.basename(i["path"]): i["format"] for i in r["inputs"]},
                         {"carrier.csv": "vicidial-tables", "drops.txt": "vicidial-tables",
                          "log.txt": "vicidial-log"})
        # the carrier says 9 s of ringing (the log's 30 s is the call's length)
        ring = self.findings(r, "ring-time", "C1")[0]
        self.assertIn("9 s", ring["message"])
        # the drop log makes the INCALL row abandoned: 1 of 2 live calls
        self.assertEqual(self.findings(r, "abandon-rate", "C1")[0]["actual"], "50.00% (1 of 2)")

    def test_another_log_beside_is_no_carrier_log(self):
        # two weeks of EXTENDED exports: their dial_time/dialstatus columns look
        # like a carrier log's, but each week is judged on its own rows only
        self.write("w/week1.txt", LOG_HEAD +
                   log_row("2026-11-02 10:00:00", "3125550101", "NA", length=30, uid="u1"))
        self.write("w/week2.txt", LOG_HEAD +
                   log_row("2026-11-09 10:00:00", "3125550101", "NA", length=30, uid="u1",
                           dial=9, answered=0))
        res = run("scan", os.path.join(self.tmp, "w"), "-p", "us", "--log-tz",
                  "America/Chicago", "-f", "json", "--today", "2026-11-28")
        self.assertIn(res.rc, (0, 1), res.err)
        r = res.json()
        self.assertEqual([i["format"] for i in r["inputs"]], ["vicidial-log", "vicidial-log"])
        rings = self.findings(r, "ring-time", "C1")
        self.assertEqual([os.path.basename(f["location"]["path"]) for f in rings], ["week2.txt"])

    def test_caller_ids_from_the_dial_logs(self):
        # a dump: vicidial_log → vicidial_log_extended (caller_code) → the dial logs
        cols = "(`uniqueid`,`campaign_id`,`call_date`,`length_in_sec`,`status`,`phone_code`," \
               "`phone_number`,`user`)"
        dump = ("-- MySQL dump 10.19\n"
                "INSERT INTO `vicidial_dial_cid_log` (`caller_code`,`call_type`,`outbound_cid`) "
                "VALUES ('V1102100000000000001','OUT','0000000000');\n"
                "INSERT INTO `vicidial_dial_log` (`caller_code`,`outbound_cid`) VALUES "
                "('V1102100000000000001','\"V1102100000000000001\" <3125550100>'),"
                "('V1102100100000000002','\"V1102100100000000002\" <3125550100>');\n"
                f"INSERT INTO `vicidial_log` {cols} VALUES "
                "('u1','C1','2026-11-02 10:00:00',40,'SALE','1','3125550101','1001'),"
                "('u2','C1','2026-11-02 10:01:00',40,'SALE','1','3125550102','1001'),"
                "('u3','C1','2026-11-02 10:02:00',40,'SALE','1','3125550103','1001');\n"
                "INSERT INTO `vicidial_log_extended` (`uniqueid`,`caller_code`) VALUES "
                "('u1','V1102100000000000001'),('u2','V1102100100000000002');\n")
        log = self.write("asterisk.sql", dump)
        r = self.logs_with_details(log, "--today", "2026-11-28", profile="us",
                                   tz="America/Chicago")
        # u1 sent 0000000000 (the cid log wins over the dial log's request);
        # u2 sent a valid number; u3 has no dial-log row: not judged
        self.assertEqual([(d["rule"], d["line"]) for d in self.details if d["rule"] == "caller-id"],
                         [("caller-id", "4")])
        self.assertIn("0000000000", self.findings(r, "caller-id", "C1")[0]["message"])

    def test_caller_ids_from_a_dial_log_beside_an_extended_export(self):
        self.write("e/vicidial_dial_log.csv", "caller_code,lead_id,call_date,outbound_cid\n"
                   "V1,1,2026-11-02 10:00:00,\"\"\"V1\"\" <>\"\n"
                   "V2,2,2026-11-02 10:01:00,0000000000\n")
        head = LOG_HEAD.replace("\r\n", "\tcaller_code\r\n")
        log = self.write("e/log.txt", head +
                         log_row("2026-11-02 10:00:00", "3125550101", "SALE", user="1", length=9,
                                 uid="a").replace("\r\n", "\tV1\r\n") +
                         log_row("2026-11-02 10:01:00", "3125550102", "SALE", user="1", length=9,
                                 uid="b").replace("\r\n", "\tV2\r\n"))
        res = run("scan", os.path.join(self.tmp, "e"), "-p", "us", "--log-tz", "America/Chicago",
                  "-f", "json", "--today", "2026-11-28")
        r = res.json()
        self.assertEqual({os.path.basename(i["path"]): i["format"] for i in r["inputs"]},
                         {"vicidial_dial_log.csv": "vicidial-tables", "log.txt": "vicidial-log"})
        # V1's caller ID is empty: no number, not judged; V2 sent 0000000000
        cid = self.findings(r, "caller-id")
        self.assertEqual([(f["actual"], f["location"]["line"]) for f in cid], [("1 of 2 calls", 3)])

    def test_semicolon_csv_log(self):
        log = self.write("x.csv", "call_date;phone_number;status;user;campaign_id;phone_code;"
                         "length_in_sec\r\n"
                         "2026-11-02 21:30:00;3125550101;\"SALE\";6001;C1;1;60\r\n"
                         "2026-11-02 10:00:00;3125550102;NA;VDAD;C1;1;20\r\n")
        r = self.logs_with_details(log, "--today", "2026-11-28", profile="us",
                                   tz="America/Chicago")
        inp = [i for i in r["inputs"] if i["kind"] == "call-log"][0]
        self.assertEqual((inp["format"], inp["rows"], inp["parsed"]), ("vicidial-log", 2, 2))
        self.assertEqual([d["line"] for d in self.details if d["rule"] == "calling-hours"], ["2"])

    def test_log_without_a_header_is_an_error(self):
        log = self.write("x.txt", "2026-11-02 10:00:00\t3125550101\tNA\r\n")
        res = run("logs", log, "-p", "us", "--log-format", "vicidial-log")
        self.assert_error(res, "x.txt:1", "header")


class GeneratedSchema(unittest.TestCase):
    def test_builtin_schema_is_the_sql_files(self):
        # src/adapters/vicidial_schema.c is generated from the SQL file, never edited
        import subprocess
        import sys
        root = os.path.join(DATA, "..", "..")
        out = subprocess.run([sys.executable, os.path.join(root, "scripts", "vicidial_schema.py"),
                              os.path.join(DATA, "real", "vicidial",
                                           "MySQL_AST_CREATE_tables.sql")],
                             capture_output=True, text=True, check=True).stdout
        with open(os.path.join(root, "src", "adapters", "vicidial_schema.c")) as f:
            self.assertEqual(out, f.read())


class RealSchema(CliTestCase):
    SQL = os.path.join(DATA, "real", "vicidial", "MySQL_AST_CREATE_tables.sql")

    def test_schema_file_reads_as_call_times_and_statuses(self):
        res = run("config", self.SQL, "-p", "us", "-f", "json", "--today", "2026-11-28")
        self.assertEqual(res.rc, 0, res.err)
        self.assertEqual(res.json()["inputs"][-1]["format"], "vicidial-tables")

    def test_campaigns_beside_the_schema_use_its_call_times(self):
        os.symlink(self.SQL, os.path.join(self.tmp, "schema.sql"))
        path = self.write("campaigns.csv", campaigns_csv(local_call_time="12pm-5pm"))
        r = run("config", path, "-p", "us", "-f", "json", "--today", "2026-11-28").json()
        self.assertEqual([f for f in self.findings(r, "calling-hours", "PROBE")], [])


if __name__ == "__main__":
    unittest.main()
