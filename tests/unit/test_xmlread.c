/* The XML reader: the tree, line numbers, and hostile documents refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xmlread.h"

static int
parse(const char *text, struct xml_doc *doc, struct diag *d)
{
	memset(d, 0, sizeof(*d));
	return xml_parse("t.xml", text, strlen(text), doc, d);
}

static void
tree_and_lines(void **state)
{
	struct xml_doc doc;
	struct diag d;
	struct xml_node *s, *p;
	const char *text =
	    "<?xml version=\"1.0\"?>\n"
	    "<configuration name=\"switch.conf\">\n"
	    "  <!-- a comment -->\n"
	    "  <settings>\n"
	    "    <param name=\"max-sessions\" value=\"30\"/>\n"
	    "    <param name=\"sessions-per-second\"\n"
	    "           value=\"5&amp;6\"/>\n"
	    "  </settings>\n"
	    "  <t>a &lt;b&gt;<x/>c</t>\n"
	    "</configuration>\n";

	(void)state;
	assert_int_equal(parse(text, &doc, &d), 0);
	assert_string_equal(doc.root->name, "configuration");
	assert_int_equal(doc.root->line, 2);
	assert_string_equal(xml_attr(doc.root, "name"), "switch.conf");
	assert_null(xml_attr(doc.root, "nope"));
	s = xml_child(doc.root, "settings");
	assert_non_null(s);
	assert_int_equal(s->line, 4);
	p = xml_child(s, "param");
	assert_int_equal(p->line, 5);
	assert_string_equal(xml_attr(p, "value"), "30");
	p = xml_next(p, "param");
	assert_int_equal(p->line, 6);
	assert_string_equal(xml_attr(p, "value"), "5&6");
	assert_null(xml_next(p, "param"));
	/* text directly inside, joined around the child element */
	assert_string_equal(xml_child(doc.root, "t")->text, "a <b>c");
	assert_int_equal(xml_child(doc.root, "t")->text_len, 6);
	assert_null(xml_child(doc.root, "missing"));
	assert_null(xml_child(NULL, "x"));
	xml_free(&doc);
}

static void
malformed_at_its_line(void **state)
{
	struct xml_doc doc;
	struct diag d;

	(void)state;
	assert_int_equal(parse("<a>\n<b>\n</a>\n", &doc, &d), -1);
	assert_string_equal(d.file, "t.xml");
	assert_int_equal(d.line, 3);
	assert_non_null(strstr(d.message, "not well-formed XML"));
	assert_null(doc.root);
	assert_int_equal(parse("", &doc, &d), -1);
	assert_int_equal(parse("<a>\n", &doc, &d), -1);
	/* an undeclared entity is an error, never expanded */
	assert_int_equal(parse("<a>\n&foo;</a>", &doc, &d), -1);
	assert_int_equal(d.line, 2);
}

static void
billion_laughs_refused(void **state)
{
	struct xml_doc doc;
	struct diag d;
	const char *lol =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE lolz [\n"
	    " <!ENTITY lol \"lol\">\n"
	    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    "]>\n"
	    "<lolz>&lol2;</lolz>\n";
	const char *xxe =
	    "<!DOCTYPE a [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<a>&x;</a>\n";

	(void)state;
	assert_int_equal(parse(lol, &doc, &d), -1);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.message, "<!DOCTYPE>"));
	assert_int_equal(parse(xxe, &doc, &d), -1);
	assert_non_null(strstr(d.message, "<!DOCTYPE>"));
	assert_int_equal(parse("<!DOCTYPE a SYSTEM \"x.dtd\">\n<a/>", &doc, &d), -1);
}

static void
caps(void **state)
{
	struct xml_doc doc;
	struct diag d;
	char *deep = malloc(20 * (XML_MAX_DEPTH + 2)), *p = deep;
	char *attrs = malloc(16 * (XML_MAX_ATTRS + 2)), *q;

	(void)state;
	/* exactly the cap nests; one more does not */
	for (int i = 0; i < XML_MAX_DEPTH; i++)
		p += sprintf(p, "<a>");
	for (int i = 0; i < XML_MAX_DEPTH; i++)
		p += sprintf(p, "</a>");
	assert_int_equal(parse(deep, &doc, &d), 0);
	xml_free(&doc);
	p = deep;
	for (int i = 0; i <= XML_MAX_DEPTH; i++)
		p += sprintf(p, "<a>");
	for (int i = 0; i <= XML_MAX_DEPTH; i++)
		p += sprintf(p, "</a>");
	assert_int_equal(parse(deep, &doc, &d), -1);
	assert_non_null(strstr(d.message, "nested too deep"));
	q = attrs + sprintf(attrs, "<a");
	for (int i = 0; i <= XML_MAX_ATTRS; i++)
		q += sprintf(q, " a%d=\"\"", i);
	sprintf(q, "/>");
	assert_int_equal(parse(attrs, &doc, &d), -1);
	assert_non_null(strstr(d.message, "too many attributes"));
	assert_int_equal(xml_parse("t.xml", "<a/>", (size_t)XML_MAX_BYTES + 1, &doc, &d), -1);
	assert_non_null(strstr(d.message, "larger than"));
	free(deep);
	free(attrs);
}

static void
gbk_read_as_bytes(void **state)
{
	struct xml_doc doc;
	struct diag d;
	/* "最大" in GBK is D7 EE B4 F3: not UTF-8 */
	const char *comment = "<configuration name=\"switch.conf\">\n<!-- \xD7\xEE\xB4\xF3 -->\n"
	    "<settings><param name=\"max-sessions\" value=\"30\"/></settings>\n"
	    "<t n=\"\xD7\xEE\">a\xB4\xF3" "b</t></configuration>\n";
	const char *declared = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<a>\n<b v=\"\xD7\xEE\"/></a>\n";

	(void)state;
	assert_int_equal(parse(comment, &doc, &d), 0);
	assert_string_equal(xml_attr(xml_child(xml_child(doc.root, "settings"), "param"), "value"),
	    "30");
	assert_int_equal(xml_child(xml_child(doc.root, "settings"), "param")->line, 3);
	/* the strings keep the file's bytes */
	assert_string_equal(xml_attr(xml_child(doc.root, "t"), "n"), "\xD7\xEE");
	assert_string_equal(xml_child(doc.root, "t")->text, "a\xB4\xF3" "b");
	assert_int_equal(xml_child(doc.root, "t")->text_len, 4);
	xml_free(&doc);
	assert_int_equal(parse(declared, &doc, &d), 0);
	assert_string_equal(xml_attr(xml_child(doc.root, "b"), "v"), "\xD7\xEE");
	assert_int_equal(xml_child(doc.root, "b")->line, 3);
	xml_free(&doc);
	/* UTF-8 stays UTF-8, and a real syntax error is not retried away */
	assert_int_equal(parse("<a v=\"\xE6\x9C\x80\"/>", &doc, &d), 0);
	assert_string_equal(xml_attr(doc.root, "v"), "\xE6\x9C\x80");
	xml_free(&doc);
	assert_int_equal(parse("<a>\xD7\xEE<</a>", &doc, &d), -1);
	assert_int_equal(parse("<!DOCTYPE a>\n<a>\xD7</a>", &doc, &d), -1);
	assert_non_null(strstr(d.message, "DOCTYPE"));
}

static void
load_file(void **state)
{
	struct xml_doc doc;
	struct diag d;
	char path[] = "/tmp/dialaudit-xml-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("<configuration name=\"x\">\n  <settings/>\n</configuration>\n", f);
	fclose(f);
	assert_int_equal(xml_load(path, &doc, &d), 0);
	assert_int_equal(xml_child(doc.root, "settings")->line, 2);
	xml_free(&doc);
	unlink(path);
	assert_int_equal(xml_load(path, &doc, &d), -1);
	assert_non_null(strstr(d.message, "cannot open"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tree_and_lines),
		cmocka_unit_test(malformed_at_its_line),
		cmocka_unit_test(billion_laughs_refused),
		cmocka_unit_test(caps),
		cmocka_unit_test(gbk_read_as_bytes),
		cmocka_unit_test(load_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
