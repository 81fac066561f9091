#!/usr/bin/env python3
"""Generates profiles/calendars/cn.cfg, China's holiday calendar, from holiday-cn data.

Usage: gen-calendar-cn.py [DATA_DIR] [-o OUTPUT] [--commit SHA]

DATA_DIR holds the per-year JSON files of NateScarlet/holiday-cn (20*.json)
and, optionally, a SOURCE.md that names the commit they were taken from. It
defaults to ../shared/data/holiday-cn beside the repository. OUTPUT defaults to
profiles/calendars/cn.cfg in the repository; "-" writes to standard output.

The output is deterministic (no timestamps), so regenerating from the same
data gives the same file and a diff shows only what the new data changed.
Python 3 standard library only.
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data", "holiday-cn")
DEFAULT_OUT = os.path.join(REPO, "profiles", "calendars", "cn.cfg")
UPSTREAM = "https://github.com/NateScarlet/holiday-cn"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not strftime: locale-free

# English names shown after the official Chinese ones; unknown names are kept as given.
ENGLISH = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明节": "Qingming Festival",
    "劳动节": "Labour Day",
    "端午节": "Dragon Boat Festival",
    "中秋节": "Mid-Autumn Festival",
    "国庆节": "National Day",
}


class DataError(Exception):
    pass


def display_name(name):
    """'中秋节、国庆节' -> '中秋节、国庆节 Mid-Autumn Festival and National Day'."""
    parts = name.split("、")
    if all(p in ENGLISH for p in parts):
        return "%s %s" % (name, " and ".join(ENGLISH[p] for p in parts))
    return name


def cfg_string(s):
    """A libconfig string literal."""
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def source_commit(data_dir):
    path = os.path.join(data_dir, "SOURCE.md")
    try:
        with open(path, encoding="utf-8") as f:
            m = re.search(r"\bcommit ([0-9a-f]{40})\b", f.read())
    except OSError:
        return None
    return m.group(1) if m else None


def load_years(data_dir):
    """Returns (years, days, papers): days maps date -> (is_off, name)."""
    files = sorted(glob.glob(os.path.join(data_dir, "20[0-9][0-9].json")))
    if not files:
        raise DataError("no 20*.json files in %s" % data_dir)
    years, days, papers = [], {}, {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            try:
                doc = json.load(f)
            except ValueError as e:
                raise DataError("%s: not JSON: %s" % (path, e))
        year = doc.get("year")
        if year != int(os.path.basename(path)[:4]):
            raise DataError("%s: 'year' is %r, not the year of the file name" % (path, year))
        years.append(year)
        papers[year] = doc.get("papers", [])
        for i, d in enumerate(doc.get("days", [])):
            where = "%s: days[%d]" % (path, i)
            try:
                date = datetime.date.fromisoformat(d["date"])
                name, off = d["name"], d["isOffDay"]
            except (KeyError, TypeError, ValueError) as e:
                raise DataError("%s: needs a valid date, name and isOffDay (%s)" % (where, e))
            if not isinstance(off, bool) or not isinstance(name, str):
                raise DataError("%s: isOffDay must be true/false and name a string" % where)
            if date in days and days[date][0] != off:
                raise DataError("%s: %s is both a holiday and a working day" % (where, date))
            days[date] = (off, name)
    if years != list(range(years[0], years[-1] + 1)):
        raise DataError("years %s are not contiguous: the calendar would claim to cover a "
                        "year it has no data for" % years)
    return years, days, papers


def render(years, days, papers, commit):
    first, last = years[0], years[-1]
    out = []
    w = out.append
    w("# China (mainland): public holidays and make-up working days (调休), %d-%d." % (first, last))
    w("#")
    w("# GENERATED FILE - do not edit by hand. Made by scripts/gen-calendar-cn.py from")
    w("# %s" % UPSTREAM)
    w("# commit %s (MIT licence, see LICENSE.holiday-cn)," % commit)
    w("# which transcribes the State Council General Office's annual holiday notices:")
    for y in years:
        for url in papers[y]:
            w("#   %d: %s" % (y, url))
    w("# To add a year: update the data, then run python3 scripts/gen-calendar-cn.py.")
    w("#")
    w("# The notice for a year comes out around November of the year before, so the")
    w("# calendar is valid only up to the end of the last year published. The next")
    w("# notice can still move days at the very end of that year (the 2023 notice made")
    w("# 2022-12-31 part of the New Year holiday).")
    w("")
    w("calendar = {")
    w("  id = \"cn\";")
    w("  name = \"China (mainland) public holidays and make-up working days\";")
    w("  source = %s;" % cfg_string(
        "State Council General Office annual holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知), "
        "as transcribed by NateScarlet/holiday-cn (MIT), commit %s" % commit))
    w("  valid_from = \"%d-01-01\";" % first)
    w("  valid_until = \"%d-12-31\";" % last)
    w("")
    holidays = sorted(d for d, (off, _) in days.items() if off)
    workdays = sorted(d for d, (off, _) in days.items() if not off)
    w("  # Days off (isOffDay = true), with the holiday they belong to.")
    w("  holidays = (")
    for i, d in enumerate(holidays):
        sep = "," if i + 1 < len(holidays) else ""
        w("    [%s, %s]%s" % (cfg_string(d.isoformat()), cfg_string(display_name(days[d][1])), sep))
    w("  );")
    w("")
    w("  # Make-up working days (isOffDay = false): weekend days worked as normal days.")
    w("  working_days = [")
    for i, d in enumerate(workdays):
        sep = "," if i + 1 < len(workdays) else " "
        w("    %s%s  # %s, for %s" % (cfg_string(d.isoformat()), sep, WEEKDAYS[d.weekday()],
                                     display_name(days[d][1])))
    w("  ];")
    w("};")
    return "\n".join(out) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description="Generate the China holiday calendar for dialaudit.")
    ap.add_argument("data_dir", nargs="?", default=DEFAULT_DATA,
                    help="directory of holiday-cn YYYY.json files (default: %(default)s)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT,
                    help="file to write, '-' for standard output (default: %(default)s)")
    ap.add_argument("--commit", help="holiday-cn commit the data comes from "
                    "(default: read from DATA_DIR/SOURCE.md)")
    args = ap.parse_args(argv)

    commit = args.commit or source_commit(args.data_dir)
    if not commit:
        print("gen-calendar-cn: no commit found in %s/SOURCE.md; give --commit"
              % args.data_dir, file=sys.stderr)
        return 2
    try:
        years, days, papers = load_years(args.data_dir)
    except (OSError, DataError) as e:
        print("gen-calendar-cn: %s" % e, file=sys.stderr)
        return 2
    text = render(years, days, papers, commit)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
