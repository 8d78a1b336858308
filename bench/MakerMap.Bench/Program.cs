// MakerMap benchmarks (see bench/README.md). Commands:
//   nearest  nearest-10 places through the C# data layer, N concurrent workers for a fixed time
using MakerMap.Bench.Nearest;

return args.Length > 0 && args[0] == "nearest"
    ? await NearestBenchmark.RunAsync(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: MakerMap.Bench nearest --connection <npgsql connection string> "
        + "[--duration 10] [--warmup 2] [--workers 4] [--limit 10] [--synthetic-places N]");
    return 2;
}
