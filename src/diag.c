/* Diagnostics: filling and formatting struct diag. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

int
diag_set(struct diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return -1;
	snprintf(d->file, sizeof(d->file), "%s", file != NULL ? file : "");
	d->line = line;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
	return -1;
}

const char *
diag_format(const struct diag *d, char *buf, unsigned long size)
{
	if (d->file[0] != '\0' && d->line > 0)
		snprintf(buf, size, "%s:%d: %s", d->file, d->line, d->message);
	else if (d->file[0] != '\0')
		snprintf(buf, size, "%s: %s", d->file, d->message);
	else
		snprintf(buf, size, "%s", d->message);
	return buf;
}
