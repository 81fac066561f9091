/* gen_calls.c - writes N Asterisk cdr_csv rows (16 columns) to N distinct
 * called numbers, for tests/hostile/test_volume.py.
 *
 * Usage: gen_calls N FILE
 *
 * Row i calls 139 followed by i in 8 digits (so N is at most 100 000 000),
 * from one caller ID, starting at 09:00 Beijing time on 2026-03-10 plus
 * i mod 36 000 seconds, one day later for every 36 000 rows (inside the cn
 * profile's 08:00-21:00), with start as epoch seconds, busy after 1 second:
 * no call overlaps another, none breaks a limit of the cn profile, so the
 * run measures reading and keeping calls, not writing violations.
 */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	const long long base = 1773104400LL; /* 2026-03-10 09:00:00 +08:00 */
	long long n;
	size_t used = 0;
	FILE *f;

	if (argc != 3 || (n = atoll(argv[1])) <= 0 || n > 100000000LL) {
		fputs("usage: gen_calls N FILE (N from 1 to 100000000)\n", stderr);
		return 2;
	}
	if ((f = fopen(argv[2], "w")) == NULL) {
		perror(argv[2]);
		return 2;
	}
	for (long long i = 0; i < n; i++) {
		if (used > sizeof(buf) - 128) {
			fwrite(buf, 1, used, f);
			used = 0;
		}
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
		    ",057188001201,139%08lld,,,,,,,%lld,,,1,0,BUSY,\n", i,
		    base + i / 36000 * 86400 + i % 36000);
	}
	fwrite(buf, 1, used, f);
	if (fclose(f) != 0) {
		perror(argv[2]);
		return 2;
	}
	return 0;
}
