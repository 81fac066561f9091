-- MySQL dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: asterisk
-- ------------------------------------------------------
-- Server version	10.11.6-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;

--
-- Table structure for table `vicidial_call_times`
--

DROP TABLE IF EXISTS `vicidial_call_times`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `vicidial_call_times` (
  `call_time_id` varchar(10) NOT NULL,
  `call_time_name` varchar(30) NOT NULL,
  `call_time_comments` varchar(255) DEFAULT NULL,
  `ct_default_start` smallint(4) unsigned DEFAULT 0,
  `ct_default_stop` smallint(4) unsigned DEFAULT 0,
  `ct_sunday_start` smallint(4) unsigned DEFAULT 0,
  `ct_sunday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_monday_start` smallint(4) unsigned DEFAULT 0,
  `ct_monday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_tuesday_start` smallint(4) unsigned DEFAULT 0,
  `ct_tuesday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_wednesday_start` smallint(4) unsigned DEFAULT 0,
  `ct_wednesday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_thursday_start` smallint(4) unsigned DEFAULT 0,
  `ct_thursday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_friday_start` smallint(4) unsigned DEFAULT 0,
  `ct_friday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_saturday_start` smallint(4) unsigned DEFAULT 0,
  `ct_saturday_stop` smallint(4) unsigned DEFAULT 0,
  `ct_state_call_times` text DEFAULT NULL,
  `user_group` varchar(255) DEFAULT NULL,
  `ct_holidays` text DEFAULT NULL,
  PRIMARY KEY (`call_time_id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `vicidial_call_times`
--

LOCK TABLES `vicidial_call_times` WRITE;
/*!40000 ALTER TABLE `vicidial_call_times` DISABLE KEYS */;
INSERT INTO `vicidial_call_times` VALUES ('24hours','default 24 hours calling','',0,2400,0,0,0,0,0,0,0,0,0,0,0,0,0,0,'','---ALL---',''),('9am-9pm','default 9am to 9pm calling','',900,2100,0,0,0,0,0,0,0,0,0,0,0,0,0,0,'','---ALL---',''),('cn-9am-8pm','Mainland 9am-8pm, Sat short','per carrier rules',900,2000,2400,2400,0,0,0,0,0,0,0,0,0,0,1000,1700,'','---ALL---','');
/*!40000 ALTER TABLE `vicidial_call_times` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `vicidial_campaigns`
--

DROP TABLE IF EXISTS `vicidial_campaigns`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `vicidial_campaigns` (
  `campaign_id` varchar(8) NOT NULL,
  `campaign_name` varchar(255) DEFAULT NULL,
  `active` enum('Y','N') DEFAULT NULL,
  `dial_status_a` varchar(255) DEFAULT NULL,
  `lead_order` varchar(255) DEFAULT NULL,
  `park_ext` varchar(255) DEFAULT NULL,
  `park_file_name` varchar(255) DEFAULT NULL,
  `web_form_address` varchar(255) DEFAULT NULL,
  `allow_closers` varchar(255) DEFAULT NULL,
  `hopper_level` varchar(255) DEFAULT NULL,
  `auto_dial_level` varchar(255) DEFAULT NULL,
  `next_agent_call` varchar(255) DEFAULT NULL,
  `local_call_time` varchar(255) DEFAULT NULL,
  `voicemail_ext` varchar(255) DEFAULT NULL,
  `dial_timeout` tinyint(3) unsigned DEFAULT 60,
  `dial_prefix` varchar(255) DEFAULT NULL,
  `campaign_cid` varchar(255) DEFAULT NULL,
  `campaign_vdad_exten` varchar(255) DEFAULT NULL,
  `drop_call_seconds` tinyint(3) DEFAULT 5,
  `drop_action` enum('HANGUP','MESSAGE','VOICEMAIL','IN_GROUP','AUDIO','CALLMENU','VMAIL_NO_INST') DEFAULT 'AUDIO',
  `safe_harbor_exten` varchar(255) DEFAULT NULL,
  `use_internal_dnc` varchar(255) DEFAULT NULL,
  `dial_method` varchar(255) DEFAULT NULL,
  `adaptive_dropped_percentage` varchar(255) DEFAULT NULL,
  `adaptive_maximum_level` varchar(255) DEFAULT NULL,
  `use_campaign_dnc` varchar(255) DEFAULT NULL,
  `drop_lockout_time` varchar(255) DEFAULT NULL,
  `safe_harbor_audio` varchar(255) DEFAULT NULL,
  `safe_harbor_menu_id` varchar(255) DEFAULT NULL,
  `call_count_limit` smallint(5) unsigned DEFAULT 0,
  `daily_call_count_limit` varchar(255) DEFAULT NULL,
  `call_limit_24hour_method` varchar(255) DEFAULT NULL,
  `call_limit_24hour_scope` varchar(255) DEFAULT NULL,
  `call_limit_24hour` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`campaign_id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `vicidial_campaigns`
--

LOCK TABLES `vicidial_campaigns` WRITE;
/*!40000 ALTER TABLE `vicidial_campaigns` DISABLE KEYS */;
INSERT INTO `vicidial_campaigns` VALUES ('RENEW1','Policy renewal reminders','Y','NEW','DOWN','8301','park','','N','100','1.0','longest_wait_time','cn-9am-8pm','','30','9','057188001201','8368','2','AUDIO','8307','Y','RATIO','3','3.0','Y','24','qiantang-identify','','12','0','PHONE_NUMBER','SYSTEM_WIDE','3'),('SURVEY9','Satisfaction survey Q4','Y','NEW','RANDOM','8301','park','','N','500','2.5','longest_wait_time','24hours','','60','9','0000000000','8369','5','AUDIO','8307','N','ADAPT_TAPERED','3','3.0','N','0','buzz','','0','0','DISABLED','SYSTEM_WIDE','0');
/*!40000 ALTER TABLE `vicidial_campaigns` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `vicidial_lists`
--

DROP TABLE IF EXISTS `vicidial_lists`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `vicidial_lists` (
  `list_id` bigint(14) unsigned NOT NULL,
  `list_name` varchar(255) DEFAULT NULL,
  `campaign_id` varchar(255) DEFAULT NULL,
  `active` enum('Y','N') DEFAULT NULL,
  `list_description` varchar(255) DEFAULT NULL,
  `campaign_cid_override` varchar(255) DEFAULT NULL,
  `local_call_time` varchar(10) NOT NULL DEFAULT 'campaign',
  PRIMARY KEY (`list_id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `vicidial_lists`
--

LOCK TABLES `vicidial_lists` WRITE;
/*!40000 ALTER TABLE `vicidial_lists` DISABLE KEYS */;
INSERT INTO `vicidial_lists` VALUES (1101,'Renewals Nov','RENEW1','Y','policies due in December','','campaign'),(1001,'Renewals Oct','RENEW1','N','done','','24hours'),(2201,'Survey Q4','SURVEY9','Y','customers served in Q3','','campaign');
/*!40000 ALTER TABLE `vicidial_lists` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2026-11-27  2:30:01
