/* libconfig loading: what cfg_load_file refuses before libconfig reads a file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/cfg.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/dialaudit-cfg-XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/fifo", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/main.cfg", dir);
	unlink(path);
	return rmdir(dir);
}

static const char *
write_main(const char *content)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/main.cfg", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
	return path;
}

/* An @include of a FIFO that no one writes would block libconfig for ever
 * (found while writing the fuzz targets): every @include is checked before
 * libconfig opens it, and this one is refused at its line. The alarm turns a
 * regression into a failure rather than a hung test. */
static void
test_include_of_a_fifo_is_refused(void **state)
{
	char fifo[128], text[256];
	const char *path;
	config_t cfg;
	struct diag d = { 0 };

	(void)state;
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	snprintf(text, sizeof(text), "campaigns = ( { name = \"x\"; } );\n  @include \"%s\"\n", fifo);
	path = write_main(text);
	alarm(10);
	assert_int_equal(cfg_load_file(&cfg, path, &d), -1);
	alarm(0);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.message, "is not a regular file"));
}

static void
test_plain_file_still_loads(void **state)
{
	const char *path = write_main("# an @include in a comment line is fine\nx = \"@include\";\n");
	config_t cfg;
	struct diag d = { 0 };
	const char *s = NULL;

	(void)state;
	assert_int_equal(cfg_load_file(&cfg, path, &d), 0);
	assert_int_equal(config_lookup_string(&cfg, "x", &s), CONFIG_TRUE);
	assert_string_equal(s, "@include");
	config_destroy(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_include_of_a_fifo_is_refused),
		cmocka_unit_test(test_plain_file_still_loads),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
