// Placeholder entry point until the benchmarks land (see bench/README.md).
System.Console.WriteLine("MakerMap benchmarks: see bench/README.md");
