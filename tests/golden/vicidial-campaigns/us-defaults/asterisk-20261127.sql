-- MySQL dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: asterisk
-- ------------------------------------------------------
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+00:00' */;

--
-- Table structure for table `vicidial_campaigns`
--

DROP TABLE IF EXISTS `vicidial_campaigns`;
CREATE TABLE `vicidial_campaigns` (
  `campaign_id` varchar(8) NOT NULL,
  `campaign_name` varchar(40) DEFAULT NULL,
  `active` enum('Y','N') DEFAULT NULL,
  `auto_dial_level` varchar(6) DEFAULT '0',
  `local_call_time` varchar(10) DEFAULT '9am-9pm',
  `dial_timeout` tinyint(3) unsigned DEFAULT 60,
  `campaign_cid` varchar(20) DEFAULT '0000000000',
  `campaign_vdad_exten` varchar(20) DEFAULT '8368',
  `drop_call_seconds` tinyint(3) DEFAULT 5,
  `drop_action` enum('HANGUP','MESSAGE','VOICEMAIL','IN_GROUP','AUDIO','CALLMENU','VMAIL_NO_INST') DEFAULT 'AUDIO',
  `safe_harbor_exten` varchar(20) DEFAULT '8307',
  `use_internal_dnc` enum('Y','N','AREACODE') DEFAULT 'N',
  `dial_method` enum('MANUAL','RATIO','ADAPT_HARD_LIMIT','ADAPT_TAPERED','ADAPT_AVERAGE','INBOUND_MAN','SHARED_RATIO','SHARED_ADAPT_HARD_LIMIT','SHARED_ADAPT_TAPERED','SHARED_ADAPT_AVERAGE') DEFAULT 'MANUAL',
  `adaptive_dropped_percentage` varchar(4) DEFAULT '3',
  `use_campaign_dnc` enum('Y','N','AREACODE') DEFAULT 'N',
  `drop_lockout_time` varchar(6) DEFAULT '0',
  `safe_harbor_audio` varchar(100) DEFAULT 'buzz',
  `safe_harbor_menu_id` varchar(50) DEFAULT '',
  `call_count_limit` smallint(5) unsigned DEFAULT 0,
  `call_limit_24hour_method` enum('DISABLED','PHONE_NUMBER','LEAD') DEFAULT 'DISABLED',
  `call_limit_24hour` tinyint(3) unsigned DEFAULT 0,
  PRIMARY KEY (`campaign_id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

LOCK TABLES `vicidial_campaigns` WRITE;
/*!40000 ALTER TABLE `vicidial_campaigns` DISABLE KEYS */;
INSERT INTO `vicidial_campaigns` VALUES ('DEFAULTS','Left on VICIdial\'s defaults','Y','2.0','9am-9pm',60,'0000000000','8369',5,'AUDIO','8307','N','ADAPT_TAPERED','3','N','0','buzz','',0,'DISABLED',0),('TUNED','Tuned for the \"TCPA\"','Y','1.0','9am-5pm',15,'3125550100','8368',2,'AUDIO','8307','Y','RATIO','3','Y','24','ident-msg','',0,'PHONE_NUMBER',3),('NIGHT','Night shift','N','3.5','24hours',14,'','8369',3,'HANGUP','8307','N','ADAPT_HARD_LIMIT','3.5','AREACODE','0','buzz','',5,'DISABLED',0);
/*!40000 ALTER TABLE `vicidial_campaigns` ENABLE KEYS */;
UNLOCK TABLES;
-- Dump completed on 2026-11-27  2:30:01
