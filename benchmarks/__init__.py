"""Performance targets, each measured beside its baseline in the same run: ``python -m benchmarks``."""
