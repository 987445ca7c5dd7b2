"""Benchmarks and load tests: run with `make bench` and `make load`, never in `make test`."""
