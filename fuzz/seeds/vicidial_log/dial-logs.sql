-- MySQL dump 10.19
INSERT INTO `vicidial_dial_cid_log` (`caller_code`,`call_type`,`outbound_cid`) VALUES ('V1102100000000000001','OUT','0000000000');
INSERT INTO `vicidial_dial_log` (`caller_code`,`outbound_cid`) VALUES ('V1102100000000000001','"V1102100000000000001" <3125550100>'),('V1102100100000000002','"V1102100100000000002" <3125550100>');
INSERT INTO `vicidial_log` (`uniqueid`,`campaign_id`,`call_date`,`length_in_sec`,`status`,`phone_code`,`phone_number`,`user`) VALUES ('u1','C1','2026-11-02 10:00:00',40,'SALE','1','3125550101','1001'),('u2','C1','2026-11-02 10:01:00',40,'SALE','1','3125550102','1001');
INSERT INTO `vicidial_log_extended` (`uniqueid`,`caller_code`) VALUES ('u1','V1102100000000000001'),('u2','V1102100100000000002');
