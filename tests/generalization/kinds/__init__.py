"""One module per kind of plan; each writes the blocks and the gold of one plan."""
