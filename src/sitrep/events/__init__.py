"""Events: reading ACLED-style event fields (date, fatalities, ...) from the sentences of an article."""
