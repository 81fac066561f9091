/* File-system checks shared by every reader. */
#include "util/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "util/xalloc.h"

/* Every file checked readable, by device and inode: a report must never
 * replace one of them, whatever path (a link, another spelling) names it. */
static struct read_file {
	dev_t dev;
	ino_t ino;
} *read_files;
static size_t nread_files, read_files_cap;

static void
note_read(const struct stat *st)
{
	for (size_t i = 0; i < nread_files; i++)
		if (read_files[i].dev == st->st_dev && read_files[i].ino == st->st_ino)
			return;
	xgrow((void **)&read_files, &read_files_cap, nread_files + 1, sizeof(*read_files));
	read_files[nread_files].dev = st->st_dev;
	read_files[nread_files].ino = st->st_ino;
	nread_files++;
}

bool
fs_is_read_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	for (size_t i = 0; i < nread_files; i++)
		if (read_files[i].dev == st.st_dev && read_files[i].ino == st.st_ino)
			return true;
	return false;
}

void
fs_note_read_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		note_read(&st);
}

int
fs_check_readable_file(const char *path, struct diag *d)
{
	struct stat st;
	int fd;

	if (stat(path, &st) != 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return diag_set(d, path, 0, "is a directory, expected a file");
	if (!S_ISREG(st.st_mode))
		return diag_set(d, path, 0, "is not a regular file (a device, FIFO or socket)");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	close(fd);
	note_read(&st);
	return 0;
}

const char *
fs_dirname(const char *path, char *buf, unsigned long size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(buf, size, ".");
	else if (slash == path)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%.*s", (int)(slash - path), path);
	return buf;
}

const char *
fs_join(const char *dir, const char *path, char *buf, unsigned long size)
{
	if (path[0] == '/' || dir == NULL || dir[0] == '\0' || strcmp(dir, ".") == 0)
		snprintf(buf, size, "%s", path);
	else
		snprintf(buf, size, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", path);
	return buf;
}

int
fs_evidence(const char *path, bool hash, struct file_evidence *ev, struct diag *d)
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	unsigned char buf[1 << 16];
	struct stat st;
	int fd;

	memset(ev, 0, sizeof(*ev));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0) {
		close(fd);
		return diag_set(d, path, 0, "cannot stat: %s", strerror(errno));
	}
	ev->size = (uint64_t)st.st_size;
	ev->mtime = (int64_t)st.st_mtime;
	if (!hash || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	sha256_init(&ctx);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return diag_set(d, path, 0, "read error: %s", strerror(errno));
		}
		sha256_update(&ctx, (size_t)n, buf);
	}
	close(fd);
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++) {
		ev->sha256[2 * i] = hex[digest[i] >> 4];
		ev->sha256[2 * i + 1] = hex[digest[i] & 15];
	}
	ev->sha256[64] = '\0';
	ev->hashed = true;
	return 0;
}

char *
fs_read_all(const char *path, size_t *len, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return diag_set(d, path, 0, "cannot open: %s", strerror(errno)), NULL;
	do {
		xgrow((void **)&buf, &cap, n + 65536, 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		int err = errno; /* before fclose and free can change it */

		fclose(f);
		free(buf);
		return diag_set(d, path, 0, "cannot read: %s", strerror(err)), NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}
