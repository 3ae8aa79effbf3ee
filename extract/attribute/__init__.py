"""Attributing: what each mention is about (label, pillar, measure) and whose report it is (region, date)."""
