/* Report output: temporary file and rename, or a stream as it is. */
#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

int
outfile_open(struct outfile *o, const char *path, struct diag *d)
{
	struct stat st;
	int fd;
	size_t len;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	o->path = xstrdup(path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			free(o->path);
			o->path = NULL;
			return diag_set(d, path, 0, "is a directory; give a file name for the report");
		}
		o->fp = fopen(path, "w");
		if (o->fp == NULL) {
			diag_set(d, path, 0, "cannot write: %s", strerror(errno));
			free(o->path);
			o->path = NULL;
			return -1;
		}
		return 0;
	}
	len = strlen(path);
	o->tmp = xmalloc(len + 16);
	memcpy(o->tmp, path, len);
	memcpy(o->tmp + len, ".tmp.XXXXXX", 12);
	fd = mkstemp(o->tmp);
	if (fd < 0 || fchmod(fd, 0600) != 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		diag_set(d, path, 0, "cannot write: %s", strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof(*o));
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *o, struct diag *d)
{
	int rc = 0;

	if (o->fp == stdout) {
		if (fflush(stdout) != 0)
			rc = diag_set(d, NULL, 0, "cannot write to standard output: %s", strerror(errno));
		return rc;
	}
	if (fflush(o->fp) != 0 || ferror(o->fp))
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
	if (fclose(o->fp) != 0 && rc == 0)
		rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
	if (o->tmp != NULL) {
		if (rc == 0 && rename(o->tmp, o->path) != 0)
			rc = diag_set(d, o->path, 0, "cannot write: %s", strerror(errno));
		if (rc != 0)
			unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	return rc;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp != NULL && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
}
