/* Diagnostics: how library code reports an error without printing it. */
#ifndef DIALAUDIT_DIAG_H
#define DIALAUDIT_DIAG_H

/*
 * A function that fails returns -1 and fills a struct diag; the caller
 * (in the end main.c) decides how to show it. file may be empty and line 0
 * when the error has no place in a file.
 */
struct diag {
	char file[1024];
	int line;
	char message[1024];
};

int diag_set(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Formats "FILE:LINE: message" (parts omitted when unknown) into buf. */
const char *diag_format(const struct diag *d, char *buf, unsigned long size);

#endif
