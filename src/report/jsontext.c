/* JSON strings from input text, for the writers that emit JSON. */
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

json_t *
report_json_string(const char *s)
{
	json_t *j = json_string(s != NULL ? s : "");

	/* jansson refuses invalid UTF-8, and input files may hold any bytes */
	if (j == NULL) {
		char *copy = xstrdup(s);

		for (char *p = copy; *p; p++)
			if ((unsigned char)*p >= 0x80)
				*p = '?';
		j = json_string(copy);
		free(copy);
	}
	return j;
}

json_t *
report_json_text(const char *s)
{
	return s != NULL ? report_json_string(s) : json_null();
}
