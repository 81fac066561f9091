#!/bin/sh
# Runs dialaudit under valgrind memcheck for the whole-binary tests: any
# memory error or definite leak turns into exit status 97, which no test
# expects, so the test fails.
exec valgrind --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite -q \
	"$DIALAUDIT_REAL_BIN" "$@"
