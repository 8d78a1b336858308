// MakerMap benchmarks (see bench/README.md). Commands:
//   nearest  nearest-10 places through the C# data layer, N concurrent workers for a fixed time
//            (scripts/bench-data.sh compares it with pgbench running the same SQL)
//   graphql  parse + validate + execute on the engine (scripts/bench-graphql.sh compares it with graphql-js)
//   api      nearest-10 through GraphQL over HTTP and requestBooking under contention against a running
//            server (scripts/bench-api.sh starts one and compares with pgbench)
using System.Globalization;
using MakerMap.Bench.Api;
using MakerMap.Bench.GraphQL;
using MakerMap.Bench.Nearest;

switch (args.Length > 0 ? args[0] : null)
{
    case "nearest":
        return await NearestBenchmark.RunAsync(args[1..]);
    case "api":
        return await ApiBenchmark.RunAsync(args[1..]);
    case "graphql":
        await GraphQLEngineBench.RunAsync(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3);
        return 0;
    default:
        Console.Error.WriteLine("usage: MakerMap.Bench nearest --connection <npgsql connection string> "
            + "[--duration 10] [--warmup 2] [--workers 4] [--limit 10] [--synthetic-places N]");
        Console.Error.WriteLine("       MakerMap.Bench graphql [seconds per workload]");
        Console.Error.WriteLine("       MakerMap.Bench api --url <server> --connection <npgsql connection string> [--duration 10] [--warmup 3] "
            + "[--workers 4] [--booking-workers 32] [--booking-requests 2000] [--slots 10] [--capacity 5]");
        return 2;
}
