"""The translator's helpers: glossary (termbase), spelling dictionary, preferred Japanese spellings."""
