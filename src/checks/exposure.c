/* exposed-interface: ways into the dialer that let others call in its name.
 * Security practice, not a jurisdiction's limit: no profile sets it. */
#include "checks/check.h"

#include <string.h>

#include "util/arena.h"
#include "util/secret.h"

static const char *const keys[EXP__COUNT] = {
	[EXP_AMI_OPEN] = "bindaddr", [EXP_AMI_USER_OPEN] = "permit", [EXP_HTTP_OPEN] = "bindaddr",
	[EXP_ARI_ENABLED] = "enabled", [EXP_WEAK_SECRET] = "secret",
	[EXP_SIP_GUEST] = "allowguest", [EXP_SIP_AUTH_REVEALS] = "alwaysauthreject",
	[EXP_PJSIP_NO_AUTH] = "auth",
};

/* The HTTP server of x's folder when it is open to all, or NULL. */
static const struct exposure *
open_http(const struct check_ctx *ctx, const struct exposure *x)
{
	for (size_t i = 0; i < ctx->nexposures; i++)
		if (ctx->exposures[i].kind == EXP_HTTP_OPEN &&
		    strcmp(ctx->exposures[i].group, x->group) == 0)
			return &ctx->exposures[i];
	return NULL;
}

static void
report(struct check_ctx *ctx, const struct exposure *x)
{
	struct finding t = { 0 };
	const struct exposure *http;
	const char *subject = x->subject != NULL ? x->subject : "";

	t.rule = ctx->rule;
	t.severity = x->kind == EXP_AMI_OPEN || x->kind == EXP_WEAK_SECRET ? SEV_HIGH : SEV_MEDIUM;
	t.path = x->path;
	t.line = x->line;
	t.key = keys[x->kind];
	/* an unnamed subject (its name was the secret) is told apart by its line */
	t.ident = x->subject != NULL ? arena_printf(ctx->scratch, "%s/%s",
	    x->service != NULL ? x->service : "", subject) : arena_printf(ctx->scratch, "%s/@%d",
	    x->service != NULL ? x->service : "", x->line);
	t.limit = tr("security practice, not a legal limit: management interfaces on trusted "
	    "addresses only, strong unique secrets, no unauthenticated SIP");
	switch (x->kind) {
	case EXP_AMI_OPEN:
		t.actual = arena_printf(ctx->scratch, tr("%s, plain text"), subject);
		findings_add(ctx->out, &t, tr("the Asterisk Manager Interface (AMI) listens in plain "
		    "text on %s, every or a public address: whoever reaches the port can try to log "
		    "in and originate calls"), subject);
		break;
	case EXP_AMI_USER_OPEN:
		t.actual = tr("no permit");
		if (x->subject != NULL)
			findings_add(ctx->out, &t, tr("AMI user '%s' has no permit= limit, so it can log "
			    "in from any address that reaches the AMI port, which listens on every or a "
			    "public address"), subject);
		else
			findings_add(ctx->out, &t, tr("the AMI user on this line (its name contains its "
			    "secret, so it is not shown) has no permit= limit, so it can log in from any "
			    "address that reaches the AMI port, which listens on every or a public address"));
		break;
	case EXP_HTTP_OPEN:
		t.actual = arena_printf(ctx->scratch, tr("%s, plain text"), subject);
		findings_add(ctx->out, &t, x->detail ? tr("the Asterisk HTTP server (ARI, AMI over "
		    "HTTP) serves plain text on %s, every or a public address; its TLS port does not "
		    "close the plain one") : tr("the Asterisk HTTP server (ARI, AMI over HTTP) serves "
		    "plain text on %s, every or a public address, without TLS"), subject);
		break;
	case EXP_ARI_ENABLED:
		if ((http = open_http(ctx, x)) == NULL)
			return;
		t.actual = tr("enabled");
		findings_add(ctx->out, &t, tr("ARI is enabled and served in plain text by the HTTP "
		    "server open to every or a public address (%s line %d)"), http->path, http->line);
		break;
	case EXP_WEAK_SECRET:
		t.actual = tr(secret_weakness_text((enum secret_weakness)x->detail));
		if (x->subject != NULL)
			findings_add(ctx->out, &t, tr("the %s secret of '%s' is %s"), x->service, subject,
			    t.actual);
		else
			findings_add(ctx->out, &t, tr("the %s secret on this line is %s (its section is not "
			    "named here: its name contains the secret)"), x->service, t.actual);
		break;
	case EXP_SIP_GUEST:
		t.actual = x->detail ? tr("yes (the default)") : tr("yes");
		findings_add(ctx->out, &t, x->detail ? tr("chan_sip takes calls from unauthenticated "
		    "callers (guests): allowguest is not set and defaults to yes") : tr("chan_sip takes "
		    "calls from unauthenticated callers (guests): allowguest = yes"));
		break;
	case EXP_SIP_AUTH_REVEALS:
		t.actual = tr("no");
		findings_add(ctx->out, &t, tr("chan_sip answers a failed login differently for unknown "
		    "and for known user names (alwaysauthreject = no), which tells an attacker which "
		    "accounts exist"));
		break;
	case EXP_PJSIP_NO_AUTH:
		t.actual = tr("no auth");
		findings_add(ctx->out, &t, tr("PJSIP endpoint '%s' has no auth= and no identify section, "
		    "and a transport listens on every or a public address: requests naming it are "
		    "taken without a password"), subject);
		break;
	case EXP__COUNT:
		break;
	}
}

void
check_exposure_config(struct check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nexposures; i++)
		report(ctx, &ctx->exposures[i]);
}
