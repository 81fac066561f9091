/* extensions.conf: what the dialplan's outbound Dial()s and Set()s imply. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adapters/asterisk_conf.h"
#include "util/arena.h"

#define MAX_ARGS 8
#define MAX_ARG 1024

/* An application call of an exten/same line: its name and arguments. */
struct app_call {
	char name[64];
	char args[MAX_ARGS][MAX_ARG];
	int nargs;
};

/* Skips n top-level commas of s (the extension pattern and priority). */
static const char *
skip_fields(const char *s, int n)
{
	for (; n > 0 && s != NULL; n--) {
		s = strchr(s, ',');
		if (s != NULL)
			s++;
	}
	return s;
}

static void
trim_copy(char *dst, size_t size, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Splits at commas outside (), {} and []: Dial(PJSIP/a&PJSIP/b,30,L(60000:30000)). */
static int
split_args(const char *s, size_t len, char (*out)[MAX_ARG], int max)
{
	int n = 0, depth = 0;
	size_t start = 0;

	for (size_t i = 0; i <= len && n < max; i++) {
		char ch = i < len ? s[i] : ',';

		if (ch == '(' || ch == '{' || ch == '[')
			depth++;
		else if ((ch == ')' || ch == '}' || ch == ']') && depth > 0)
			depth--;
		else if (ch == ',' && (depth == 0 || i == len)) {
			trim_copy(out[n++], MAX_ARG, s + start, i - start);
			start = i + 1;
		}
	}
	return n;
}

/* The application of a dialplan line: "exten => pat,prio,App(args)" or
 * "same => prio,App(args)". false when the line calls none. */
static bool
app_of(const struct astconf_var *v, struct app_call *a)
{
	const char *s = NULL, *open, *close;

	if (strcasecmp(v->name, "exten") == 0)
		s = skip_fields(v->value, 2);
	else if (strcasecmp(v->name, "same") == 0)
		s = skip_fields(v->value, 1);
	if (s == NULL)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	open = strchr(s, '(');
	if (open == NULL) {
		trim_copy(a->name, sizeof(a->name), s, strlen(s));
		a->nargs = 0;
		return a->name[0] != '\0';
	}
	trim_copy(a->name, sizeof(a->name), s, (size_t)(open - s));
	close = strrchr(open, ')');
	if (close == NULL)
		close = open + strlen(open);
	a->nargs = split_args(open + 1, (size_t)(close - open - 1), a->args, MAX_ARGS);
	return a->name[0] != '\0';
}

/*
 * The trunk of one dial string when it places a call outward: a resource
 * naming a peer and a number (PJSIP/${EXTEN}@trunk, SIP/trunk/${EXTEN},
 * DAHDI/g1/${EXTEN}) or a variable technology with a number after it
 * (${TRUNK}/${EXTEN}, whose trunk name is unknown: ""). A single resource
 * (PJSIP/6001) is a device and Local/ a hop inside the dialplan.
 */
static bool
outbound_trunk(const char *ds, char *trunk, size_t size)
{
	const char *slash = strchr(ds, '/'), *res, *at, *second;
	size_t n;

	trunk[0] = '\0';
	if (slash == NULL || strncasecmp(ds, "Local/", 6) == 0)
		return false;
	if (ds[0] == '$')
		return true;
	res = slash + 1;
	at = strchr(res, '@');
	second = strchr(res, '/');
	if (at != NULL && (second == NULL || at < second)) {
		n = strcspn(at + 1, "/&,");
		trim_copy(trunk, size, at + 1, n);
		return true;
	}
	if (second != NULL) {
		trim_copy(trunk, size, res, (size_t)(second - res));
		return true;
	}
	return false;
}

/* Whether any dial string of arg (a&b&c) goes outward; the first trunk named. */
static bool
dial_outbound(const char *arg, char *trunk, size_t size)
{
	char one[MAX_ARG];
	const char *s = arg;
	bool out = false;

	trunk[0] = '\0';
	while (*s != '\0') {
		size_t n = strcspn(s, "&");
		char t[64];

		trim_copy(one, sizeof(one), s, n);
		if (outbound_trunk(one, t, sizeof(t))) {
			if (!out || trunk[0] == '\0')
				snprintf(trunk, size, "%s", t);
			out = true;
		}
		s += n;
		if (*s == '&')
			s++;
	}
	return out;
}

size_t
asterisk_dialplan_trunks(const struct astconf *conf, char (*names)[64], size_t max)
{
	size_t n = 0;
	struct app_call *a = malloc(sizeof(*a));

	if (a == NULL)
		return 0;
	for (size_t i = 0; i < conf->ncats; i++) {
		const struct astconf_category *cat = &conf->cats[i];

		for (size_t k = 0; !cat->is_template && k < cat->nvars; k++) {
			char t[64];
			bool seen = false;

			if (!app_of(&cat->vars[k], a) || strcasecmp(a->name, "Dial") != 0 ||
			    a->nargs < 1 || !dial_outbound(a->args[0], t, sizeof(t)) || t[0] == '\0' ||
			    t[0] == '$')
				continue;
			for (size_t j = 0; j < n && !seen; j++)
				seen = strcmp(names[j], t) == 0;
			if (!seen && n < max)
				snprintf(names[n++], 64, "%s", t);
		}
	}
	free(a);
	return n;
}

/* Dial options f(x) and o(x) present x as the caller ID. */
static void
dial_caller_ids(struct ast_file *f, struct campaign *c, const char *opts,
    const struct astconf_var *v)
{
	for (const char *s = opts; *s != '\0'; s++) {
		const char *close;
		char arg[128];

		if (s[1] != '(' || (close = strchr(s + 2, ')')) == NULL)
			continue;
		if ((*s == 'f' || *s == 'o') && close > s + 2) {
			trim_copy(arg, sizeof(arg), s + 2, (size_t)(close - s - 2));
			if (strchr(arg, '$') == NULL)
				asterisk_add_caller_id(f, c, arg, AST_CID_FULL, v);
		}
		s = close;
	}
}

/* A Dial timeout: seconds, maybe fractional; empty, zero or not a number
 * rings forever (app_dial.c). -1: forever; -2: a variable, unknown. */
static double
dial_timeout(const char *s)
{
	char *end;
	double t;

	if (s[0] == '\0')
		return -1;
	if (strchr(s, '$') != NULL)
		return -2;
	t = strtod(s, &end);
	if (end == s || !(t > 0) || !isfinite(t))
		return -1;
	return t;
}

static void
read_dial(struct ast_file *f, struct campaign *c, const struct app_call *a,
    const struct astconf_var *v)
{
	char trunk[64];
	double t;

	if (a->nargs < 1 || !dial_outbound(a->args[0], trunk, sizeof(trunk)))
		return;
	if (a->nargs >= 3)
		dial_caller_ids(f, c, a->args[2], v);
	t = a->nargs < 2 ? -1 : dial_timeout(a->args[1]);
	if (t == -2)
		return; /* a variable: unknown, judged by no one */
	if (t < 0 || t > 1e6) {
		/* rings until the network gives up: no ring-time problem */
		if (c->ring_timeout < 0) {
			c->ring_timeout = INT_MAX;
			asterisk_mark(f, c, CS_RING_TIMEOUT, v);
		}
		return;
	}
	/* Whole seconds, rounded down: 14.5 s is under a 15 s minimum. */
	if (c->ring_timeout < 0 || (int)floor(t) < c->ring_timeout) {
		c->ring_timeout = (int)floor(t);
		asterisk_mark(f, c, CS_RING_TIMEOUT, v);
	}
}

/* Set(CALLERID(num)=…), CALLERID(all), and CALLERID(pres)=prohib… (withheld). */
static void
read_set(struct ast_file *f, struct campaign *c, const struct app_call *a,
    const struct astconf_var *v)
{
	const char *arg, *eq;
	char fn[64];

	if (a->nargs < 1)
		return;
	arg = a->args[0];
	eq = strchr(arg, '=');
	if (eq == NULL)
		return;
	trim_copy(fn, sizeof(fn), arg, (size_t)(eq - arg));
	if (strchr(eq + 1, '$') != NULL)
		return;
	if (strcasecmp(fn, "CALLERID(num)") == 0 || strcasecmp(fn, "CALLERID(number)") == 0)
		asterisk_add_caller_id(f, c, eq + 1, AST_CID_NUMBER, v);
	else if (strcasecmp(fn, "CALLERID(all)") == 0)
		asterisk_add_caller_id(f, c, eq + 1, AST_CID_FULL, v);
	else if ((strcasecmp(fn, "CALLERID(pres)") == 0 || strcasecmp(fn, "CALLERPRES()") == 0) &&
	    (strncasecmp(eq + 1, "prohib", 6) == 0 || strcasecmp(eq + 1, "unavailable") == 0))
		asterisk_add_caller_id(f, c, "withheld", AST_CID_NUMBER, v);
}

int
asterisk_dialplan_read(struct ast_file *f, struct diag *d)
{
	struct campaign *c = asterisk_campaign(f);
	struct app_call *a = malloc(sizeof(*a));
	bool outbound_seen = false;
	char trunk[64];

	if (a == NULL)
		return diag_set(d, f->path, 0, "out of memory");
	/* The dialplan is what dials: settings it leaves unset are reported on it,
	 * at its first outbound context (else its first context). */
	c->path = arena_strdup(f->m->arena, f->path);
	c->line[CS_CAMPAIGN] = 0;
	for (size_t i = 0; i < f->conf->ncats; i++) {
		const struct astconf_category *cat = &f->conf->cats[i];

		/* [general] and [globals] hold settings and variables, not extensions */
		if (cat->is_template || strcasecmp(cat->name, "general") == 0 ||
		    strcasecmp(cat->name, "globals") == 0)
			continue;
		if (c->line[CS_CAMPAIGN] == 0 && strcmp(cat->file, f->path) == 0)
			c->line[CS_CAMPAIGN] = cat->line;
		for (size_t k = 0; k < cat->nvars; k++) {
			const struct astconf_var *v = &cat->vars[k];

			if (!app_of(v, a))
				continue;
			if (strcasecmp(a->name, "Dial") == 0) {
				read_dial(f, c, a, v);
				if (!outbound_seen && a->nargs >= 1 &&
				    dial_outbound(a->args[0], trunk, sizeof(trunk)) &&
				    strcmp(cat->file, f->path) == 0) {
					outbound_seen = true;
					c->line[CS_CAMPAIGN] = cat->line;
				}
			}
			else if (strcasecmp(a->name, "Set") == 0)
				read_set(f, c, a, v);
			else if (strcasecmp(a->name, "AMD") == 0 && c->amd != TRI_YES) {
				c->amd = TRI_YES;
				asterisk_mark(f, c, CS_AMD, v);
			}
		}
	}
	if (c->line[CS_CAMPAIGN] == 0)
		c->line[CS_CAMPAIGN] = 1;
	free(a);
	return 0;
}
