"""Format readers: each turns one file into an extractors.model.Document; none knows plans."""
