// MakerMap benchmarks (see bench/README.md). Commands:
//   nearest  nearest-10 places through the C# data layer, N concurrent workers for a fixed time
//            (scripts/bench-data.sh compares it with pgbench running the same SQL)
//   graphql  parse + validate + execute on the engine (scripts/bench-graphql.sh compares it with graphql-js)
//   booking  requestBooking under contention against a running server, checked against the database
//            (scripts/bench-api.sh starts the server; wrk and pgbench run its nearest-10 comparison)
//   hand-written-server  the nearest-10 request answered by one ASP.NET Core endpoint without GraphQL
//            (scripts/bench-api.sh measures it between the GraphQL server and pgbench)
//   pgbench-nearest [flanders]  prints the pgbench script of the SQL the server sends for nearestPlaces(first: 10),
//            with query points in Gent (bench-api.sh) or all of Flanders (bench-data.sh)
using System.Globalization;
using MakerMap.Bench.Api;
using MakerMap.Bench.GraphQL;
using MakerMap.Bench.Nearest;

switch (args.Length > 0 ? args[0] : null)
{
    case "nearest":
        return await NearestBenchmark.RunAsync(args[1..]);
    case "booking":
        return await BookingBenchmark.RunAsync(args[1..]);
    case "hand-written-server":
        return await HandWrittenNearestServer.RunAsync(args[1..]);
    case "pgbench-nearest":
        Console.Write(NearestPgbenchScript.Build(limit: 10, args.Length > 1 && args[1] == "flanders" ? NearestPgbenchScript.Flanders : NearestPgbenchScript.Gent));
        return 0;
    case "graphql":
        await GraphQLEngineBench.RunAsync(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3);
        return 0;
    default:
        Console.Error.WriteLine("usage: MakerMap.Bench nearest --connection <npgsql connection string> "
            + "[--duration 10] [--warmup 2] [--workers 4] [--limit 10] [--synthetic-places N]");
        Console.Error.WriteLine("       MakerMap.Bench graphql [seconds per workload]");
        Console.Error.WriteLine("       MakerMap.Bench booking --url <server> --connection <npgsql connection string> "
            + "[--booking-workers 32] [--booking-requests 2000] [--slots 10] [--capacity 5]");
        Console.Error.WriteLine("       MakerMap.Bench hand-written-server --url http://127.0.0.1:5093 --connection <npgsql connection string>");
        Console.Error.WriteLine("       MakerMap.Bench pgbench-nearest [flanders]");
        return 2;
}
