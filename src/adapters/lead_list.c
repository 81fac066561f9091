/* lead-list: VICIdial lead files are recognised, so that a scan can say
 * where they belong; they are read by 'config --leads' (leads.c), which
 * judges them against a campaign, never as a campaign or a log. */
#include "adapters/adapter.h"
#include "leads.h"

int lead_list_sniff(const char *path, const char *head, size_t len, const struct model *m);
int lead_list_parse(const char *path, struct model *m, struct diag *d);

int
lead_list_sniff(const char *path, const char *head, size_t len, const struct model *m)
{
	(void)path;
	(void)m;
	/* the lowest score: any format that takes the file wins over this */
	return leads_sniff(head, len) ? 1 : 0;
}

int
lead_list_parse(const char *path, struct model *m, struct diag *d)
{
	(void)m;
	return diag_set(d, path, 0, "a lead list: scrub it before a campaign goes live with "
	    "'dialaudit config CAMPAIGN --leads %s'", path);
}
