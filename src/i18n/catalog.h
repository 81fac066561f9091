/* The translation catalogs, one file per language. */
#ifndef DIALAUDIT_I18N_CATALOG_H
#define DIALAUDIT_I18N_CATALOG_H

#include <stddef.h>

#include "util/i18n.h"

extern const struct i18n_entry i18n_zh_cn[];
extern const size_t i18n_zh_cn_count;

#endif
