"""sitrep: raw conflict news in; a sourced, deduplicated record out."""
