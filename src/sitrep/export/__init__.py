"""Records out for other tools: the one flat row schema of each listing (`rows`), ACLED's layout
(`acled`) and the file formats the CLI and the API both write (`files`)."""
