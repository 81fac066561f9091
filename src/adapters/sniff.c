/* Helpers adapters use to recognise their files. */
#include "adapters/sniff.h"

#include <ctype.h>
#include <string.h>

bool
sniff_has_suffix(const char *path, const char *const *suffixes)
{
	size_t len = strlen(path);

	for (; *suffixes != NULL; suffixes++) {
		size_t sl = strlen(*suffixes);

		if (len >= sl && strcmp(path + len - sl, *suffixes) == 0)
			return true;
	}
	return false;
}

bool
sniff_libconfig_key(const char *head, size_t len, const char *key)
{
	size_t kl = strlen(key);
	const char *end = head + len;

	for (const char *line = head; line < end;) {
		const char *p = line;
		const char *nl = memchr(line, '\n', (size_t)(end - line));

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) > kl && strncmp(p, key, kl) == 0) {
			p += kl;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < end && (*p == '=' || *p == ':'))
				return true;
		}
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	return false;
}
