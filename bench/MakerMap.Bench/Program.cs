// Entry point of the benchmarks (see bench/README.md). `graphql [seconds]` runs the engine benchmark that
// scripts/bench-graphql.sh compares with graphql-js.
using System.Globalization;
using MakerMap.Bench.GraphQL;

if (args.Length > 0 && args[0] == "graphql")
{
    await GraphQLEngineBench.RunAsync(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3);
    return;
}

Console.WriteLine("MakerMap benchmarks: `graphql [seconds]` (scripts/bench-graphql.sh); see bench/README.md");
