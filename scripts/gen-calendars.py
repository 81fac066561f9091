#!/usr/bin/env python3
"""Generates the rule-based holiday calendars: profiles/calendars/{fr,au,us,ca}.cfg.

Usage: gen-calendars.py [--from YEAR] [--to YEAR] [-o DIR] [ID ...]

Each country's public holidays follow fixed rules (a date, the n-th weekday
of a month, an offset from Easter Sunday, a weekend substitute), so they are
computed here rather than copied from anywhere: the rules below are the
legal text's, each with its source. China's calendar is different (the State
Council sets it year by year) and comes from scripts/gen-calendar-cn.py.

The output is deterministic (no timestamps): regenerating gives the same
files, and a diff shows only what a changed rule or year range changed.
Python 3 standard library only.
"""

import argparse
import datetime as dt
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not strftime: locale-free


def easter(year):
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of
    Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year, month, weekday, n):
    """The n-th (1-based; -1 = last) weekday (0 = Monday) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def monday_before(year, month, day):
    """The last Monday before month/day (Canada's Victoria Day: before 25 May)."""
    d = dt.date(year, month, day) - dt.timedelta(days=1)
    return d - dt.timedelta(days=d.weekday())


def next_weekday_on_or_after(d, skip):
    """d, or the first later day that is a weekday and not in skip."""
    while d.weekday() >= 5 or d in skip:
        d += dt.timedelta(days=1)
    return d


# --- France: Code du travail L.3133-1 --------------------------------------------

def france(year):
    e = easter(year)
    return [
        (dt.date(year, 1, 1), "Jour de l'an (New Year's Day)"),
        (e + dt.timedelta(days=1), "Lundi de Pâques (Easter Monday)"),
        (dt.date(year, 5, 1), "Fête du travail (Labour Day)"),
        (dt.date(year, 5, 8), "Victoire 1945 (Victory in Europe Day)"),
        (e + dt.timedelta(days=39), "Ascension (Ascension Day)"),
        (e + dt.timedelta(days=50), "Lundi de Pentecôte (Whit Monday)"),
        (dt.date(year, 7, 14), "Fête nationale (Bastille Day)"),
        (dt.date(year, 8, 15), "Assomption (Assumption Day)"),
        (dt.date(year, 11, 1), "Toussaint (All Saints' Day)"),
        (dt.date(year, 11, 11), "Armistice 1918 (Armistice Day)"),
        (dt.date(year, 12, 25), "Noël (Christmas Day)"),
    ]


# --- Australia: the days every state and territory keeps ---------------------------

def australia(year):
    e = easter(year)
    fixed = [
        (dt.date(year, 1, 1), "New Year's Day"),
        (dt.date(year, 1, 26), "Australia Day"),
        (e - dt.timedelta(days=2), "Good Friday"),
        (e + dt.timedelta(days=1), "Easter Monday"),
        (dt.date(year, 4, 25), "Anzac Day"),
        (dt.date(year, 12, 25), "Christmas Day"),
        (dt.date(year, 12, 26), "Boxing Day"),
    ]
    days = list(fixed)
    taken = {d for d, _ in fixed}
    # A fixed holiday on a weekend is kept on the next free weekday in most
    # states (Anzac Day is not moved everywhere, so it is left as it is):
    # both days are listed, conservatively.
    for d, name in fixed:
        if d.weekday() >= 5 and name not in ("Anzac Day",) and d != e - dt.timedelta(days=2):
            sub = next_weekday_on_or_after(d, taken)
            taken.add(sub)
            days.append((sub, name + " (additional day)"))
    return days


# --- United States: federal holidays, 5 U.S.C. 6103(a) -----------------------------

def united_states(year):
    fixed = [
        (dt.date(year, 1, 1), "New Year's Day"),
        (dt.date(year, 6, 19), "Juneteenth National Independence Day"),
        (dt.date(year, 7, 4), "Independence Day"),
        (dt.date(year, 11, 11), "Veterans Day"),
        (dt.date(year, 12, 25), "Christmas Day"),
    ]
    days = [
        (nth_weekday(year, 1, 0, 3), "Birthday of Martin Luther King, Jr."),
        (nth_weekday(year, 2, 0, 3), "Washington's Birthday"),
        (nth_weekday(year, 5, 0, -1), "Memorial Day"),
        (nth_weekday(year, 9, 0, 1), "Labor Day"),
        (nth_weekday(year, 10, 0, 2), "Columbus Day"),
        (nth_weekday(year, 11, 3, 4), "Thanksgiving Day"),
    ]
    for d, name in fixed:
        days.append((d, name))
        # observed: Saturday -> the Friday before, Sunday -> the Monday after (5 U.S.C. 6103(b))
        if d.weekday() == 5:
            days.append((d - dt.timedelta(days=1), name + " (observed)"))
        elif d.weekday() == 6:
            days.append((d + dt.timedelta(days=1), name + " (observed)"))
    # 1 January of the next year may be observed on 31 December of this one
    nxt = dt.date(year + 1, 1, 1)
    if nxt.weekday() == 5:
        days.append((dt.date(year, 12, 31), "New Year's Day (observed)"))
    return days


# --- Canada: general holidays of the Canada Labour Code, s. 166 --------------------

def canada(year):
    e = easter(year)
    days = [
        (dt.date(year, 1, 1), "New Year's Day / Jour de l'An"),
        (e - dt.timedelta(days=2), "Good Friday / Vendredi saint"),
        (monday_before(year, 5, 25), "Victoria Day / Fête de la Reine"),
        (dt.date(year, 7, 1), "Canada Day / Fête du Canada"),
        (nth_weekday(year, 9, 0, 1), "Labour Day / Fête du Travail"),
        (dt.date(year, 9, 30), "National Day for Truth and Reconciliation / Journée nationale de la vérité et de la réconciliation"),
        (nth_weekday(year, 10, 0, 2), "Thanksgiving Day / Action de grâces"),
        (dt.date(year, 11, 11), "Remembrance Day / Jour du Souvenir"),
        (dt.date(year, 12, 25), "Christmas Day / Noël"),
        (dt.date(year, 12, 26), "Boxing Day / Lendemain de Noël"),
    ]
    # Canada Day on a Sunday is kept on Monday 2 July (Holidays Act, s. 2)
    if dt.date(year, 7, 1).weekday() == 6:
        days.append((dt.date(year, 7, 2), "Canada Day (observed) / Fête du Canada (jour férié)"))
    return days


CALENDARS = {
    "fr": {
        "rules": france,
        "name": "France: public holidays (jours fériés) of the Code du travail",
        "source": "Code du travail, art. L.3133-1 (the eleven jours fériés); Easter-based days computed",
        "header": [
            "France: the eleven public holidays (jours fériés) of Code du travail art. L.3133-1,",
            "on which Code de la consommation art. D.223-9 forbids telephone prospecting.",
            "Not included: the Alsace-Moselle extras (Good Friday, 26 December) and the",
            "overseas departments' abolition-of-slavery days, which apply only there.",
        ],
    },
    "au": {
        "rules": australia,
        "name": "Australia: public holidays kept in every state and territory",
        "source": "State and territory public holiday acts (the seven days all keep); weekend substitutes as most states set them",
        "header": [
            "Australia: the seven public holidays every state and territory keeps, and the",
            "weekday each is moved to when it falls on a weekend (listed beside the day",
            "itself, conservatively: states differ on substitutes). The Telemarketing and",
            "Research Calls Industry Standard 2017 bars calls on national public holidays;",
            "its own definition of that term was not confirmed by the research. State-only",
            "holidays (King's Birthday, Labour Day, Melbourne Cup, ...) are not included.",
        ],
    },
    "us": {
        "rules": united_states,
        "name": "United States: federal holidays",
        "source": "5 U.S.C. 6103(a) (legal public holidays) and 6103(b) (Saturday and Sunday substitutes)",
        "header": [
            "United States: the eleven federal legal public holidays of 5 U.S.C. 6103(a),",
            "with the observed weekday of those that fall on a weekend (6103(b)). Federal",
            "rules count business days by them (47 CFR 64.1200(d)(3)); no federal rule bars",
            "calls on them, so the us profile does not use this calendar for hours.",
        ],
    },
    "ca": {
        "rules": canada,
        "name": "Canada: federal general holidays",
        "source": "Canada Labour Code, s. 166 (general holidays); Holidays Act, s. 2 (Canada Day on a Sunday)",
        "header": [
            "Canada: the general holidays of the Canada Labour Code, s. 166. Provinces add",
            "their own. The CRTC Unsolicited Telecommunications Rules set no holiday ban",
            "that the research could confirm, so the ca profile does not bar these days.",
        ],
    },
}


def render(cid, first, last):
    spec = CALENDARS[cid]
    days = []
    for year in range(first, last + 1):
        days.extend(spec["rules"](year))
    days.sort()
    seen = set()
    lines = ["# " + line for line in spec["header"]]
    lines += [
        "#",
        "# GENERATED FILE - do not edit by hand. Made by scripts/gen-calendars.py from",
        "# the rules it states, for %d-%d. To add a year: python3 scripts/gen-calendars.py --to YEAR" % (first, last),
        "",
        "calendar = {",
        '  id = "%s";' % cid,
        '  name = "%s";' % spec["name"],
        '  source = "%s";' % spec["source"],
        '  valid_from = "%d-01-01";' % first,
        '  valid_until = "%d-12-31";' % last,
        "",
        "  holidays = (",
    ]
    entries = []
    for d, name in days:
        if d in seen:
            continue  # two rules on one day (e.g. a substitute on a holiday): the first name
        seen.add(d)
        entries.append('    ["%s", "%s"]  # %s' % (d.isoformat(), name.replace('"', "'"), WEEKDAYS[d.weekday()]))
    for i, e in enumerate(entries):
        body, comment = e.split("  # ")
        lines.append(body + ("," if i + 1 < len(entries) else "") + "  # " + comment)
    lines += ["  );", "};", ""]
    return "\n".join(lines)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", default=sorted(CALENDARS), help="calendars to write")
    ap.add_argument("--from", dest="first", type=int, default=2024)
    ap.add_argument("--to", dest="last", type=int, default=2027)
    ap.add_argument("-o", dest="out", default=os.path.join(REPO, "profiles", "calendars"),
                    help='output directory, or "-" for standard output')
    args = ap.parse_args(argv)
    if args.last < args.first:
        ap.error("--to is before --from")
    for cid in args.ids:
        if cid not in CALENDARS:
            ap.error("unknown calendar %r (known: %s)" % (cid, ", ".join(sorted(CALENDARS))))
        text = render(cid, args.first, args.last)
        if args.out == "-":
            sys.stdout.write(text)
        else:
            with open(os.path.join(args.out, cid + ".cfg"), "w", encoding="utf-8") as f:
                f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
