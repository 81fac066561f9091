/* Weak and default secrets: compared, never kept. */
#include "util/secret.h"

#include <string.h>
#include <strings.h>

#include "util/i18n.h"

/* FreePBX's published AMI (amp111) and database (amp109) defaults, the
 * manager.conf.sample secret, and the passwords every scanner tries first. */
static const char *const defaults[] = {
	"amp111", "amp109", "mysecret", "1234", "12345", "123456", "12345678", "123456789",
	"password", "passw0rd", "secret", "admin", "changeme", "asterisk", "default", "qwerty",
	"letmein", "freepbx", NULL,
};

enum secret_weakness
secret_judge(const char *user, const char *secret)
{
	if (secret == NULL || secret[0] == '\0')
		return SECRET_EMPTY;
	if (user != NULL && strcasecmp(user, secret) == 0)
		return SECRET_IS_USER;
	for (size_t i = 0; defaults[i] != NULL; i++)
		if (strcasecmp(defaults[i], secret) == 0)
			return SECRET_DEFAULT;
	if (strlen(secret) < SECRET_MIN_LENGTH)
		return SECRET_SHORT;
	return SECRET_OK;
}

const char *
secret_weakness_text(enum secret_weakness w)
{
	switch (w) {
	case SECRET_OK:
		return N_("not weak");
	case SECRET_EMPTY:
		return N_("empty");
	case SECRET_IS_USER:
		return N_("the same as the user name");
	case SECRET_DEFAULT:
		return N_("a well-known default or common password");
	case SECRET_SHORT:
		return N_("shorter than 8 characters");
	}
	return "?";
}
