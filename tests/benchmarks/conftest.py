"""Benchmarks run with `make bench`, never in `make test`: timings on a shared 2-core machine
are noisy, so each figure is a median of several runs and compared with a floor measured in
the same run."""
