/* File-system checks shared by every reader. */
#include "util/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
