"""Imported once by the process pool's fork server (see `engines`), never by hand.

Importing it loads the extraction: its modules, word lists and the
lexicon (jieba's dictionary). Every worker is then forked from a warm process, so none spends its
first seconds loading, and the dictionary's memory is shared copy-on-write.
"""
from .engines import warm_up

warm_up()
