/* asterisk-cdr: Asterisk cdr_csv Master.csv and cdr_custom CSV logs. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "adapters/adapter.h"
#include "adapters/sniff.h"
#include "logscan.h"

int asterisk_cdr_sniff(const char *path, const char *head, size_t len,
    const struct model *m);
int asterisk_cdr_parse(const char *path, struct model *m, struct diag *d);

enum col {
	C_ACCOUNTCODE, C_SRC, C_DST, C_DCONTEXT, C_CLID, C_CHANNEL, C_DSTCHANNEL, C_LASTAPP,
	C_LASTDATA, C_START, C_ANSWER, C_END, C_DURATION, C_BILLSEC, C_DISPOSITION, C_AMAFLAGS,
	C_UNIQUEID, C_USERFIELD, C_PEERACCOUNT, C_LINKEDID, C_SEQUENCE, C__COUNT,
};

static const char *const col_names[C__COUNT] = {
	"accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
	"lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
	"uniqueid", "userfield", "peeraccount", "linkedid", "sequence",
};

/* The cdr_csv order is fixed; cdr.conf options append columns (formats.md §1.1). */
static const int base16[16] = { C_ACCOUNTCODE, C_SRC, C_DST, C_DCONTEXT, C_CLID, C_CHANNEL,
	C_DSTCHANNEL, C_LASTAPP, C_LASTDATA, C_START, C_ANSWER, C_END, C_DURATION, C_BILLSEC,
	C_DISPOSITION, C_AMAFLAGS };
/* The legacy cdr_custom "Master.csv =>" line of cdr_custom.conf.sample. */
static const int legacy_custom[19] = { C_CLID, C_SRC, C_DST, C_DCONTEXT, C_CHANNEL,
	C_DSTCHANNEL, C_LASTAPP, C_LASTDATA, C_START, C_ANSWER, C_END, C_DURATION, C_BILLSEC,
	C_DISPOSITION, C_AMAFLAGS, C_ACCOUNTCODE, C_UNIQUEID, C_USERFIELD, C_SEQUENCE };

static bool
looks_like_date(struct text t)
{
	return t.n == 19 && isdigit((unsigned char)t.p[0]) && t.p[4] == '-' && t.p[13] == ':';
}

/* uniqueid is "epoch.seq", optionally behind "systemname-". */
static bool
looks_like_uniqueid(struct text t)
{
	const char *dot = memchr(t.p, '.', t.n);
	size_t i;

	if (dot == NULL)
		return false;
	for (i = (size_t)(dot - t.p); i > 0 && isdigit((unsigned char)t.p[i - 1]); i--)
		;
	return (size_t)(dot - t.p) - i >= 9 && (i == 0 || t.p[i - 1] == '-');
}

/* Whether one line looks like a cdr_csv row: 16-21 fields (outside quotes), a date. */
static int
sniff_line(const char *line, size_t len)
{
	size_t commas = 0, quotes = 0;
	bool dated = false, quoted = false;

	for (size_t i = 0; i < len; i++) {
		if (line[i] == '"') {
			quoted = !quoted; /* a doubled quote toggles twice */
			quotes++;
		}
		commas += line[i] == ',' && !quoted;
		if (i + 19 <= len && isdigit((unsigned char)line[i]) && line[i + 4] == '-' &&
		    line[i + 7] == '-' && line[i + 10] == ' ' && line[i + 13] == ':')
			dated = true;
	}
	if (commas < 15 || commas > 20 || !dated)
		return 0;
	return quotes >= 8 ? 10 : 1;
}

/* The first lines decide: a damaged first row must not hide a real log. */
int
asterisk_cdr_sniff(const char *path, const char *head, size_t len,
    const struct model *m)
{
	(void)m;
	static const char *const sfx[] = { ".csv", ".CSV", NULL };
	const char *p = head, *end = head + len;
	int best = 0;

	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3; /* a byte-order mark from a spreadsheet */
		len -= 3;
		p = head;
	}
	if (len >= 11 && strncasecmp(head, "accountcode", 11) == 0)
		return 80; /* cdr_custom with a header */
	for (int i = 0; i < 8 && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		int s;

		if (nl == NULL && i > 0)
			break; /* a cut-off last line of the head proves nothing */
		s = sniff_line(p, nl != NULL ? (size_t)(nl - p) : (size_t)(end - p));
		if (s > best)
			best = s;
		p = nl != NULL ? nl + 1 : end;
	}
	if (best == 0)
		return 0;
	return (sniff_has_suffix(path, sfx) ? 70 : 50) + best;
}

static int
cdr_start(struct log_reader *r, const struct text *f, size_t n, const char **reason)
{
	int found = 0;

	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < C__COUNT; c++)
			if (f[i].n == strlen(col_names[c]) && strncasecmp(f[i].p, col_names[c], f[i].n) == 0) {
				r->cols[c] = (int)i;
				found++;
			}
	if (found >= 3) {
		if (r->cols[C_START] < 0 || (r->cols[C_DST] < 0 && r->cols[C_LASTDATA] < 0)) {
			*reason = "its header names no 'start' or no 'dst'/'lastdata' column";
			return -1;
		}
		r->has_header = true;
		return 1;
	}
	/* Data: a damaged first row is rejected like any other, by cdr_row. */
	return 0;
}

/* The columns of a headerless row, decided by its count (cdr.conf may change mid-file). */
static bool
layout(const struct text *f, size_t n, int cols[C__COUNT])
{
	for (int c = 0; c < C__COUNT; c++)
		cols[c] = -1;
	/* In cdr_csv column 9 is lastdata, never a date; in the legacy custom
	 * layout it is the start time. */
	if ((n == 19 || n == 18) && looks_like_date(f[8])) {
		for (size_t i = 0; i < n; i++)
			cols[legacy_custom[i]] = (int)i; /* 18: the same without sequence */
		return true;
	}
	if (n < 16 || n > 21)
		return false;
	for (int i = 0; i < 16; i++)
		cols[base16[i]] = i;
	switch (n) {
	case 17:
		cols[looks_like_uniqueid(f[16]) ? C_UNIQUEID : C_USERFIELD] = 16;
		break;
	case 18:
		cols[C_UNIQUEID] = 16;
		cols[C_USERFIELD] = 17;
		break;
	case 19:
		cols[C_PEERACCOUNT] = 16;
		cols[C_LINKEDID] = 17;
		cols[C_SEQUENCE] = 18;
		break;
	case 20:
		cols[looks_like_uniqueid(f[16]) ? C_UNIQUEID : C_USERFIELD] = 16;
		cols[C_PEERACCOUNT] = 17;
		cols[C_LINKEDID] = 18;
		cols[C_SEQUENCE] = 19;
		break;
	case 21:
		cols[C_UNIQUEID] = 16;
		cols[C_USERFIELD] = 17;
		cols[C_PEERACCOUNT] = 18;
		cols[C_LINKEDID] = 19;
		cols[C_SEQUENCE] = 20;
		break;
	}
	return true;
}

/* The dialled number of an originated call: "PJSIP/13812345678@trunk,30,tT",
 * "SIP/trunk/13812345678", "DAHDI/g1/13812345678". */
static struct text
number_from_dial(struct text t)
{
	struct text out = { t.p, 0 };
	const char *end = t.p + t.n, *p = memchr(t.p, '/', t.n);
	const char *tok, *stop;

	if (p == NULL)
		return out;
	tok = p + 1;
	for (stop = tok; stop < end && *stop != '@' && *stop != ',' && *stop != '&' && *stop != ')' &&
	    *stop != '|'; stop++)
		if (*stop == '/')
			tok = stop + 1;
	out.p = tok;
	out.n = (size_t)(stop - tok);
	return out;
}

static struct text
col(const struct text *f, size_t n, const int cols[C__COUNT], enum col c)
{
	static const char empty[] = "";
	struct text none = { empty, 0 };

	return cols[c] >= 0 && (size_t)cols[c] < n ? f[cols[c]] : none;
}

/* Letters, digits, '-' and '_' make up words ("NO-DNC-CHECK" is one word). */
static bool
word_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_';
}

/* Whether word stands in t on its own (not inside a longer word), any case:
 * "AMD:MACHINE" and "DROP" count, "DROPBOX" and "NO-DNC-CHECK" do not. */
static bool
has_word(struct text t, const char *word)
{
	size_t n = strlen(word);

	/* word by word, not position by position: a userfield of a megabyte
	 * took 0.1 s a row */
	for (size_t i = 0; i < t.n;) {
		size_t j;

		while (i < t.n && !word_char(t.p[i]))
			i++;
		for (j = i; j < t.n && word_char(t.p[j]); j++)
			;
		if (j - i == n && strncasecmp(t.p + i, word, n) == 0)
			return true;
		i = j;
	}
	return false;
}

static bool
is_digits(struct text t)
{
	size_t i = t.n > 0 && t.p[0] == '+' ? 1 : 0;

	if (t.n - i < 3)
		return false;
	for (; i < t.n; i++)
		if (!isdigit((unsigned char)t.p[i]) && t.p[i] != '-' && t.p[i] != ' ')
			return false;
	return true;
}

static int
cdr_row(struct log_reader *r, const struct text *f, size_t n, struct call *c, const char **reason)
{
	int local[C__COUNT];
	const int *cols = r->cols;
	struct text num, disp, user;
	int64_t answer = 0;
	uint32_t duration;

	if (!r->has_header) {
		if (!layout(f, n, local)) {
			*reason = "wrong column count (expected 16 to 21)";
			return -1;
		}
		cols = local;
	}
	if (log_time(r, col(f, n, cols, C_START), &c->start, reason) < 0)
		return -1;
	if (col(f, n, cols, C_ANSWER).n > 0 &&
	    log_time(r, col(f, n, cols, C_ANSWER), &answer, reason) < 0)
		return -1;
	if (log_uint(col(f, n, cols, C_DURATION), &duration) < 0) {
		int64_t end;

		/* cdr_custom files may leave duration out; end - start serves. */
		if (col(f, n, cols, C_END).n == 0 || log_time(r, col(f, n, cols, C_END), &end, reason) < 0 ||
		    end < c->start) {
			*reason = "duration is not a whole number of seconds";
			return -1;
		}
		duration = (uint32_t)(end - c->start);
	}
	c->duration = duration;
	num = col(f, n, cols, C_DST);
	if (!is_digits(num))
		num = number_from_dial(col(f, n, cols, C_LASTDATA));
	if (log_number(r, num, &c->number, reason) < 0)
		return -1;
	disp = col(f, n, cols, C_DISPOSITION);
	user = col(f, n, cols, C_USERFIELD);
	if (text_eq(disp, "ANSWERED") && answer != 0) {
		c->disposition = DISP_ANSWERED;
		c->flags |= CALL_ANSWERED | CALL_LIVE;
		c->ring = answer >= c->start ? (uint32_t)(answer - c->start) : 0;
		if (col(f, n, cols, C_DSTCHANNEL).n > 0 && col(f, n, cols, C_BILLSEC).n > 0 &&
		    !text_eq(col(f, n, cols, C_BILLSEC), "0"))
			c->flags |= CALL_AGENT;
	} else {
		c->ring = duration;
		if (text_eq(disp, "BUSY"))
			c->disposition = DISP_BUSY;
		else if (text_eq(disp, "FAILED") || text_eq(disp, "CONGESTION"))
			c->disposition = DISP_FAILED;
		else if (text_eq(disp, "NO ANSWER") || text_eq(disp, "CANCEL") || text_eq(disp, "ANSWERED"))
			c->disposition = DISP_NO_ANSWER;
		else
			c->disposition = DISP_UNKNOWN;
	}
	/* CDRs record neither abandonment nor AMD nor refusals; sites that
	 * mark them copy a word into CDR(userfield) (docs/adapters.md). */
	if (user.n > 0) {
		if (has_word(user, "MACHINE")) {
			c->disposition = DISP_MACHINE;
			c->flags &= (uint8_t)~CALL_LIVE;
		} else if (has_word(user, "ABANDONED") || has_word(user, "ABANDON") ||
		    has_word(user, "DROP") || has_word(user, "DROPPED")) {
			c->disposition = DISP_ABANDONED;
			c->flags |= CALL_ABANDONED;
		} else if (has_word(user, "REFUSED") || has_word(user, "REFUSE") ||
		    has_word(user, "DNC")) {
			c->disposition = DISP_REFUSED;
			c->flags |= CALL_REFUSED;
		}
	}
	c->campaign = log_intern_campaign(r, col(f, n, cols, C_ACCOUNTCODE));
	c->caller = log_intern_caller(r, col(f, n, cols, C_SRC));
	c->link = log_hash(col(f, n, cols, C_LINKEDID).n > 0 ? col(f, n, cols, C_LINKEDID) :
	    col(f, n, cols, C_UNIQUEID));
	return 0;
}

static const struct log_format log_format_asterisk = {
	"asterisk-cdr", ',', cdr_start, cdr_row,
};

int
asterisk_cdr_parse(const char *path, struct model *m, struct diag *d)
{
	return logscan_file(path, &log_format_asterisk, &m->log_opts, &m->log, d);
}
