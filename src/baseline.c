/* Baselines: reading, matching and writing known findings. */
#include "baseline.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "util/fsutil.h"
#include "util/xalloc.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool
parse_fp(const char *s, uint64_t *out)
{
	char *end;

	if (s == NULL || strlen(s) != 16)
		return false;
	*out = strtoull(s, &end, 16);
	return *end == '\0';
}

int
baseline_load(const char *path, struct baseline *b, struct diag *d)
{
	json_error_t err;
	json_t *root, *list;
	const char *schema;
	size_t i, cap = 0;

	memset(b, 0, sizeof(*b));
	b->path = path;
	if (fs_check_readable_file(path, d) < 0)
		return -1;
	root = json_load_file(path, 0, &err);
	if (root == NULL)
		return diag_set(d, path, err.line, "not JSON: %s", err.text);
	schema = json_string_value(json_object_get(root, "schema"));
	if (schema != NULL && strcmp(schema, "dialaudit-baseline/1") == 0)
		list = json_object_get(root, "fingerprints");
	else if (schema != NULL && strcmp(schema, "dialaudit-report/1") == 0)
		list = json_object_get(root, "findings");
	else {
		json_decref(root);
		return diag_set(d, path, 0, "not a baseline: expected a dialaudit-baseline/1 file "
		    "(--write-baseline) or a dialaudit-report/1 JSON report");
	}
	if (!json_is_array(list)) {
		json_decref(root);
		return diag_set(d, path, 0, "the baseline has no list of fingerprints");
	}
	for (i = 0; i < json_array_size(list); i++) {
		json_t *e = json_array_get(list, i);
		const char *fp = json_is_string(e) ? json_string_value(e) :
		    json_string_value(json_object_get(e, "fingerprint"));
		uint64_t v;

		if (!parse_fp(fp, &v)) {
			json_decref(root);
			free(b->v);
			b->v = NULL;
			return diag_set(d, path, 0, "entry %zu of the baseline has no valid fingerprint "
			    "(16 hex digits)", i + 1);
		}
		xgrow((void **)&b->v, &cap, b->n + 1, sizeof(*b->v));
		b->v[b->n++] = v;
	}
	json_decref(root);
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_u64);
	return 0;
}

void
baseline_free(struct baseline *b)
{
	free(b->v);
	memset(b, 0, sizeof(*b));
}

bool
baseline_has(const struct baseline *b, const char *fingerprint)
{
	uint64_t v;

	return b->n > 0 && parse_fp(fingerprint, &v) &&
	    bsearch(&v, b->v, b->n, sizeof(*b->v), cmp_u64) != NULL;
}

size_t
baseline_filter(const struct baseline *b, struct findings *f)
{
	size_t k = 0, dropped = 0;

	for (size_t i = 0; i < f->n; i++) {
		if (baseline_has(b, f->v[i].fingerprint)) {
			dropped++;
			continue;
		}
		f->v[k++] = f->v[i];
	}
	f->n = k;
	return dropped;
}

int
baseline_write(FILE *out, const struct findings *f, struct diag *d)
{
	json_t *root = json_object(), *list = json_array();
	int rc;

	json_object_set_new(root, "schema", json_string("dialaudit-baseline/1"));
	for (size_t i = 0; i < f->n; i++)
		json_array_append_new(list, json_string(f->v[i].fingerprint));
	json_object_set_new(root, "fingerprints", list);
	rc = json_dumpf(root, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(root);
	return rc != 0 || ferror(out) ? diag_set(d, NULL, 0, "error writing the baseline") : 0;
}
