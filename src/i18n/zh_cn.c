/*
 * Simplified Chinese (zh-CN) report text. Keys are the English texts of the
 * sources, exactly; a translation keeps every printf conversion of its key
 * (positional %1$s where the order changes), which tests/unit/test_i18n.c
 * checks entry by entry.
 */
#include "i18n/catalog.h"

const struct i18n_entry i18n_zh_cn[] = {
	{ "Findings", "发现的问题" },
};

const size_t i18n_zh_cn_count = sizeof(i18n_zh_cn) / sizeof(i18n_zh_cn[0]);
