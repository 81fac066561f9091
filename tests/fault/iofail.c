/*
 * iofail: an LD_PRELOAD shim that makes one kind of libc call fail, on one
 * file, after a number of successful calls, as a full disk or a failing
 * device would. Used by tests/cli/test_faults.py (docs/testing.md).
 *
 *   IOFAIL_CALL   open (open, fopen, mkstemp), read, mmap, write, fsync,
 *                 rename or fclose
 *   IOFAIL_PATH   the call counts only on a file whose path contains this
 *   IOFAIL_AFTER  calls that succeed before the first failure (default 0);
 *                 every later call fails too, as a full disk stays full
 *   IOFAIL_ERRNO  ENOSPC, EIO, EACCES, EDQUOT, EROFS, ENOMEM or a number
 *   IOFAIL_LOG    a file told "fired CALL PATH" at the first failure and
 *                 "calls N" (the matching calls made) when the process exits
 *
 * glibc's stdio writes and reads through internal calls an LD_PRELOAD
 * library cannot see, so a FILE opened on a matching path (fopen, fdopen)
 * is replaced by one made with fopencookie whose reads and writes come
 * here; fileno, which libconfig and dialaudit call on them, gives the
 * descriptor the cookie reads and writes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#define REAL(name) ((__typeof__(&name))real(#name))

static void *
real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();
	return f;
}

static const char *want_call, *want_path, *log_path;
static unsigned long after;
static int fail_errno = EIO;
static atomic_ulong calls;
static atomic_bool fired;

__attribute__((constructor)) static void
setup(void)
{
	static const struct { const char *name; int value; } names[] = {
		{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES }, { "EDQUOT", EDQUOT },
		{ "EROFS", EROFS }, { "ENOMEM", ENOMEM },
	};
	const char *e = getenv("IOFAIL_ERRNO"), *a = getenv("IOFAIL_AFTER");

	want_call = getenv("IOFAIL_CALL");
	want_path = getenv("IOFAIL_PATH");
	log_path = getenv("IOFAIL_LOG");
	if (a != NULL)
		after = strtoul(a, NULL, 10);
	for (size_t i = 0; e != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(e, names[i].name) == 0)
			fail_errno = names[i].value;
	if (e != NULL && e[0] >= '0' && e[0] <= '9')
		fail_errno = atoi(e);
}

static void
log_line(const char *a, const char *b)
{
	char line[4200];
	int fd, n;

	if (log_path == NULL)
		return;
	n = snprintf(line, sizeof(line), "%s %s\n", a, b);
	fd = REAL(open)(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (REAL(write)(fd, line, (size_t)n) < 0) {
		/* the test sees the line missing */
	}
	REAL(close)(fd);
}

__attribute__((destructor)) static void
report(void)
{
	char n[32];

	snprintf(n, sizeof(n), "%lu", atomic_load(&calls));
	log_line("calls", n);
}

static bool
matches(const char *call, const char *path)
{
	return want_call != NULL && want_path != NULL && path != NULL &&
	    strcmp(call, want_call) == 0 && strstr(path, want_path) != NULL;
}

/* Counts a matching call; true (errno set) when it is to fail. */
static bool
inject(const char *call, const char *path)
{
	if (!matches(call, path))
		return false;
	if (atomic_fetch_add(&calls, 1) < after)
		return false;
	if (!atomic_exchange(&fired, true))
		log_line("fired", call), log_line("path", path);
	errno = fail_errno;
	return true;
}

static const char *
fd_path(int fd, char *buf, size_t size)
{
	char link[64];
	ssize_t n;

	if (fd < 0)
		return NULL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, size - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static bool
inject_fd(const char *call, int fd)
{
	char buf[4096];

	if (want_call == NULL || strcmp(call, want_call) != 0)
		return false;
	return inject(call, fd_path(fd, buf, sizeof(buf)));
}

/* --- descriptors --- */

static mode_t
mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int
open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (inject("open", path))
		return -1;
	return REAL(open)(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (inject("open", path))
		return -1;
	return REAL(open64)(path, flags, mode);
}

int
openat(int dir, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (inject("open", path))
		return -1;
	return REAL(openat)(dir, path, flags, mode);
}

int
mkstemp(char *tmpl)
{
	if (inject("open", tmpl))
		return -1;
	return REAL(mkstemp)(tmpl);
}

int
mkstemp64(char *tmpl)
{
	if (inject("open", tmpl))
		return -1;
	return REAL(mkstemp64)(tmpl);
}

ssize_t
read(int fd, void *buf, size_t n)
{
	if (inject_fd("read", fd))
		return -1;
	return REAL(read)(fd, buf, n);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (inject_fd("write", fd))
		return -1;
	return REAL(write)(fd, buf, n);
}

int
fsync(int fd)
{
	if (inject_fd("fsync", fd))
		return -1;
	return REAL(fsync)(fd);
}

int
fdatasync(int fd)
{
	if (inject_fd("fsync", fd))
		return -1;
	return REAL(fdatasync)(fd);
}

int
rename(const char *from, const char *to)
{
	if (inject("rename", to) || inject("rename", from))
		return -1;
	return REAL(rename)(from, to);
}

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (fd >= 0 && inject_fd("mmap", fd))
		return MAP_FAILED;
	return REAL(mmap)(addr, len, prot, flags, fd, off);
}

void *
mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (fd >= 0 && inject_fd("mmap", fd))
		return MAP_FAILED;
	return REAL(mmap64)(addr, len, prot, flags, fd, off);
}

/* --- streams --- */

struct cookie {
	int fd;
	char path[4096];
};

/* Cookie streams open now, for fileno: a few at a time. */
#define MAX_STREAMS 64
static struct stream {
	_Atomic(FILE *) f;
	int fd;
} streams[MAX_STREAMS];

static void
track(FILE *f, int fd)
{
	for (size_t i = 0; i < MAX_STREAMS; i++) {
		FILE *none = NULL;

		streams[i].fd = fd;
		if (atomic_compare_exchange_strong(&streams[i].f, &none, f))
			return;
	}
}

static void
untrack(int fd)
{
	for (size_t i = 0; i < MAX_STREAMS; i++)
		if (atomic_load(&streams[i].f) != NULL && streams[i].fd == fd)
			atomic_store(&streams[i].f, NULL);
}

int
fileno(FILE *f)
{
	for (size_t i = 0; i < MAX_STREAMS; i++)
		if (atomic_load(&streams[i].f) == f)
			return streams[i].fd;
	return REAL(fileno)(f);
}

static ssize_t
cookie_read(void *c, char *buf, size_t n)
{
	struct cookie *k = c;

	if (inject("read", k->path))
		return -1;
	return REAL(read)(k->fd, buf, n);
}

static ssize_t
cookie_write(void *c, const char *buf, size_t n)
{
	struct cookie *k = c;
	size_t done = 0;

	while (done < n) {
		ssize_t w;

		if (inject("write", k->path))
			return done > 0 ? (ssize_t)done : -1;
		w = REAL(write)(k->fd, buf + done, n - done);
		if (w < 0)
			return done > 0 ? (ssize_t)done : -1;
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static int
cookie_seek(void *c, off64_t *off, int whence)
{
	struct cookie *k = c;
	off_t r = lseek(k->fd, (off_t)*off, whence);

	if (r < 0)
		return -1;
	*off = r;
	return 0;
}

static int
cookie_close(void *c)
{
	struct cookie *k = c;
	int rc;

	untrack(k->fd);
	rc = REAL(close)(k->fd);
	bool fail = inject("fclose", k->path);

	free(k);
	return fail ? -1 : rc;
}

static bool
wanted(const char *path)
{
	return want_call != NULL && want_path != NULL && path != NULL && strstr(path, want_path) != NULL;
}

/* A cookie stream on fd (see the top), which it closes when closed. */
static FILE *
cookie_stream(int fd, const char *path, const char *mode)
{
	static const cookie_io_functions_t io = { cookie_read, cookie_write, cookie_seek,
		cookie_close };
	struct cookie *k = malloc(sizeof(*k));
	FILE *c;

	if (k == NULL)
		return NULL;
	snprintf(k->path, sizeof(k->path), "%s", path);
	k->fd = fd;
	c = fopencookie(k, mode, io);
	if (c == NULL)
		free(k);
	else
		track(c, fd);
	return c;
}

FILE *
fopen(const char *path, const char *mode)
{
	FILE *f, *c;
	int fd;

	if (inject("open", path))
		return NULL;
	f = REAL(fopen)(path, mode);
	if (f == NULL || !wanted(path))
		return f;
	fd = dup(REAL(fileno)(f));
	c = fd >= 0 ? cookie_stream(fd, path, mode) : NULL;
	if (c == NULL) {
		if (fd >= 0)
			REAL(close)(fd);
		return f;
	}
	REAL(fclose)(f);
	return c;
}

FILE *
fopen64(const char *path, const char *mode)
{
	return fopen(path, mode);
}

FILE *
fdopen(int fd, const char *mode)
{
	char buf[4096];
	const char *path = fd_path(fd, buf, sizeof(buf));
	FILE *c = wanted(path) ? cookie_stream(fd, path, mode) : NULL;

	return c != NULL ? c : REAL(fdopen)(fd, mode);
}

int
fclose(FILE *f)
{
	char buf[4096];
	const char *path = fd_path(REAL(fileno)(f), buf, sizeof(buf));
	int rc;

	/* cookie streams come through cookie_close, with their path */
	if (path == NULL || !matches("fclose", path))
		return REAL(fclose)(f);
	rc = REAL(fclose)(f);
	return inject("fclose", path) ? EOF : rc;
}
