/* Report output: atomically replaced regular files, or a stream as it is. */
#ifndef DIALAUDIT_UTIL_OUTFILE_H
#define DIALAUDIT_UTIL_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

/*
 * A report for a regular file is written to a temporary file beside it,
 * mode 0600 (reports hold personal data), and renamed into place on
 * commit, so a failed run never leaves half a report. Standard output,
 * pipes and devices (/dev/null) are written directly.
 */
struct outfile {
	FILE *fp;
	char *path;  /* final path; NULL for stdout */
	char *tmp;   /* temporary path; NULL when written directly */
};

/* path NULL or "-" means standard output. */
int outfile_open(struct outfile *o, const char *path, struct diag *d);
int outfile_commit(struct outfile *o, struct diag *d);
void outfile_abort(struct outfile *o);

#endif
