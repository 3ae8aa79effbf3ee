"""The browser dashboard over the tidy table.

Plain modules hold the logic and never touch streamlit (`data`, `filters`,
`aggregate`, `charts`, `geo`, `downloads`, `uploads`, `sources`, `method`,
`names`); `ui` is the thin streamlit layer (caching, sidebar, shared widgets);
`pages/` only lay out.
"""
