"""Small pure functions that clean text and read Vietnamese numbers and dates."""
