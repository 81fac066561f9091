#!/usr/bin/env python3
"""Writes the VICIdial samples: what the admin of a (fictitious) Hangzhou
VICIdial server hands over for an audit, in the forms VICIdial exports them.

* asterisk-campaigns-20261127.sql: `mysqldump asterisk vicidial_campaigns
  vicidial_call_times vicidial_lists` (MariaDB, extended INSERTs; the CREATE TABLEs keep the
  real column order of the compliance-relevant columns, trimmed of the rest);
* vicidial_campaign_statuses.csv: the campaigns' own status codes with their
  flags (phpMyAdmin CSV export, header row);
* EXPORT_CALL_REPORT_20261123-090000.txt: Admin > Reports > Export Calls
  Report, EXTENDED, header row, tab-delimited with CRLF, a week of calls in
  the server's time (Asia/Shanghai).

Planted, for the cn profile:

* SURVEY9 dials around the clock (local_call_time 24hours), presents
  VICIdial's default caller ID 0000000000, sets no call limit and no DNC
  check (calling-hours, caller-id, call-frequency in the settings);
* calls at 21:40 and 07:15 (calling-hours);
* one number called four times in four minutes, another six times in a day
  (call-frequency);
* a person who answered STOPIT (a campaign status with dnc=Y) called again two
  days later (wait-after-refusal);
* a number on lists/dnc.txt called (dnc-list);
* a row whose number the export masked (XXXX…: input-rejected).

Deterministic: the same files every run. Run from this folder.
"""
import datetime as dt
import random

rng = random.Random(20261123)

CAMPAIGN_COLS = [
    "campaign_id", "campaign_name", "active", "dial_status_a", "lead_order", "park_ext",
    "park_file_name", "web_form_address", "allow_closers", "hopper_level", "auto_dial_level",
    "next_agent_call", "local_call_time", "voicemail_ext", "dial_timeout", "dial_prefix",
    "campaign_cid", "campaign_vdad_exten", "drop_call_seconds", "drop_action",
    "safe_harbor_exten", "use_internal_dnc", "dial_method", "adaptive_dropped_percentage",
    "adaptive_maximum_level", "use_campaign_dnc", "drop_lockout_time", "safe_harbor_audio",
    "safe_harbor_menu_id", "call_count_limit", "daily_call_count_limit",
    "call_limit_24hour_method", "call_limit_24hour_scope", "call_limit_24hour",
]
CAMPAIGNS = [
    # a progressive renewals line: hours from the site's own call time, a
    # licensed caller ID, DNC checks, three calls a day at most
    dict(campaign_id="RENEW1", campaign_name="Policy renewal reminders", active="Y",
         dial_status_a="NEW", lead_order="DOWN", park_ext="8301", park_file_name="park",
         web_form_address="", allow_closers="N", hopper_level="100", auto_dial_level="1.0",
         next_agent_call="longest_wait_time", local_call_time="cn-9am-8pm", voicemail_ext="",
         dial_timeout="30", dial_prefix="9", campaign_cid="057188001201",
         campaign_vdad_exten="8368", drop_call_seconds="2", drop_action="AUDIO",
         safe_harbor_exten="8307", use_internal_dnc="Y", dial_method="RATIO",
         adaptive_dropped_percentage="3", adaptive_maximum_level="3.0", use_campaign_dnc="Y",
         drop_lockout_time="24", safe_harbor_audio="qiantang-identify", safe_harbor_menu_id="",
         call_count_limit="12", daily_call_count_limit="0",
         call_limit_24hour_method="PHONE_NUMBER", call_limit_24hour_scope="SYSTEM_WIDE",
         call_limit_24hour="3"),
    # a predictive survey line left on VICIdial's defaults where it matters
    dict(campaign_id="SURVEY9", campaign_name="Satisfaction survey Q4", active="Y",
         dial_status_a="NEW", lead_order="RANDOM", park_ext="8301", park_file_name="park",
         web_form_address="", allow_closers="N", hopper_level="500", auto_dial_level="2.5",
         next_agent_call="longest_wait_time", local_call_time="24hours", voicemail_ext="",
         dial_timeout="60", dial_prefix="9", campaign_cid="0000000000",
         campaign_vdad_exten="8369", drop_call_seconds="5", drop_action="AUDIO",
         safe_harbor_exten="8307", use_internal_dnc="N", dial_method="ADAPT_TAPERED",
         adaptive_dropped_percentage="3", adaptive_maximum_level="3.0", use_campaign_dnc="N",
         drop_lockout_time="0", safe_harbor_audio="buzz", safe_harbor_menu_id="",
         call_count_limit="0", daily_call_count_limit="0", call_limit_24hour_method="DISABLED",
         call_limit_24hour_scope="SYSTEM_WIDE", call_limit_24hour="0"),
]
CT_COLS = ["call_time_id", "call_time_name", "call_time_comments", "ct_default_start",
           "ct_default_stop", "ct_sunday_start", "ct_sunday_stop", "ct_monday_start",
           "ct_monday_stop", "ct_tuesday_start", "ct_tuesday_stop", "ct_wednesday_start",
           "ct_wednesday_stop", "ct_thursday_start", "ct_thursday_stop", "ct_friday_start",
           "ct_friday_stop", "ct_saturday_start", "ct_saturday_stop", "ct_state_call_times",
           "user_group", "ct_holidays"]
CALL_TIMES = [
    ["24hours", "default 24 hours calling", "", 0, 2400] + [0] * 14 + ["", "---ALL---", ""],
    ["9am-9pm", "default 9am to 9pm calling", "", 900, 2100] + [0] * 14 + ["", "---ALL---", ""],
    # the site's own: 09:00-20:00, Saturday 10:00-17:00, no Sunday calls
    ["cn-9am-8pm", "Mainland 9am-8pm, Sat short", "per carrier rules", 900, 2000, 2400, 2400]
    + [0] * 10 + [1000, 1700, "", "---ALL---", ""],
]


def sql(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"


def write_dump():
    out = ["-- MySQL dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)",
           "--", "-- Host: localhost    Database: asterisk",
           "-- ------------------------------------------------------",
           "-- Server version\t10.11.6-MariaDB-0+deb12u1", "",
           "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
           "/*!40101 SET NAMES utf8mb4 */;",
           "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;",
           "/*!40103 SET TIME_ZONE='+00:00' */;", ""]

    def table(name, cols, types, rows):
        out.extend(["--", f"-- Table structure for table `{name}`", "--", "",
                    f"DROP TABLE IF EXISTS `{name}`;",
                    "/*!40101 SET @saved_cs_client     = @@character_set_client */;",
                    "/*!40101 SET character_set_client = utf8 */;", f"CREATE TABLE `{name}` ("])
        defs = [f"  `{c}` {types.get(c, 'varchar(255) DEFAULT NULL')}" for c in cols]
        defs.append(f"  PRIMARY KEY (`{cols[0]}`)")
        out.append(",\n".join(defs))
        out.extend([") ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;",
                    "/*!40101 SET character_set_client = @saved_cs_client */;", "", "--",
                    f"-- Dumping data for table `{name}`", "--", "",
                    f"LOCK TABLES `{name}` WRITE;",
                    f"/*!40000 ALTER TABLE `{name}` DISABLE KEYS */;",
                    f"INSERT INTO `{name}` VALUES " + ",".join(
                        "(" + ",".join(sql(v) for v in r) + ")" for r in rows) + ";",
                    f"/*!40000 ALTER TABLE `{name}` ENABLE KEYS */;", "UNLOCK TABLES;", ""])

    table("vicidial_call_times", CT_COLS,
          {"call_time_id": "varchar(10) NOT NULL", "call_time_name": "varchar(30) NOT NULL",
           **{c: "smallint(4) unsigned DEFAULT 0" for c in CT_COLS[3:19]},
           "ct_state_call_times": "text DEFAULT NULL", "ct_holidays": "text DEFAULT NULL"},
          CALL_TIMES)
    table("vicidial_campaigns", CAMPAIGN_COLS,
          {"campaign_id": "varchar(8) NOT NULL",
           "active": "enum('Y','N') DEFAULT NULL",
           "dial_timeout": "tinyint(3) unsigned DEFAULT 60",
           "drop_call_seconds": "tinyint(3) DEFAULT 5",
           "drop_action": "enum('HANGUP','MESSAGE','VOICEMAIL','IN_GROUP','AUDIO','CALLMENU',"
                          "'VMAIL_NO_INST') DEFAULT 'AUDIO'",
           "call_count_limit": "smallint(5) unsigned DEFAULT 0"},
          [[c[k] for k in CAMPAIGN_COLS] for c in CAMPAIGNS])
    # the lists the campaigns dial; an old list kept its own 24-hour call time
    # but is inactive, so it is not dialled
    table("vicidial_lists", ["list_id", "list_name", "campaign_id", "active", "list_description",
                             "campaign_cid_override", "local_call_time"],
          {"list_id": "bigint(14) unsigned NOT NULL", "active": "enum('Y','N') DEFAULT NULL",
           "local_call_time": "varchar(10) NOT NULL DEFAULT 'campaign'"},
          [[1101, "Renewals Nov", "RENEW1", "Y", "policies due in December", "", "campaign"],
           [1001, "Renewals Oct", "RENEW1", "N", "done", "", "24hours"],
           [2201, "Survey Q4", "SURVEY9", "Y", "customers served in Q3", "", "campaign"]])
    out.extend(["/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;", "",
                "-- Dump completed on 2026-11-27  2:30:01", ""])
    with open("asterisk-campaigns-20261127.sql", "w", newline="\n") as f:
        f.write("\n".join(out))


def write_statuses():
    cols = ["status", "status_name", "selectable", "campaign_id", "human_answered", "category",
            "sale", "dnc", "customer_contact", "not_interested", "unworkable",
            "scheduled_callback", "completed", "min_sec", "max_sec", "answering_machine"]
    rows = [
        ["RENEWD", "Renewed on the call", "Y", "RENEW1", "Y", "SALE", "Y", "N", "Y", "N", "N",
         "N", "Y", 0, 0, "N"],
        ["STOPIT", "Asked not to be called", "Y", "RENEW1", "Y", "UNDEFINED", "N", "Y", "Y",
         "N", "N", "N", "Y", 0, 0, "N"],
        ["LATER", "Call back later", "Y", "RENEW1", "Y", "UNDEFINED", "N", "N", "Y", "N", "N",
         "Y", "N", 0, 0, "N"],
        ["SVYDON", "Survey completed", "Y", "SURVEY9", "Y", "UNDEFINED", "N", "N", "Y", "N",
         "N", "N", "Y", 0, 0, "N"],
        ["SVYVM", "Left a survey voicemail", "Y", "SURVEY9", "N", "UNDEFINED", "N", "N", "N",
         "N", "N", "N", "N", 0, 0, "Y"],
    ]
    with open("vicidial_campaign_statuses.csv", "w", newline="") as f:
        f.write('"' + '","'.join(cols) + '"\r\n')
        for r in rows:
            f.write(",".join(f'"{v}"' for v in r) + "\r\n")


HEADER = ("call_date\tphone_number_dialed\tstatus\tuser\tfull_name\tcampaign_id\t"
          "vendor_lead_code\tsource_id\tlist_id\tgmt_offset_now\tphone_code\tphone_number\t"
          "title\tfirst_name\tmiddle_initial\tlast_name\taddress1\taddress2\taddress3\tcity\t"
          "state\tprovince\tpostal_code\tcountry_code\tgender\tdate_of_birth\talt_phone\temail\t"
          "security_phrase\tcomments\tlength_in_sec\tuser_group\talt_dial\trank\towner\tlead_id\t"
          "list_name\tlist_description\tstatus_name\twrapup_time\tqueue_time\tuniqueid\t"
          "caller_code\tserver_ip\thangup_cause\tdialstatus\tchannel\tdial_time\tanswered_time\t"
          "cpd_result")
AGENTS = {"6001": "Wang Fang", "6002": "Li Na", "6003": "Zhang Wei", "6004": "Liu Yang"}
NAMES = {"RENEWD": "Renewed on the call", "STOPIT": "Asked not to be called",
         "LATER": "Call back later", "SVYDON": "Survey completed",
         "SVYVM": "Left a survey voicemail", "NA": "No Answer AutoDial", "B": "Busy",
         "AA": "Answering Machine Auto", "DROP": "Agent Not Available", "NI": "Not Interested",
         "ADC": "Disconnected Number Auto"}
rows = []
lead = [40000]


def mobile():
    return rng.choice(["139", "138", "150", "186", "177"]) + f"{rng.randint(0, 99999999):08d}"


def call(camp, number, t, status, user=None, talk=None):
    lead[0] += 1
    epoch = int((t - dt.timedelta(hours=8) - dt.datetime(1970, 1, 1)).total_seconds())
    uid = f"{epoch}.{len(rows) + 1000}"
    human = status in ("RENEWD", "STOPIT", "LATER", "SVYDON", "NI", "DROP")
    if user is None:
        user = rng.choice(list(AGENTS)) if human and status != "DROP" else "VDAD"
    ring = rng.randint(6, 24) if status != "NA" else (30 if camp == "RENEW1" else 60)
    talk = talk if talk is not None else (rng.randint(40, 400) if human else 0)
    if status == "DROP":
        talk = 5  # drop_call_seconds, then the safe-harbor audio
    length = talk if human else (rng.randint(5, 20) if status in ("AA", "SVYVM") else 0)
    dialstatus = {"NA": "NOANSWER", "B": "BUSY", "ADC": "CHANUNAVAIL"}.get(status, "ANSWER")
    answered = 0 if dialstatus != "ANSWER" else length
    dial_time = ring + answered
    caller_code = f"V{t:%m%d%H%M%S}"[:10] + f"{lead[0]:010d}"
    f = [t.strftime("%Y-%m-%d %H:%M:%S"), number, status, user, AGENTS.get(user, ""), camp,
         f"Q{lead[0]}", "crm", "1101" if camp == "RENEW1" else "2201", "8.00", "86", number, "",
         "", "", "", "", "", "", "Hangzhou", "", "Zhejiang", "310000", "CN", "U", "0000-00-00",
         "", "", "", "", str(length), "AGENTS", "MAIN", "0", "", str(lead[0]),
         "Renewals Nov" if camp == "RENEW1" else "Survey Q4", "", NAMES[status],
         "0", "0", uid, caller_code, "10.10.0.21", "16" if dialstatus == "ANSWER" else "19",
         dialstatus, f"Local/9{number}@default-0000{len(rows) % 9999:04x};1", str(dial_time),
         str(answered), ""]
    rows.append("\t".join(f))


days = [dt.datetime(2026, 11, 16) + dt.timedelta(days=d) for d in range(6)]  # Mon-Sat
pool = [mobile() for _ in range(90)]
for day in days:
    for _ in range(24):
        camp = rng.choice(["RENEW1", "SURVEY9"])
        start, stop = (10, 16) if day.weekday() == 5 else (9, 19)
        t = day + dt.timedelta(hours=rng.randint(start, stop), minutes=rng.randint(0, 59),
                               seconds=rng.randint(0, 59))
        if camp == "RENEW1":
            status = rng.choice(["RENEWD", "LATER", "NA", "NA", "B", "AA", "NI"])
        else:
            status = rng.choice(["SVYDON", "SVYVM", "NA", "NA", "B", "AA", "DROP"])
        call(camp, rng.choice(pool), t, status)

# planted
call("SURVEY9", "13905710001", dt.datetime(2026, 11, 18, 21, 40, 12), "SVYDON")  # after 21:00
call("SURVEY9", "13905710002", dt.datetime(2026, 11, 19, 7, 15, 3), "NA")        # before 08:00
for k in range(4):                                                              # 4 in 4 minutes
    call("SURVEY9", "18605710003", dt.datetime(2026, 11, 17, 14, 0, 5) + dt.timedelta(minutes=k),
         "NA")
for h in (9, 10, 12, 14, 16, 18):                                               # 6 in a day
    call("SURVEY9", "15005710004", dt.datetime(2026, 11, 20, h, 30, 0), "NA")
call("RENEW1", "13805710005", dt.datetime(2026, 11, 16, 11, 2, 44), "STOPIT")   # refused …
call("RENEW1", "13805710005", dt.datetime(2026, 11, 18, 15, 20, 9), "NA")       # … called again
call("RENEW1", "13900004444", dt.datetime(2026, 11, 19, 10, 11, 12), "NA")      # on dnc.txt
call("RENEW1", "XXXXXXX0006", dt.datetime(2026, 11, 20, 10, 0, 0), "NA")        # masked number

rows.sort(key=lambda r: r[:19])
with open("EXPORT_CALL_REPORT_20261123-090000.txt", "w", newline="") as f:
    f.write(HEADER + "\r\n")
    for r in rows:
        f.write(r + "\r\n")
write_dump()
write_statuses()
