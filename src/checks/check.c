/* Helpers shared by the checks: building findings with their evidence. */
#include "checks/check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "util/arena.h"
#include "util/phone.h"

static void
add(struct check_ctx *ctx, struct finding *t, const char *fmt, va_list ap)
{
	char msg[2048];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	findings_add(ctx->out, t, "%s", msg);
}

static void
campaign_finding(struct check_ctx *ctx, enum severity sev, const struct campaign *c,
    enum campaign_setting cs, const char *ident, const struct citation *cite, const char *limit,
    const char *actual, const char *fmt, va_list ap)
{
	struct finding t = { 0 };

	t.rule = ctx->rule;
	t.severity = sev;
	t.path = c->file[cs] != NULL && c->line[cs] > 0 ? c->file[cs] : c->path;
	t.line = c->line[cs] > 0 ? c->line[cs] : c->line[CS_CAMPAIGN];
	t.campaign = c->name;
	t.key = campaign_setting_key(cs);
	t.limit = limit;
	t.actual = actual;
	t.cite = cite;
	t.ident = ident;
	add(ctx, &t, fmt, ap);
}

void
check_campaign(struct check_ctx *ctx, enum severity sev, const struct campaign *c,
    enum campaign_setting cs, const struct citation *cite, const char *limit, const char *actual,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	campaign_finding(ctx, sev, c, cs, NULL, cite, limit, actual, fmt, ap);
	va_end(ap);
}

void
check_campaign_ident(struct check_ctx *ctx, enum severity sev, const struct campaign *c,
    enum campaign_setting cs, const char *ident, const struct citation *cite, const char *limit,
    const char *actual, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	campaign_finding(ctx, sev, c, cs, ident, cite, limit, actual, fmt, ap);
	va_end(ap);
}

void
check_licence(struct check_ctx *ctx, enum severity sev, int line, const char *key,
    const struct citation *cite, const char *limit, const char *actual, const char *fmt, ...)
{
	struct finding t = { 0 };
	va_list ap;

	t.rule = ctx->rule;
	t.severity = sev;
	t.path = ctx->licence->path;
	t.line = line > 0 ? line : ctx->licence->line;
	t.key = key;
	t.limit = limit;
	t.actual = actual;
	t.cite = cite;
	va_start(ap, fmt);
	add(ctx, &t, fmt, ap);
	va_end(ap);
}

struct finding *
check_event_summary(struct findings *out, const struct finding *t, uint64_t count, uint64_t total,
    const char (*ex)[400], size_t nex)
{
	char examples[3 * 400 + 8] = "";
	size_t used = 0;
	double share = total ? 100.0 * (double)count / (double)total : 0.0;

	for (size_t k = 0; k < nex && k < 3 && used < sizeof(examples); k++)
		used += (size_t)snprintf(examples + used, sizeof(examples) - used, "%s%s",
		    k ? tr("; ") : "", ex[k]);
	if (t->campaign != NULL)
		return findings_add(out, t, count == 1 ?
		    tr("%" PRIu64 " call of campaign '%s' (%.1f%% of %" PRIu64 "): %s") :
		    tr("%" PRIu64 " calls of campaign '%s' (%.1f%% of %" PRIu64 "): %s"), count,
		    t->campaign, share, total, examples);
	return findings_add(out, t, count == 1 ? tr("%" PRIu64 " call (%.1f%% of %" PRIu64 "): %s") :
	    tr("%" PRIu64 " calls (%.1f%% of %" PRIu64 "): %s"), count, share, total, examples);
}

const char *
check_number(struct check_ctx *ctx, const char *e164)
{
	char buf[PHONE_MAX + 16];

	phone_display(e164, &ctx->profile->numbering, ctx->show_numbers, buf, sizeof(buf));
	return arena_strdup(ctx->scratch, buf);
}
