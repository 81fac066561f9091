/* Report language: a process-wide choice and a sorted index per catalog. */
#include "util/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "i18n/catalog.h"
#include "util/xalloc.h"

static enum lang current = LANG_EN;
static const struct i18n_entry **sorted; /* the current catalog, by English text */
static size_t nsorted;

static int
cmp_entry(const void *a, const void *b)
{
	const struct i18n_entry *const *x = a, *const *y = b;

	return strcmp((*x)->en, (*y)->en);
}

const struct i18n_entry *
i18n_catalog(enum lang l, size_t *n)
{
	if (l == LANG_ZH_CN) {
		*n = i18n_zh_cn_count;
		return i18n_zh_cn;
	}
	*n = 0;
	return NULL;
}

void
i18n_set_language(enum lang l)
{
	const struct i18n_entry *cat;
	size_t n;

	free(sorted);
	sorted = NULL;
	nsorted = 0;
	current = l;
	cat = i18n_catalog(l, &n);
	if (cat == NULL || n == 0)
		return;
	sorted = xcalloc(n, sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		sorted[i] = &cat[i];
	qsort(sorted, n, sizeof(*sorted), cmp_entry);
	nsorted = n;
}

enum lang
i18n_language(void)
{
	return current;
}

const char *
i18n_code(enum lang l)
{
	return l == LANG_ZH_CN ? "zh-CN" : "en";
}

int
i18n_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "en") == 0 || strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0 ||
	    strncmp(s, "en_", 3) == 0 || strncmp(s, "en-", 3) == 0)
		return LANG_EN;
	if (strcmp(s, "zh-CN") == 0 || strcmp(s, "zh") == 0 || strncmp(s, "zh_CN", 5) == 0 ||
	    strncmp(s, "zh-Hans", 7) == 0 || strncmp(s, "zh_SG", 5) == 0)
		return LANG_ZH_CN;
	return -1;
}

enum lang
i18n_from_environment(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		int l;

		if (v == NULL || *v == '\0')
			continue;
		l = i18n_parse(v);
		return l >= 0 ? (enum lang)l : LANG_EN;
	}
	return LANG_EN;
}

const char *
tr(const char *en)
{
	size_t lo = 0, hi = nsorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(sorted[mid]->en, en);

		if (c == 0)
			return sorted[mid]->tr;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return en;
}
