/* gen_cdr.c - deterministic generator of Asterisk cdr_csv (Master.csv) files
 * with planted calling-hours and call-frequency violations, for bench/run.sh.
 *
 * Build:  cc -O2 -o bench/out/gen_cdr bench/gen_cdr.c
 * Usage:  gen_cdr [-n ROWS] [-s SEED] [-o FILE] [-d YYYY-MM-DD] [-D DAYS] [-q]
 *
 * Output: no header, 21 columns (loguniqueid, loguserfield and newcdrcolumns
 * on), encoded as cdr/cdr_csv.c does it: every string quoted with inner quotes
 * doubled, integers unquoted, an unset answer time written as an empty
 * unquoted field, records ending in LF. Timestamps are local Beijing time
 * (Asia/Shanghai, UTC+8, no DST since 1991); the uniqueid/linkedid epoch is
 * the matching UTC epoch.
 *
 * The same ROWS, SEED, START_DATE and DAYS always give the same bytes: the
 * program uses its own PRNG (xorshift64*), never rand() or the clock.
 *
 * The model:
 *  - The ROWS calls are spread over DAYS days (default 30). Each day 98 % of
 *    the call slots fall in 08:00-21:00 and 2 % in 21:00-07:59 (planted
 *    calling-hours violations).
 *  - Called numbers are 11-digit Chinese mobiles drawn from a pool of ROWS/4
 *    distinct numbers, skewed: 80 % of fresh calls pick any pool number, 15 %
 *    a "warm" 5 % of the pool, 5 % a "hot" 0.2 % of the pool.
 *  - 0.3 % of fresh calls start a retry burst: 3-6 more calls to the same
 *    number 15-75 s apart (more than 3 calls in 5 minutes; 6+ calls also
 *    break 5 a day). 0.2 % start a "hammering" series: 5-8 more calls 20-120
 *    minutes apart (more than 5 calls in 24 h and usually in one day).
 *  - Dispositions: ANSWERED ~45 %, NO ANSWER ~35 %, BUSY ~12 %, FAILED ~8 %.
 *  - Rows are written at hangup, i.e. ordered by end time, so start times are
 *    roughly but not strictly chronological, as in a real Master.csv.
 *
 * On stderr (unless -q) it prints key=value lines describing the file,
 * including the exact answers of the two benchmark queries:
 *    night_rows    rows whose start hour (as written) is < 8 or >= 21
 *    freq_groups   (dst, start date) pairs with more than 5 rows
 *    freq_excess   sum over those pairs of (rows - 5)
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- PRNG */

static uint64_t rng_state;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t rnd(void) /* xorshift64* */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t rnd_below(uint64_t n) /* 0 <= r < n, n > 0 */
{
    return rnd() % n; /* bias below n / 2^64: negligible for our n */
}

static double rnd_unit(void) /* [0, 1) */
{
    return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0);
}

static int64_t rnd_range(int64_t lo, int64_t hi) /* lo <= r <= hi */
{
    return lo + (int64_t)rnd_below((uint64_t)(hi - lo + 1));
}

/* ------------------------------------------------------------- calendar */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = (int64_t)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* "YYYY-MM-DD HH:MM:SS" of local seconds since 1970 (local clock, no zone). */
static char *put_datetime(char *p, int64_t t)
{
    static int64_t cached_day = INT64_MIN;
    static char day_text[11];
    int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t sec = t - day * 86400;
    if (day != cached_day) {
        int y, m, d;
        civil_from_days(day, &y, &m, &d);
        int v[3] = {y % 10000, m, d}, w[3] = {4, 2, 2};
        char *q = day_text;
        for (int f = 0; f < 3; f++) {
            for (int k = w[f] - 1, x = v[f]; k >= 0; k--, x /= 10)
                q[k] = (char)('0' + x % 10);
            q += w[f];
            if (f < 2)
                *q++ = '-';
        }
        cached_day = day;
    }
    memcpy(p, day_text, 10);
    p += 10;
    int h = (int)(sec / 3600), mi = (int)(sec / 60 % 60), s = (int)(sec % 60);
    *p++ = ' ';
    *p++ = (char)('0' + h / 10);
    *p++ = (char)('0' + h % 10);
    *p++ = ':';
    *p++ = (char)('0' + mi / 10);
    *p++ = (char)('0' + mi % 10);
    *p++ = ':';
    *p++ = (char)('0' + s / 10);
    *p++ = (char)('0' + s % 10);
    return p;
}

/* --------------------------------------------------------- text helpers */

static char *put_str(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

static char *put_u64(char *p, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

static char *put_hex8(char *p, uint32_t v)
{
    static const char hx[] = "0123456789abcdef";
    for (int i = 7; i >= 0; i--)
        *p++ = hx[(v >> (4 * i)) & 15];
    return p;
}

/* A CSV string field as cdr_csv writes it: quoted, inner quotes doubled. */
static char *put_quoted(char *p, const char *s)
{
    *p++ = '"';
    for (; *s; s++) {
        if (*s == '"')
            *p++ = '"';
        *p++ = *s;
    }
    *p++ = '"';
    return p;
}

/* ------------------------------------------------------------ the world */

/* Mobile prefixes (China Mobile, Unicom, Telecom). */
static const char *const mobile_prefix[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
};
#define N_PREFIX (sizeof mobile_prefix / sizeof mobile_prefix[0])

/* The number of pool index idx: distinct for distinct idx (prefix idx % 29,
 * the 8-digit rest an affine bijection of idx / 29 modulo 10^8). */
static void mobile_number(uint64_t idx, char out[12])
{
    uint64_t rest = idx / N_PREFIX;
    uint64_t sfx = (rest * 73939133ULL + 20240305ULL) % 100000000ULL;
    memcpy(out, mobile_prefix[idx % N_PREFIX], 3);
    for (int i = 10; i >= 3; i--) {
        out[i] = (char)('0' + sfx % 10);
        sfx /= 10;
    }
    out[11] = '\0';
}

struct campaign {
    const char *account;   /* accountcode = campaign */
    const char *context;   /* dcontext */
    const char *cid_name;  /* caller ID name in clid */
    const char *area;      /* landline area code, or "400" */
    unsigned weight;
};

static const struct campaign campaigns[] = {
    {"loan_q1", "dialer", "Xin \"VIP\"", "0571", 30},
    {"card_renew", "dialer", "CardSvc", "021", 22},
    {"ins_follow", "dialer-b", "PingAn", "0755", 18},
    {"edu_trial", "dialer-b", "EduTrial", "010", 14},
    {"collect_m1", "dialer-c", "Collect", "400", 10},
    {"nps_survey", "dialer-c", "Survey", "020", 6},
};
#define N_CAMPAIGN (sizeof campaigns / sizeof campaigns[0])
#define CIDS_PER_CAMPAIGN 6

static char caller_ids[N_CAMPAIGN][CIDS_PER_CAMPAIGN][16];
static char clids[N_CAMPAIGN][CIDS_PER_CAMPAIGN][96];

static void build_caller_ids(void)
{
    for (unsigned c = 0; c < N_CAMPAIGN; c++) {
        for (unsigned k = 0; k < CIDS_PER_CAMPAIGN; k++) {
            const char *area = campaigns[c].area;
            char *o = caller_ids[c][k];
            if (strcmp(area, "400") == 0) /* 400 + 7 digits */
                snprintf(o, 16, "400%03u%04u", 812 + c, 3300 + k * 11);
            else if (strlen(area) == 3) /* 0xx + 8 digits */
                snprintf(o, 16, "%s6677%02u%02u", area, 80 + c, k + 1);
            else /* 0xxx + 8 digits, e.g. 057188001201 */
                snprintf(o, 16, "%s8800%02u%02u", area, 12 + c, k + 1);
            snprintf(clids[c][k], sizeof clids[c][k], "\"%s\" <%s>",
                     campaigns[c].cid_name, o);
        }
    }
}

static unsigned pick_campaign(void)
{
    unsigned total = 0;
    for (unsigned c = 0; c < N_CAMPAIGN; c++)
        total += campaigns[c].weight;
    unsigned r = (unsigned)rnd_below(total);
    for (unsigned c = 0; c < N_CAMPAIGN; c++) {
        if (r < campaigns[c].weight)
            return c;
        r -= campaigns[c].weight;
    }
    return 0;
}

/* ----------------------------------------------------------------- heaps */

/* Follow-up calls scheduled by bursts and hammering series, by start time. */
struct pending {
    int64_t t;
    uint64_t order;
    uint32_t idx;
    uint8_t camp;
};

/* Formatted rows waiting for their hangup, by end time. */
struct outrow {
    int64_t end;
    uint64_t order;
    uint32_t len;
    char *text;
};

#define HEAP_DEFINE(NAME, TYPE, KEY)                                           \
    struct NAME {                                                              \
        TYPE *v;                                                               \
        size_t n, cap;                                                         \
    };                                                                         \
    static int NAME##_less(const TYPE *a, const TYPE *b)                       \
    {                                                                          \
        return a->KEY < b->KEY || (a->KEY == b->KEY && a->order < b->order);   \
    }                                                                          \
    static void NAME##_push(struct NAME *h, TYPE x)                            \
    {                                                                          \
        if (h->n == h->cap) {                                                  \
            h->cap = h->cap ? h->cap * 2 : 1024;                               \
            h->v = realloc(h->v, h->cap * sizeof *h->v);                       \
            if (!h->v) {                                                       \
                perror("gen_cdr: realloc");                                    \
                exit(2);                                                       \
            }                                                                  \
        }                                                                      \
        size_t i = h->n++;                                                     \
        while (i > 0) {                                                        \
            size_t p = (i - 1) / 2;                                            \
            if (!NAME##_less(&x, &h->v[p]))                                    \
                break;                                                         \
            h->v[i] = h->v[p];                                                 \
            i = p;                                                             \
        }                                                                      \
        h->v[i] = x;                                                           \
    }                                                                          \
    static TYPE NAME##_pop(struct NAME *h)                                     \
    {                                                                          \
        TYPE top = h->v[0], x = h->v[--h->n];                                  \
        size_t i = 0;                                                          \
        for (;;) {                                                             \
            size_t c = 2 * i + 1;                                              \
            if (c >= h->n)                                                     \
                break;                                                         \
            if (c + 1 < h->n && NAME##_less(&h->v[c + 1], &h->v[c]))           \
                c++;                                                           \
            if (!NAME##_less(&h->v[c], &x))                                    \
                break;                                                         \
            h->v[i] = h->v[c];                                                 \
            i = c;                                                             \
        }                                                                      \
        if (h->n)                                                              \
            h->v[i] = x;                                                       \
        return top;                                                            \
    }

HEAP_DEFINE(pheap, struct pending, t)
HEAP_DEFINE(oheap, struct outrow, end)

/* ---------------------------------------------------------------- output */

static FILE *out;
static char *obuf;
static size_t olen;
#define OBUF_SIZE (1u << 20)
static uint64_t bytes_written;

static void out_write(const char *s, size_t n)
{
    if (olen + n > OBUF_SIZE) {
        if (fwrite(obuf, 1, olen, out) != olen) {
            perror("gen_cdr: write");
            exit(2);
        }
        olen = 0;
    }
    memcpy(obuf + olen, s, n);
    olen += n;
    bytes_written += n;
}

static void out_flush(void)
{
    if (olen && fwrite(obuf, 1, olen, out) != olen) {
        perror("gen_cdr: write");
        exit(2);
    }
    olen = 0;
    if (fflush(out) != 0) {
        perror("gen_cdr: write");
        exit(2);
    }
}

/* Free lists of row buffers (rows are far shorter than ROWBUF). */
#define ROWBUF 640
static char **free_bufs;
static size_t n_free, cap_free;

static char *get_buf(void)
{
    if (n_free)
        return free_bufs[--n_free];
    char *b = malloc(ROWBUF);
    if (!b) {
        perror("gen_cdr: malloc");
        exit(2);
    }
    return b;
}

static void put_buf(char *b)
{
    if (n_free == cap_free) {
        cap_free = cap_free ? cap_free * 2 : 1024;
        free_bufs = realloc(free_bufs, cap_free * sizeof *free_bufs);
        if (!free_bufs) {
            perror("gen_cdr: realloc");
            exit(2);
        }
    }
    free_bufs[n_free++] = b;
}

static struct oheap rows_waiting;

static void flush_rows_until(int64_t t)
{
    while (rows_waiting.n && rows_waiting.v[0].end <= t) {
        struct outrow r = oheap_pop(&rows_waiting);
        out_write(r.text, r.len);
        put_buf(r.text);
    }
}

/* ------------------------------------------------------------- the calls */

static uint64_t pool_size, warm_size, hot_size;
static uint64_t chan_counter = 0x2a3c; /* channel name / uniqueid counter */
static uint64_t cdr_sequence = 0;
static uint64_t row_order = 0;

/* Stats and the exact answers of the benchmark queries. */
static uint64_t st_rows, st_night, st_answered, st_noanswer, st_busy,
    st_failed, st_bursts, st_hammers, st_followups, st_groups, st_excess;
static int32_t *num_day;   /* per pool index: day of its current count */
static uint32_t *num_cnt;  /* per pool index: rows on that day */

static void count_day(uint32_t idx, int32_t day)
{
    if (num_day[idx] != day) {
        if (num_cnt[idx] > 5) {
            st_groups++;
            st_excess += num_cnt[idx] - 5;
        }
        num_day[idx] = day;
        num_cnt[idx] = 0;
    }
    num_cnt[idx]++;
}

static uint32_t pick_number(void)
{
    uint64_t r = rnd_below(100);
    if (r < 5)
        return (uint32_t)rnd_below(hot_size);
    if (r < 20)
        return (uint32_t)rnd_below(warm_size);
    return (uint32_t)rnd_below(pool_size);
}

/* Emit one call: start at local time t (seconds since 1970, local clock). */
static void emit_call(int64_t t, uint32_t idx, unsigned camp)
{
    char num[12];
    mobile_number(idx, num);
    unsigned k = (unsigned)rnd_below(CIDS_PER_CAMPAIGN);

    /* disposition and times */
    const char *disp;
    int64_t ring, billsec;
    uint64_t r = rnd_below(100);
    if (r < 45) {
        disp = "ANSWERED";
        st_answered++;
        ring = rnd_range(3, 24);
        uint64_t b = rnd_below(100); /* talk time: short, typical, long */
        if (b < 30)
            billsec = rnd_range(1, 10);
        else if (b < 75)
            billsec = rnd_range(11, 90);
        else if (b < 95)
            billsec = rnd_range(91, 400);
        else
            billsec = rnd_range(401, 1800);
    } else if (r < 80) {
        disp = "NO ANSWER";
        st_noanswer++;
        ring = rnd_below(100) < 70 ? rnd_range(30, 32) : rnd_range(4, 29);
        billsec = 0;
    } else if (r < 92) {
        disp = "BUSY";
        st_busy++;
        ring = rnd_range(1, 8);
        billsec = 0;
    } else {
        disp = "FAILED";
        st_failed++;
        ring = rnd_range(0, 3);
        billsec = 0;
    }
    int answered = billsec > 0;
    int64_t duration = ring + billsec;
    int64_t end = t + duration;
    int64_t epoch = t - 8 * 3600; /* Asia/Shanghai is UTC+8, no DST */

    uint64_t chan_a = chan_counter++;
    uint64_t chan_b = chan_counter++;
    char uid[40], *u = uid;
    u = put_u64(u, (uint64_t)epoch);
    *u++ = '.';
    u = put_u64(u, chan_a);
    *u = '\0';

    char *b = get_buf(), *p = b;
    p = put_quoted(p, campaigns[camp].account);
    *p++ = ',';
    p = put_quoted(p, caller_ids[camp][k]);
    *p++ = ',';
    p = put_quoted(p, num);
    *p++ = ',';
    p = put_quoted(p, campaigns[camp].context);
    *p++ = ',';
    p = put_quoted(p, clids[camp][k]);
    *p++ = ',';
    p = put_str(p, "\"PJSIP/trunk-");
    p = put_hex8(p, (uint32_t)chan_a);
    p = put_str(p, "\",");
    if (strcmp(disp, "FAILED") == 0) {
        p = put_str(p, "\"\",");
    } else {
        p = put_str(p, "\"PJSIP/agent-");
        p = put_hex8(p, (uint32_t)chan_b);
        p = put_str(p, "\",");
    }
    p = put_str(p, "\"Dial\",\"PJSIP/");
    p = put_str(p, num);
    p = put_str(p, "@trunk,30,tT\",\"");
    p = put_datetime(p, t);
    p = put_str(p, "\",");
    if (answered) {
        *p++ = '"';
        p = put_datetime(p, t + ring);
        *p++ = '"';
    }
    p = put_str(p, ",\"");
    p = put_datetime(p, end);
    p = put_str(p, "\",");
    p = put_u64(p, (uint64_t)duration);
    *p++ = ',';
    p = put_u64(p, (uint64_t)billsec);
    *p++ = ',';
    p = put_quoted(p, disp);
    p = put_str(p, ",\"DOCUMENTATION\",");
    p = put_quoted(p, uid);
    p = put_str(p, ",\"\",\"\",");
    p = put_quoted(p, uid);
    *p++ = ',';
    p = put_u64(p, cdr_sequence++);
    *p++ = '\n';

    struct outrow row = {end, row_order++, (uint32_t)(p - b), b};
    oheap_push(&rows_waiting, row);

    /* statistics: the query answers, by the start time as written */
    st_rows++;
    int64_t day = t / 86400;
    int hour = (int)(t % 86400 / 3600);
    if (hour < 8 || hour >= 21)
        st_night++;
    count_day(idx, (int32_t)day);
}

/* ------------------------------------------------------------------ main */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: gen_cdr [-n ROWS] [-s SEED] [-o FILE] [-d YYYY-MM-DD] [-D DAYS] [-q]\n"
            "  -n ROWS   rows to write (default 100000)\n"
            "  -s SEED   PRNG seed (default 42)\n"
            "  -o FILE   output file (default stdout)\n"
            "  -d DATE   first day, local Beijing time (default 2024-03-04)\n"
            "  -D DAYS   days the calls are spread over (default 30)\n"
            "  -q        no key=value summary on stderr\n");
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *e;
    errno = 0;
    unsigned long long x = strtoull(s, &e, 10);
    if (errno || e == s || *e || s[0] == '-')
        return -1;
    *v = x;
    return 0;
}

int main(int argc, char **argv)
{
    uint64_t rows = 100000, seed = 42, days = 30;
    const char *outpath = NULL, *start_date = "2024-03-04";
    int quiet = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (a[0] != '-' || !a[1] || a[2] || i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        const char *v = argv[++i];
        int bad = 0;
        switch (a[1]) {
        case 'n': bad = parse_u64(v, &rows) || rows > 2000000000ULL; break;
        case 's': bad = parse_u64(v, &seed); break;
        case 'D': bad = parse_u64(v, &days) || days == 0 || days > 100000; break;
        case 'o': outpath = v; break;
        case 'd': start_date = v; break;
        default: bad = 1;
        }
        if (bad) {
            fprintf(stderr, "gen_cdr: bad value for %s: '%s'\n", a, v);
            usage(stderr);
            return 2;
        }
    }

    int y, m, d;
    char extra;
    if (sscanf(start_date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
        m < 1 || m > 12 || d < 1 || d > 31 || y < 1971 || y > 9000) {
        fprintf(stderr, "gen_cdr: bad -d date '%s' (want YYYY-MM-DD)\n", start_date);
        return 2;
    }
    int64_t day0 = days_from_civil(y, (unsigned)m, (unsigned)d);

    out = stdout;
    if (outpath && !(out = fopen(outpath, "wb"))) {
        fprintf(stderr, "gen_cdr: %s: %s\n", outpath, strerror(errno));
        return 2;
    }
    obuf = malloc(OBUF_SIZE);

    uint64_t s = seed;
    rng_state = splitmix64(&s);
    if (!rng_state)
        rng_state = 1;

    pool_size = rows / 4 ? rows / 4 : 1;
    warm_size = pool_size / 20 ? pool_size / 20 : 1;
    hot_size = pool_size / 500 ? pool_size / 500 : 1;
    num_day = malloc(pool_size * sizeof *num_day);
    num_cnt = calloc(pool_size, sizeof *num_cnt);
    if (!obuf || !num_day || !num_cnt) {
        perror("gen_cdr: malloc");
        return 2;
    }
    for (uint64_t i = 0; i < pool_size; i++)
        num_day[i] = -1;
    build_caller_ids();

    struct pheap pending = {0};
    uint64_t pending_order = 0;

    /* Each day: slots in 00:00-08:00, 08:00-21:00 and 21:00-24:00. */
    for (uint64_t dd = 0; dd < days; dd++) {
        uint64_t n_day = rows / days + (dd < rows % days);
        uint64_t night = (n_day * 2 + 50) / 100;       /* 2 % */
        uint64_t early = night * 8 / 11;               /* 8 of the 11 night hours */
        struct { int64_t from, len; uint64_t count; } seg[3] = {
            {0, 8 * 3600, early},
            {8 * 3600, 13 * 3600, n_day - night},
            {21 * 3600, 3 * 3600, night - early},
        };
        int64_t base = (day0 + (int64_t)dd) * 86400;
        for (int sg = 0; sg < 3; sg++) {
            for (uint64_t i = 0; i < seg[sg].count; i++) {
                int64_t t = base + seg[sg].from +
                            (int64_t)(((double)i + rnd_unit()) * (double)seg[sg].len /
                                      (double)seg[sg].count);
                flush_rows_until(t);
                if (pending.n && pending.v[0].t <= t) {
                    struct pending f = pheap_pop(&pending);
                    st_followups++;
                    emit_call(f.t, f.idx, f.camp);
                    continue;
                }
                uint32_t idx = pick_number();
                unsigned camp = pick_campaign();
                emit_call(t, idx, camp);
                uint64_t r = rnd_below(1000);
                if (r < 3) { /* retry burst: 3-6 more calls 15-75 s apart */
                    st_bursts++;
                    int64_t ft = t, more = rnd_range(3, 6);
                    for (int64_t j = 0; j < more; j++) {
                        ft += rnd_range(15, 75);
                        struct pending f = {ft, pending_order++, idx, (uint8_t)camp};
                        pheap_push(&pending, f);
                    }
                } else if (r < 5) { /* hammering: 5-8 more, 20-120 min apart */
                    st_hammers++;
                    int64_t ft = t, more = rnd_range(5, 8);
                    for (int64_t j = 0; j < more; j++) {
                        ft += rnd_range(20 * 60, 120 * 60);
                        struct pending f = {ft, pending_order++, idx, (uint8_t)camp};
                        pheap_push(&pending, f);
                    }
                }
            }
        }
    }
    flush_rows_until(INT64_MAX);
    out_flush();
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "gen_cdr: %s: %s\n", outpath, strerror(errno));
        return 2;
    }
    for (uint64_t i = 0; i < pool_size; i++) {
        if (num_cnt[i] > 5) {
            st_groups++;
            st_excess += num_cnt[i] - 5;
        }
    }

    if (!quiet) {
        fprintf(stderr,
                "rows=%llu\nseed=%llu\nstart_date=%s\ndays=%llu\nbytes=%llu\n"
                "pool_numbers=%llu\nanswered=%llu\nno_answer=%llu\nbusy=%llu\n"
                "failed=%llu\nbursts=%llu\nhammer_series=%llu\nfollowup_calls=%llu\n"
                "dropped_followups=%llu\nnight_rows=%llu\nfreq_groups=%llu\n"
                "freq_excess=%llu\n",
                (unsigned long long)st_rows, (unsigned long long)seed, start_date,
                (unsigned long long)days, (unsigned long long)bytes_written,
                (unsigned long long)pool_size, (unsigned long long)st_answered,
                (unsigned long long)st_noanswer, (unsigned long long)st_busy,
                (unsigned long long)st_failed, (unsigned long long)st_bursts,
                (unsigned long long)st_hammers, (unsigned long long)st_followups,
                (unsigned long long)pending.n, (unsigned long long)st_night,
                (unsigned long long)st_groups, (unsigned long long)st_excess);
    }
    return 0;
}
