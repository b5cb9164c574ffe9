"""English plural forms of the strings with a count (``%n``): Qt picks the form by the number, so
the English UI says "1 match" and "12 matches", not "12 match(es)". Written to ``plurals_en.ts``
by ``tools/update_translations.py``; {source: (one, other)}."""

EN = {
    "&Export %n transcripts…": ("&Export %n transcript…", "&Export %n transcripts…"),
    "The first %n segments.": ("The first segment.", "The first %n segments."),
    "Wrote %n file(s).": ("Wrote %n file.", "Wrote %n files."),
    "%n finding(s)": ("%n finding", "%n findings"),
    "(the first %n are listed)": ("(the first is listed)", "(the first %n are listed)"),
    "%n match(es)": ("%n match", "%n matches"),
    "Searching… %n match(es) so far": ("Searching… %n match so far", "Searching… %n matches so far"),
}
