"""Linking articles: stories now (articles about the same seminal event); incidents and claims next.

`features.profile` turns one article (its text, and what `process.Processor` read from it) into a bag
of weighted features; `stories.cluster_stories` groups a batch of profiles into stories. Profiles are
per article and never look at the batch, so a store can keep them and later compare a new article
only with the articles it shares a block with (dates, places, actors), then cluster within blocks.

Nothing is imported here, so reading one light module (`rows`, `claims`) does not load the models.
"""
