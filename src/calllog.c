/* Call logs in the model: storage and bookkeeping. */
#include "calllog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static const char *const disp_names[DISP__COUNT] = {
	"answered", "no-answer", "busy", "failed", "abandoned", "refused", "machine", "unknown",
};

const char *
disposition_name(enum disposition d)
{
	return d < DISP__COUNT ? disp_names[d] : "?";
}

int
disposition_parse(const char *s)
{
	for (int i = 0; i < DISP__COUNT; i++)
		if (strcmp(s, disp_names[i]) == 0)
			return i;
	return -1;
}

void
calllog_init(struct calllog *l)
{
	memset(l, 0, sizeof(*l));
	intern_init(&l->campaigns);
	intern_init(&l->callers);
}

void
calllog_free(struct calllog *l)
{
	for (size_t i = 0; i < l->nruns; i++)
		free(l->runs[i].v);
	free(l->runs);
	for (size_t i = 0; i < l->nfiles; i++)
		free((char *)l->files[i].path);
	free(l->files);
	intern_free(&l->campaigns);
	intern_free(&l->callers);
	memset(l, 0, sizeof(*l));
}

uint64_t
calllog_count(const struct calllog *l)
{
	uint64_t n = 0;

	for (size_t i = 0; i < l->nruns; i++)
		n += l->runs[i].n;
	return n;
}

size_t
calllog_add_file(struct calllog *l, const char *path, const char *format)
{
	struct log_file_stats *s;

	xgrow((void **)&l->files, &l->files_cap, l->nfiles + 1, sizeof(*s));
	s = &l->files[l->nfiles];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(path);
	s->format = format;
	return l->nfiles++;
}

void
log_stats_reject(struct log_file_stats *s, uint32_t line, const char *reason)
{
	s->rejected++;
	if (s->nexamples < REJECT_EXAMPLES) {
		s->examples[s->nexamples].line = line;
		snprintf(s->examples[s->nexamples].reason, sizeof(s->examples[0].reason), "%s", reason);
		s->nexamples++;
	}
}

uint64_t
number_pack(const char *e164)
{
	uint64_t n = 0;

	for (; *e164; e164++)
		n = n * 10 + (uint64_t)(*e164 - '0');
	return n;
}

void
number_unpack(uint64_t n, char *buf, size_t size)
{
	char tmp[24];
	size_t k = 0;

	do {
		tmp[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	if (k >= size) {
		buf[0] = '\0';
		return;
	}
	for (size_t i = 0; i < k; i++)
		buf[i] = tmp[k - 1 - i];
	buf[k] = '\0';
}
