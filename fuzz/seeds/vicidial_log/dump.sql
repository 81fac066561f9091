-- MySQL dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: asterisk
/*!40103 SET TIME_ZONE='+00:00' */;

DROP TABLE IF EXISTS `vicidial_carrier_log`;
CREATE TABLE `vicidial_carrier_log` (
  `uniqueid` varchar(20) NOT NULL,
  `call_date` datetime DEFAULT NULL,
  `server_ip` varchar(15) NOT NULL,
  `lead_id` int(9) unsigned DEFAULT NULL,
  `hangup_cause` tinyint(1) unsigned DEFAULT 0,
  `dialstatus` varchar(16) DEFAULT NULL,
  `channel` varchar(100) DEFAULT NULL,
  `dial_time` smallint(3) unsigned DEFAULT 0,
  `answered_time` smallint(4) unsigned DEFAULT 0,
  `sip_hangup_cause` smallint(4) unsigned DEFAULT 0,
  `sip_hangup_reason` varchar(50) DEFAULT '',
  `caller_code` varchar(30) DEFAULT '',
  PRIMARY KEY (`uniqueid`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3;
INSERT INTO `vicidial_carrier_log` VALUES ('1793632200.2','2026-11-02 09:10:13','10.0.0.5',2,19,'NOANSWER','SIP/carrier-00000002',13,0,487,'Request Terminated','V1102091000000000002'),('1793632260.3','2026-11-02 09:11:20','10.0.0.5',3,19,'NOANSWER','SIP/carrier-00000003',20,0,487,'Request Terminated','V1102091100000000003'),('1793632320.4','2026-11-02 09:12:30','10.0.0.5',4,16,'ANSWER','SIP/carrier-00000004',30,22,200,'OK','V1102091200000000004');

DROP TABLE IF EXISTS `vicidial_drop_log`;
CREATE TABLE `vicidial_drop_log` (
  `uniqueid` varchar(50) NOT NULL,
  `server_ip` varchar(15) NOT NULL,
  `drop_date` datetime NOT NULL,
  `lead_id` int(9) unsigned NOT NULL,
  `phone_code` varchar(10) DEFAULT NULL,
  `phone_number` varchar(18) DEFAULT NULL,
  `campaign_id` varchar(20) NOT NULL,
  `status` varchar(6) NOT NULL,
  `drop_processed` enum('N','Y','U') DEFAULT 'N'
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3;
INSERT INTO `vicidial_drop_log` VALUES ('1793632320.4','10.0.0.5','2026-11-02 09:12:08',4,'1','3125550104','OUTB1','DROP','Y');

DROP TABLE IF EXISTS `vicidial_log`;
-- no CREATE TABLE here: the built-in column order of vicidial_log serves
INSERT INTO `vicidial_log` VALUES ('1793631599.1',1,1001,'OUTB1','2026-11-02 08:59:59',1793631599,1793631727,128,'SALE','1','3125550101','6001','','N','AGENTS','AGENT','MAIN',1),('1793632200.2',2,1001,'OUTB1','2026-11-02 09:10:00',1793632200,1793632213,0,'NA','1','3125550102','VDAD','AUTO','N','','NONE','MAIN',1),('1793632260.3',3,1001,'OUTB1','2026-11-02 09:11:00',1793632260,1793632280,0,'NA','1','3125550103','VDAD','AUTO','N','','NONE','MAIN',1),('1793632320.4',4,1001,'OUTB1','2026-11-02 09:12:00',1793632320,1793632350,8,'INCALL','1','3125550104','VDAD','AUTO','N','','NONE','MAIN',1),('1793632380.5',5,1001,'OUTB1','2026-11-02 09:13:00',1793632380,1793632426,40,'GONE','1','3125550105','6002','comment with \'quotes\', a comma; and a \\ backslash','N','AGENTS','AGENT','MAIN',1),('1793632440.6',6,1001,'OUTB1','2026-11-02 09:14:00',NULL,NULL,NULL,'NA','1','3125550106','VDAD',NULL,'N','','NONE','MAIN',1),('1793718840.7',5,1001,'OUTB1','2026-11-03 09:14:00',1793718840,1793718900,60,'SALE','1','3125550105','6001','','N','AGENTS','AGENT','MAIN',2),('1793718900.8',8,1001,'OUTB1','2026-11-03 09:15:00',1793718900,1793718904,4,'DNCL','1','3125550108','VDAD','','N','','NONE','MAIN',1);

DROP TABLE IF EXISTS `vicidial_statuses`;
INSERT INTO `vicidial_statuses` (`status`,`status_name`,`selectable`,`human_answered`,`dnc`) VALUES ('GONE','Wants no more calls','Y','Y','Y');
-- Dump completed on 2026-11-04  3:00:01
