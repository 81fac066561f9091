/* Report output: atomically replaced regular files, or a stream as it is. */
#ifndef DIALAUDIT_UTIL_OUTFILE_H
#define DIALAUDIT_UTIL_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

/*
 * A report for a regular file is written to a temporary file beside it,
 * mode 0600 (reports hold personal data), flushed to disk and renamed into
 * place on commit, so a failed run never leaves half a report and the old
 * report stays as it was. Standard output, pipes and devices (/dev/null)
 * are written directly.
 *
 * Every open temporary file is kept in a registry (the struct itself is
 * linked in, so it must not move while open): a path that cannot unwind,
 * out of memory, removes them all with outfile_unlink_all, and main ends
 * every error path with outfile_abort_all. The registry is changed only
 * by the thread that opens and commits, never while worker threads run.
 */
struct outfile {
	FILE *fp;    /* NULL once closed */
	char *path;  /* final path; NULL for stdout */
	char *tmp;   /* temporary path; NULL when written directly */
	int fd;      /* the temporary file's descriptor, for fsync */
	struct outfile *next; /* in the registry of temporary files */
};

/* path NULL or "-" means standard output. */
int outfile_open(struct outfile *o, const char *path, struct diag *d);
/* Flushes, syncs and closes: the temporary file is complete but not yet in
 * place. On failure the temporary file is removed and o released. Lets a
 * caller finish every file before renaming any. */
int outfile_close(struct outfile *o, struct diag *d);
/* Closes (when not yet closed) and renames the file into place; o is
 * released either way. */
int outfile_commit(struct outfile *o, struct diag *d);
void outfile_abort(struct outfile *o);

/* Removes every registered temporary file; allocates nothing and touches no
 * stdio, for the out-of-memory path that ends the process. */
void outfile_unlink_all(void);
/* Aborts every outfile still open: the error paths' safety net. */
void outfile_abort_all(void);

#endif
