/* asterisk-config: Asterisk's own configuration files, one folder one campaign. */
#include "adapters/asterisk_conf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adapters/adapter.h"
#include "util/arena.h"
#include "util/fsutil.h"
#include "util/phone.h"
#include "util/secret.h"

int asterisk_config_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_config_parse(const char *path, struct model *m, struct diag *d);

/* The dialplan makes the folder a campaign; the other files add settings
 * to it when they hold one (creating it if the dialplan comes later or is
 * not among the inputs) or only say how the dialer can be reached. */
static const struct {
	const char *name;
	int (*read)(struct ast_file *f, struct diag *d);
} files[] = {
	{ "extensions.conf", asterisk_dialplan_read },
	{ "asterisk.conf", asterisk_options_read },
	{ "pjsip.conf", asterisk_pjsip_read },
	{ "pjsip_wizard.conf", asterisk_pjsip_read },
	{ "sip.conf", asterisk_sip_read },
	{ "queues.conf", NULL }, /* read for errors; nothing in it is mapped (docs/adapters.md) */
	{ "amd.conf", asterisk_amd_read },
	{ "manager.conf", asterisk_manager_read },
	{ "ari.conf", asterisk_ari_read },
	{ "http.conf", asterisk_http_read },
};

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static int
file_index(const char *path)
{
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (strcmp(base_name(path), files[i].name) == 0)
			return (int)i;
	return -1;
}

/* Whether s[0..n) holds "--;", the end of a block comment. */
static bool
block_end(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == ';')
			return true;
	return false;
}

/* Whether the first line that is neither blank nor a comment opens a
 * [category] or is a directive; a head of comments only is undecided. */
static int
ini_score(const char *head, size_t len)
{
	size_t i = 0;
	bool in_block = false;

	while (i < len) {
		size_t e = i;
		const char *s;

		while (e < len && head[e] != '\n')
			e++;
		s = head + i;
		while (s < head + e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (in_block) {
			if (block_end(s, (size_t)(head + e - s)))
				in_block = false;
		} else if (s < head + e && *s == ';') {
			if (e - (size_t)(s - head) >= 3 && s[1] == '-' && s[2] == '-' &&
			    !block_end(s + 3, (size_t)(head + e - s - 3)))
				in_block = true;
		} else if (s < head + e) {
			return *s == '[' || *s == '#' ? 90 : 0;
		}
		i = e + 1;
	}
	return 60;
}

int
asterisk_config_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	(void)m;
	if (file_index(path) < 0)
		return 0;
	return ini_score(head, len);
}

/* "asterisk:<folder name>", or the folder's whole path when another folder
 * of that name came first. */
static const char *
group_name(struct model *m, const char *path)
{
	char dir[PATH_MAX], real[PATH_MAX], other[PATH_MAX], odir[PATH_MAX];
	const char *name;

	fs_dirname(path, dir, sizeof(dir));
	if (realpath(dir, real) == NULL)
		snprintf(real, sizeof(real), "%s", dir);
	name = arena_printf(m->arena, "asterisk:%s", real[1] != '\0' ? base_name(real) : real);
	for (size_t i = 0; i < m->campaigns.n; i++) {
		const struct campaign *c = &m->campaigns.v[i];

		if (strcmp(c->name, name) != 0)
			continue;
		fs_dirname(c->path, odir, sizeof(odir));
		if (realpath(odir, other) == NULL)
			snprintf(other, sizeof(other), "%s", odir);
		if (strcmp(other, real) != 0)
			return arena_printf(m->arena, "asterisk:%s", real);
	}
	for (size_t i = 0; i < m->nexposures; i++) {
		const struct exposure *x = &m->exposures[i];

		if (strcmp(x->group, name) != 0)
			continue;
		fs_dirname(x->path, odir, sizeof(odir));
		if (realpath(odir, other) == NULL)
			snprintf(other, sizeof(other), "%s", odir);
		if (strcmp(other, real) != 0)
			return arena_printf(m->arena, "asterisk:%s", real);
		break;
	}
	return name;
}

struct campaign *
asterisk_campaign(struct ast_file *f)
{
	struct campaign *c;

	for (size_t i = 0; i < f->m->campaigns.n; i++)
		if (strcmp(f->m->campaigns.v[i].name, f->group) == 0)
			return &f->m->campaigns.v[i];
	c = model_add_campaign(f->m, f->group, f->path);
	/* a setting left unset is reported at the file's first category */
	c->line[CS_CAMPAIGN] = f->conf->ncats > 0 && strcmp(f->conf->cats[0].file, f->path) == 0 ?
	    f->conf->cats[0].line : 1;
	return c;
}

void
asterisk_mark(struct ast_file *f, struct campaign *c, enum campaign_setting cs,
    const struct astconf_var *v)
{
	c->file[cs] = arena_strdup(f->m->arena, v->file);
	c->line[cs] = v->line;
}

/* Asterisk's ast_isphonenumber(), with the spaces and dashes people write. */
static bool
phone_like(const char *s, size_t n)
{
	size_t digits = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr("+-() .*#", s[i]))
			return false;
	}
	return digits > 0;
}

void
asterisk_add_caller_id(struct ast_file *f, struct campaign *c, const char *value,
    enum ast_cid_form form, const struct astconf_var *v)
{
	char num[128];
	size_t n;

	if (form != AST_CID_FULL || !phone_callerid_brackets(value, strlen(value), &value, &n)) {
		n = strlen(value);
		if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
			value++;
			n -= 2;
		}
		if (form == AST_CID_FULL && !phone_like(value, n))
			return;
	}
	if (n >= sizeof(num))
		n = sizeof(num) - 1;
	memcpy(num, value, n);
	num[n] = '\0';
	if (!model_add_caller_id(f->m, c, num, v->file, v->line))
		f->full = true;
	else if (c->line[CS_CALLER_IDS] == 0)
		asterisk_mark(f, c, CS_CALLER_IDS, v);
}

void
asterisk_expose(struct ast_file *f, enum exposure_kind kind, int detail, const char *file,
    int line, const char *service, const char *subject)
{
	struct exposure e = { 0 };

	e.kind = kind;
	e.detail = detail;
	e.path = file != NULL ? file : f->path;
	e.line = line;
	e.service = service;
	e.subject = subject;
	e.group = f->group;
	if (!model_add_exposure(f->m, &e))
		f->full = true;
}

const char *
asterisk_safe_name(const char *name, const char *secret)
{
	size_t n, k;

	if (name == NULL || secret == NULL || (k = strlen(secret)) == 0)
		return name;
	n = strlen(name);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(name + i, secret, k) == 0)
			return NULL;
	return name;
}

void
asterisk_judge_secret(struct ast_file *f, const char *service, const char *subject,
    const char *user, const struct astconf_var *secret)
{
	enum secret_weakness w;

	if (secret == NULL || (w = secret_judge(user, secret->value)) == SECRET_OK)
		return;
	asterisk_expose(f, EXP_WEAK_SECRET, (int)w, secret->file, secret->line, service,
	    asterisk_safe_name(subject, secret->value));
}

bool
asterisk_true(const char *v)
{
	static const char *const yes[] = { "yes", "true", "y", "t", "1", "on", NULL };

	for (size_t i = 0; v != NULL && yes[i] != NULL; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return true;
	return false;
}

bool
asterisk_false(const char *v)
{
	static const char *const no[] = { "no", "false", "n", "f", "0", "off", NULL };

	for (size_t i = 0; v != NULL && no[i] != NULL; i++)
		if (strcasecmp(v, no[i]) == 0)
			return true;
	return false;
}

static bool
private_v4(const unsigned b[4])
{
	return b[0] == 127 || b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||
	    (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
}

bool
asterisk_addr_exposed(const char *addr)
{
	char host[128];
	const char *s = addr;
	size_t n;
	unsigned b[4];
	char tail;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '[') {
		const char *e = strchr(s, ']');

		n = e != NULL ? (size_t)(e - s - 1) : strlen(s + 1);
		s++;
	} else if (strchr(s, ':') != strrchr(s, ':')) {
		n = strlen(s); /* a bare IPv6 address: no port can follow */
	} else {
		n = strcspn(s, ":");
	}
	if (n >= sizeof(host))
		return false;
	memcpy(host, s, n);
	host[n] = '\0';
	if (host[0] == '\0' || strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0)
		return true;
	if (sscanf(host, "%u.%u.%u.%u%c", &b[0], &b[1], &b[2], &b[3], &tail) == 4)
		return b[0] <= 255 && b[1] <= 255 && b[2] <= 255 && b[3] <= 255 && !private_v4(b);
	if (strchr(host, ':') != NULL)
		return strcmp(host, "::1") != 0 && !(strncasecmp(host, "fe", 2) == 0 &&
		    strchr("89abAB", host[2]) != NULL && host[2] != '\0') &&
		    strncasecmp(host, "fc", 2) != 0 && strncasecmp(host, "fd", 2) != 0;
	return false;
}

const char *
asterisk_value(const struct astconf_category *cat, const char *key)
{
	const struct astconf_var *v = cat != NULL ? astconf_get(cat, key) : NULL;

	return v != NULL ? v->value : NULL;
}

int
asterisk_config_parse(const char *path, struct model *m, struct diag *d)
{
	int k = file_index(path);
	struct astconf conf;
	struct ast_file f = { 0 };
	int rc = 0;

	if (k < 0)
		return diag_set(d, path, 0, "not an Asterisk configuration file this adapter knows "
		    "(extensions.conf, asterisk.conf, pjsip.conf, pjsip_wizard.conf, sip.conf, "
		    "queues.conf, amd.conf, manager.conf, ari.conf, http.conf)");
	if (astconf_load(path, &conf, d) < 0)
		return -1;
	f.m = m;
	f.path = path;
	f.group = group_name(m, path);
	f.conf = &conf;
	if (files[k].read != NULL)
		rc = files[k].read(&f, d);
	/* bounded memory, but no silent skip: say what could not be kept */
	if (rc == 0 && f.full)
		rc = diag_set(d, path, 0, "more than %d caller IDs per campaign or %d exposures in "
		    "all: the rest could not be audited", MODEL_MAX_CALLER_IDS, MODEL_MAX_EXPOSURES);
	astconf_free(&conf);
	return rc;
}
