/* Text into HTML and SVG, for the writers that emit markup. */
#ifndef DIALAUDIT_REPORT_HTMLTEXT_H
#define DIALAUDIT_REPORT_HTMLTEXT_H

#include <stddef.h>
#include <stdio.h>

/* s with & < > " ' escaped and bytes that are not UTF-8 written as U+FFFD
 * (input files may hold any bytes); NULL writes nothing. */
void html_text(FILE *out, const char *s);
/* Length of the valid UTF-8 sequence at s (1 for ASCII), or 0 for a byte
 * that starts none (or an overlong form, a surrogate, past U+10FFFF). */
size_t utf8_len(const unsigned char *s);
/* The same for a formatted string. */
void html_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
