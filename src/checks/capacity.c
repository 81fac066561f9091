/* capacity: channels against the licence and the per-caller-number limit. */
#include "checks/check.h"

#include <stdio.h>
#include <string.h>

#include "util/phone.h"

const struct citation *
limit_capacity(const struct profile *p, char *buf, size_t size)
{
	if (!p->capacity.set)
		return NULL;
	snprintf(buf, size, "at most %d concurrent call%s per caller number, and no more channels "
	    "than licensed", p->capacity.per_caller_number,
	    p->capacity.per_caller_number == 1 ? "" : "s");
	return &p->capacity.cite;
}

static void
check_licence_channels(struct check_ctx *ctx)
{
	const struct licence *l = ctx->licence;
	long long total = 0;
	bool all_set = true;
	char limit[128];

	snprintf(limit, sizeof(limit), "%d concurrent channels (licence)", l->channels);
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->max_channels <= 0) {
			all_set = false;
			check_campaign_ident(ctx, SEV_MEDIUM, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    "not set",
			    "campaign '%s' sets no channel limit; the licence allows %d", c->name,
			    l->channels);
			continue;
		}
		total += c->max_channels;
		if (c->max_channels > l->channels)
			check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    check_printf(ctx, "%d channels", c->max_channels),
			    "campaign '%s' may use %d channels; the licence allows %d", c->name,
			    c->max_channels, l->channels);
	}
	if (all_set && ctx->campaigns->n > 1 && total > l->channels)
		check_licence(ctx, SEV_HIGH, l->capacity_line, "channels/total", NULL, limit,
		    check_printf(ctx, "%lld channels", total),
		    "the %zu campaigns together may use %lld channels; the licence allows %d",
		    ctx->campaigns->n, total, l->channels);
}

void
check_capacity_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (ctx->licence != NULL && ctx->licence->channels > 0)
		check_licence_channels(ctx);
	if (limit_capacity(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];
		size_t valid = 0;
		long long allowed;

		for (size_t k = 0; k < c->ncaller_ids; k++) {
			char e164[PHONE_MAX];

			valid += phone_normalise(c->caller_ids[k], strlen(c->caller_ids[k]),
			    &p->numbering, e164) == PHONE_OK;
		}
		allowed = (long long)p->capacity.per_caller_number * (long long)valid;
		if (c->max_channels <= 0 || valid == 0 || c->max_channels <= allowed)
			continue;
		check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "per-caller-number",
		    &p->capacity.cite, limit,
		    check_printf(ctx, "%d channels over %zu caller number%s", c->max_channels,
		    valid, valid == 1 ? "" : "s"),
		    "campaign '%s' may run %d concurrent calls over %zu valid caller number%s; at %d "
		    "per number it may run at most %lld", c->name, c->max_channels, valid,
		    valid == 1 ? "" : "s", p->capacity.per_caller_number, allowed);
	}
}
