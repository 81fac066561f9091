/* asterisk-config: what each Asterisk file maps to, and exposures without secrets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tmpdir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "adapters/asterisk_conf.h"
#include "model.h"
#include "util/secret.h"



static void
parse_ok(struct model *m, const char *path)
{
	struct diag d = { 0 };
	const struct adapter *ad = adapter_find("asterisk-config");

	assert_non_null(ad);
	if (ad->parse(path, m, &d) < 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
}

static size_t
count_kind(const struct model *m, enum exposure_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < m->nexposures; i++)
		n += m->exposures[i].kind == k;
	return n;
}

static const struct exposure *
find_kind(const struct model *m, enum exposure_kind k, const char *subject)
{
	for (size_t i = 0; i < m->nexposures; i++)
		if (m->exposures[i].kind == k && (subject == NULL ||
		    (m->exposures[i].subject != NULL && strcmp(m->exposures[i].subject, subject) == 0)))
			return &m->exposures[i];
	return NULL;
}

/* The lowest outbound Dial timeout, with its line; devices and forever ignored. */
static void
test_dialplan_ring_timeout(void **state)
{
	struct model m;
	const char *p;
	struct campaign *c;

	(void)state;
	p = tmp_put("extensions.conf",
	    "[general]\n"
	    "static = yes\n"
	    "[internal]\n"
	    "exten => _6XXX,1,Dial(PJSIP/${EXTEN},5)\n"          /* a device: not outbound */
	    "[out]\n"
	    "exten => _0X.,1,Dial(PJSIP/${EXTEN}@carrier,40,tT)\n"
	    " same => n,Dial(SIP/carrier2/${EXTEN},14.5)\n"       /* line 7: floor 14 */
	    " same => n,Dial(PJSIP/${EXTEN}@carrier)\n"           /* forever */
	    " same => n,Dial(PJSIP/${EXTEN}@carrier,${T})\n"      /* unknown */
	    " same => n,Dial(Local/${EXTEN}@out,3)\n"             /* a hop */
	    " same => n,Dial(${TRUNK}/${EXTEN},0)\n");            /* 0: forever */
	model_init(&m);
	parse_ok(&m, p);
	assert_int_equal(m.campaigns.n, 1);
	c = &m.campaigns.v[0];
	assert_true(strncmp(c->name, "asterisk:", 9) == 0);
	assert_int_equal(c->ring_timeout, 14);
	assert_int_equal(c->line[CS_RING_TIMEOUT], 7);
	assert_string_equal(c->file[CS_RING_TIMEOUT], p);
	assert_int_equal(c->amd, TRI_UNSET);
	assert_int_equal(c->ncaller_ids, 0);
	model_free(&m);
}

static void
test_dialplan_no_timeout_rings_forever(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("extensions.conf", "[out]\nexten => _X.,1,Dial(PJSIP/${EXTEN}@t)\n"));
	assert_int_equal(m.campaigns.v[0].ring_timeout, INT_MAX);
	assert_int_equal(m.campaigns.v[0].line[CS_RING_TIMEOUT], 2);
	model_free(&m);

	/* a variable timeout cannot be judged: unset */
	model_init(&m);
	parse_ok(&m, tmp_put("extensions.conf", "[out]\nexten => _X.,1,Dial(PJSIP/${EXTEN}@t,${T})\n"));
	assert_int_equal(m.campaigns.v[0].ring_timeout, -1);
	model_free(&m);
}

/* Set(CALLERID(num)), Dial o(x)/f(x), CALLERID(pres)=prohib and AMD(), each at its line. */
static void
test_dialplan_number_taken_as_written(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("extensions.conf", "[out]\nexten => _X.,1,Set(CALLERID(num)=Sales)\n"));
	assert_int_equal(m.campaigns.v[0].ncaller_ids, 1);
	assert_string_equal(m.campaigns.v[0].caller_ids[0], "Sales");
	model_free(&m);
}

static void
test_too_many_caller_ids_is_an_error(void **state)
{
	struct model m;
	struct diag d = { 0 };
	char *text = malloc(64 * 1100 + 16), *w = text;
	const char *p;

	(void)state;
	w += sprintf(w, "[out]\n");
	for (int i = 0; i < 1100; i++)
		w += sprintf(w, "exten => _X.,%d,Set(CALLERID(num)=0571880%05d)\n", i + 1, i);
	p = tmp_put("extensions.conf", text);
	free(text);
	model_init(&m);
	assert_int_equal(adapter_find("asterisk-config")->parse(p, &m, &d), -1);
	assert_non_null(strstr(d.message, "more than 1000 caller IDs"));
	model_free(&m);
}

static void
test_dialplan_caller_ids_and_amd(void **state)
{
	struct model m;
	struct campaign *c;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("extensions.conf",
	    "[out]\n"
	    "exten => _X.,1,Set(CALLERID(num)=057188001201)\n"
	    " same => n,Set(CALLERID(all)=\"Care\" <057188001202>)\n"
	    " same => n,Set(CALLERID(num)=${CALLERID(num):1})\n"
	    " same => n,AMD()\n"
	    " same => n,Dial(PJSIP/${EXTEN}@t,30,o(057188001203)L(60000))\n"
	    " same => n,Set(CALLERID(pres)=prohib_not_screened)\n"
	    " same => n,Dial(PJSIP/6001,30,f(057188009999))\n" /* a device: not presented outward */
	    " same => n,Set(CALLERID(all)=Sales)\n"))   /* a name alone: no number */
	    ;
	c = &m.campaigns.v[0];
	assert_int_equal(c->ncaller_ids, 4);
	assert_string_equal(c->caller_ids[0], "057188001201");
	assert_int_equal(c->caller_id_lines[0], 2);
	assert_string_equal(c->caller_ids[1], "057188001202");
	assert_int_equal(c->caller_id_lines[1], 3);
	assert_string_equal(c->caller_ids[2], "057188001203");
	assert_int_equal(c->caller_id_lines[2], 6);
	assert_string_equal(c->caller_ids[3], "withheld");
	assert_int_equal(c->caller_id_lines[3], 7);
	assert_int_equal(c->line[CS_CALLER_IDS], 2);
	assert_int_equal(c->amd, TRI_YES);
	assert_int_equal(c->line[CS_AMD], 5);
	assert_int_equal(c->ring_timeout, 30);
	model_free(&m);
}

/* One folder, one campaign: several files feed it, each setting keeps its file. */
static void
test_folder_is_one_campaign(void **state)
{
	struct model m;
	const char *ext, *ast, *amd;
	struct campaign *c;

	(void)state;
	ext = tmp_put("extensions.conf", "[out]\nexten => _X.,1,Dial(PJSIP/${EXTEN}@carrier,20)\n");
	ast = tmp_put("asterisk.conf", "[options]\nverbose = 3\nmaxcalls = 80\nmaxload = 4.0\n");
	amd = tmp_put("amd.conf", "[general]\ngreeting = 1200\n");
	model_init(&m);
	parse_ok(&m, amd);
	parse_ok(&m, ast);
	parse_ok(&m, ext);
	assert_int_equal(m.campaigns.n, 1);
	c = &m.campaigns.v[0];
	assert_string_equal(c->path, ext);
	assert_int_equal(c->max_channels, 80);
	assert_string_equal(c->file[CS_MAX_CHANNELS], ast);
	assert_int_equal(c->line[CS_MAX_CHANNELS], 3);
	/* 1200 + the default 800 ms after the greeting */
	assert_true(c->abandon_message_delay > 1.99 && c->abandon_message_delay < 2.01);
	assert_string_equal(c->file[CS_ABANDON_MESSAGE_DELAY], amd);
	assert_int_equal(c->line[CS_ABANDON_MESSAGE_DELAY], 2);
	assert_string_equal(c->file[CS_RING_TIMEOUT], ext);
	model_free(&m);
}

static void
test_bad_maxcalls_names_line(void **state)
{
	struct model m;
	struct diag d = { 0 };
	const char *p = tmp_put("asterisk.conf", "[options]\n\nmaxcalls = lots\n");

	(void)state;
	model_init(&m);
	assert_int_equal(adapter_find("asterisk-config")->parse(p, &m, &d), -1);
	assert_string_equal(d.file, p);
	assert_int_equal(d.line, 3);
	model_free(&m);
}

/* Trunk caller IDs only: the endpoint the dialplan dials out through. */
static void
test_pjsip_trunk_caller_ids_and_auth(void **state)
{
	struct model m;
	struct campaign *c;
	const struct exposure *x;

	(void)state;
	tmp_put("extensions.conf", "[out]\nexten => _X.,1,Dial(PJSIP/${EXTEN}@carrier,30)\n");
	model_init(&m);
	parse_ok(&m, tmp_put("pjsip.conf",
	    "[udp]\ntype = transport\nbind = 0.0.0.0:5060\n"
	    "[carrier]\ntype = endpoint\ncallerid = \"Co\" <057188001203>\n"
	    "callerid_privacy = prohib\noutbound_auth = ca\n"               /* lines 4-8 */
	    "[carrier-id]\ntype = identify\nendpoint = other, carrier\n"
	    "[phone](!)\ntype = endpoint\n"
	    "[6001](phone)\nauth = 6001\ncallerid = <6001>\n"
	    "[6001]\ntype = auth\nusername = 6001\npassword = 6001\n"      /* password line 20 */
	    "[6002](phone)\n"                                               /* line 21 */
	    "[strong]\ntype = auth\nusername = u\npassword = Vx7-pLq2-Rk9w\n"
	    "[hashed]\ntype = auth\nauth_type = md5\nmd5_cred = x\n"));
	c = &m.campaigns.v[0];
	assert_int_equal(c->ncaller_ids, 2);
	assert_string_equal(c->caller_ids[0], "057188001203");
	assert_int_equal(c->caller_id_lines[0], 6);
	assert_string_equal(c->caller_ids[1], "withheld");
	assert_int_equal(c->caller_id_lines[1], 7);
	assert_int_equal(count_kind(&m, EXP_PJSIP_NO_AUTH), 1);
	x = find_kind(&m, EXP_PJSIP_NO_AUTH, "6002");
	assert_non_null(x);
	assert_int_equal(x->line, 21);
	assert_int_equal(count_kind(&m, EXP_WEAK_SECRET), 1);
	/* the section [6001] holds its own password: not named */
	x = find_kind(&m, EXP_WEAK_SECRET, NULL);
	assert_non_null(x);
	assert_null(x->subject);
	assert_int_equal(x->detail, SECRET_IS_USER);
	assert_int_equal(x->line, 20);
	model_free(&m);
}

static void
test_pjsip_private_transport_no_exposure(void **state)
{
	struct model m;

	(void)state;
	unlink(tmp_put("extensions.conf", ""));
	model_init(&m);
	parse_ok(&m, tmp_put("pjsip.conf", "[udp]\ntype = transport\nbind = 10.1.2.3:5060\n"
	    "[6002]\ntype = endpoint\n"));
	assert_int_equal(count_kind(&m, EXP_PJSIP_NO_AUTH), 0);
	/* no dialplan, no trunk caller ID: nothing makes the folder a campaign */
	assert_int_equal(m.campaigns.n, 0);
	model_free(&m);
}

/* allowguest defaults to yes; alwaysauthreject = no reveals users. */
static void
test_sip_guest_default(void **state)
{
	struct model m;
	const struct exposure *x;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("sip.conf", "[general]\ncontext = default\nalwaysauthreject = no\n"
	    "[trunk]\ntype = peer\nsecret = amp111\n"));
	x = find_kind(&m, EXP_SIP_GUEST, NULL);
	assert_non_null(x);
	assert_int_equal(x->detail, 1);
	assert_int_equal(x->line, 1);
	x = find_kind(&m, EXP_SIP_AUTH_REVEALS, NULL);
	assert_non_null(x);
	assert_int_equal(x->line, 3);
	x = find_kind(&m, EXP_WEAK_SECRET, "trunk");
	assert_non_null(x);
	assert_int_equal(x->detail, SECRET_DEFAULT);
	model_free(&m);

	model_init(&m);
	parse_ok(&m, tmp_put("sip.conf", "[general]\nallowguest = no\n"));
	assert_int_equal(count_kind(&m, EXP_SIP_GUEST), 0);
	model_free(&m);

	model_init(&m);
	parse_ok(&m, tmp_put("sip.conf", "[general]\nbindaddr = 127.0.0.1\n"));
	assert_int_equal(count_kind(&m, EXP_SIP_GUEST), 0);
	model_free(&m);
}

static void
test_manager(void **state)
{
	struct model m;
	const struct exposure *x;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("manager.conf", "[general]\nenabled = yes\nport = 5038\n"
	    "[admin]\nsecret = amp111\n"
	    "[app]\nsecret = 9fQ2-tLm8-Wx3r-Hk6p\ndeny = 0.0.0.0/0.0.0.0\npermit = 10.0.0.0/8\n"));
	/* bindaddr left out: every address */
	x = find_kind(&m, EXP_AMI_OPEN, NULL);
	assert_non_null(x);
	assert_int_equal(x->line, 2);
	assert_string_equal(x->subject, "0.0.0.0");
	assert_int_equal(count_kind(&m, EXP_AMI_USER_OPEN), 1);
	assert_non_null(find_kind(&m, EXP_AMI_USER_OPEN, "admin"));
	assert_int_equal(count_kind(&m, EXP_WEAK_SECRET), 1);
	assert_int_equal(find_kind(&m, EXP_WEAK_SECRET, "admin")->line, 5);
	/* no dialing settings: no campaign */
	assert_int_equal(m.campaigns.n, 0);
	model_free(&m);

	model_init(&m);
	parse_ok(&m, tmp_put("manager.conf", "[general]\nenabled = yes\nbindaddr = 127.0.0.1\n"
	    "[admin]\nsecret = admin\n"));
	assert_int_equal(count_kind(&m, EXP_AMI_OPEN), 0);
	assert_int_equal(count_kind(&m, EXP_AMI_USER_OPEN), 0);
	assert_int_equal(find_kind(&m, EXP_WEAK_SECRET, NULL)->detail, SECRET_IS_USER);
	assert_null(find_kind(&m, EXP_WEAK_SECRET, NULL)->subject);
	model_free(&m);

	/* a user named after its secret is not named in either fact */
	model_init(&m);
	parse_ok(&m, tmp_put("manager.conf", "[general]\nenabled = yes\n[crm-crm1]\nsecret = crm1\n"));
	assert_int_equal(m.nexposures, 3);
	for (size_t i = 0; i < m.nexposures; i++)
		if (m.exposures[i].kind != EXP_AMI_OPEN)
			assert_null(m.exposures[i].subject);
	model_free(&m);

	/* AMI off (its default): users cannot log in */
	model_init(&m);
	parse_ok(&m, tmp_put("manager.conf", "[general]\nbindaddr = 0.0.0.0\n[admin]\nsecret = x\n"));
	assert_int_equal(m.nexposures, 0);
	model_free(&m);
}

static void
test_http_and_ari(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	parse_ok(&m, tmp_put("http.conf", "[general]\nenabled = yes\nbindaddr = ::\n"));
	parse_ok(&m, tmp_put("ari.conf", "[general]\nenabled = yes\n[app]\ntype = user\npassword = \n"
	    "[h]\ntype = user\npassword_format = crypt\npassword = $6$abc\n"));
	assert_int_equal(count_kind(&m, EXP_HTTP_OPEN), 1);
	assert_int_equal(find_kind(&m, EXP_HTTP_OPEN, NULL)->line, 3);
	assert_int_equal(count_kind(&m, EXP_ARI_ENABLED), 1);
	assert_int_equal(count_kind(&m, EXP_WEAK_SECRET), 1);
	assert_int_equal(find_kind(&m, EXP_WEAK_SECRET, "app")->detail, SECRET_EMPTY);
	assert_string_equal(m.exposures[0].group, m.exposures[1].group);
	model_free(&m);

	model_init(&m);
	parse_ok(&m, tmp_put("http.conf", "[general]\nenabled = yes\nbindaddr = 127.0.0.1\n"));
	assert_int_equal(m.nexposures, 0);
	model_free(&m);
}

static void
test_secret_judge(void **state)
{
	(void)state;
	assert_int_equal(secret_judge("u", ""), SECRET_EMPTY);
	assert_int_equal(secret_judge("Admin", "admin"), SECRET_IS_USER);
	assert_int_equal(secret_judge("x", "AMP111"), SECRET_DEFAULT);
	assert_int_equal(secret_judge("x", "1234"), SECRET_DEFAULT);
	assert_int_equal(secret_judge("x", "Password"), SECRET_DEFAULT);
	/* the length boundary: 7 characters short, 8 not */
	assert_int_equal(secret_judge("x", "aB3$eF7"), SECRET_SHORT);
	assert_int_equal(secret_judge("x", "aB3$eF7h"), SECRET_OK);
	assert_int_equal(secret_judge(NULL, "Vx7-pLq2-Rk9w"), SECRET_OK);
}

static void
test_safe_name(void **state)
{
	(void)state;
	assert_string_equal(asterisk_safe_name("admin", "amp111"), "admin");
	assert_null(asterisk_safe_name("6001", "6001"));
	assert_null(asterisk_safe_name("auth-6001-x", "6001"));
	assert_null(asterisk_safe_name("ADMIN", "admin"));
	assert_string_equal(asterisk_safe_name("u", ""), "u");
	assert_string_equal(asterisk_safe_name("u", NULL), "u");
}

static void
test_addr_exposed(void **state)
{
	(void)state;
	assert_true(asterisk_addr_exposed("0.0.0.0"));
	assert_true(asterisk_addr_exposed("0.0.0.0:5060"));
	assert_true(asterisk_addr_exposed("::"));
	assert_true(asterisk_addr_exposed("[::]:5060"));
	assert_true(asterisk_addr_exposed(":5060"));
	assert_true(asterisk_addr_exposed("203.0.113.7"));
	assert_false(asterisk_addr_exposed("127.0.0.1"));
	assert_false(asterisk_addr_exposed("10.0.0.1:5038"));
	assert_false(asterisk_addr_exposed("172.16.0.1"));
	assert_true(asterisk_addr_exposed("172.32.0.1"));
	assert_false(asterisk_addr_exposed("192.168.1.10"));
	assert_false(asterisk_addr_exposed("::1"));
	assert_false(asterisk_addr_exposed("feb0::1"));
	assert_true(asterisk_addr_exposed("2001:db8::1"));
	assert_false(asterisk_addr_exposed("[fd00::1]:5060"));
	assert_false(asterisk_addr_exposed("pbx.example.com"));
}

/* Recognised by base name and INI content only. */
static void
test_sniff(void **state)
{
	const struct adapter *ad = adapter_find("asterisk-config");
	const char *ini = "; comment\n;-- block\nstill block --;\n[general]\n";
	const char *lc = "campaigns = ( { name = \"x\"; } );\n";

	(void)state;
	assert_true(ad->sniff("/x/extensions.conf", ini, strlen(ini), NULL) >= 80);
	assert_true(ad->sniff("/x/manager.conf", "; only comments\n", 16, NULL) > 0);
	assert_int_equal(ad->sniff("/x/extensions.conf", lc, strlen(lc), NULL), 0);
	assert_int_equal(ad->sniff("/x/other.conf", ini, strlen(ini), NULL), 0);
	assert_int_equal(ad->sniff("/x/extensions.conf.sample", ini, strlen(ini), NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dialplan_ring_timeout),
		cmocka_unit_test(test_dialplan_no_timeout_rings_forever),
		cmocka_unit_test(test_dialplan_caller_ids_and_amd),
		cmocka_unit_test(test_dialplan_number_taken_as_written),
		cmocka_unit_test(test_too_many_caller_ids_is_an_error),
		cmocka_unit_test(test_folder_is_one_campaign),
		cmocka_unit_test(test_bad_maxcalls_names_line),
		cmocka_unit_test(test_pjsip_trunk_caller_ids_and_auth),
		cmocka_unit_test(test_pjsip_private_transport_no_exposure),
		cmocka_unit_test(test_sip_guest_default),
		cmocka_unit_test(test_manager),
		cmocka_unit_test(test_http_and_ari),
		cmocka_unit_test(test_secret_judge),
		cmocka_unit_test(test_safe_name),
		cmocka_unit_test(test_addr_exposed),
		cmocka_unit_test(test_sniff),
	};

	return cmocka_run_group_tests(tests, tmp_setup, tmp_teardown);
}
