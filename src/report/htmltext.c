/* Text into HTML and SVG: escaping, and UTF-8 checked byte by byte. */
#include "report/htmltext.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Length of the valid UTF-8 sequence at s, or 0. */
size_t
utf8_len(const unsigned char *s)
{
	size_t n;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void
html_text(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (p != NULL && *p != '\0') {
		size_t n = utf8_len(p);

		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			if (n == 0)
				fputs("\xef\xbf\xbd", out);
			else if (*p < 0x20 && *p != '\n' && *p != '\t')
				fputs("\xef\xbf\xbd", out); /* control bytes are not allowed in HTML text */
			else
				fwrite(p, 1, n, out);
		}
		p += n > 0 ? n : 1;
	}
}

void
html_printf(FILE *out, const char *fmt, ...)
{
	char buf[1024], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	/* through xalloc: a silently cut text would be a wrong report */
	if ((size_t)n >= sizeof(buf)) {
		big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	html_text(out, big != NULL ? big : buf);
	free(big);
}
