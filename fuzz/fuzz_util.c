/* Shared helpers of the libFuzzer targets: inputs as files, log comparison. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adapters/adapter.h"
#include "model.h"
#include "util/tz.h"

/* A harness that cannot set up its input cannot test anything: stop loudly. */
static void
die(const char *what)
{
	fprintf(stderr, "fuzz harness: %s: %s\n", what, strerror(errno));
	abort();
}

static void
write_all(int fd, const void *data, size_t size)
{
	const char *p = data;

	if (ftruncate(fd, 0) != 0)
		die("ftruncate");
	for (size_t off = 0; off < size;) {
		ssize_t n = pwrite(fd, p + off, size - off, (off_t)off);

		if (n <= 0)
			die("pwrite");
		off += (size_t)n;
	}
}

const char *
fuzz_file(int slot, const void *data, size_t size)
{
	static int fd[FUZZ_SLOTS] = { -1, -1, -1, -1 };
	static char path[FUZZ_SLOTS][64];

	if (slot < 0 || slot >= FUZZ_SLOTS)
		abort();
	if (fd[slot] < 0) {
		fd[slot] = memfd_create("dialaudit-fuzz", MFD_CLOEXEC);
		if (fd[slot] < 0)
			die("memfd_create");
		snprintf(path[slot], sizeof(path[slot]), "/proc/self/fd/%d", fd[slot]);
	}
	write_all(fd[slot], data, size);
	return path[slot];
}

static char dir[256];
static char made[8][1024]; /* files and subfolders to remove at exit, last first */
static size_t nmade;

static void
remove_dir(void)
{
	while (nmade > 0)
		remove(made[--nmade]);
	rmdir(dir);
}

const char *
fuzz_dir(void)
{
	if (dir[0] == '\0') {
		const char *tmp = getenv("TMPDIR");

		if ((size_t)snprintf(dir, sizeof(dir), "%s/dialaudit-fuzz-XXXXXX",
		    tmp != NULL && *tmp ? tmp : "/tmp") >= sizeof(dir))
			abort();
		if (mkdtemp(dir) == NULL)
			die("mkdtemp");
		atexit(remove_dir);
	}
	return dir;
}

const char *
fuzz_dir_file(const char *rel, const void *data, size_t size)
{
	static char path[1024];
	const char *slash = strrchr(rel, '/');
	bool known = false;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), rel) >= sizeof(path))
		abort();
	for (size_t i = 0; i < nmade; i++)
		known |= strcmp(made[i], path) == 0;
	if (!known) {
		if (slash != NULL) {
			char sub[1024];

			if ((size_t)snprintf(sub, sizeof(sub), "%s/%.*s", dir, (int)(slash - rel), rel) >=
			    sizeof(sub))
				abort();
			if (mkdir(sub, 0700) != 0 && errno != EEXIST)
				die("mkdir");
			if (nmade < 8)
				snprintf(made[nmade++], sizeof(made[0]), "%s", sub);
		}
		if (nmade < 8)
			snprintf(made[nmade++], sizeof(made[0]), "%s", path);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		die("open");
	write_all(fd, data, size);
	close(fd);
	return path;
}

const struct numbering *
fuzz_numbering(void)
{
	static const struct numbering cn = { "86", "0", "00", 11 };

	return &cn;
}

static void
mismatch(const char *what, size_t i)
{
	fprintf(stderr, "fuzz: one thread and several read the same log differently: %s (#%zu)\n",
	    what, i);
	abort();
}

static const char *
str(const struct intern *t, uint32_t id)
{
	return id < t->n ? t->str[id] : "?";
}

void
fuzz_same_log(const struct calllog *a, const struct calllog *b)
{
	size_t ra = 0, ia = 0, rb = 0, ib = 0, k = 0;

	if (a->nfiles != b->nfiles)
		mismatch("files", 0);
	for (size_t f = 0; f < a->nfiles; f++) {
		const struct log_file_stats *x = &a->files[f], *y = &b->files[f];

		if (x->rows != y->rows || x->parsed != y->parsed || x->rejected != y->rejected) {
			fprintf(stderr, "one thread: %llu rows, %llu parsed, %llu rejected; several: "
			    "%llu, %llu, %llu\n", (unsigned long long)x->rows,
			    (unsigned long long)x->parsed, (unsigned long long)x->rejected,
			    (unsigned long long)y->rows, (unsigned long long)y->parsed,
			    (unsigned long long)y->rejected);
			mismatch("row counts", f);
		}
		if (x->first != y->first || x->last != y->last)
			mismatch("first or last call", f);
		if (x->nexamples != y->nexamples)
			mismatch("rejected examples", f);
		for (size_t e = 0; e < x->nexamples; e++)
			if (x->examples[e].line != y->examples[e].line ||
			    strcmp(x->examples[e].reason, y->examples[e].reason) != 0)
				mismatch("rejected example", e);
	}
	if (calllog_count(a) != calllog_count(b))
		mismatch("number of calls", 0);
	for (;; k++) {
		const struct call *x, *y;

		while (ra < a->nruns && ia == a->runs[ra].n)
			ra++, ia = 0;
		while (rb < b->nruns && ib == b->runs[rb].n)
			rb++, ib = 0;
		if (ra == a->nruns || rb == b->nruns)
			break;
		x = &a->runs[ra].v[ia++];
		y = &b->runs[rb].v[ib++];
		if (x->number != y->number || x->start != y->start || x->duration != y->duration ||
		    x->ring != y->ring || x->line != y->line || x->link != y->link ||
		    x->file != y->file || x->flags != y->flags || x->disposition != y->disposition)
			mismatch("call", k);
		if (strcmp(str(&a->campaigns, x->campaign), str(&b->campaigns, y->campaign)) != 0 ||
		    strcmp(str(&a->callers, x->caller), str(&b->callers, y->caller)) != 0)
			mismatch("campaign or caller of call", k);
	}
}

size_t
fuzz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len, size_t max)
{
	size_t n = 0, start = 0;

	for (size_t i = 0; n + 1 < max && i + 4 <= size; i++)
		if (memcmp(data + i, "\n%%\n", 4) == 0) {
			part[n] = data + start;
			len[n++] = i + 1 - start; /* the part keeps its last newline */
			start = i + 4;
			i += 3;
		}
	part[n] = data + start;
	len[n++] = size - start;
	return n;
}

/* Reads one log file into a fresh model; returns the parser's status. */
static int
read_log(const char *path, const struct adapter *ad, void *state, int jobs, struct model *m)
{
	struct diag d;

	model_init(m);
	m->log_opts.zone = fuzz_zone();
	m->log_opts.numbering = fuzz_numbering();
	m->log_opts.format_state = state;
	m->log_opts.jobs = jobs;
	m->log_opts.min_chunk = jobs > 1 ? 64 : 0; /* small chunks: several threads even on small inputs */
	return ad->parse(path, m, &d);
}

void
fuzz_log(const char *adapter, const void *data, size_t size, void *state)
{
	const struct adapter *ad = adapter_find(adapter);
	const char *path = fuzz_file(0, data, size);
	char head[SNIFF_HEAD + 1];
	size_t n = size < SNIFF_HEAD ? size : SNIFF_HEAD;
	struct model one, many;
	int r1, r2;

	if (ad == NULL)
		abort();
	memcpy(head, data, n);
	head[n] = '\0';
	model_init(&one);
	one.log_opts.format_state = state;
	(void)ad->sniff(path, head, n, &one);
	model_free(&one);
	r1 = read_log(path, ad, state, 1, &one);
	r2 = read_log(path, ad, state, 4, &many);
	if (r1 != r2)
		mismatch("whether the file is read at all", 0);
	if (r1 == 0)
		fuzz_same_log(&one.log, &many.log);
	model_free(&one);
	model_free(&many);
}

const struct tz_zone *
fuzz_zone(void)
{
	static const struct tz_zone *z;
	struct diag d;

	if (z == NULL && (z = tz_get("Asia/Shanghai", &d)) == NULL)
		die("tz_get Asia/Shanghai");
	return z;
}

void
fuzz_config(const char *adapter, const void *data, size_t size)
{
	const struct adapter *ad = adapter_find(adapter);
	const char *path = fuzz_file(0, data, size);
	char head[SNIFF_HEAD + 1];
	size_t n = size < SNIFF_HEAD ? size : SNIFF_HEAD;
	struct model m;
	struct diag d;

	if (ad == NULL)
		die("no adapter named");
	memcpy(head, data, n);
	head[n] = '\0';
	model_init(&m);
	(void)ad->sniff(path, head, n, &m);
	(void)ad->parse(path, &m, &d);
	model_free(&m);
}

