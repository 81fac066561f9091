/* Lists of PCRE2 patterns from profiles, matched with bounded effort. */
#ifndef DIALAUDIT_UTIL_REGEX_H
#define DIALAUDIT_UTIL_REGEX_H

#include <stddef.h>

#include "diag.h"

struct regex_list;

/*
 * Compiles n patterns. Errors name file and line and the offset in the
 * pattern. Matching runs under PCRE2 match and depth limits, so a pattern
 * built to backtrack catastrophically fails fast instead of hanging.
 * Ownership: the list is the caller's; free with regex_list_free().
 */
int regex_list_compile(char *const *patterns, size_t n, const char *file, int line,
    struct regex_list **out, struct diag *d);
void regex_list_free(struct regex_list *r);
size_t regex_list_count(const struct regex_list *r);
const char *regex_list_pattern(const struct regex_list *r, size_t i);

#define REGEX_NO_MATCH (-1)
#define REGEX_LIMIT (-2) /* the match or depth limit was hit */
/* Index of the first pattern matching subject, REGEX_NO_MATCH or REGEX_LIMIT. */
int regex_list_match(const struct regex_list *r, const char *subject);

#endif
