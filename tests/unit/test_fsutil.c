/* File evidence: size and SHA-256 against the FIPS 180-2 test vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fsutil.h"

static char *
temp_with(const char *content, size_t len)
{
	static char path[64];
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "/tmp/dialaudit-fsutil-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(content, 1, len, f), len);
	fclose(f);
	return path;
}

static void
check_hash(const char *content, size_t len, const char *expected)
{
	struct file_evidence ev;
	struct diag d = { 0 };
	char *path = temp_with(content, len);

	assert_int_equal(fs_evidence(path, true, &ev, &d), 0);
	assert_true(ev.hashed);
	assert_int_equal(ev.size, len);
	assert_string_equal(ev.sha256, expected);
	unlink(path);
}

static void
test_sha256_vectors(void **state)
{
	(void)state;
	check_hash("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_hash("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check_hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* longer than the read buffer, so the hash spans several reads */
static void
test_sha256_million_a(void **state)
{
	size_t n = 1000000;
	char *a = malloc(n);

	(void)state;
	assert_non_null(a);
	memset(a, 'a', n);
	check_hash(a, n, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void
test_no_hash_when_not_asked(void **state)
{
	struct file_evidence ev;
	struct diag d = { 0 };
	char *path = temp_with("abc", 3);

	(void)state;
	assert_int_equal(fs_evidence(path, false, &ev, &d), 0);
	assert_false(ev.hashed);
	assert_string_equal(ev.sha256, "");
	assert_int_equal(ev.size, 3);
	assert_true(ev.mtime > 0);
	unlink(path);
}

static void
test_missing_file_is_an_error(void **state)
{
	struct file_evidence ev;
	struct diag d = { 0 };

	(void)state;
	assert_int_equal(fs_evidence("/nonexistent/dialaudit-none", true, &ev, &d), -1);
	assert_non_null(strstr(d.message, "cannot open"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_million_a),
		cmocka_unit_test(test_no_hash_when_not_asked),
		cmocka_unit_test(test_missing_file_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
