/*
 * Fuzz target: the profile loader, with what a profile reaches beside it.
 * The input is up to four files separated by lines "%%": the profile
 * (p.cfg), a holiday calendar (calendars/c.cfg, reached by holidays = "c"),
 * a zone table (zones/z.cfg, zone_map = "z") and a parent (base.cfg,
 * extends = "base"). Built-in profiles are found too (extends = "cn").
 * The patterns a profile compiles are then matched, so that a
 * catastrophic one shows up as a slow input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "calendar.h"
#include "fuzz.h"
#include "profile.h"
#include "util/regex.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("DIALAUDIT_PROFILE_DIR", FUZZ_PROFILE_DIR, 1);
	return 0;
}

static void
match_all(const struct regex_list *r)
{
	static const char *const subjects[] = { "8613912345678", "12125550123", "+44 20 7946 0000",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
		"000000000000000000000000000000000000000000000000000000000000000000000000000000000x" };

	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++)
		(void)regex_list_match(r, subjects[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "p.cfg", "calendars/c.cfg", "zones/z.cfg", "base.cfg" };
	const uint8_t *part[4];
	size_t len[4], n = fuzz_split(data, size, part, len, 4);
	char path[4200];
	struct profile *p;
	struct diag d;

	for (size_t i = 0; i < 4; i++)
		fuzz_dir_file(names[i], i < n ? part[i] : data, i < n ? len[i] : 0);
	snprintf(path, sizeof(path), "%s/p.cfg", fuzz_dir());
	if (profile_load(path, &p, &d) < 0)
		return 0;
	match_all(p->caller_id.allowed);
	match_all(p->caller_id.forbidden);
	match_all(p->caller_id.inbound_only);
	match_all(p->blocked_destinations.patterns);
	if (p->hours.calendar != NULL)
		for (int64_t day = 19700; day < 21000; day += 97) {
			const char *name;

			(void)calendar_is_holiday(p->hours.calendar, day, &name);
			(void)calendar_is_workday(p->hours.calendar, day);
			(void)calendar_covers(p->hours.calendar, day);
		}
	{
		const char *const *zones;
		size_t nz;

		profile_zones_for(p, "12125550123", &zones, &nz);
		profile_zones_for(p, "8613912345678", &zones, &nz);
	}
	profile_free(p);
	return 0;
}
