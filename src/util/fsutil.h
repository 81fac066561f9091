/* File-system checks shared by every reader. */
#ifndef DIALAUDIT_UTIL_FSUTIL_H
#define DIALAUDIT_UTIL_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* 0 when path is a readable regular file; else -1 with a message saying
 * what it is instead (missing, a directory, a device, unreadable). */
int fs_check_readable_file(const char *path, struct diag *d);
/* Whether path is a file fs_check_readable_file passed (or one noted
 * with fs_note_read_file), compared by device and inode. */
bool fs_is_read_file(const char *path);
void fs_note_read_file(const char *path);
/* The whole of a file read once and kept (lists, lead files): a buffer of
 * *len bytes the caller frees, or NULL with "cannot open/read: …". */
char *fs_read_all(const char *path, size_t *len, struct diag *d);
/* Directory part of path ("." when none), into buf. */
const char *fs_dirname(const char *path, char *buf, unsigned long size);
/* path joined to dir unless path is absolute. */
const char *fs_join(const char *dir, const char *path, char *buf, unsigned long size);

/* What a report cites to prove which file it read: size, modification
 * time and, when asked, the SHA-256 of the content. */
struct file_evidence {
	uint64_t size;
	int64_t mtime;        /* seconds since the epoch, UTC */
	bool hashed;
	char sha256[65];      /* lower-case hex; "" when not hashed */
};

/* Fills ev for path; hashes the content when hash is true. -1 with a
 * message when the file cannot be read. */
int fs_evidence(const char *path, bool hash, struct file_evidence *ev, struct diag *d);

#endif
