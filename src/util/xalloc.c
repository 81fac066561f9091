/* Allocation wrappers with an out-of-memory handler and a failure seam. */
#include "util/xalloc.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Atomic: parser and rule threads allocate too. */
static _Atomic unsigned long fail_countdown;

static void
default_oom(void)
{
	fputs("dialaudit: out of memory\n", stderr);
	abort();
}

static void (*oom_handler)(void) = default_oom;

void
xalloc_fail_after(unsigned long n)
{
	atomic_store(&fail_countdown, n);
}

unsigned long
xalloc_fail_countdown(void)
{
	return atomic_load(&fail_countdown);
}

void
xalloc_set_oom_handler(void (*handler)(void))
{
	oom_handler = handler != NULL ? handler : default_oom;
}

/* Exactly one allocation, the armed one, fails even when threads race. */
static int
injected_failure(void)
{
	unsigned long n = atomic_load_explicit(&fail_countdown, memory_order_relaxed);

	while (n != 0)
		if (atomic_compare_exchange_weak(&fail_countdown, &n, n - 1))
			return n == 1;
	return 0;
}

static void *
checked(void *p)
{
	if (p == NULL)
		oom_handler();
	return p;
}

void *
xmalloc(size_t n)
{
	if (injected_failure())
		return checked(NULL);
	return checked(malloc(n == 0 ? 1 : n));
}

void *
xcalloc(size_t count, size_t size)
{
	if (injected_failure())
		return checked(NULL);
	return checked(calloc(count == 0 ? 1 : count, size == 0 ? 1 : size));
}

void *
xrealloc(void *p, size_t n)
{
	if (injected_failure())
		return checked(NULL);
	return checked(realloc(p, n == 0 ? 1 : n));
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void
xgrow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / elem)
			oom_handler();
		c *= 2;
	}
	*p = xrealloc(*p, c * elem);
	*cap = c;
}
