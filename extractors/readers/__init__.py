"""Format readers: each turns one file into a pipeline.model.Document and knows nothing of plans."""
