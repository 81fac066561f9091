/* Helpers adapters use to recognise their files. */
#ifndef DIALAUDIT_ADAPTERS_SNIFF_H
#define DIALAUDIT_ADAPTERS_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* Whether path ends with one of the NULL-terminated suffixes. */
bool sniff_has_suffix(const char *path, const char *const *suffixes);
/* Whether a libconfig document's head assigns top-level key (at a line
 * start, outside comments): "key =", "key:". */
bool sniff_libconfig_key(const char *head, size_t len, const char *key);

#endif
