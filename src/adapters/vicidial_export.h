/* VICIdial table exports: rows of named columns from CSV, tab text or a mysqldump. */
#ifndef DIALAUDIT_ADAPTERS_VICIDIAL_EXPORT_H
#define DIALAUDIT_ADAPTERS_VICIDIAL_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Caps that keep memory bounded whatever the input. */
#define VX_MAX_VALUE (1u << 20)      /* bytes of one value */
#define VX_MAX_ROW (4u << 20)        /* bytes of one row's values together */
#define VX_MAX_COLS 1024             /* values of one row (vicidial_campaigns has ~360) */
#define VX_MAX_NAME 64               /* bytes of a table or column name */
#define VX_MAX_TABLES 512            /* tables one dump may define */

enum vx_form {
	VX_CSV,  /* comma-separated, a header row, "" quoting */
	VX_SCSV, /* the same with ';' (a spreadsheet's CSV in many locales) */
	VX_TAB,  /* tab-separated, a header row, CRLF or LF, \N = NULL */
	VX_SQL,  /* mysqldump / SQL script: INSERT … VALUES (…),(…); and INSERT … SET */
};

struct vx_value {
	const char *p; /* NUL-terminated too (a value may hold NUL bytes: use n) */
	size_t n;
	bool null;     /* SQL NULL, or \N in tab text */
};

struct vx_row {
	const char *path;
	const char *table;        /* the dump's table; for CSV/tab the caller's name, or "" */
	int line;                 /* line the row (tuple) starts on */
	size_t n;
	const char *const *cols;  /* n column names */
	const struct vx_value *v; /* n values */
	/* Set when the row's values cannot be matched to columns (a count that
	 * differs from the header's or the table's): cols and v are then empty. */
	const char *bad;
};

/* The value of column name (any case), or NULL when the row has no such column. */
const struct vx_value *vx_get(const struct vx_row *r, const char *name);
/* Whether v is present, not NULL and equal to s (any case). */
bool vx_eq(const struct vx_value *v, const char *s);

/* Return 0 to go on, 1 to stop reading (not an error), -1 with d set to fail. */
typedef int (*vx_row_fn)(void *ctx, const struct vx_row *row, struct diag *d);

/* What the first bytes of a file look like (a BOM is skipped). */
enum vx_form vx_detect(const char *head, size_t len);

/*
 * Reads every row of path, in file order, calling fn for each. For CSV and
 * tab text, table names what the rows are (the file does not say); for a
 * dump, rows of every table come, each with its table. Column order for an
 * INSERT without a column list comes from a CREATE TABLE earlier in the
 * same dump, else from the built-in schema (vicidial_schema.c). Fails with
 * file:line on a syntax error or a dump that ends inside a statement.
 */
int vx_read_file(const char *path, const char *table, vx_row_fn fn, void *ctx, struct diag *d);
/* The same, passing over the INSERTs of a dump into tables not in only
 * (NULL-terminated): a quick first pass over a large dump. */
int vx_read_file_only(const char *path, const char *table, const char *const *only, vx_row_fn fn,
    void *ctx, struct diag *d);
/* The same over a buffer; name is used in diagnostics and rows. */
int vx_read_mem(const char *name, const char *buf, size_t len, const char *table, vx_row_fn fn,
    void *ctx, struct diag *d);

/*
 * Names of the tables a dump INSERTs into, looking no further than max
 * bytes of the file (a sniffer's quick look): each found table's bit in
 * *mask, by its index in names (NULL-terminated). Returns 0, or -1 when
 * the file cannot be read.
 */
int vx_dump_tables(const char *path, size_t max, const char *const *names, unsigned *mask);

/* The built-in column order of table, or NULL: n set. */
const char *const *vx_schema_columns(const char *table, size_t *n);

#endif
