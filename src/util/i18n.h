/*
 * Report language. Report text is written in English in the sources and
 * wrapped in tr(); in another language tr() returns the catalog's
 * translation (src/i18n/), falling back to the English when it has none.
 * The language is chosen once, before any audit runs (like setlocale), so
 * the threads of a run read it without locks.
 */
#ifndef DIALAUDIT_UTIL_I18N_H
#define DIALAUDIT_UTIL_I18N_H

#include <stddef.h>

enum lang {
	LANG_EN,
	LANG_ZH_CN,
	LANG__COUNT,
};

struct i18n_entry {
	const char *en; /* the English text, exactly as in the sources */
	const char *tr; /* its translation: the same printf conversions, in any order */
};

/* Sets the language of report text; call before any audit runs. */
void i18n_set_language(enum lang l);
enum lang i18n_language(void);
/* "en" or "zh-CN": the BCP 47 tag reports carry. */
const char *i18n_code(enum lang l);
/* "en", "zh-CN" (also "zh_CN", "zh"): the language; -1 if unknown. */
int i18n_parse(const char *s);
/* The language LC_ALL, LC_MESSAGES or LANG name (the first set); English otherwise. */
enum lang i18n_from_environment(void);

/* en in the current language. The printf conversions stay the same. */
const char *tr(const char *en) __attribute__((format_arg(1)));

/*
 * Marks a literal as report text where tr() cannot run (static tables such
 * as the rule table): the literal stays English, and the code that shows it
 * calls tr() on it. tests/cli/test_i18n.py reads tr("…") and N_("…") alike.
 */
#define N_(en) (en)

/* A language's catalog (NULL for English), for the tests. */
const struct i18n_entry *i18n_catalog(enum lang l, size_t *n);

#endif
