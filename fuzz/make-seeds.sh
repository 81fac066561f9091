#!/bin/sh
# Rebuilds fuzz/seeds/<target>/ from samples/, tests/data/ and profiles/:
# small representative inputs (heads of the long sample logs), plus a few
# written here for what the samples lack. The seeds are committed (about
# 45 KB); run this again after the sample formats change.
set -eu
cd "$(dirname "$0")/.."
S=fuzz/seeds
rm -rf "$S"
for t in asterisk_cdr generic_csv campaign licence profile mapping waivers dnc consent baseline csvrec_diff astconf callfile freeswitch_cdr freeswitch_config asterisk_config leads vicidial_log vicidial_campaigns vicidial_tables; do
	mkdir -p "$S/$t"
done

# asterisk_cdr: cdr_csv rows of every width, cdr_custom with a header, the legacy layout
head -n 40 samples/logs/asterisk/Master.csv > "$S/asterisk_cdr/master-head.csv"
sed -n '41,300p' samples/logs/asterisk/Master.csv | grep -v '^"[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","20' | head -n 20 > "$S/asterisk_cdr/master-odd-rows.csv" || true
[ -s "$S/asterisk_cdr/master-odd-rows.csv" ] || rm -f "$S/asterisk_cdr/master-odd-rows.csv"
cat > "$S/asterisk_cdr/custom-header.csv" <<'X'
accountcode,src,dst,start,answer,end,billsec,disposition,userfield,linkedid
promo,057188001201,13912345678,2026-03-10 22:00:00,,2026-03-10 22:00:20,0,NO ANSWER,,L1
promo,057188001201,s,1773014686,1773014690,1773014720,30,ANSWERED,AMD:MACHINE,L2
X
printf '%s\r\n' \
	'"Qiantang" <057188001201>,"057188001201","13900001111","from-dialer","PJSIP/a-1","PJSIP/b-2","Dial","PJSIP/13900001111@trunk,30","2026-03-12 10:02:00","2026-03-12 10:02:05","2026-03-12 10:03:00",60,55,"ANSWERED","DOCUMENTATION","promo","1773014686.285","REFUSED","7"' \
	'"x","057188001201","s","from-dialer","","","Dial","SIP/trunk/13800001111&SIP/b","2026/03/12T10:02:00",,"",x,0,"BUSY","",""' \
	> "$S/asterisk_cdr/legacy-custom-crlf.csv"
printf '"a","1","13912345678","c","""Q"" <1>","ch","","Dial","DAHDI/g1/13812345678","2026-03-12 10:02:00",,"2026-03-12 10:02:20",20,0,"NO ANSWER","DOC","uid-1773014686.1","multi\nline user DROP","","L9","3"\n' \
	> "$S/asterisk_cdr/quoted-newline.csv"

# generic_csv: the first byte picks the mapping (fuzz_generic_csv.c)
{ printf 0; head -n 30 samples/logs/generic/cloud-export-2026-03.csv; } > "$S/generic_csv/cloud-export-head.csv"
printf '1to;start;answer;end;status;from\n13912345678;1773014686;1773014690;1773014720;ok;057188001201\n+86 139 1234 5678;1773014686.5;;1773014700;busy;anonymous\n' \
	> "$S/generic_csv/semicolon-epoch.csv"
printf '2dst\twhen\tring\tsecs\tresult\tlist\tid\n13912345678\t12 Mar 26 10:02:00\t5\t60\tANSWER\tspring\tA1\n0086 139 1234 5678\t 1 March 2026 09:00:00\t\t\tNOANSWER\t\tA1\n' \
	> "$S/generic_csv/tab-monthnames.csv"

# callfile: the sample spool, the archived file, Asterisk's sample.call, and two
# files of one campaign in one input (fuzz_callfile.c splits at \n%%\n)
cp samples/asterisk/outgoing/*.call samples/asterisk/outgoing_done/*.call tests/data/real/asterisk/sample.call "$S/callfile/"
{ cat samples/asterisk/outgoing/flash-sale-lead-0417.call; printf '\n%%%%\n'; cat samples/asterisk/outgoing_done/flash-sale-lead-0388.call; } > "$S/callfile/two-files-one-campaign.call"

# campaign, licence
cp samples/campaigns/*.cfg "$S/campaign/"
cp samples/licence.cfg "$S/licence/sample.cfg"
cp tests/data/licences/b07.cfg "$S/licence/b07.cfg"

# profile: parts p.cfg, calendars/c.cfg, zones/z.cfg, base.cfg separated by "%%" lines
for f in parent-full child calendar-days rules us-state bad-window-overlap; do
	cp "tests/data/unit/profiles/$f.cfg" "$S/profile/$f.cfg"
done
cp tests/data/profiles/strict.cfg "$S/profile/strict.cfg"
{
	sed -e 's/holidays = "fr";/holidays = "c";/' -e 's/^extends = .*//' profiles/fr.cfg
	echo 'zone_map = "z";'
	echo '%%'
	head -n 30 profiles/calendars/fr.cfg; echo '  );'; echo '};'
	echo '%%'
	echo 'zone_map = ('
	echo '  { prefix = ["1", "62"]; zones = ["Europe/Paris", "America/New_York"]; },'
	echo '  { prefix = "7"; zones = ["+03:00"]; }'
	echo ');'
	echo '%%'
	echo 'id = "base"; timezone = "UTC"; country_code = "33";'
} > "$S/profile/composite-fr.cfg"
{
	echo 'extends = "base"; id = "child"; name = "c"; jurisdiction = "XX"; review_date = "2026-01-01";'
	echo 'sources = ["s"];'
	echo 'calling_hours = { windows = { weekdays = ["09:00-12:00"]; saturday = ["10:00-11:00"]; }; holidays = "c"; holidays_barred = true; source = "s"; standing = "law"; };'
	echo '%%'
	echo 'calendar = { id = "c"; name = "n"; source = "s"; valid_from = "2026-01-01"; valid_until = "2026-12-31";'
	echo '  holidays = ( ["2026-05-01", "May Day"], ["2026-01-01", "New Year"] ); workdays = ["2026-02-14"]; };'
	echo '%%'
	echo '%%'
	echo 'id = "base"; name = "b"; jurisdiction = "XX"; review_date = "2026-01-01"; sources = ["s"];'
	echo 'timezone = "Asia/Shanghai"; country_code = "86"; trunk_prefix = "0";'
} > "$S/profile/composite-extends.cfg"

# mapping: the sample and the generic-csv target's three
cp samples/logs/generic/mapping.cfg "$S/mapping/sample.cfg"
printf 'mapping = { delimiter = "\\t"; columns = { number = "dst"; start = "when"; ring = "ring"; duration = "secs"; disposition = "result"; };\n  time = { format = "%%d %%b %%y %%T"; zone = "+02:00"; }; dispositions = { answered = ["ANSWER"]; }; };\n' \
	> "$S/mapping/tab.cfg"
printf 'mapping = { delimiter = ";"; columns = { number = "to"; start = "start"; end = "end"; disposition = "status"; };\n  time = { format = "epoch_ms"; }; dispositions = { busy = "busy"; machine = ["amd", "vm"]; }; consent_values = "y"; };\n' \
	> "$S/mapping/epoch-ms.cfg"

# waivers
cat > "$S/waivers/docs-example.cfg" <<'X'
waivers = (
  { rule = "ring-time"; campaign = "spring-promo";
    justification = "Carrier contract allows 10 s until the new trunk is live (ticket OPS-412)";
    expires = "2026-12-31"; },
  { rule = "caller-id"; caller_id = "0571-8800-9999";
    justification = "Number being added to the licence"; expires = "2027-01-31"; },
  { rule = "dnc-list"; number = "+86 139 0000 4444"; file = "logs/Master.csv";
    justification = "Number owner re-consented"; expires = "2026-06-30"; }
);
X

# lists
cp samples/lists/dnc.txt "$S/dnc/dnc.txt"
printf '\xef\xbb\xbfphone;name\r\n"13900004444";"A"\r\n0086 139 0000 9999;B\r\nnot a number;C\r\n' > "$S/dnc/csv-bom.csv"
head -n 20 samples/lists/consent.csv > "$S/consent/consent-head.csv"
printf 'Phone,Consent_At,Expires,Revoked,Campaign\n13800186390,1772000000,2026-12-31 00:00:00,,promo\n+86 138 0018 6391,2026-02-01 09:00:00,,2026-03-01 00:00:00,\n' \
	> "$S/consent/aliases.csv"

# baseline: both schemas it reads
printf '{"schema": "dialaudit-baseline/1", "fingerprints": ["0123456789abcdef", "fedcba9876543210"]}\n' \
	> "$S/baseline/baseline.json"
printf '{"schema": "dialaudit-report/1", "findings": [{"rule": "ring-time", "fingerprint": "00000000deadbeef", "line": 3}]}\n' \
	> "$S/baseline/report.json"

# csvrec_diff: the cases tests/unit/test_csvrec.c starts from
head -n 8 samples/logs/asterisk/Master.csv > "$S/csvrec_diff/cdr.csv"
printf 'a,b,c\n"a""b",c\n  a  , b ,c  \n "a" , "b"\t\n"a,b",c\r\na,b\r\n\r\nc\n"multi\nline",x\ny\n"open\na"b,c\n"a"x,c\na\rb,c\n' \
	> "$S/csvrec_diff/cases.csv"
# astconf: Asterisk's dialect (comments, block comments, templates, appends, directives)
printf '[options]\nmaxcalls = 120 ; at most\nmaxload=>0.9\n;-- block\nx=1\n--; y = 2\n[base](!)\ntype=endpoint\n[t](base)\nallow = ulaw\nallow += ,alaw\n[t](+)\nsend_pai=yes\n#tryinclude missing.conf\n#exec /bin/true\n' \
	> "$S/astconf/basic.conf"
printf '[general]\nenabled = yes\nport = 5038\nbindaddr = 0.0.0.0\n\n[admin]\nsecret = amp111\ndeny=0.0.0.0/0.0.0.0\npermit=127.0.0.1/255.255.255.0\nread = system,call,log\n' \
	> "$S/astconf/manager.conf"

# freeswitch_cdr: the built-in template, unescaped quotes (one running into the
# next line), a spreadsheet round trip
cp samples/freeswitch/log/cdr-csv/Master.csv "$S/freeswitch_cdr/outbound.csv"
cp tests/golden/freeswitch-cdr/no-config-default/Master.csv "$S/freeswitch_cdr/default.csv"
cp tests/data/freeswitch/excel-master.csv "$S/freeswitch_cdr/spreadsheet.csv"
cat > "$S/freeswitch_cdr/quotes.csv" <<'X'
"Bob "the" Smith","1001","13905710002","default","2026-03-16 09:03:10","","2026-03-16 09:03:20","10","0","NO_ANSWER","0b6d3c4e-7d21-4f0a-9a11-5d2e8f0c1a02","", "acct1 ""
"Bob","1001","13905710005","default","2026-03-16 09:06:10","","2026-03-16 09:06:20","10","0","NO_ANSWER","0b6d3c4e-7d21-4f0a-9a11-5d2e8f0c1a05","", "acct1"
""","1001","13905710006","default","2026-03-16 09:07:10","2026-03-16 09:07:12","2026-03-16 09:07:20","10","8","NORMAL_CLEARING","0b6d3c4e-7d21-4f0a-9a11-5d2e8f0c1a06","x", "acct1"
X

# freeswitch_config: the sample install's three files and a hostile one
for f in switch callcenter cdr_csv; do
	cp "samples/freeswitch/conf/autoload_configs/$f.conf.xml" "$S/freeswitch_config/$f.xml"
done
printf '<!DOCTYPE a [<!ENTITY b "c">]>\n<configuration name="switch.conf">&b;</configuration>\n' \
	> "$S/freeswitch_config/doctype.xml"

# asterisk_config: the sample /etc/asterisk, and an ARI, HTTP and chan_sip file
cp samples/asterisk/etc/*.conf "$S/asterisk_config/"
cat > "$S/asterisk_config/ari.conf" <<'X'
[general]
enabled = yes

[dialer-app]
type = user
read_only = no
password = dial
X
cat > "$S/asterisk_config/http.conf" <<'X'
[general]
enabled = yes
bindaddr = 0.0.0.0
bindport = 8088
X
cat > "$S/asterisk_config/sip.conf" <<'X'
[general]
context = public
udpbindaddr = 0.0.0.0
alwaysauthreject = no

[trunk-out]
type = peer
host = sip.example.net
secret = Rf8-Kq2w-Tz6x-Pn3v
X

# leads: VICIdial's own lead files, the sample list, and a list export with a header
cp tests/data/real/vicidial/lead-file-samples/*.txt tests/data/real/vicidial/lead-file-samples/*.csv samples/leads/*.txt "$S/leads/"
printf 'lead_id\tphone_code\tphone_number\n1\t86\t13800000000\n2\t86\n' > "$S/leads/list-export.tsv"

# vicidial_log: the Export Calls Report head, a dump with carrier and drop logs;
# vicidial_campaigns: the samples' dump, the golden cases' CSV and dump
head -n 30 samples/vicidial/EXPORT_CALL_REPORT_20261123-090000.txt > "$S/vicidial_log/export-report-head.txt"
cp tests/golden/vicidial-log/dump-carrier-drop/asterisk-log-20261104.sql "$S/vicidial_log/dump.sql"
cat > "$S/vicidial_log/dial-logs.sql" <<'X'
-- MySQL dump 10.19
INSERT INTO `vicidial_dial_cid_log` (`caller_code`,`call_type`,`outbound_cid`) VALUES ('V1102100000000000001','OUT','0000000000');
INSERT INTO `vicidial_dial_log` (`caller_code`,`outbound_cid`) VALUES ('V1102100000000000001','"V1102100000000000001" <3125550100>'),('V1102100100000000002','"V1102100100000000002" <3125550100>');
INSERT INTO `vicidial_log` (`uniqueid`,`campaign_id`,`call_date`,`length_in_sec`,`status`,`phone_code`,`phone_number`,`user`) VALUES ('u1','C1','2026-11-02 10:00:00',40,'SALE','1','3125550101','1001'),('u2','C1','2026-11-02 10:01:00',40,'SALE','1','3125550102','1001');
INSERT INTO `vicidial_log_extended` (`uniqueid`,`caller_code`) VALUES ('u1','V1102100000000000001'),('u2','V1102100100000000002');
X
cp samples/vicidial/asterisk-campaigns-20261127.sql "$S/vicidial_campaigns/sample-dump.sql"
cp tests/golden/vicidial-campaigns/fl-site-call-times/campaigns.csv "$S/vicidial_campaigns/campaigns.csv"
cp tests/golden/vicidial-campaigns/us-defaults/asterisk-20261127.sql "$S/vicidial_campaigns/defaults.sql"
cp samples/vicidial/vicidial_campaign_statuses.csv "$S/vicidial_tables/"
cp tests/golden/vicidial-campaigns/fl-site-call-times/vicidial_call_times.txt "$S/vicidial_tables/"
grep '^INSERT' tests/data/real/vicidial/MySQL_AST_CREATE_tables.sql | head -12 > "$S/vicidial_tables/default-rows.sql"
printf 'uniqueid,call_date,server_ip,lead_id,hangup_cause,dialstatus,channel,dial_time,answered_time\n1.2,2026-11-02 10:00:00,10.0.0.1,1,16,ANSWER,SIP/x,20,10\n' > "$S/vicidial_tables/carrier.csv"
printf 'uniqueid\tserver_ip\tdrop_date\tlead_id\tphone_code\tphone_number\tcampaign_id\tstatus\r\n1.3\t10.0.0.1\t2026-11-02 10:00:00\t2\t1\t3125550101\tC1\tDROP\r\n' > "$S/vicidial_tables/drops.txt"

echo "seeds: $(find "$S" -type f | wc -l) files, $(du -sk "$S" | cut -f1) KB"
