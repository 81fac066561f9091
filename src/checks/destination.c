/* blocked-destination: campaigns must filter emergency and premium numbers. */
#include "checks/check.h"

#include <stdio.h>

#include "util/regex.h"

const struct citation *
limit_destination(const struct profile *p, char *buf, size_t size)
{
	size_t used = 0;
	size_t n;

	if (!p->blocked_destinations.set)
		return NULL;
	n = regex_list_count(p->blocked_destinations.patterns);
	used = (size_t)snprintf(buf, size, "never dial numbers matching");
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s %s", i ? "," : "",
		    regex_list_pattern(p->blocked_destinations.patterns, i));
	return &p->blocked_destinations.cite;
}

void
check_destination_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[512];

	if (limit_destination(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->destination_filter != TRI_YES)
			check_campaign(ctx, SEV_MEDIUM, c, CS_DESTINATION_FILTER,
			    &p->blocked_destinations.cite, limit,
			    c->destination_filter == TRI_NO ? "off" : "not set",
			    "campaign '%s' does not filter blocked destinations (emergency, premium and "
			    "special numbers) out of its lead lists", c->name);
	}
}
