"""FreeSWITCH: switch.conf.xml capacity, callcenter.conf.xml, cdr_csv logs by template."""
import json
import os
import unittest

from dialaudit_test import DATA, SAMPLES, SHARED_FORMATS, CliTestCase, run

REAL = os.path.join(DATA, "real", "freeswitch")
SHARED_MASTER = os.path.join(SHARED_FORMATS, "freeswitch", "real-samples",
                             "Kxingyunliushui-freeswitch_tools", "Master.csv")
LICENCE4 = os.path.join(DATA, "licences", "b07.cfg")  # channels = 4

SWITCH = """\
<configuration name="switch.conf" description="Core Configuration">
  <settings>
    <param name="loglevel" value="info"/>
{params}  </settings>
</configuration>
"""

CDR_CONF = """\
<configuration name="cdr_csv.conf">
  <settings>
    <param name="default-template" value="{default}"/>
  </settings>
  <templates>
    <template name="example">"${{caller_id_name}}","${{caller_id_number}}","${{destination_number}}","${{context}}","${{start_stamp}}","${{answer_stamp}}","${{end_stamp}}","${{duration}}","${{billsec}}","${{hangup_cause}}","${{uuid}}","${{bleg_uuid}}","${{accountcode}}","${{read_codec}}","${{write_codec}}"</template>
    <template name="dialer">"${{accountcode}}","${{caller_id_name}}","${{origination_caller_id_number}}","${{destination_number}}","${{start_epoch}}","${{answer_epoch}}","${{end_epoch}}","${{billsec}}","${{hangup_cause}}","${{uuid}}","${{cc_cause}}"</template>
    <template name="vip">"${{uuid}}","${{destination_number}}","${{start_stamp}}","${{duration}}","${{hangup_cause}}"</template>
  </templates>
</configuration>
"""

UUID = "0b6d3c4e-7d21-4f0a-9a11-5d2e8f0c1a{:02d}"


def dialer_row(i, dst, start, answer, end, billsec, cause, cc="", camp="renewals",
               name="Qiantang Care"):
    return (f'"{camp}","{name}","057188001201","{dst}","{start}","{answer}","{end}",'
            f'"{billsec}","{cause}","{UUID.format(i)}","{cc}"')


def default_row(i, dst, start, answer, end, dur, bill, cause, acct="acct1", name="Bob"):
    # mod_cdr_csv's built-in template: a space before the last field
    return (f'"{name}","1001","{dst}","default","{start}","{answer}","{end}","{dur}","{bill}",'
            f'"{cause}","{UUID.format(i)}","", "{acct}"')


class FreeswitchTest(CliTestCase):
    def tree(self, switch_params=None, cdr_default=None, master=None, account_files=None):
        """A prefix install: conf/autoload_configs/ and log/cdr-csv/."""
        if switch_params is not None:
            self.write("fs/conf/autoload_configs/switch.conf.xml",
                       SWITCH.format(params="".join(
                           f'    <param name="{k}" value="{v}"/>\n' for k, v in switch_params)))
        if cdr_default is not None:
            self.write("fs/conf/autoload_configs/cdr_csv.conf.xml",
                       CDR_CONF.format(default=cdr_default))
        if master is not None:
            self.master = self.write("fs/log/cdr-csv/Master.csv", "\n".join(master) + "\n")
        for name, rows in (account_files or {}).items():
            self.write(f"fs/log/cdr-csv/{name}", "\n".join(rows) + "\n")
        return os.path.join(self.tmp, "fs")

    def logs(self, path, *extra):
        res = run("logs", path, "-p", "cn", "--log-tz", "Asia/Shanghai", "--today", "2026-03-20",
                  "-f", "json", *extra)
        self.assertIn(res.rc, (0, 1), res.err)
        return res.json()

    def log_input(self, report, path=None):
        logs = [i for i in report["inputs"] if i["kind"] == "call-log"]
        if path is not None:
            logs = [i for i in logs if i["path"] == path]
        self.assertEqual(len(logs), 1, report["inputs"])
        i = logs[0]
        self.assertEqual(i["rows"], i["parsed"] + i["rejected"])
        return i


class SwitchConf(FreeswitchTest):
    def config(self, params, licence=LICENCE4):
        root = self.tree(switch_params=params)
        path = os.path.join(root, "conf", "autoload_configs", "switch.conf.xml")
        args = ["config", path, "-p", "cn", "--today", "2026-03-20", "-f", "json"]
        if licence:
            args += ["--licence", licence]
        res = run(*args)
        self.assertIn(res.rc, (0, 1), res.err)
        return path, res.json()

    def licence_findings(self, report):
        return [f for f in report["findings"]
                if f["rule"] == "capacity" and f["key"] == "max_channels"]

    def test_max_sessions_equal_to_licence_is_clean(self):
        _, report = self.config([("max-sessions", "4"), ("sessions-per-second", "2")])
        self.assertEqual(self.licence_findings(report), [])

    def test_max_sessions_one_above_licence(self):
        path, report = self.config([("max-sessions", "5"), ("sessions-per-second", "2")])
        found = self.licence_findings(report)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["location"], {"path": path, "line": 4})
        self.assertEqual(found[0]["campaign"], "freeswitch:fs")
        self.assertEqual(found[0]["actual"], "5 channels")
        self.assertEqual(found[0]["severity"], "high")

    def test_absent_max_sessions_is_freeswitch_default_1000(self):
        path, report = self.config([("sessions-per-second", "2")])
        found = self.licence_findings(report)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["actual"], "1000 channels")
        self.assertEqual(found[0]["location"], {"path": path, "line": 2})  # <settings>

    def test_zero_keeps_the_default(self):
        _, report = self.config([("max-sessions", "0")])
        self.assertEqual(self.licence_findings(report)[0]["actual"], "1000 channels")

    def test_preprocessor_value_is_unknown(self):
        path, report = self.config([("max-sessions", "$${max_sessions}")])
        found = self.licence_findings(report)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["actual"], "not set")
        self.assertEqual(found[0]["location"], {"path": path, "line": 4})

    def test_bad_value_is_an_error_at_its_line(self):
        root = self.tree(switch_params=[("max-sessions", "lots")])
        path = os.path.join(root, "conf", "autoload_configs", "switch.conf.xml")
        res = run("config", path, "-p", "cn")
        self.assert_error(res, f"{path}:4:", "max-sessions")

    def test_gbk_comment_read_as_bytes(self):
        # Windows editors save Chinese comments in GBK; FreeSWITCH reads bytes, so do we
        path = os.path.join(self.tmp, "switch.conf.xml")
        with open(path, "wb") as f:
            f.write('<?xml version="1.0" encoding="GBK"?>\n<configuration name="switch.conf">\n'
                    '<!-- 最大并发 -->\n<settings>\n<param name="max-sessions" value="5"/>\n'
                    '</settings>\n</configuration>\n'.encode("gbk"))
        res = run("config", path, "-p", "cn", "--licence", LICENCE4, "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        found = self.licence_findings(res.json())
        self.assertEqual([(f["actual"], f["location"]["line"]) for f in found], [("5 channels", 5)])

    def test_hostile_xml_refused(self):
        path = self.write("switch.conf.xml", """\
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <configuration name="switch.conf"><settings>&lol2;</settings></configuration>
            """)
        res = run("config", path, "-p", "cn")
        self.assert_error(res, f"{path}:2:", "DOCTYPE")

    def test_two_installs_of_one_name_stay_apart(self):
        for site, sessions in (("a", "3"), ("b", "9")):
            self.write(f"{site}/freeswitch/conf/autoload_configs/switch.conf.xml",
                       SWITCH.format(params=f'    <param name="max-sessions" value="{sessions}"/>\n'))
        res = run("scan", self.tmp, "-p", "cn", "--licence", LICENCE4, "--today", "2026-03-20",
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        found = {f["campaign"]: f["actual"] for f in self.licence_findings(res.json())}
        b = os.path.join(self.tmp, "b", "freeswitch")
        self.assertEqual(found, {f"freeswitch:{b}": "9 channels"})
        names = {f["campaign"] for f in res.json()["findings"] if f["campaign"]}
        self.assertEqual(names, {"freeswitch:freeswitch", f"freeswitch:{b}"})

    def test_a_whole_freeswitch_xml_is_not_a_configuration(self):
        path = self.write("freeswitch.xml", """\
            <?xml version="1.0"?>
            <!-- the preprocessed whole, as in log/freeswitch.xml.fsxml -->
            <document type="freeswitch/xml">
              <section name="configuration">
                <configuration name="switch.conf"><settings/></configuration>
              </section>
            </document>
            """)
        res = run("scan", self.tmp, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        got = [i for i in res.json()["inputs"] if i["path"] == path]
        self.assertEqual(got[0]["status"], "skipped")
        # a comment and single quotes before the root are fine
        path = self.write("conf/switch.conf.xml", """\
            <!-- <configuration name="callcenter.conf"> -->
            <configuration name='switch.conf'><settings>
            <param name="max-sessions" value="4"/></settings></configuration>
            """)
        res = run("config", path, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(res.json()["inputs"][0]["format"], "freeswitch-config")

    def test_real_vanilla_files(self):
        for name in ("switch.conf.xml", "callcenter.conf.xml", "cdr_csv.conf.xml",
                     "mod_callcenter-callcenter.conf.xml"):
            path = os.path.join(REAL, name)
            res = run("config", path, "-p", "cn", "-f", "json")
            self.assertIn(res.rc, (0, 1), f"{name}: {res.err}")
            self.assertEqual(res.json()["inputs"][0]["format"], "freeswitch-config")
        res = run("config", os.path.join(REAL, "switch.conf.xml"), "-p", "cn", "--licence",
                  LICENCE4, "-f", "json")
        found = self.licence_findings(res.json())
        self.assertEqual(found[0]["actual"], "1000 channels")
        self.assertEqual(found[0]["location"]["line"], 61)


class CallcenterConf(FreeswitchTest):
    def seats(self, agents, tiers, seats=3):
        """callcenter.conf.xml with these agents and tiers, beside switch.conf.xml,
        under a licence of `seats` seats: the install's seat findings."""
        self.write("fs/conf/autoload_configs/switch.conf.xml",
                   SWITCH.format(params='    <param name="max-sessions" value="4"/>\n'))
        self.write("fs/conf/autoload_configs/callcenter.conf.xml",
                   '<configuration name="callcenter.conf">\n'
                   '  <queues><queue name="q@d"/></queues>\n'
                   '  <agents>\n' + "".join(f'    <agent name="{a}" type="callback"/>\n'
                                             for a in agents) +
                   '  </agents>\n'
                   '  <tiers>\n' + "".join(f'    <tier agent="{a}" queue="q@d"/>\n'
                                            for a in tiers) +
                   '  </tiers>\n</configuration>\n')
        with open(LICENCE4, encoding="utf-8") as f:
            licence = self.write("licence.cfg", f.read().replace("seats = 10",
                                                                 f"seats = {seats}"))
        res = run("scan", os.path.join(self.tmp, "fs"), "-p", "cn", "--licence", licence,
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        report = res.json()
        # both files feed one install campaign, named after switch.conf's install
        self.assertEqual(sorted({f["campaign"] for f in report["findings"]
                                 if f["campaign"]}), ["freeswitch:fs"])
        return [f for f in report["findings"] if f["key"] == "agents"]

    def test_agents_against_the_licence_seats(self):
        # tiered agents count: 3 of them at 3 seats pass, a 4th is one too many
        self.assertEqual(self.seats(["a", "b", "c", "d"], ["a", "b", "c", "a"]), [])
        found = self.seats(["a", "b", "c", "d"], ["a", "b", "c", "d"])
        self.assertEqual([(f["rule"], f["severity"], f["actual"]) for f in found],
                         [("capacity", "high", "4 agents")])
        self.assertTrue(found[0]["location"]["path"].endswith("callcenter.conf.xml"))
        self.assertEqual(found[0]["location"]["line"], 9)  # <tiers>
        # without tiers every agent counts
        found = self.seats(["a", "b", "c", "d"], [])
        self.assertEqual([f["actual"] for f in found], ["4 agents"])
        self.assertEqual(found[0]["location"]["line"], 3)  # <agents>
        self.assertEqual(self.seats(["a", "b", "c", "d"], [], seats=4), [])

    def test_sample_agents_fit_the_sample_licence(self):
        path = os.path.join(SAMPLES, "freeswitch", "conf", "autoload_configs",
                            "callcenter.conf.xml")
        res = run("config", path, "-p", "cn", "--licence", os.path.join(SAMPLES, "licence.cfg"),
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual([f for f in res.json()["findings"] if f["key"] == "agents"], [])

    def test_errors_at_their_line(self):
        cases = [
            ('<queue name="q@d">\n<param name="strategy" value="fastest"/>\n</queue>', 3,
             "strategy"),
            ('<queue name="q@d">\n<param name="max-wait-time" value="-1"/>\n</queue>', 3,
             "max-wait-time"),
            ('<queue>\n</queue>', 2, "without a name"),
        ]
        for body, line, word in cases:
            path = self.write("callcenter.conf.xml",
                              f'<configuration name="callcenter.conf">\n<queues>{body}</queues>\n'
                              '</configuration>\n')
            res = run("config", path, "-p", "cn")
            self.assert_error(res, f"{path}:{line}:", word)


class CdrTemplates(FreeswitchTest):
    def test_custom_template_from_the_site_config(self):
        self.tree(cdr_default="dialer", master=[
            dialer_row(1, "13905710001", 1773622930, 1773622938, 1773623033, 95,
                       "NORMAL_CLEARING", "answered"),
            dialer_row(2, "13905710002", 1773623140, 0, 1773623165, 0, "NO_ANSWER"),
            dialer_row(3, "13905710003", 1773624600, 1773624607, 1773624647, 40,
                       "NORMAL_CLEARING", "cancel"),
        ])
        report = self.logs(self.master)
        i = self.log_input(report)
        self.assertEqual((i["rows"], i["parsed"], i["rejected"]), (3, 3, 0))
        self.assertEqual(i["format"], "freeswitch-cdr")
        self.assertIn("template 'dialer'", i["layout"])
        self.assertIn("cdr_csv.conf.xml:7,", i["layout"])
        self.assertIn("default-template at line 3", i["layout"])
        self.assertNotIn("..", i["layout"])
        stats = report["stats"]
        self.assertEqual(stats["calls_per_campaign"], {"renewals": 3}, stats)
        # cc_cause=cancel on an answered leg is an abandoned call; answered ones count live
        res = run("logs", self.master, "-p", os.path.join(DATA, "profiles", "strict.cfg"),
                  "--log-tz", "Asia/Shanghai", "-f", "json")
        rate = self.findings(res.json(), "abandon-rate")
        self.assertEqual(len(rate), 1, res.out)
        self.assertEqual(rate[0]["actual"], "50.00% (1 of 2)")

    def test_default_template_when_no_config(self):
        self.tree(master=[
            default_row(1, "13905710001", "2026-03-16 09:02:10", "2026-03-16 09:02:18",
                        "2026-03-16 09:03:53", 103, 95, "NORMAL_CLEARING"),
            default_row(2, "13905710002", "2026-03-16 09:05:40", "", "2026-03-16 09:06:05", 25, 0,
                        "NO_ANSWER"),
        ])
        i = self.log_input(self.logs(self.master))
        self.assertEqual((i["rows"], i["parsed"], i["rejected"]), (2, 2, 0))
        self.assertIn("built-in template 'default' (13 columns)", i["layout"])

    def test_config_naming_a_missing_template_falls_back_to_builtin(self):
        self.tree(cdr_default="nosuch", master=[
            default_row(1, "13905710001", "2026-03-16 09:02:10", "", "2026-03-16 09:02:20", 10, 0,
                        "NO_ANSWER")])
        i = self.log_input(self.logs(self.master))
        self.assertEqual(i["parsed"], 1)
        self.assertIn("built-in template 'default'", i["layout"])

    def test_account_file_uses_template_named_after_account(self):
        root = self.tree(cdr_default="dialer", account_files={"vip.csv": [
            f'"{UUID.format(1)}","13905710001","2026-03-16 09:02:10","30","NO_ANSWER"']})
        path = os.path.join(root, "log", "cdr-csv", "vip.csv")
        i = self.log_input(self.logs(path))
        self.assertEqual((i["parsed"], i["rejected"]), (1, 0))
        self.assertIn("template 'vip'", i["layout"])
        self.assertIn("named after the account", i["layout"])

    def test_rotated_master_uses_the_default_template(self):
        root = self.tree(cdr_default="vip", account_files={"Master.csv.2026-03-16-00-00-00": [
            f'"{UUID.format(1)}","13905710001","2026-03-16 09:02:10","30","NO_ANSWER"']})
        path = os.path.join(root, "log", "cdr-csv", "Master.csv.2026-03-16-00-00-00")
        i = self.log_input(self.logs(path))
        self.assertEqual((i["format"], i["parsed"], i["rejected"]), ("freeswitch-cdr", 1, 0))
        self.assertIn("template 'vip'", i["layout"])
        self.assertIn("the default-template at line 3", i["layout"])

    def test_unreadable_site_config_stops_the_run(self):
        conf = self.write("fs/conf/autoload_configs/cdr_csv.conf.xml",
                          '<configuration name="cdr_csv.conf">\n<templates>\n'
                          '<template name="x">"${a"</template>\n</templates>\n</configuration>\n')
        log = self.write("fs/log/cdr-csv/Master.csv", default_row(
            1, "13905710001", "2026-03-16 09:02:10", "", "2026-03-16 09:02:20", 10, 0,
            "NO_ANSWER") + "\n")
        res = run("logs", log, "-p", "cn")
        self.assert_error(res, f"{conf}:3:", 'template "x"', "closing }")

    def test_template_without_destination_is_an_error(self):
        self.write("fs/conf/autoload_configs/cdr_csv.conf.xml", """\
            <configuration name="cdr_csv.conf">
              <settings><param name="default-template" value="t"/></settings>
              <templates>
                <template name="t">"${uuid}","${start_stamp}","${hangup_cause}"</template>
              </templates>
            </configuration>
            """)
        log = self.write("fs/log/cdr-csv/Master.csv",
                         f'"{UUID.format(1)}","2026-03-16 09:02:10","NO_ANSWER"\n')
        res = run("logs", log, "-p", "cn")
        self.assert_error(res, "cdr_csv.conf.xml:4:", "destination_number")


class QuoteRecovery(FreeswitchTest):
    def test_unescaped_quotes_recovered_or_rejected_with_line(self):
        rows = [
            default_row(1, "13905710001", "2026-03-16 09:02:10", "", "2026-03-16 09:02:20", 10, 0,
                        "NO_ANSWER"),
            default_row(2, "13905710002", "2026-03-16 09:03:10", "", "2026-03-16 09:03:20", 10, 0,
                        "NO_ANSWER", name='Bob "the" Smith'),
            # the separator inside a value: two splits are possible, none is taken
            default_row(3, "13905710003", "2026-03-16 09:04:10", "", "2026-03-16 09:04:20", 10, 0,
                        "NO_ANSWER", name='Bob "x","y'),
            # a quote closing the last value: libcsv runs on into the next line
            default_row(4, "13905710004", "2026-03-16 09:05:10", "", "2026-03-16 09:05:20", 10, 0,
                        "NO_ANSWER", acct='acct1 "'),
            default_row(5, "13905710005", "2026-03-16 09:06:10", "", "2026-03-16 09:06:20", 10, 0,
                        "NO_ANSWER"),
            "",
            default_row(6, "13905710006", "2026-03-16 09:07:10", "", "2026-03-16 09:07:20", 10, 0,
                        "NO_ANSWER", name='"'),
            default_row(7, "13905710007", "2026-03-16 09:08:10", "", "2026-03-16 09:08:20", 10, 0,
                        "NO_ANSWER"),
        ]
        self.tree(master=rows)
        details = os.path.join(self.tmp, "d.csv")
        report = self.logs(self.master, "--details", details, "--show-numbers")
        i = self.log_input(report)
        self.assertEqual((i["rows"], i["parsed"], i["rejected"]), (7, 6, 1))
        self.assertEqual(i["rejected_examples"], [
            {"line": 3, "reason": "stray quote, and the template 'default' does not split the "
                                  "line into 13 fields either"}])
        self.assertIn("3 rows with unescaped quotes read by the template's separators",
                      i["layout"])

    def test_lines_exact_after_recovery(self):
        # every call is at 22:xx, so each is a calling-hours finding naming its line
        rows = []
        for k in range(1, 7):
            name = 'A "b" C' if k in (2, 4) else "Bob"
            acct = 'x "' if k == 3 else "acct1"
            rows.append(default_row(k, f"1390571000{k}", f"2026-03-16 22:0{k}:00", "",
                                    f"2026-03-16 22:0{k}:10", 10, 0, "NO_ANSWER", name=name,
                                    acct=acct))
        self.tree(master=rows)
        details = os.path.join(self.tmp, "d.csv")
        self.logs(self.master, "--details", details, "--show-numbers")
        import csv
        with open(details, newline="") as f:
            got = sorted((int(r["line"]), r["number"][-1]) for r in csv.DictReader(f)
                         if r["rule"] == "calling-hours")
        self.assertEqual(got, [(k, str(k)) for k in range(1, 7)])


class Sniffing(FreeswitchTest):
    def test_asterisk_cdr_stays_asterisk(self):
        res = run("logs", os.path.join(SAMPLES, "logs", "asterisk", "Master.csv"), "-p", "cn",
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(self.log_input(res.json())["format"], "asterisk-cdr")

    def test_freeswitch_asterisk_template_is_freeswitch(self):
        # mod_cdr_csv's "asterisk" template: Asterisk's 18 columns, FreeSWITCH values
        row = ('"acct1","1001","13905710001","default","\\"Bob\\" <1001>","sofia/x","","bridge",'
               '"","2026-03-16 09:02:10","","2026-03-16 09:02:20","10","0","NO_ANSWER",'
               f'"3","{UUID.format(1)}",""')
        log = self.write("Master.csv", row + "\n")
        res = run("logs", log, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(self.log_input(res.json())["format"], "freeswitch-cdr")

    def test_export_with_a_header_is_not_freeswitch(self):
        # a contact-centre export built on FreeSWITCH: causes and UUIDs, and a header
        mapping = self.write("mapping.cfg", """\
            mapping = {
              delimiter = ",";
              columns = { number = "destination_number"; start = "start_stamp"; };
              time = { format = "%Y-%m-%d %H:%M:%S"; };
            };
            """)
        log = self.write("export.csv",
                         "uuid,destination_number,start_stamp,hangup_cause\n"
                         f"{UUID.format(1)},13905710001,2026-03-16 09:02:10,NORMAL_CLEARING\n")
        res = run("logs", log, "-p", "cn", "-f", "json")
        self.assert_error(res, "not a recognised format")
        res = run("logs", log, "-p", "cn", "--mapping", mapping, "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(self.log_input(res.json())["format"], "generic-csv")
        # the same rows without the header are FreeSWITCH's
        log = self.write("cdr-csv/Master.csv",
                         f"{UUID.format(1)},13905710001,2026-03-16 09:02:10,NORMAL_CLEARING\n")
        res = run("logs", log, "-p", "cn", "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        self.assertEqual(self.log_input(res.json())["format"], "freeswitch-cdr")

    def test_freeswitch_sample_is_freeswitch(self):
        path = os.path.join(SAMPLES, "freeswitch", "log", "cdr-csv", "Master.csv")
        i = self.log_input(self.logs(path), path)
        self.assertEqual(i["format"], "freeswitch-cdr")
        self.assertEqual((i["rows"], i["parsed"], i["rejected"]), (16, 15, 1))


class RealFiles(FreeswitchTest):
    def check_spreadsheet_master(self, path, rows):
        i = self.log_input(self.logs(path))
        self.assertEqual(i["format"], "freeswitch-cdr")
        self.assertEqual(i["rows"], rows)
        self.assertIn("template 'example'", i["layout"])
        return i

    def test_synthetic_spreadsheet_master(self):
        i = self.check_spreadsheet_master(os.path.join(DATA, "freeswitch", "excel-master.csv"), 6)
        # three originate legs whose destination is "&", three real numbers
        self.assertEqual((i["parsed"], i["rejected"]), (3, 3))
        self.assertEqual(i["first_call"], "2021-03-04T01:50:00Z")
        self.assertTrue(all("callee_id_number" in e["reason"] for e in i["rejected_examples"]))

    def test_real_spreadsheet_master(self):
        if not os.path.exists(SHARED_MASTER):
            self.skipTest(f"{SHARED_MASTER} is not here (no licence: never copied into the repo)")
        i = self.check_spreadsheet_master(SHARED_MASTER, 10)
        self.assertEqual(i["parsed"] + i["rejected"], 10)
        self.assertEqual(i["first_call"], "2020-02-10T14:41:00Z")


if __name__ == "__main__":
    unittest.main()
