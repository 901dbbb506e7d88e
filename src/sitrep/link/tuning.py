"""The story clustering's tuned settings (chosen on ECB+ train, `bench/link.py`), apart from the code
that uses them so the command line can show them as defaults without loading it."""

NEIGHBOURS = 5  # nearest articles each article is compared through; chosen with the threshold
THRESHOLD = 0.11  # average similarity at which two groups of articles join one story
