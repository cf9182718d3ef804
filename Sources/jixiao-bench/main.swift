// Replaced by the benchmark runner.
print("jixiao-bench: not yet written")
