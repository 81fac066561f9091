/*
 * Inline SVG charts for the HTML report. Every mark has a <title> with its
 * exact figure, so the chart can be read precisely when printed numbers
 * would crowd it; every limit is drawn as a dashed line and named.
 */
#include "report/charts.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/chartdata.h"
#include "checks/events.h"
#include "profile.h"
#include "report/htmltext.h"
#include "report/report.h"
#include "util/i18n.h"
#include "util/phone.h"
#include "util/timeutil.h"
#include "util/tz.h"

#define LIMIT_COLOUR "#b3261e"

static const char *const weekdays[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static void
figure_start(FILE *out, const char *id, const char *title, int width, int height)
{
	fprintf(out, "<figure class=\"chart\" id=\"%s\">\n<figcaption><strong>", id);
	html_text(out, title);
	fprintf(out, "</strong></figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", width, height);
	html_text(out, title);
	fputs("\">\n", out);
}

static void
figure_end(FILE *out, const char *note)
{
	fputs("</svg>\n", out);
	if (note != NULL && *note != '\0') {
		fputs("<p class=\"note\">", out);
		html_text(out, note);
		fputs("</p>\n", out);
	}
	fputs("</figure>\n", out);
}

/* 1234 → "1234", 12345 → "12.3k", 1234567 → "1.2M": labels that fit a cell. */
static void
short_count(uint64_t n, char *buf, size_t size)
{
	if (n < 10000)
		snprintf(buf, size, "%" PRIu64, n);
	else if (n < 1000000)
		snprintf(buf, size, "%.1fk", (double)n / 1e3);
	else
		snprintf(buf, size, "%.1fM", (double)n / 1e6);
}

/* A step of 1, 2 or 5 × 10^k giving about four ticks up to max. */
static double
tick_step(double max)
{
	double raw = max / 4, mag, f;

	if (raw <= 0)
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* Mixes a and b (0xRRGGBB) by t in [0, 1]. */
static void
mix(unsigned a, unsigned b, double t, char *buf, size_t size)
{
	unsigned c[3];

	for (int i = 0; i < 3; i++) {
		double x = (a >> (16 - 8 * i) & 0xff) * (1 - t) + (b >> (16 - 8 * i) & 0xff) * t;

		c[i] = (unsigned)lround(x);
	}
	snprintf(buf, size, "#%02x%02x%02x", c[0], c[1], c[2]);
}

/* Seconds of one hour of the week the schedule permits. */
static int32_t
permitted_seconds(const struct schedule *s, int32_t from)
{
	int32_t to = from + 3600, sum = 0;

	for (size_t i = 0; i < s->n; i++) {
		int32_t a = s->iv[i].start > from ? s->iv[i].start : from;
		int32_t b = s->iv[i].end < to ? s->iv[i].end : to;

		if (b > a)
			sum += b - a;
	}
	return sum;
}

void
chart_heatmap(FILE *out, const struct report *r)
{
	const struct chart_data *c = r->events->charts;
	const struct profile *p = r->profile;
	const int left = 46, top = 26, cw = 26, ch = 24;
	uint64_t max = 0;
	char note[512];

	for (int d = 0; d < 7; d++)
		for (int h = 0; h < 24; h++)
			if (c->heat[d][h] > max)
				max = c->heat[d][h];
	figure_start(out, "chart-hours", tr("Calls by the callee's local hour and weekday"),
	    left + 24 * cw + 10, top + 7 * ch + 46);
	for (int h = 0; h < 24; h += 2)
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%02d</text>\n",
		    left + h * cw + cw / 2, top - 8, h);
	for (int d = 0; d < 7; d++) {
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">", left - 6,
		    top + d * ch + ch / 2 + 4);
		html_text(out, tr(weekdays[d]));
		fputs("</text>\n", out);
		for (int h = 0; h < 24; h++) {
			uint64_t n = c->heat[d][h];
			int32_t ok = p->hours.set ? permitted_seconds(&p->hours.windows,
			    d * SECONDS_PER_DAY + h * 3600) : 3600;
			double t = n == 0 || max == 0 ? 0 : 0.25 + 0.75 * log1p((double)n) / log1p((double)max);
			const char *state;
			char fill[8], label[16];

			if (ok == 3600) {
				state = tr("permitted");
				if (n == 0)
					snprintf(fill, sizeof(fill), "#eef6ee");
				else
					mix(0xd6e6f5, 0x1d4f91, t, fill, sizeof(fill));
			} else if (ok > 0) {
				state = tr("partly permitted");
				if (n == 0)
					snprintf(fill, sizeof(fill), "#f7f1e1");
				else
					mix(0xf8e2b4, 0xa35a00, t, fill, sizeof(fill));
			} else {
				state = tr("not permitted");
				if (n == 0)
					snprintf(fill, sizeof(fill), "#f2f2f2");
				else
					mix(0xf6cdc8, 0xa3221a, t, fill, sizeof(fill));
			}
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			    "class=\"cell\"><title>", left + h * cw, top + d * ch, cw - 1, ch - 1, fill);
			html_printf(out, tr("%s %02d:00–%02d:00: %" PRIu64 " calls (%s)"), tr(weekdays[d]),
			    h, h + 1, n, state);
			fputs("</title></rect>\n", out);
			if (n > 0) {
				short_count(n, label, sizeof(label));
				fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"cellnum%s\" "
				    "text-anchor=\"middle\">%s</text>\n", left + h * cw + cw / 2,
				    top + d * ch + ch / 2 + 3, t > 0.6 ? " light" : "", label);
			}
		}
	}
	{
		static const struct { const char *fill, *label; } keys[] = {
			{ "#6f93c0", N_("calls in permitted hours") },
			{ "#d49a4a", N_("calls in an hour partly permitted") },
			{ "#cc5a50", N_("calls outside permitted hours") },
			{ "#f2f2f2", N_("no calls, not permitted") },
		};
		int x = left, y = top + 7 * ch + 16;

		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" "
			    "stroke=\"#999\" stroke-width=\"0.5\"/>", x, y, keys[k].fill);
			fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"legend\">", x + 16, y + 10);
			html_text(out, tr(keys[k].label));
			fputs("</text>\n", out);
			x += k % 2 == 0 ? 300 : -300;
			if (k % 2 == 1)
				y += 18;
		}
	}
	if (p->hours.set) {
		char week[256];

		schedule_format(&p->hours.windows, week, sizeof(week));
		snprintf(note, sizeof(note), tr("Permitted hours (profile %s): %s. Each call is placed "
		    "in the first time zone its number may be in. Public holidays and barred dates are "
		    "not drawn; calls on them are in the findings."), p->id, week);
	} else
		snprintf(note, sizeof(note), tr("The profile %s sets no calling hours."), p->id);
	figure_end(out, note);
}

/* The zone times are drawn in: the profile's default zone. */
static const struct tz_zone *
report_zone(const struct report *r)
{
	struct diag d = { 0 };

	return r->profile->timezone != NULL ? tz_get(r->profile->timezone, &d) : NULL;
}

/* "03-04 10:00", or "2024-03-04" for bins of a day or more, in the profile's zone. */
static void
time_label(const struct report *r, int64_t t, int64_t bin, char *buf, size_t size)
{
	const struct tz_zone *z = report_zone(r);
	int32_t off = z != NULL ? tz_offset_at(z, t) : 0;
	int64_t local = t + off, day = days_from_seconds(local);
	int y, m, d, sec = (int)(local - day * SECONDS_PER_DAY);

	civil_from_days(day, &y, &m, &d);
	if (bin >= SECONDS_PER_DAY)
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(buf, size, "%02d-%02d %02d:%02d", m, d, sec / 3600, sec / 60 % 60);
}

static void
duration_text(int64_t seconds, char *buf, size_t size)
{
	if (seconds % SECONDS_PER_DAY == 0 && seconds > 2 * SECONDS_PER_DAY)
		snprintf(buf, size, tr("%" PRId64 " days"), seconds / SECONDS_PER_DAY);
	else if (seconds % 3600 == 0)
		snprintf(buf, size, tr("%" PRId64 " hours"), seconds / 3600);
	else
		snprintf(buf, size, tr("%" PRId64 " minutes"), seconds / 60);
}

void
chart_concurrency(FILE *out, const struct report *r)
{
	const struct chart_data *c = r->events->charts;
	const int left = 48, top = 16, w = 640, h = 200;
	int cap = r->events->capacity;
	double ymax = cap > 0 && (uint32_t)cap > c->peak_all ? (double)cap : (double)c->peak_all, step;
	double bw;
	char note[512], a[32], b[32], span[32];
	const struct tz_zone *z = report_zone(r);
	const char *zone = z != NULL ? tz_name(z) : "UTC";

	if (ymax < 1)
		ymax = 1;
	step = tick_step(ymax * 1.1);
	ymax = ceil(ymax * 1.1 / step) * step;
	figure_start(out, "chart-concurrency", tr("Concurrent calls over time"), left + w + 20,
	    top + h + 44);
	for (double v = 0; v <= ymax + step / 2; v += step) {
		int y = top + h - (int)lround(v / ymax * h);

		fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"grid\"/>"
		    "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%.0f</text>\n", left,
		    left + w, y, y, left - 6, y + 4, v);
	}
	bw = c->nbins > 0 ? (double)w / (double)c->nbins : w;
	for (size_t i = 0; i < c->nbins; i++) {
		double bh = (double)c->peak[i] / ymax * h;
		bool over = cap > 0 && c->peak[i] > (uint32_t)cap;

		if (c->peak[i] == 0)
			continue;
		time_label(r, c->t0 + (int64_t)i * c->bin, c->bin < 60 ? 60 : c->bin, a, sizeof(a));
		fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
		    "<title>", left + i * bw, top + h - bh, bw > 1.5 ? bw - 0.5 : bw, bh,
		    over ? LIMIT_COLOUR : "#3a6ea5");
		html_printf(out, tr("%s: at most %" PRIu32 " calls at once"), a, c->peak[i]);
		fputs("</title></rect>\n", out);
	}
	for (int k = 0; k <= 4 && c->nbins > 0; k++) {
		size_t i = (c->nbins - 1) * (size_t)k / 4;

		time_label(r, c->t0 + (int64_t)i * c->bin, c->bin, a, sizeof(a));
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"%s\">%s</text>\n",
		    left + i * bw + bw / 2, top + h + 16, k == 0 ? "start" : k == 4 ? "end" : "middle", a);
	}
	if (cap > 0) {
		int y = top + h - (int)lround(cap / ymax * h);

		fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"limit\"/>"
		    "<text x=\"%d\" y=\"%d\" class=\"limitlabel\" text-anchor=\"end\">", left, left + w,
		    y, y, left + w, y - 4);
		html_printf(out, r->events->capacity_from_option ? tr("capacity %d (--capacity)") :
		    tr("licensed capacity %d"), cap);
		fputs("</text>\n", out);
	}
	time_label(r, c->t0, c->bin, a, sizeof(a));
	time_label(r, c->t0 + (int64_t)c->nbins * c->bin, c->bin, b, sizeof(b));
	duration_text(c->bin, span, sizeof(span));
	if (cap > 0)
		snprintf(note, sizeof(note), tr("Peak of %" PRIu32 " concurrent calls against a "
		    "capacity of %d. Each bar is the most calls at once in its %s; times in %s, from %s "
		    "to %s."), c->peak_all, cap, span, zone, a, b);
	else
		snprintf(note, sizeof(note), tr("Peak of %" PRIu32 " concurrent calls; no capacity is "
		    "known (give a licence with channels, or --capacity). Each bar is the most calls at "
		    "once in its %s; times in %s, from %s to %s."), c->peak_all, span, zone, a, b);
	figure_end(out, note);
}

/* Campaign ids in name order (a handful: insertion sort). */
static void
sort_campaigns(uint32_t *ids, size_t n, const struct calllog *log)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(log->campaigns.str[ids[j]],
		    log->campaigns.str[ids[j - 1]]) < 0; j--) {
			uint32_t t = ids[j];

			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
}

#define MAX_BARS 20

void
chart_abandon(FILE *out, const struct report *r)
{
	const struct chart_data *c = r->events->charts;
	const struct profile *p = r->profile;
	const int left = 170, top = 10, w = 470, bh = 20;
	uint32_t ids[MAX_BARS];
	size_t n = 0, more = 0;
	double xmax = p->abandon_rate.set ? p->abandon_rate.max_percent : 0;
	char note[512];

	for (size_t id = 0; id < c->ncampaigns; id++) {
		if (c->abandon_base[id] == 0)
			continue;
		if (n == MAX_BARS) {
			more++;
			continue;
		}
		ids[n++] = (uint32_t)id;
	}
	sort_campaigns(ids, n, r->log);
	for (size_t i = 0; i < n; i++) {
		double rate = 100.0 * (double)c->abandoned[ids[i]] / (double)c->abandon_base[ids[i]];

		if (rate > xmax)
			xmax = rate;
	}
	xmax = xmax <= 0 ? 1 : xmax * 1.15;
	figure_start(out, "chart-abandon", tr("Abandoned calls per campaign"), left + w + 130,
	    top + (int)(n > 0 ? n : 1) * (bh + 6) + 30);
	for (size_t i = 0; i < n; i++) {
		uint32_t id = ids[i];
		double rate = 100.0 * (double)c->abandoned[id] / (double)c->abandon_base[id];
		bool over = p->abandon_rate.set && rate > p->abandon_rate.max_percent;
		int y = top + (int)i * (bh + 6);
		const char *name = id == 0 ? tr("(no campaign)") : r->log->campaigns.str[id];

		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">", left - 8,
		    y + bh / 2 + 4);
		html_text(out, name);
		fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\">"
		    "<title>", left, y, rate / xmax * w, bh, over ? LIMIT_COLOUR : "#3a6ea5");
		html_printf(out, tr("%s: %.2f%% (%" PRIu64 " of %" PRIu64 ")"), name, rate,
		    c->abandoned[id], c->abandon_base[id]);
		fprintf(out, "</title></rect><text x=\"%.2f\" y=\"%d\" class=\"barlabel\">",
		    left + rate / xmax * w + 6, y + bh / 2 + 4);
		html_printf(out, "%.2f%% (%" PRIu64 "/%" PRIu64 ")", rate, c->abandoned[id],
		    c->abandon_base[id]);
		fputs("</text>\n", out);
	}
	if (n == 0) {
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis\">", left, top + 14);
		html_text(out, tr("No call counts towards an abandon rate."));
		fputs("</text>\n", out);
	}
	if (p->abandon_rate.set) {
		double x = left + p->abandon_rate.max_percent / xmax * w;
		int y2 = top + (int)(n > 0 ? n : 1) * (bh + 6);

		fprintf(out, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%d\" class=\"limit\"/>"
		    "<text x=\"%.2f\" y=\"%d\" class=\"limitlabel\" text-anchor=\"middle\">", x, x, top - 4,
		    y2, x, y2 + 14);
		html_printf(out, tr("limit %g%%"), p->abandon_rate.max_percent);
		fputs("</text>\n", out);
		snprintf(note, sizeof(note), tr("Each bar is the campaign's rate over the whole log. The "
		    "limit (%g%%) applies per window, so a campaign under it overall may still break it "
		    "in one window: those windows are in the findings."), p->abandon_rate.max_percent);
	} else
		snprintf(note, sizeof(note), tr("The profile %s sets no abandon-rate limit; rates are "
		    "abandoned calls over all attempts."), p->id);
	if (more > 0) {
		size_t len = strlen(note);

		snprintf(note + len, sizeof(note) - len, tr(" %zu more campaigns are not drawn."), more);
	}
	figure_end(out, note);
}

void
chart_per_number(FILE *out, const struct report *r)
{
	const struct chart_data *c = r->events->charts;
	const int left = 56, top = 16, w = 600, h = 180;
	size_t last = 1;
	uint64_t max = 0, numbers = 0;
	double bw;
	char note[512], win[32];

	for (size_t k = 1; k < CHART_WINDOW_BINS; k++) {
		numbers += c->window_max[k];
		if (c->window_max[k] > 0)
			last = k;
		if (c->window_max[k] > max)
			max = c->window_max[k];
	}
	if (c->window_limit > 0 && (size_t)c->window_limit + 1 > last)
		last = (size_t)c->window_limit + 1 < CHART_WINDOW_BINS ? (size_t)c->window_limit + 1 :
		    CHART_WINDOW_BINS - 1;
	bw = (double)w / (double)last;
	figure_start(out, "chart-per-number", tr("Numbers by their most attempts in one window"),
	    left + w + 20, top + h + 40);
	for (size_t k = 1; k <= last; k++) {
		uint64_t n = c->window_max[k];
		double bh = max == 0 || n == 0 ? 0 : (0.08 + 0.92 * log1p((double)n) /
		    log1p((double)max)) * h;
		bool over = c->window_limit > 0 && k > (size_t)c->window_limit;
		double x = left + (double)(k - 1) * bw;
		char label[16], count[16];

		if (k == CHART_WINDOW_BINS - 1)
			snprintf(label, sizeof(label), "%zu+", k);
		else
			snprintf(label, sizeof(label), "%zu", k);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>\n",
		    x + bw / 2, top + h + 16, label);
		if (n == 0)
			continue;
		short_count(n, count, sizeof(count));
		fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
		    "<title>", x + 1, top + h - bh, bw - 2, bh, over ? LIMIT_COLOUR : "#3a6ea5");
		html_printf(out, tr("%" PRIu64 " numbers had %s attempts in their busiest window"), n,
		    label);
		fprintf(out, "</title></rect><text x=\"%.1f\" y=\"%.1f\" class=\"barlabel\" "
		    "text-anchor=\"middle\">%s</text>\n", x + bw / 2, top + h - bh - 3, count);
	}
	fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"axisline\"/>\n", left,
	    left + w, top + h, top + h);
	if (c->window_days == 1)
		snprintf(win, sizeof(win), "%s", tr("one local calendar day"));
	else if (c->window_days > 1)
		snprintf(win, sizeof(win), tr("%d consecutive local calendar days"), c->window_days);
	else
		duration_text(c->window, win, sizeof(win));
	if (c->window_limit > 0) {
		double x = left + (double)c->window_limit * bw;

		fprintf(out, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%d\" class=\"limit\"/>"
		    "<text x=\"%.2f\" y=\"%d\" class=\"limitlabel\">", x, x, top, top + h, x + 4,
		    top + 10);
		html_printf(out, tr("limit %d"), c->window_limit);
		fputs("</text>\n", out);
		snprintf(note, sizeof(note), tr("%" PRIu64 " numbers by the most attempts each had in "
		    "any window of %s (the profile's limit: %d). Bars right of the line are numbers "
		    "called more often than allowed. Heights are on a log scale."), numbers, win,
		    c->window_limit);
	} else
		snprintf(note, sizeof(note), tr("%" PRIu64 " numbers by the most attempts each had in "
		    "any window of %s; the profile sets no frequency limit. Heights are on a log "
		    "scale."), numbers, win);
	figure_end(out, note);
}

struct caller_count {
	uint32_t id;
	uint64_t n;
};

static int
cmp_caller_count(const void *x, const void *y)
{
	const struct caller_count *a = x, *b = y;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

#define TOP_CALLERS 10

void
chart_caller_ids(FILE *out, const struct report *r)
{
	const struct chart_data *c = r->events->charts;
	const int left = 170, top = 10, w = 440, bh = 20;
	struct caller_count top_ids[TOP_CALLERS + 1];
	size_t n = 0, distinct = 0;
	uint64_t total = 0, max;
	char note[256];

	/* a running top ten: the callers table may hold millions of IDs */
	for (size_t id = 0; id < c->ncallers; id++) {
		struct caller_count x = { (uint32_t)id, c->by_caller[id] };
		size_t j;

		if (x.n == 0)
			continue;
		total += x.n;
		distinct += id != 0;
		if (n == TOP_CALLERS && cmp_caller_count(&x, &top_ids[n - 1]) > 0)
			continue;
		for (j = n < TOP_CALLERS ? n++ : n - 1; j > 0 && cmp_caller_count(&x, &top_ids[j - 1]) < 0; j--)
			top_ids[j] = top_ids[j - 1];
		top_ids[j] = x;
	}
	max = n > 0 ? top_ids[0].n : 1;
	figure_start(out, "chart-caller-ids", tr("Top caller IDs by calls"), left + w + 130,
	    top + (int)(n > 0 ? n : 1) * (bh + 6) + 10);
	for (size_t i = 0; i < n; i++) {
		char shown[64];
		int y = top + (int)i * (bh + 6);
		double bw = (double)top_ids[i].n / (double)max * w;

		if (top_ids[i].id == 0)
			snprintf(shown, sizeof(shown), "%s", tr("(none)"));
		else
			phone_display(r->log->callers.str[top_ids[i].id], &r->profile->numbering,
			    r->show_numbers, shown, sizeof(shown));
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis mono\" text-anchor=\"end\">",
		    left - 8, y + bh / 2 + 4);
		html_text(out, shown);
		fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
		    "fill=\"#3a6ea5\"><title>", left, y, bw, bh);
		html_printf(out, tr("%s: %" PRIu64 " calls (%.1f%%)"), shown, top_ids[i].n,
		    100.0 * (double)top_ids[i].n / (double)total);
		fprintf(out, "</title></rect><text x=\"%.2f\" y=\"%d\" class=\"barlabel\">", left + bw + 6,
		    y + bh / 2 + 4);
		html_printf(out, "%" PRIu64 " (%.1f%%)", top_ids[i].n,
		    100.0 * (double)top_ids[i].n / (double)total);
		fputs("</text>\n", out);
	}
	if (n == 0) {
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"axis\">", left, top + 14);
		html_text(out, tr("No calls."));
		fputs("</text>\n", out);
	}
	snprintf(note, sizeof(note), r->show_numbers ? tr("%zu distinct caller IDs in %" PRIu64
	    " calls.") : tr("%zu distinct caller IDs in %" PRIu64 " calls. Numbers are masked; "
	    "--show-numbers shows them in full."), distinct, total);
	figure_end(out, note);
}
