#!/usr/bin/env python3
"""Writes cloud-export-2026-03.csv: a week of synthetic call records as a cloud
contact-centre console exports them (a header, slash dates in Beijing time,
its own result words), read through mapping.cfg. Planted:

* card-activation calls after 21:00 Beijing time, and one at 20:59:59 that is
  allowed (calling-hours);
* a burst of four calls to one number in four minutes, and a number called six
  times in a day (call-frequency);
* a number called again two days after the person refused (wait-after-refusal);
* a call to a number on lists/dnc.txt (dnc-list), and answered marketing-style
  calls whose consent column says no (consent);
* two rows a person edited in a spreadsheet: an impossible date and a number
  with a letter O for a zero (input-rejected).

Deterministic: the same file every run. Run from this folder.
"""
import csv
import datetime as dt
import random

rng = random.Random(20260316)
T0 = dt.datetime(2026, 3, 16, 0, 0, 0)  # Monday; the Asterisk sample is the week before
CAMPAIGNS = {"card-activation": ["057188001201", "057188001202"],
             "overdue-reminder": ["057188001203", "057188001204"]}
HEADER = ["Call ID", "Task Name", "Callee", "Caller Number", "Agent ID", "Start Time",
          "Ring Seconds", "Answer Time", "End Time", "Duration", "Result", "Hangup By",
          "Consent Recorded"]
FMT = "%Y/%m/%d %H:%M:%S"
rows = []


def call(camp, callee, start, result, talk=0, ring=None, consent="yes", src=None):
    ring = ring if ring is not None else rng.randint(6, 28)
    answered = result in ("CONNECTED", "ABANDON", "REFUSED", "AMD")
    answer = start + dt.timedelta(seconds=ring) if answered else None
    if result == "ABANDON":
        talk = rng.randint(1, 4)      # the callee hangs up on silence
    elif result == "AMD":
        talk = rng.randint(3, 8)      # the machine detector listens, then hangs up
    duration = ring + (talk if answered else 0)
    end = start + dt.timedelta(seconds=duration)
    agent = f"A{rng.randint(1001, 1040)}" if result in ("CONNECTED", "REFUSED") else ""
    rows.append([f"CC{start:%Y%m%d}{len(rows):06d}", camp, callee,
                 src or rng.choice(CAMPAIGNS[camp]), agent, start.strftime(FMT), str(ring),
                 answer.strftime(FMT) if answer else "", end.strftime(FMT), str(duration),
                 result, "callee" if answered else "system", consent])


def mobile():
    return rng.choice(["135", "137", "152", "158", "182", "187", "199"]) + \
        f"{rng.randint(0, 99999999):08d}"


RESULTS = ["CONNECTED"] * 45 + ["NO ANSWER"] * 30 + ["BUSY"] * 8 + ["FAILED"] * 4 + \
    ["ABANDON"] * 4 + ["AMD"] * 6 + ["NOT IN SERVICE"] * 3

# ordinary traffic, business hours on weekdays
pool = [mobile() for _ in range(150)]
for day in range(5):
    for _ in range(70):
        camp = rng.choice(list(CAMPAIGNS))
        start = T0 + dt.timedelta(days=day, hours=rng.randint(9, 19), minutes=rng.randint(0, 59),
                                  seconds=rng.randint(0, 59))
        call(camp, rng.choice(pool), start, rng.choice(RESULTS), talk=rng.randint(25, 240))

# calling-hours: 20:59:59 is allowed, 21:00 on is not
late = T0 + dt.timedelta(days=1)
call("card-activation", mobile(), late.replace(hour=20, minute=59, second=59), "NO ANSWER")
for h, m in ((21, 0), (21, 20), (22, 5)):
    call("card-activation", mobile(), late.replace(hour=h, minute=m), "CONNECTED", talk=50)
# call-frequency: four calls in four minutes, and six in one day
burst = "13512340001"
for s in (0, 70, 150, 230):
    call("overdue-reminder", burst, T0 + dt.timedelta(days=2, hours=10, seconds=s), "NO ANSWER",
         ring=25)
daily = "13512340002"
for h in (9, 10, 11, 13, 15, 17):
    call("overdue-reminder", daily, T0 + dt.timedelta(days=2, hours=h, minutes=5), "BUSY", ring=4)
# wait-after-refusal: refused on Tuesday, called again on Thursday
refuser = "13512340003"
call("card-activation", refuser, T0 + dt.timedelta(days=1, hours=14, minutes=12), "REFUSED",
     talk=35)
call("card-activation", refuser, T0 + dt.timedelta(days=3, hours=10, minutes=40), "NO ANSWER")
# dnc-list: a number on lists/dnc.txt; consent: the console recorded none
call("overdue-reminder", "13900004444", T0 + dt.timedelta(days=4, hours=11), "CONNECTED", talk=70)
for k in range(2):
    call("card-activation", mobile(), T0 + dt.timedelta(days=4, hours=15, minutes=10 * k),
         "CONNECTED", talk=80, consent="no")

rows.sort(key=lambda r: r[5])  # the console exports in start order
# input-rejected: two rows edited by hand in a spreadsheet
rows[57][5] = "2026/02/30 10:15:00"
rows[211][2] = rows[211][2][:4] + "O" + rows[211][2][5:]

with open("cloud-export-2026-03.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")  # the console writes CRLF, quoting when needed
    w.writerow(HEADER)
    w.writerows(rows)
