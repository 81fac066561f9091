/* Text into HTML and SVG, for the writers that emit markup. */
#ifndef DIALAUDIT_REPORT_HTMLTEXT_H
#define DIALAUDIT_REPORT_HTMLTEXT_H

#include <stdio.h>

/* s with & < > " ' escaped and bytes that are not UTF-8 written as U+FFFD
 * (input files may hold any bytes); NULL writes nothing. */
void html_text(FILE *out, const char *s);
/* The same for a formatted string. */
void html_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
