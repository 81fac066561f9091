/* Writing CSV cells for people who open them in spreadsheets. */
#include "util/csvout.h"

#include <string.h>

/* "+86 139******78", "-5": a number as the reports write it, not a formula. */
static int
plain_number(const char *s)
{
	if (s[0] != '+' && s[0] != '-')
		return 0;
	if (s[1] < '0' || s[1] > '9')
		return 0;
	return strspn(s + 1, "0123456789 *.") == strlen(s + 1);
}

void
csv_cell(FILE *out, const char *s)
{
	int formula = (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t') &&
	    !plain_number(s);

	if (!formula && strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
