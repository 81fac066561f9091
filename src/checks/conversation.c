/*
 * wait-after-conversation: no call to a number for some days after a
 * telephone conversation with its holder (US Regulation F: 7 consecutive
 * days, the conversation's day being the first). Days are the callee's
 * local calendar days, as the rule counts them.
 */
#include "checks/check.h"

#include <stdio.h>

#include "calllog.h"
#include "checks/events.h"
#include "util/i18n.h"
#include "util/timeutil.h"

const struct citation *
limit_wait_after_conversation(const struct profile *p, char *buf, size_t size)
{
	if (!p->wait_after_conversation.set)
		return NULL;
	snprintf(buf, size, tr("no call on the %d days that start with the day of a conversation "
	    "with the called person"), p->wait_after_conversation.days);
	return &p->wait_after_conversation.cite;
}

static bool
conversation_applies(const struct event_ctx *ctx)
{
	return ctx->profile->wait_after_conversation.set;
}

/* A conversation: answered by a person and put through to an agent. */
static bool
is_conversation(const struct call *c)
{
	return (c->flags & CALL_LIVE) && !(c->flags & CALL_ABANDONED);
}

static void
conversation_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	int days = ctx->profile->wait_after_conversation.days;
	int64_t talked = 0;
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		const struct call *c = calls[i];
		int64_t day = event_local_day(ctx, c->start);

		if (any && day - talked < days)
			event_violation(ctx, c, event_offset(ctx, c->start), 0, (int32_t)(day - talked + 1));
		if (is_conversation(c)) {
			talked = day;
			any = true;
		}
	}
}

static void
conversation_describe(const struct event_ctx *ctx, const struct violation *v, char *buf,
    size_t size)
{
	snprintf(buf, size, tr("called on day %d of the %d days that start with a conversation with "
	    "the called person"), v->aux, ctx->profile->wait_after_conversation.days);
}

const struct event_hooks wait_after_conversation_events = {
	conversation_applies, NULL, conversation_per_number, NULL, conversation_describe,
};
