using BenchmarkDotNet.Running;
using RedditTop.Benchmarks;

// Pick benchmarks on the command line (--filter '*' runs them all); see benchmarks/README.md.
BenchmarkSwitcher.FromAssembly(typeof(ListingParseBenchmarks).Assembly).Run(args);
