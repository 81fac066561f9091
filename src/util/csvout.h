/* Writing CSV cells for people who open them in spreadsheets. */
#ifndef DIALAUDIT_UTIL_CSVOUT_H
#define DIALAUDIT_UTIL_CSVOUT_H

#include <stdio.h>

/*
 * Writes s as one CSV cell: quoted (quotes doubled) when it holds a comma,
 * quote or line break. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @ or a tab; log contents are not to be trusted)
 * gets a leading apostrophe, which spreadsheets show as text; numbers as
 * the reports write them ("+86 139******78", "-5") are left alone.
 */
void csv_cell(FILE *out, const char *s);

#endif
