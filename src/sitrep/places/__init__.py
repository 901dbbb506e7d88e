"""Places: gazetteer, recognition and resolution of place mentions."""
