/*
 * Judging a password without keeping it: callers pass the secret in, get a
 * weakness back, and drop the secret. Nothing here stores or prints it.
 */
#ifndef DIALAUDIT_UTIL_SECRET_H
#define DIALAUDIT_UTIL_SECRET_H

enum secret_weakness {
	SECRET_OK,
	SECRET_EMPTY,
	SECRET_IS_USER,   /* equal to the user name (case ignored) */
	SECRET_DEFAULT,   /* a published default or one of the most common passwords */
	SECRET_SHORT,     /* fewer than SECRET_MIN_LENGTH characters */
};

/* Shorter than this is brute-forced in hours over AMI or SIP. */
#define SECRET_MIN_LENGTH 8

/* user may be NULL. The first weakness found, in the order of the enum. */
enum secret_weakness secret_judge(const char *user, const char *secret);
/* The weakness in words (English, N_()-marked for tr()). */
const char *secret_weakness_text(enum secret_weakness w);

#endif
