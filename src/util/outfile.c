/* Report output: temporary file and rename, or a stream as it is. */
#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

/* Outfiles with a temporary file on disk, newest first. */
static struct outfile *registry;

static void
unregister(struct outfile *o)
{
	for (struct outfile **p = &registry; *p != NULL; p = &(*p)->next)
		if (*p == o) {
			*p = o->next;
			break;
		}
	o->next = NULL;
}

static void
release(struct outfile *o)
{
	unregister(o);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	o->fd = -1;
}

int
outfile_open(struct outfile *o, const char *path, struct diag *d)
{
	struct stat st;
	int fd;
	size_t len;

	memset(o, 0, sizeof(*o));
	o->fd = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return diag_set(d, path, 0, "is a directory; give a file name for the report");
		o->fp = fopen(path, "w");
		if (o->fp == NULL)
			return diag_set(d, path, 0, "cannot write: %s", strerror(errno));
		o->path = xstrdup(path);
		return 0;
	}
	len = strlen(path);
	o->path = xstrdup(path);
	o->tmp = xmalloc(len + 16);
	memcpy(o->tmp, path, len);
	memcpy(o->tmp + len, ".tmp.XXXXXX", 12);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		diag_set(d, path, 0, "cannot write: %s", strerror(errno));
		release(o);
		return -1;
	}
	/* registered before anything else can fail, so nothing leaves it behind */
	o->next = registry;
	registry = o;
	o->fd = fd;
	if (fchmod(fd, 0600) != 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		diag_set(d, path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(o->tmp);
		release(o);
		return -1;
	}
	return 0;
}

int
outfile_close(struct outfile *o, struct diag *d)
{
	int rc = 0;

	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = diag_set(d, "standard output", 0, "cannot write: %s", strerror(errno));
		o->fp = NULL;
		return rc;
	}
	if (o->fp == NULL)
		return 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
	/* on disk before the rename, or a crash could leave an empty report in place */
	else if (o->tmp != NULL && fsync(o->fd) != 0)
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
	if (fclose(o->fp) != 0 && rc == 0)
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
	o->fp = NULL;
	if (rc != 0) {
		if (o->tmp != NULL)
			unlink(o->tmp);
		release(o);
	}
	return rc;
}

int
outfile_commit(struct outfile *o, struct diag *d)
{
	int rc = 0;

	if (o->fp != NULL && outfile_close(o, d) < 0)
		return -1;
	if (o->tmp != NULL && rename(o->tmp, o->path) != 0) {
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
		unlink(o->tmp);
	}
	release(o);
	return rc;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp != NULL && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	release(o);
}

void
outfile_unlink_all(void)
{
	for (struct outfile *o = registry; o != NULL; o = o->next)
		unlink(o->tmp);
}

void
outfile_abort_all(void)
{
	while (registry != NULL)
		outfile_abort(registry);
}
