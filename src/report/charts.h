/* The HTML report's charts: inline SVG drawn from the event pass's tallies. */
#ifndef DIALAUDIT_REPORT_CHARTS_H
#define DIALAUDIT_REPORT_CHARTS_H

#include <stdio.h>

struct report;

/* Each writes one <figure> (SVG and caption); r->events->charts must be set. */
void chart_heatmap(FILE *out, const struct report *r);
void chart_concurrency(FILE *out, const struct report *r);
void chart_abandon(FILE *out, const struct report *r);
void chart_per_number(FILE *out, const struct report *r);
void chart_caller_ids(FILE *out, const struct report *r);

#endif
