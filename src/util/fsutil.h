/* File-system checks shared by every reader. */
#ifndef DIALAUDIT_UTIL_FSUTIL_H
#define DIALAUDIT_UTIL_FSUTIL_H

#include "diag.h"

/* 0 when path is a readable regular file; else -1 with a message saying
 * what it is instead (missing, a directory, a device, unreadable). */
int fs_check_readable_file(const char *path, struct diag *d);
/* Directory part of path ("." when none), into buf. */
const char *fs_dirname(const char *path, char *buf, unsigned long size);
/* path joined to dir unless path is absolute. */
const char *fs_join(const char *dir, const char *path, char *buf, unsigned long size);

#endif
