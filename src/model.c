/* The model: setting names and campaign construction. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/xalloc.h"

static const char *const setting_keys[CS__COUNT] = {
	[CS_CAMPAIGN] = "campaign",
	[CS_PURPOSE] = "purpose",
	[CS_DIAL_MODE] = "dial_mode",
	[CS_PACING] = "pacing",
	[CS_ABANDON_TARGET] = "abandon_target",
	[CS_WINDOWS] = "windows",
	[CS_WINDOWS_ZONE] = "windows_zone",
	[CS_SERVER_TIMEZONE] = "server_timezone",
	[CS_SKIP_HOLIDAYS] = "skip_holidays",
	[CS_MAX_ATTEMPTS] = "max_attempts",
	[CS_ATTEMPTS_WINDOW] = "attempts_window",
	[CS_RETRY_INTERVAL] = "retry_interval",
	[CS_RETRY_AFTER_ABANDON] = "retry_after_abandon",
	[CS_RETRY_AFTER_NO_ANSWER] = "retry_after_no_answer",
	[CS_RING_TIMEOUT] = "ring_timeout",
	[CS_ABANDON_MESSAGE] = "abandon_message",
	[CS_ABANDON_MESSAGE_DELAY] = "abandon_message_delay",
	[CS_AMD] = "amd",
	[CS_CALLER_IDS] = "caller_ids",
	[CS_DNC_SCRUB] = "dnc_scrub",
	[CS_DNC_LIST_AGE] = "dnc_list_age_days",
	[CS_CONSENT_REQUIRED] = "consent_required",
	[CS_REFUSAL_SUPPRESSION] = "refusal_suppression_days",
	[CS_RETENTION] = "record_retention_days",
	[CS_DESTINATION_FILTER] = "destination_filter",
	[CS_MAX_CHANNELS] = "max_channels",
	[CS_CALLS_PER_SECOND] = "calls_per_second",
	[CS_AGENTS] = "agents",
};

const char *
campaign_setting_key(enum campaign_setting s)
{
	return s < CS__COUNT ? setting_keys[s] : "?";
}

void
model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	m->arena = arena_new();
	calllog_init(&m->log);
}

void
model_free(struct model *m)
{
	free(m->campaigns.v);
	free(m->exposures);
	calllog_free(&m->log);
	arena_free(m->arena);
	memset(m, 0, sizeof(*m));
}

struct campaign *
model_add_campaign(struct model *m, const char *name, const char *path)
{
	struct campaign *c;

	xgrow((void **)&m->campaigns.v, &m->campaigns_cap, m->campaigns.n + 1, sizeof(*c));
	c = &m->campaigns.v[m->campaigns.n++];
	memset(c, 0, sizeof(*c));
	c->name = arena_strdup(m->arena, name);
	c->path = arena_strdup(m->arena, path);
	c->purpose = -1;
	c->abandon_target = -1;
	c->windows_in_callee_zone = true;
	c->skip_holidays = TRI_UNSET;
	c->retry_interval = c->retry_after_abandon = c->retry_after_no_answer = -1;
	c->ring_timeout = -1;
	c->abandon_message = TRI_UNSET;
	c->abandon_message_delay = -1;
	c->amd = TRI_UNSET;
	c->dnc_scrub = TRI_UNSET;
	c->dnc_list_age_days = -1;
	c->consent_required = TRI_UNSET;
	c->refusal_suppression_days = -1;
	c->retention_days = -1;
	c->destination_filter = TRI_UNSET;
	return c;
}

bool
model_add_caller_id(struct model *m, struct campaign *c, const char *id, const char *file,
    int line)
{
	size_t n = c->ncaller_ids;
	char **ids;
	const char **files;
	int *lines;

	if (n >= MODEL_MAX_CALLER_IDS)
		return false;
	/* Arena arrays, regrown by copying: campaigns hold few caller IDs. */
	ids = arena_alloc(m->arena, (n + 1) * sizeof(*ids));
	files = arena_alloc(m->arena, (n + 1) * sizeof(*files));
	lines = arena_alloc(m->arena, (n + 1) * sizeof(*lines));
	for (size_t k = 0; k < n; k++) {
		ids[k] = c->caller_ids[k];
		files[k] = c->caller_id_files != NULL ? c->caller_id_files[k] : NULL;
		lines[k] = c->caller_id_lines != NULL ? c->caller_id_lines[k] : 0;
	}
	ids[n] = arena_strdup(m->arena, id);
	files[n] = arena_strdup(m->arena, file);
	lines[n] = line;
	c->caller_ids = ids;
	c->caller_id_files = files;
	c->caller_id_lines = lines;
	c->ncaller_ids = n + 1;
	return true;
}

bool
model_add_exposure(struct model *m, const struct exposure *e)
{
	struct exposure *x;

	if (m->nexposures >= MODEL_MAX_EXPOSURES)
		return false;
	xgrow((void **)&m->exposures, &m->exposures_cap, m->nexposures + 1, sizeof(*x));
	x = &m->exposures[m->nexposures++];
	*x = *e;
	x->path = arena_strdup(m->arena, e->path);
	x->subject = arena_strdup(m->arena, e->subject);
	x->service = arena_strdup(m->arena, e->service);
	x->group = arena_strdup(m->arena, e->group);
	return true;
}
