#!/usr/bin/env python3
"""Writes Master.csv: a week of synthetic Asterisk cdr_csv (21 columns, Beijing
time) for the two sample campaigns, with known violations planted:

* spring-promo calls after 21:00 and before 08:00 (calling-hours);
* a burst of four calls to one number in three minutes, and a number called
  seven times in a day (call-frequency);
* a call to a number that refused two days earlier (wait-after-refusal);
* calls to numbers on lists/dnc.txt (dnc-list) and marketing calls to numbers
  without consent in lists/consent.csv (consent);
* a caller number the licence does not list (caller-id);
* an emergency number dialled (blocked-destination);
* one row damaged in transit (input-rejected).

Deterministic: the same file every run. Run from this folder.
"""
import datetime as dt
import random

rng = random.Random(20260310)
T0 = dt.datetime(2026, 3, 9, 0, 0, 0)
CALLERS = {"policy-renewal-callbacks": ["057188001201", "057188001202"],
           "spring-promo": ["057188001203", "057188001204"]}
rows = []
uid = [1773014400]


def q(s):
    return '"' + str(s).replace('"', '""') + '"'


def call(camp, dst, start, answered, talk=0, ring=None, src=None, user="", disp=None):
    uid[0] += 1
    u = f"{uid[0]}.{len(rows)}"
    src = src or rng.choice(CALLERS[camp])
    ring = ring if ring is not None else rng.randint(5, 25)
    answer = start + dt.timedelta(seconds=ring) if answered else None
    dur = ring + talk if answered else ring
    end = start + dt.timedelta(seconds=dur)
    disp = disp or ("ANSWERED" if answered else "NO ANSWER")
    f = "%Y-%m-%d %H:%M:%S"
    rows.append(",".join([
        q(camp), q(src), q(dst), q("from-dialer"), q(f'"Qiantang Care" <{src}>'),
        q(f"PJSIP/cmcc-trunk-{uid[0] % 65536:08x}"),
        q(f"PJSIP/agent{rng.randint(1, 40):03d}-{uid[0] % 4096:08x}") if answered else q(""),
        q("Dial"), q(f"PJSIP/{dst}@cmcc-trunk,30,tT"), q(start.strftime(f)),
        q(answer.strftime(f)) if answer else "", q(end.strftime(f)), str(dur),
        str(talk if answered else 0), q(disp), q("DOCUMENTATION"), q(u), q(user), q(""), q(u),
        str(len(rows) % 7)]))


def mobile():
    return rng.choice(["139", "138", "150", "186", "177"]) + f"{rng.randint(0, 99999999):08d}"


# ordinary traffic: business hours, a few calls per number
pool = [mobile() for _ in range(120)]
for day in range(7):
    for _ in range(40):
        camp = rng.choice(list(CALLERS))
        start = T0 + dt.timedelta(days=day, hours=rng.randint(9, 19), minutes=rng.randint(0, 59),
                                  seconds=rng.randint(0, 59))
        answered = rng.random() < 0.5
        call(camp, rng.choice(pool), start, answered, talk=rng.randint(20, 300))

# calling-hours: late and early promo calls
for h, m in ((21, 15), (22, 40), (7, 30)):
    call("spring-promo", mobile(), T0 + dt.timedelta(days=2, hours=h, minutes=m), False)
# call-frequency: 4 calls in 3 minutes, and 7 in a day
burst = "13900001111"
for s in (0, 60, 120, 170):
    call("spring-promo", burst, T0 + dt.timedelta(days=3, hours=10, seconds=s), False, ring=20)
daily = "13900002222"
for h in range(9, 16):
    call("spring-promo", daily, T0 + dt.timedelta(days=4, hours=h), False, ring=30)
# wait-after-refusal
refuser = "13900003333"
call("policy-renewal-callbacks", refuser, T0 + dt.timedelta(days=1, hours=10), True, talk=40,
     user="REFUSED")
call("policy-renewal-callbacks", refuser, T0 + dt.timedelta(days=3, hours=11), False)
# dnc-list and consent numbers (lists/ hold them)
call("spring-promo", "13900004444", T0 + dt.timedelta(days=5, hours=11), True, talk=60)
call("spring-promo", "13900005555", T0 + dt.timedelta(days=5, hours=14), True, talk=90)
# caller-id: a mobile caller number not on the licence
call("spring-promo", mobile(), T0 + dt.timedelta(days=5, hours=15), False, src="13912345678")
# blocked-destination
call("policy-renewal-callbacks", "120", T0 + dt.timedelta(days=6, hours=10), False, ring=3,
     disp="FAILED")
# input-rejected: a row cut short when the disk filled
rows.append(rows[-1][:120])

rng.shuffle(rows)  # rows are appended at hangup, not in start order
with open("Master.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(rows) + "\n")
