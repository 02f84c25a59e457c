"""For developers: generated articles with gold facts, for scale tests and benchmarks."""
