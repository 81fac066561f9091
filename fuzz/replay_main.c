/*
 * Replays inputs through a fuzz target without libFuzzer: the normal
 * (gcc, and gcc with sanitizers) build links each target with this main,
 * and ctest replays fuzz/seeds/<target> and fuzz/regressions/<target>, so
 * every crash ever found stays fixed in CI. Arguments are files or folders
 * (every regular file in them, not recursing).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int
replay(const char *path, size_t *count)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	do {
		if (len == cap) {
			unsigned char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (nb == NULL) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	(*count)++;
	return 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	size_t count = 0;
	int rc = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *dp;
		struct dirent *e;
		char **names = NULL;
		size_t n = 0;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			rc |= replay(argv[i], &count);
			continue;
		}
		if ((dp = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			return 1;
		}
		while ((e = readdir(dp)) != NULL) {
			char path[4096];
			char **nn;

			snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
			if (e->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
			nn = realloc(names, (n + 1) * sizeof(*names));
			if (nn == NULL || (nn[n] = strdup(path)) == NULL)
				abort();
			names = nn;
			n++;
		}
		closedir(dp);
		/* a fixed order, so that a failure names the same input every time */
		if (n > 0)
			qsort(names, n, sizeof(*names), cmp_name);
		for (size_t k = 0; k < n; k++) {
			fprintf(stderr, "replay %s\n", names[k]);
			rc |= replay(names[k], &count);
			free(names[k]);
		}
		free(names);
	}
	printf("replayed %zu inputs\n", count);
	/* no input at all is a test that proves nothing */
	return rc != 0 || count == 0;
}
