"""`cmake --install` puts the binary, the built-in profiles and the man page in
place, and the installed binary finds its profiles from anywhere."""
import os
import subprocess
import unittest

from dialaudit_test import CliTestCase


class Install(CliTestCase):
    def test_installed_binary_finds_its_profiles(self):
        build = os.environ.get("DIALAUDIT_BUILD")
        if not build:
            self.skipTest("DIALAUDIT_BUILD is set by ctest")
        prefix = os.path.join(self.tmp, "prefix")
        subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True,
                       capture_output=True)
        exe = os.path.join(prefix, "bin", "dialaudit")
        self.assertTrue(os.access(exe, os.X_OK))
        self.assertTrue(os.path.isfile(os.path.join(prefix, "share", "man", "man1", "dialaudit.1")))
        self.assertTrue(os.path.isfile(os.path.join(prefix, "share", "dialaudit", "profiles",
                                                    "calendars", "cn.cfg")))
        env = {k: v for k, v in os.environ.items() if k != "DIALAUDIT_PROFILE_DIR"}
        res = subprocess.run([exe, "profiles"], capture_output=True, text=True, cwd="/", env=env)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("cn ", res.stdout)
        res = subprocess.run([exe, "rules", "-p", "us"], capture_output=True, text=True, cwd="/",
                             env=env)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("64.1200", res.stdout)


if __name__ == "__main__":
    unittest.main()
