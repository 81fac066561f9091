"""The zh-CN catalog covers the report text of the sources, and nothing else.

Every tr("…") and N_("…") literal of src/ must have a catalog entry (else the
report shows that sentence in English), and every entry must still be used
(else an edited English sentence silently lost its translation). Reads the
sources only: no binary needed.
"""
import unittest

import i18n_sources


class Catalog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sources = i18n_sources.source_strings()
        cls.entries = i18n_sources.catalog("zh_cn.c")
        cls.keys = {en for en, _, _ in cls.entries}

    def test_sources_have_report_text(self):
        # the scanner finds what it should: a title, a message with PRIu64, a label
        self.assertIn("Calls outside permitted hours", self.sources)
        self.assertIn("%lu calls (%.1f%% of %lu): %s", self.sources)
        self.assertIn("      limit:  %s\n", self.sources)
        self.assertGreater(len(self.sources), 300)

    def test_every_source_string_translated(self):
        missing = {en: where for en, where in self.sources.items() if en not in self.keys}
        self.assertEqual(missing, {}, "tr()/N_() texts without a zh-CN entry (where used)")

    def test_no_stale_entries(self):
        stale = [(line, en) for en, _, line in self.entries if en not in self.sources]
        self.assertEqual(stale, [], "zh_cn.c entries (line, key) that no source uses")

    def test_no_duplicate_entries(self):
        seen, dups = set(), []
        for en, _, line in self.entries:
            if en in seen:
                dups.append((line, en))
            seen.add(en)
        self.assertEqual(dups, [])

    def test_translations_are_chinese(self):
        # an entry left English (or empty) by mistake: each has Chinese characters
        # or at least Chinese punctuation (a list separator, full-width brackets)
        def chinese(ch):
            return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" \
                or "\uff00" <= ch <= "\uffef"
        latin = [en for en, zh, _ in self.entries if not any(chinese(ch) for ch in zh)]
        self.assertEqual(latin, [])


class Scanner(unittest.TestCase):
    """The scanner itself, on text with the cases the sources have."""

    def scan(self, text):
        import os
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
            f.write(text)
        try:
            return [t for t, _ in i18n_sources.marked_literals(f.name)]
        finally:
            os.unlink(f.name)

    def test_concatenation_escapes_and_macros(self):
        got = self.scan('x = tr("a \\"q\\" %s\\n" "b\\t") ; /* tr("not this") */\n'
                        'y = tr("%" PRIu64 " of %" PRIu32);\n'
                        's = "tr(\\"nor this\\")"; z = N_("marked"); w = tr(r->title);\n'
                        '#define N_(en) (en)\n')
        self.assertEqual(got, ['a "q" %s\nb\t', "%lu of %u", "marked"])

    def test_non_literal_after_literal_is_an_error(self):
        with self.assertRaises(ValueError):
            self.scan('tr("a" + 1);')


if __name__ == "__main__":
    unittest.main()
