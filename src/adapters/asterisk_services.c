/* manager.conf, ari.conf, http.conf, asterisk.conf and amd.conf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adapters/asterisk_conf.h"

static const struct astconf_category *
general(const struct ast_file *f, const char *name)
{
	size_t i = 0;

	return astconf_next(f->conf, name, &i);
}

/* Where a finding about a default should point: the key if written, else
 * the category, else the file. */
static void
where(const struct ast_file *f, const struct astconf_category *cat, const struct astconf_var *v,
    const char **file, int *line)
{
	*file = v != NULL ? v->file : cat != NULL ? cat->file : f->path;
	*line = v != NULL ? v->line : cat != NULL ? cat->line : 0;
}

/*
 * AMI: off unless enabled = yes; plain text on bindaddr (default every
 * address); TLS on tlsbindaddr when tlsenable = yes (the plain port stays
 * open). Every other category is a user.
 */
int
asterisk_manager_read(struct ast_file *f, struct diag *d)
{
	const struct astconf_category *g = general(f, "general");
	const struct astconf_var *en = g != NULL ? astconf_get(g, "enabled") : NULL;
	const struct astconf_var *bind = g != NULL ? astconf_get(g, "bindaddr") : NULL;
	const char *tls = asterisk_value(g, "tlsenable"), *tlsbind = asterisk_value(g, "tlsbindaddr");
	const char *web = asterisk_value(g, "webenabled");
	bool plain_open, tls_open, on;
	const char *file;
	int line;

	(void)d;
	on = en != NULL && asterisk_true(en->value);
	plain_open = on && (bind == NULL || asterisk_addr_exposed(bind->value));
	tls_open = asterisk_true(tls) && (tlsbind == NULL || asterisk_addr_exposed(tlsbind));
	if (plain_open) {
		where(f, g, bind != NULL ? bind : en, &file, &line);
		asterisk_expose(f, EXP_AMI_OPEN, 0, file, line, "AMI",
		    bind != NULL ? bind->value : "0.0.0.0");
	}
	if (!on && !asterisk_true(tls) && !asterisk_true(web))
		return 0; /* no AMI: its users cannot log in */
	for (size_t i = 0; i < f->conf->ncats; i++) {
		const struct astconf_category *cat = &f->conf->cats[i];

		if (cat->is_template || strcasecmp(cat->name, "general") == 0)
			continue;
		asterisk_judge_secret(f, "AMI", cat->name, cat->name, astconf_get(cat, "secret"));
		if ((plain_open || tls_open) && astconf_get(cat, "permit") == NULL &&
		    astconf_get(cat, "acl") == NULL)
			asterisk_expose(f, EXP_AMI_USER_OPEN, 0, cat->file, cat->line, "AMI",
			    asterisk_safe_name(cat->name, asterisk_value(cat, "secret")));
	}
	return 0;
}

/* ARI rides on the HTTP server; its users are type = user categories. */
int
asterisk_ari_read(struct ast_file *f, struct diag *d)
{
	const struct astconf_category *g = general(f, "general");
	const struct astconf_var *en = g != NULL ? astconf_get(g, "enabled") : NULL;
	const char *file;
	int line;

	(void)d;
	/* res_ari is enabled unless told otherwise */
	if (en != NULL && !asterisk_true(en->value))
		return 0;
	where(f, g, en, &file, &line);
	asterisk_expose(f, EXP_ARI_ENABLED, 0, file, line, "ARI", NULL);
	for (size_t i = 0; i < f->conf->ncats; i++) {
		const struct astconf_category *cat = &f->conf->cats[i];
		const char *type = asterisk_value(cat, "type");
		const char *format = asterisk_value(cat, "password_format");

		/* a crypt() password is a hash: not judged */
		if (cat->is_template || type == NULL || strcasecmp(type, "user") != 0 ||
		    (format != NULL && strcasecmp(format, "crypt") == 0))
			continue;
		asterisk_judge_secret(f, "ARI", cat->name, cat->name, astconf_get(cat, "password"));
	}
	return 0;
}

/* The HTTP server (ARI, AMI over HTTP) serves plain text on bindaddr when
 * enabled; without a bindaddr it does not listen. tlsenable opens a second,
 * TLS, port and leaves the plain one as it is. */
int
asterisk_http_read(struct ast_file *f, struct diag *d)
{
	const struct astconf_category *g = general(f, "general");
	const struct astconf_var *bind = g != NULL ? astconf_get(g, "bindaddr") : NULL;

	(void)d;
	if (g != NULL && asterisk_true(asterisk_value(g, "enabled")) && bind != NULL &&
	    asterisk_addr_exposed(bind->value))
		asterisk_expose(f, EXP_HTTP_OPEN, asterisk_true(asterisk_value(g, "tlsenable")),
		    bind->file, bind->line, "HTTP", bind->value);
	return 0;
}

/* asterisk.conf [options] maxcalls: the most channels the server allows. */
int
asterisk_options_read(struct ast_file *f, struct diag *d)
{
	const struct astconf_category *o = general(f, "options");
	const struct astconf_var *v = o != NULL ? astconf_get(o, "maxcalls") : NULL;
	struct campaign *c;
	char *end;
	long n;

	if (v == NULL)
		return 0;
	n = strtol(v->value, &end, 10);
	if (end == v->value || *end != '\0' || n < 0 || n > 1000000)
		return diag_set(d, v->file, v->line, "maxcalls \"%s\" is not a whole number of calls "
		    "(0 to 1000000)", v->value);
	if (n > 0) { /* 0: no limit */
		c = asterisk_campaign(f);
		c->max_channels = (int)n;
		asterisk_mark(f, c, CS_MAX_CHANNELS, v);
	}
	return 0;
}

static int
ms_value(const struct astconf_category *g, const char *key, long def,
    const struct astconf_var **at, struct diag *d)
{
	const struct astconf_var *v = g != NULL ? astconf_get(g, key) : NULL;
	char *end;
	long n;

	if (v == NULL)
		return (int)def;
	n = strtol(v->value, &end, 10);
	if (end == v->value || *end != '\0' || n < 0 || n > 600000)
		return diag_set(d, v->file, v->line, "%s \"%s\" is not milliseconds (0 to 600000)",
		    key, v->value);
	if (*at == NULL || v->line > (*at)->line)
		*at = v;
	return (int)n;
}

/*
 * amd.conf: a person who answers hears nothing while AMD listens; for one
 * who says a short greeting, AMD decides "human" after greeting +
 * after_greeting_silence ms (defaults 1500 + 800). That is the earliest a
 * message can start: abandon_message_delay.
 */
int
asterisk_amd_read(struct ast_file *f, struct diag *d)
{
	const struct astconf_category *g = general(f, "general");
	const struct astconf_var *at = NULL;
	struct astconf_var none = { 0 };
	struct campaign *c;
	int greet, after;

	if (g == NULL)
		return 0;
	if ((greet = ms_value(g, "greeting", 1500, &at, d)) < 0 ||
	    (after = ms_value(g, "after_greeting_silence", 800, &at, d)) < 0)
		return -1;
	c = asterisk_campaign(f);
	c->abandon_message_delay = (greet + after) / 1000.0;
	if (at == NULL) {
		/* both defaults: the [general] that leaves them out */
		none.file = g->file;
		none.line = g->line;
		at = &none;
	}
	asterisk_mark(f, c, CS_ABANDON_MESSAGE_DELAY, at);
	return 0;
}
