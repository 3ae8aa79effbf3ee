"""Running: the per-document function over a corpus (serially, on a pool, on Dask) and writing the table."""
