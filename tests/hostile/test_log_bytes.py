"""Hostile bytes in call logs: every row parsed or counted as rejected with its
line and reason, no hang, and memory that does not grow with a line."""
import csv
import json
import os
import unittest
import xml.dom.minidom

from hostile import MEMCHECK, MiB, HostileCase, row, run

GOOD = row()
TOO_LONG = "record longer than 1 MiB (an unterminated quote, or no line ends)"

# Peak RSS bounds (MiB), release build; see tests/hostile/README.md.
SMALL_RUN_MIB = 40      # any small log: measured 4 to 10 MiB
LONG_LINE_MIB = 40      # a 100 MB line, or 1 MB fields: measured 10 to 20 MiB


class Bytes(HostileCase):
    def logs(self, path, *extra):
        return run("logs", path, "-p", "cn", "-f", "json", *extra)

    def test_nul_bytes(self):
        path = self.write_bytes("nul.csv", GOOD + GOOD.replace(b"13912345678", b"139\x0012345678")
                                + b"\x00\x00\x00\n" + GOOD)
        bad = self.assert_counted(self.logs(path), rows=4, parsed=2, rejected=2)
        self.assertEqual(bad, {2: "NUL byte in the row", 3: "NUL byte in the row"})

    def test_nul_byte_inside_quotes_spanning_lines(self):
        # rejected at its first line; reading starts again on its second line,
        # which is a row of its own (docs/adapters.md, "How a log file is read")
        path = self.write_bytes("nul2.csv", GOOD + GOOD.replace(b'"DOCUMENTATION"', b'"a\n\x00b"')
                                + GOOD)
        bad = self.assert_counted(self.logs(path), rows=4, parsed=2, rejected=2)
        self.assertEqual(bad, {2: "NUL byte in the row",
                               3: "malformed quoting (a stray or unbalanced quote)"})

    def test_invalid_utf8_is_data_not_an_error(self):
        # a campaign name and a userfield of bytes that are not UTF-8: the rows
        # are calls; every report format stays well-formed
        weird = row().replace(b'"camp"', b'"\xc3(amp\xff\x1b[2J"').replace(
            b'"DOCUMENTATION"', b'"\xfe\xfe"')
        other = row().replace(b'"camp"', b'"\xc4(amp\xff\x1b[2J"')
        night = row(start="2026-03-10 23:00:00").replace(b'"camp"', b'"\xc3(amp\xff\x1b[2J"')
        path = self.write_bytes("utf8.csv", weird + other + night)
        res = self.logs(path)
        self.assert_counted(res, rows=3, parsed=3, rejected=0)
        report = res.json()
        # two names that differ only in invalid bytes are not dropped: 3 calls
        self.assertEqual(sum(report["stats"]["calls_per_campaign"].values()), 3)
        hours = self.findings(report, "calling-hours")
        self.assertEqual(len(hours), 1)
        self.assertNotIn("\x1b", json.dumps(report, ensure_ascii=False).replace("\\u001b", ""))
        for fmt in ("sarif", "junit", "html", "text", "csv"):
            out = os.path.join(self.tmp, "r." + fmt)
            r = run("logs", path, "-p", "cn", "-f", fmt, "-o", out)
            self.assertEqual((r.rc, r.err), (1, ""), fmt)
            with open(out, "rb") as f:
                data = f.read()
            if fmt == "sarif":
                json.loads(data.decode("utf-8"))
            elif fmt == "junit":
                xml.dom.minidom.parseString(data)
            elif fmt == "csv":
                list(csv.reader(data.decode("utf-8", "surrogateescape").splitlines()))
            else:
                text = data.decode("utf-8")  # valid UTF-8 throughout
                if fmt == "text":
                    # nothing from a log may drive the terminal
                    self.assertFalse([c for c in text if ord(c) < 32 and c not in "\n"], fmt)
                else:
                    self.assertNotIn("\x1b", text)

    def test_crlf_bom_and_bare_cr(self):
        crlf = GOOD.replace(b"\n", b"\r\n")
        bare = GOOD.replace(b'"outbound"', b'"out\rbound"', 1).replace(b'"outbound"', b"outbound")
        path = self.write_bytes("crlf.csv", b"\xef\xbb\xbf" + crlf + crlf + b"\r\n"
                                + GOOD.replace(b'"outbound"', b"out\rbound") + crlf)
        bad = self.assert_counted(self.logs(path), rows=4, parsed=3, rejected=1)
        self.assertEqual(bad, {4: "carriage return inside a row"})
        self.assertTrue(bare)
        # only a byte-order mark, only blank lines: no rows, no error
        for name, data in (("bom.csv", b"\xef\xbb\xbf"), ("blank.csv", b"\r\n\n  \t\r\n")):
            self.assert_counted(self.logs(self.write_bytes(name, data), "--log-format", "asterisk"),
                                rows=0, parsed=0, rejected=0)

    def test_fields_of_a_megabyte(self):
        # a 1,000,000-byte userfield is a row like another; a field past the
        # 1 MiB record cap is one rejected row; 40 of each keep memory flat
        big = row(userfield="x" * 1_000_000)
        over = row(userfield="y" * (MiB + 10))
        path = self.write_bytes("big.csv", GOOD + (big + over) * 40 + GOOD)
        res = self.logs(path)
        bad = self.assert_counted(res, rows=82, parsed=42, rejected=40)
        self.assertEqual(set(bad.values()), {TOO_LONG})
        self.assertEqual(sorted(bad), [3, 5, 7, 9, 11])
        self.assert_peak(res, LONG_LINE_MIB, "40 rows with 1 MB fields")

    @unittest.skipIf(MEMCHECK, "a 100 MB input is not run under valgrind")
    def test_100_mb_line_without_newline(self):
        path = os.path.join(self.tmp, "long.csv")
        with open(path, "wb") as f:
            f.write(GOOD * 3)
            chunk = b"z" * MiB
            for _ in range(100):
                f.write(chunk)
        for jobs in ("1", "2"):
            res = self.logs(path, "-j", jobs)
            bad = self.assert_counted(res, rows=4, parsed=3, rejected=1)
            self.assertEqual(bad, {4: TOO_LONG})
            self.assert_peak(res, LONG_LINE_MIB, "a 100 MB line without a newline")

    @unittest.skipIf(MEMCHECK, "a 100 MB input is not run under valgrind")
    def test_100_mb_line_between_rows_and_an_open_quote(self):
        # an open quote, then a 100 MB line, then good rows: one rejection for
        # the quote's record, one for the line, the rows after it are read
        path = os.path.join(self.tmp, "mid.csv")
        with open(path, "wb") as f:
            f.write(GOOD * 1000)
            f.write(b'"open quote\n')
            chunk = b"q" * MiB
            for _ in range(100):
                f.write(chunk)
            f.write(b"\n")
            f.write(GOOD * 1000)
        res = self.logs(path, "-j", "2")
        bad = self.assert_counted(res, rows=2002, parsed=2000, rejected=2)
        self.assertEqual(bad, {1001: TOO_LONG, 1002: TOO_LONG})
        self.assert_peak(res, LONG_LINE_MIB, "a 100 MB line between rows")

    def test_unterminated_quote_at_end_of_file(self):
        path = self.write_bytes("open.csv", GOOD * 2 + GOOD[:60])
        bad = self.assert_counted(self.logs(path), rows=3, parsed=2, rejected=1)
        self.assertEqual(bad, {3: "unterminated quote at end of file"})
        # the open quote swallows the lines after it: they are read again one by one
        path = self.write_bytes("open2.csv", GOOD + b'"x,\n' + GOOD * 3 + b'"\n')
        res = self.logs(path)
        bad = self.assert_counted(res, rows=6, parsed=4, rejected=2)
        self.assertEqual(bad[2], "malformed quoting (a stray or unbalanced quote)")
        self.assertEqual(bad[6], "unterminated quote at end of file")

    def test_100000_columns(self):
        path = self.write_bytes("wide.csv", GOOD + b",".join([b"a"] * 100_000) + b"\n"
                                + b",".join([b'"b"'] * 100_000) + b"\n" + GOOD)
        res = self.logs(path)
        bad = self.assert_counted(res, rows=4, parsed=2, rejected=2)
        self.assertEqual(bad, {2: "more than 4096 columns", 3: "more than 4096 columns"})
        self.assert_peak(res, SMALL_RUN_MIB, "100 000 columns")

    def test_empty_log(self):
        path = self.write_bytes("empty.csv", b"")
        res = self.logs(path)
        self.assert_counted(res, rows=0, parsed=0, rejected=0)
        self.assertEqual(self.log_input(res.json())["format"], "empty")

    def test_header_only_generic_log(self):
        mapping = self.write("m.cfg", 'mapping = { columns = { number = "to"; start = "at"; }; };\n')
        path = self.write("h.csv", "to,at\n")
        res = run("logs", path, "-p", "cn", "--mapping", mapping, "-f", "json")
        self.assert_counted(res, rows=0, parsed=0, rejected=0)


class ListBytes(HostileCase):
    """The same bytes in do-not-call and consent lists: counted, not fatal."""

    def test_dnc_with_nul_crlf_and_long_line(self):
        dnc = self.write_bytes("dnc.txt", b"\xef\xbb\xbfnumber\r\n13900004444\r\n139\x000004445\r\n"
                               + b"9" * (MiB + 5) + b"\n\xff\xfe\n13900004446")
        res = run("logs", self.write_bytes("l.csv", GOOD), "-p", "cn", "--dnc", dnc, "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        lst = [i for i in res.json()["inputs"] if i["path"] == dnc][0]
        self.assertEqual((lst["rows"], lst["parsed"], lst["rejected"]), (5, 2, 3))

    def test_consent_unterminated_quote(self):
        consent = self.write_bytes("c.csv", b"number,granted_at\n13912345678,2026-01-01 00:00:00\n"
                                   b'"13912345679,2026-01-01 00:00:00\n')
        res = run("logs", self.write_bytes("l.csv", GOOD), "-p", "cn", "--consent", consent,
                  "-f", "json")
        self.assertIn(res.rc, (0, 1), res.err)
        lst = [i for i in res.json()["inputs"] if i["path"] == consent][0]
        self.assertEqual((lst["rows"], lst["parsed"], lst["rejected"]), (2, 1, 1))


if __name__ == "__main__":
    unittest.main()
