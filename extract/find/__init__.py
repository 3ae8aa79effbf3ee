"""Finding: numerals, indicators, programme bundles and formulas in a text."""
