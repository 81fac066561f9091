"""asterisk-config and exposed-interface, through the whole binary: one folder of
Asterisk files is one campaign, the config rules judge it, and a secret never
appears in any output."""
import glob
import os
import shutil
import unittest

from dialaudit_test import DATA, SAMPLES, CliTestCase, run

SECRET = "Zq9-unique-s3cret"      # long and unusual, but equal to its user name
DEFAULT = "amp111"                # FreePBX's published AMI default

EXTENSIONS = """\
[general]
static = yes

[outbound]
exten => _0X.,1,Set(CALLERID(num)=057188001201)
 same => n,Dial(PJSIP/${EXTEN}@carrier,%s,tT)
 same => n,Hangup()
"""

MANAGER = """\
[general]
enabled = yes
bindaddr = 0.0.0.0

[%s]
secret = %s
permit = 10.0.0.0/255.0.0.0

[admin]
secret = %s
"""


class AsteriskConfig(CliTestCase):
    def folder(self, timeout="30", **files):
        self.write("etc/extensions.conf", EXTENSIONS % timeout)
        for name, text in files.items():
            self.write("etc/" + name.replace("_conf", ".conf"), text)
        return os.path.join(self.tmp, "etc")

    def audit(self, *paths, profile="uk", fmt="json", extra=()):
        res = run("scan", *paths, "-p", profile, "-f", fmt, *extra)
        self.assertIn(res.rc, (0, 1), res.err)
        return res

    def exposures(self, report):
        return [f for f in report["findings"] if f["rule"] == "exposed-interface"]

    def ring(self, timeout):
        d = self.folder(timeout)
        r = self.audit(os.path.join(d, "extensions.conf")).json()
        return [f for f in r["findings"] if f["rule"] == "ring-time"]

    def test_dial_timeout_at_the_profile_minimum_passes(self):
        # uk: at least 15 s of ringing
        self.assertEqual(self.ring("15"), [])

    def test_dial_timeout_one_below_is_flagged_at_its_line(self):
        got = self.ring("14")
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["severity"], "medium")
        self.assertEqual(got[0]["actual"], "14 s")
        self.assertEqual(got[0]["location"]["line"], 6)
        self.assertTrue(got[0]["location"]["path"].endswith("etc/extensions.conf"))
        self.assertEqual(got[0]["campaign"], "asterisk:etc")

    def test_dial_without_timeout_rings_forever(self):
        self.assertEqual(self.ring(""), [])

    def test_folder_is_one_campaign_with_settings_from_each_file(self):
        d = self.folder("30", asterisk_conf="[options]\nmaxcalls = 80\n")
        self.write("licence.cfg", """\
            licence = {
              holder = "X"; number = "B2-1"; type = "B07"; issued = "2024-01-01";
              expires = "2030-01-01"; capacity = { seats = 10; channels = 60; };
              caller_numbers = ["0571-8800-1201"];
            };
            """)
        r = self.audit(d, profile="cn", extra=("--licence", os.path.join(self.tmp, "licence.cfg"),
                                               "--today", "2026-11-28")).json()
        self.assertEqual({f["campaign"] for f in r["findings"] if f["campaign"]},
                         {"asterisk:etc"})
        cap = [f for f in r["findings"] if f["rule"] == "capacity"
               and f["actual"] == "80 channels"]
        self.assertEqual(len(cap), 1)
        self.assertTrue(cap[0]["location"]["path"].endswith("etc/asterisk.conf"))
        self.assertEqual(cap[0]["location"]["line"], 2)
        inputs = {os.path.basename(i["path"]): i["format"] for i in r["inputs"]}
        self.assertEqual(inputs, {"extensions.conf": "asterisk-config",
                                  "asterisk.conf": "asterisk-config",
                                  "licence.cfg": "dialaudit-licence"})

    def test_allowguest_default_is_flagged_and_no_clears_it(self):
        d = self.folder(sip_conf="[general]\ncontext = default\n")
        got = self.exposures(self.audit(d).json())
        self.assertEqual([(f["key"], f["severity"], f["location"]["line"]) for f in got],
                         [("allowguest", "medium", 1)])
        self.assertIn("defaults to yes", got[0]["message"])
        self.write("etc/sip.conf", "[general]\nallowguest = no\n")
        self.assertEqual(self.exposures(self.audit(d).json()), [])

    def test_open_ami_with_default_and_user_name_secrets(self):
        d = self.folder(manager_conf=MANAGER % (SECRET, SECRET, DEFAULT))
        got = self.exposures(self.audit(d).json())
        by = sorted((f["severity"], f["key"], f["location"]["line"]) for f in got)
        self.assertEqual(by, [("high", "bindaddr", 3), ("high", "secret", 6),
                              ("high", "secret", 10), ("medium", "permit", 9)])
        for f in got:
            self.assertIn("security practice", f["limit"])
            self.assertIsNone(f.get("source"))

    def test_ami_on_localhost_only_weak_secret(self):
        d = self.folder(manager_conf=MANAGER.replace("0.0.0.0", "127.0.0.1")
                        % ("app", "Vx7-pLq2-Rk9w-Zt4m", DEFAULT))
        got = self.exposures(self.audit(d).json())
        self.assertEqual([(f["key"], f["location"]["line"]) for f in got], [("secret", 10)])

    def test_a_secret_never_appears_in_any_output(self):
        # SECRET is also its user's name: naming the user would print it
        d = self.folder(manager_conf=MANAGER % (SECRET, SECRET, DEFAULT),
                        pjsip_conf="[t]\ntype = transport\nbind = 0.0.0.0\n"
                                   "[a]\ntype = auth\nusername = a\npassword = %s\n" % DEFAULT,
                        ari_conf="[general]\nenabled = yes\n[ari]\ntype = user\npassword = %s\n"
                                 % DEFAULT,
                        http_conf="[general]\nenabled = yes\nbindaddr = 0.0.0.0\n")
        for fmt in ("json", "text", "sarif", "csv", "junit", "html"):
            details = os.path.join(self.tmp, "details-%s.csv" % fmt)
            res = self.audit(d, fmt=fmt, extra=("--details", details))
            self.assertEqual(res.rc, 1, res.err)
            self.assertIn("exposed-interface", res.out, fmt)
            for text in (res.out, res.err):
                self.assertNotIn(DEFAULT, text, fmt)
                self.assertNotIn(SECRET.lower(), text.lower(), fmt)
                self.assertNotIn(SECRET[:6], text, fmt)
            if os.path.exists(details):
                with open(details) as f:
                    self.assertNotIn(DEFAULT, f.read())
        r = self.audit(d).json()
        keys = sorted(f["key"] for f in self.exposures(r))
        # AMI open; AMI admin without permit; HTTP open; ARI on it; four weak secrets
        self.assertEqual(keys, ["bindaddr", "bindaddr", "enabled", "permit", "secret", "secret",
                                "secret", "secret"])
        unnamed = [f for f in self.exposures(r) if "not named here" in f["message"]]
        self.assertEqual(len(unnamed), 1)
        self.assertEqual(unnamed[0]["location"]["line"], 6)

    def test_a_malformed_line_is_not_echoed(self):
        d = self.folder(manager_conf="[general]\nenabled = yes\n[admin]\nsecret %s\n" % SECRET)
        res = run("scan", d, "-p", "uk", "-f", "json")
        self.assert_error(res, "manager.conf:4", "not a category")
        self.assertNotIn(SECRET, res.err)

    def test_bad_line_is_an_input_error_naming_file_and_line(self):
        d = self.folder(asterisk_conf="[options]\nthis is not a setting\n")
        res = run("scan", d, "-p", "uk", "-f", "json")
        self.assert_error(res, "asterisk.conf:2")


class RealSamples(CliTestCase):
    """Asterisk's own sample configurations (tests/data/real/asterisk, GPLv2)."""

    def test_every_real_sample_reads_without_error(self):
        samples = sorted(glob.glob(os.path.join(DATA, "real", "asterisk", "*.conf.sample")))
        self.assertEqual(len(samples), 7)
        etc = os.path.join(self.tmp, "etc")
        os.makedirs(etc)
        for s in samples:
            shutil.copy(s, os.path.join(etc, os.path.basename(s)[:-len(".sample")]))
        res = run("scan", etc, "-p", "us", "-f", "json")
        self.assertEqual(res.rc, 1, res.err)
        r = res.json()
        self.assertEqual(sorted((os.path.basename(i["path"]), i["format"], i["status"])
                                for i in r["inputs"]),
                         [(os.path.basename(s)[:-len(".sample")], "asterisk-config", "read")
                          for s in samples])
        # the sample dialplan's outbound Dial()s give no timeout: they ring forever
        self.assertEqual([f for f in r["findings"] if f["rule"] == "ring-time"], [])
        # sip.conf.sample leaves allowguest commented out: the default (yes) holds
        guest = [f for f in r["findings"] if f["rule"] == "exposed-interface"
                 and f["key"] == "allowguest"]
        self.assertEqual(len(guest), 1)


class Samples(CliTestCase):
    def test_sample_folder_findings(self):
        res = run("scan", os.path.join(SAMPLES, "asterisk", "etc"), "-p", "cn", "-f", "json")
        self.assertEqual(res.rc, 1, res.err)
        got = sorted((f["severity"], os.path.basename(f["location"]["path"]), f["key"])
                     for f in res.json()["findings"] if f["rule"] == "exposed-interface")
        self.assertEqual(got, [("high", "manager.conf", "bindaddr"),
                               ("high", "manager.conf", "secret"),
                               ("high", "pjsip.conf", "secret"),
                               ("medium", "manager.conf", "permit"),
                               ("medium", "pjsip.conf", "auth")])


if __name__ == "__main__":
    unittest.main()
