"""Reading inputs into articles: readers, decoding, cleaning, dates, deduplication.

The size limit lives here, apart from the readers, so the command line shows it without loading them."""

DEFAULT_MAX_BYTES = 20_000_000  # a larger file, JSONL line or WARC record is skipped (E106)
