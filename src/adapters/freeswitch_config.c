/* freeswitch-config: FreeSWITCH's switch.conf.xml, callcenter.conf.xml and cdr_csv.conf.xml. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "adapters/freeswitch_tpl.h"
#include "util/arena.h"
#include "util/fsutil.h"
#include "util/xalloc.h"
#include "util/xmlread.h"

int freeswitch_config_sniff(const char *path, const char *head, size_t len, const struct model *m);
int freeswitch_config_parse(const char *path, struct model *m, struct diag *d);

/* FreeSWITCH's own values when switch.conf.xml leaves them out (or sets 0):
 * switch_core_session.c session_limit = 1000, switch_core.c sps_total = 30. */
#define FS_DEFAULT_MAX_SESSIONS 1000
#define FS_DEFAULT_SPS 30

static const char *const known_confs[] = { "switch.conf", "callcenter.conf", "cdr_csv.conf",
	NULL };

/* The name of the <configuration> element a head opens, if one we read. */
static const char *
conf_name(const char *head, size_t len)
{
	const char *p = head, *end = head + len;

	/* the root element, after the declaration and comments: a whole
	 * freeswitch.xml (<document>) holds many and is not read */
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *gt;

		if ((size_t)(end - p) > 4 && strncmp(p, "<!--", 4) == 0) {
			const char *q = p + 4;

			while (q + 3 <= end && strncmp(q, "-->", 3) != 0)
				q++;
			p = q;
			continue;
		}
		if ((size_t)(end - p) > 1 && (p[1] == '?' || p[1] == '!')) {
			p++;
			continue;
		}
		if ((size_t)(end - p) > 14 && strncmp(p, "<configuration", 14) == 0 &&
		    (gt = memchr(p, '>', (size_t)(end - p))) != NULL) {
			for (int i = 0; known_confs[i] != NULL; i++)
				for (int k = 0; k < 2; k++) {
					char want[48];
					size_t n = (size_t)snprintf(want, sizeof(want), k == 0 ? "name=\"%s\"" :
					    "name='%s'", known_confs[i]);

					for (const char *q = p; q + n <= gt; q++)
						if (memcmp(q, want, n) == 0)
							return known_confs[i];
				}
		}
		return NULL;
	}
	return NULL;
}

int
freeswitch_config_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	(void)path;
	(void)m;
	return conf_name(head, len) != NULL ? 90 : 0;
}

/* The install a file belongs to: conf/autoload_configs/x.xml → the folder
 * above conf (prefix installs), /etc/freeswitch/autoload_configs → freeswitch. */
static void
install_dir(const char *path, char *dir, size_t size)
{
	char up[4096];

	fs_dirname(path, dir, size);
	for (int i = 0; i < 2; i++) {
		const char *base = strrchr(dir, '/') != NULL ? strrchr(dir, '/') + 1 : dir;

		if (strcmp(base, "autoload_configs") != 0 && strcmp(base, "conf") != 0)
			break;
		snprintf(up, sizeof(up), "%s", dir);
		fs_dirname(up, dir, size);
	}
	if (strcmp(dir, ".") == 0 && getcwd(up, sizeof(up)) != NULL)
		snprintf(dir, size, "%s", up);
}

/* "freeswitch:<folder>", found or made; the whole folder when another
 * install of this audit has that name already (two copies named
 * freeswitch/, say). */
static struct campaign *
install_campaign(struct model *m, const char *path)
{
	char dir[4096];
	const char *base, *name;

	install_dir(path, dir, sizeof(dir));
	/* the install's other file (switch.conf or callcenter.conf) read already */
	for (size_t i = 0; i < m->campaigns.n; i++) {
		char other[4096];

		if (strncmp(m->campaigns.v[i].name, "freeswitch:", 11) != 0)
			continue;
		install_dir(m->campaigns.v[i].path, other, sizeof(other));
		if (strcmp(other, dir) == 0)
			return &m->campaigns.v[i];
	}
	base = strrchr(dir, '/') != NULL && strrchr(dir, '/')[1] != '\0' ? strrchr(dir, '/') + 1 : dir;
	name = arena_printf(m->arena, "freeswitch:%s", base);
	for (size_t i = 0; i < m->campaigns.n; i++)
		if (strcmp(m->campaigns.v[i].name, name) == 0) {
			name = arena_printf(m->arena, "freeswitch:%s", dir);
			break;
		}
	return model_add_campaign(m, name, path);
}

/* A whole number in [lo, hi]; 1 read, 0 a $${preprocessor} value we cannot
 * know, -1 with d set. */
static int
int_value(const char *path, const struct xml_node *n, const char *name, const char *v, long lo,
    long hi, long *out, struct diag *d)
{
	char *end;

	if (strstr(v, "${") != NULL)
		return 0;
	errno = 0;
	*out = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0 || *out < lo || *out > hi)
		return diag_set(d, path, n->line, "%s \"%s\" is not a whole number from %ld to %ld", name,
		    v, lo, hi);
	return 1;
}

static int
parse_switch(const char *path, const struct xml_node *root, struct model *m, struct diag *d)
{
	const struct xml_node *settings = xml_child(root, "settings"), *n;
	struct campaign *c;
	const char *file = arena_strdup(m->arena, path);
	int sessions_line = 0, sps_line = 0;
	long sessions = 0, sps = 0;
	int known_sessions = 1, known_sps = 1;

	for (n = xml_child(settings, "param"); n != NULL; n = xml_next(n, "param")) {
		const char *k = xml_attr(n, "name"), *v = xml_attr(n, "value");
		int r;

		if (k == NULL || v == NULL)
			return diag_set(d, path, n->line, "<param> without name or value");
		if (strcmp(k, "max-sessions") == 0) {
			if ((r = int_value(path, n, k, v, 0, INT_MAX, &sessions, d)) < 0)
				return -1;
			known_sessions = r;
			sessions_line = n->line;
		} else if (strcmp(k, "sessions-per-second") == 0) {
			if ((r = int_value(path, n, k, v, 0, 100000, &sps, d)) < 0)
				return -1;
			known_sps = r;
			sps_line = n->line;
		}
	}
	c = install_campaign(m, path);
	/* switch.conf is the install's own file, whichever was read first */
	c->path = file;
	c->line[CS_CAMPAIGN] = root->line;
	/* absent or 0: the core keeps its own limit, which is then the setting
	 * (pointed at <settings>, where it would be written) */
	c->file[CS_MAX_CHANNELS] = c->file[CS_CALLS_PER_SECOND] = file;
	c->line[CS_MAX_CHANNELS] = sessions_line > 0 ? sessions_line :
	    settings != NULL ? settings->line : root->line;
	c->line[CS_CALLS_PER_SECOND] = sps_line > 0 ? sps_line :
	    settings != NULL ? settings->line : root->line;
	c->max_channels = !known_sessions ? 0 : sessions > 0 ? (int)sessions : FS_DEFAULT_MAX_SESSIONS;
	c->calls_per_second = !known_sps ? 0 : sps > 0 ? (double)sps : FS_DEFAULT_SPS;
	return 0;
}

/* mod_callcenter's queue parameters that hold numbers (clamped 0-86400 there). */
static const char *const cc_int_params[] = { "max-wait-time", "max-wait-time-with-no-agent",
	"max-wait-time-with-no-agent-time-reached", "discard-abandoned-after",
	"tier-rule-wait-second", "announce-frequency", "ring-progressively-delay", NULL };
static const char *const cc_strategies[] = { "ring-all", "longest-idle-agent", "round-robin",
	"top-down", "agent-with-least-talk-time", "agent-with-fewest-calls",
	"sequentially-by-agent-order", "random", "ring-progressively", NULL };
static const char *const cc_agent_ints[] = { "max-no-answer", "wrap-up-time",
	"reject-delay-time", "busy-delay-time", "no-answer-delay-time", NULL };

static bool
listed(const char *v, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(v, list[i]) == 0)
			return true;
	return false;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* How many different names there are among v (sorted in place). */
static int
distinct(const char **v, size_t n)
{
	int k = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_name);
	for (size_t i = 0; i < n; i++)
		k += i == 0 || strcmp(v[i], v[i - 1]) != 0;
	return k;
}

/*
 * Checked whole (a broken file is an error at its line, not a silent pass);
 * judged on its agents: the seats calls can be put through to, which the
 * licence counts. An agent takes queue calls only through a tier, so with
 * tiers the agents they name count, without any every agent does. A queue's
 * strategy and waits bear on no rule (docs/adapters.md says why).
 */
static int
parse_callcenter(const char *path, const struct xml_node *root, struct model *m,
    struct diag *d)
{
	const struct xml_node *q, *n, *agents = xml_child(root, "agents");
	const struct xml_node *tiers = xml_child(root, "tiers");
	struct campaign *c;
	const char **tiered = NULL;
	size_t ntiers = 0, cap = 0;
	int nagents = 0, ntiered;
	long v;

	for (q = xml_child(xml_child(root, "queues"), "queue"); q != NULL; q = xml_next(q, "queue")) {
		if (xml_attr(q, "name") == NULL || xml_attr(q, "name")[0] == '\0')
			return diag_set(d, path, q->line, "<queue> without a name");
		for (n = xml_child(q, "param"); n != NULL; n = xml_next(n, "param")) {
			const char *k = xml_attr(n, "name"), *val = xml_attr(n, "value");

			if (k == NULL || val == NULL)
				return diag_set(d, path, n->line, "<param> without name or value");
			if (listed(k, cc_int_params) && val[0] != '\0' &&
			    int_value(path, n, k, val, 0, 86400, &v, d) < 0)
				return -1;
			if (strcmp(k, "strategy") == 0 && !listed(val, cc_strategies))
				return diag_set(d, path, n->line, "strategy \"%s\" is not one mod_callcenter "
				    "knows", val);
		}
	}
	for (n = xml_child(agents, "agent"); n != NULL; n = xml_next(n, "agent")) {
		if (xml_attr(n, "name") == NULL)
			return diag_set(d, path, n->line, "<agent> without a name");
		nagents++;
		for (int i = 0; cc_agent_ints[i] != NULL; i++) {
			const char *val = xml_attr(n, cc_agent_ints[i]);

			if (val != NULL && int_value(path, n, cc_agent_ints[i], val, 0, INT_MAX, &v, d) < 0)
				return -1;
		}
	}
	for (n = xml_child(tiers, "tier"); n != NULL; n = xml_next(n, "tier")) {
		if (xml_attr(n, "agent") == NULL || xml_attr(n, "queue") == NULL) {
			free(tiered);
			return diag_set(d, path, n->line, "<tier> without agent or queue");
		}
		xgrow((void **)&tiered, &cap, ntiers + 1, sizeof(*tiered));
		tiered[ntiers++] = xml_attr(n, "agent");
	}
	ntiered = distinct(tiered, ntiers);
	free(tiered);
	if (nagents == 0 && ntiered == 0)
		return 0;
	c = install_campaign(m, path);
	if (c->line[CS_CAMPAIGN] == 0)
		c->line[CS_CAMPAIGN] = root->line; /* until switch.conf, if any, says where */
	c->agents = ntiered > 0 ? ntiered : nagents;
	c->file[CS_AGENTS] = arena_strdup(m->arena, path);
	c->line[CS_AGENTS] = ntiered > 0 ? tiers->line : agents->line;
	return 0;
}

int
freeswitch_config_parse(const char *path, struct model *m, struct diag *d)
{
	struct xml_doc doc;
	const char *name;
	int rc = -1;

	if (xml_load(path, &doc, d) < 0)
		return -1;
	name = xml_attr(doc.root, "name");
	if (strcmp(doc.root->name, "configuration") != 0 || name == NULL ||
	    !listed(name, known_confs)) {
		rc = diag_set(d, path, doc.root->line, "not a FreeSWITCH switch.conf, callcenter.conf "
		    "or cdr_csv.conf <configuration>");
	} else if (strcmp(name, "switch.conf") == 0) {
		rc = parse_switch(path, doc.root, m, d);
	} else if (strcmp(name, "callcenter.conf") == 0) {
		rc = parse_callcenter(path, doc.root, m, d);
	} else {
		/* its templates are read again by each cdr-csv log they lay out */
		struct fs_cdr_conf conf;

		rc = fs_cdr_conf_load(path, &conf, d);
		if (rc == 0)
			fs_cdr_conf_free(&conf);
	}
	xml_free(&doc);
	return rc;
}
