/*
 * A private temporary folder for unit tests that read files: a test group's
 * setup makes it, its teardown removes it, tmp_put() writes files into it.
 */
#ifndef DIALAUDIT_TESTS_TMPDIR_H
#define DIALAUDIT_TESTS_TMPDIR_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

static char tmp_dir[64];

static inline int
tmp_setup(void **state)
{
	(void)state;
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/dialaudit-unit-XXXXXX");
	return mkdtemp(tmp_dir) == NULL ? -1 : 0;
}

static inline int
tmp_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes text to tmp_dir/rel, making the folders rel names; the path it
 * returns stays valid for the next 7 calls. */
static inline const char *
tmp_put(const char *rel, const char *text)
{
	static char path[8][512];
	static int next;
	char *p = path[next++ % 8];
	FILE *f;

	snprintf(p, 512, "%s/%s", tmp_dir, rel);
	for (char *slash = strchr(p + strlen(tmp_dir) + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(p, 0700);
		*slash = '/';
	}
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return p;
}

#endif
