using System.Diagnostics;
using System.Globalization;
using MakerMap.Data;
using MakerMap.Data.Migrations;
using MakerMap.Data.Graph;
using MakerMap.Data.Places;
using Npgsql;

namespace MakerMap.Bench.Nearest;

/// <summary>
/// Nearest-N places through the data layer the server runs (<see cref="GraphRowQueries.NearestPlacesAsync"/>,
/// Place rows as the GraphQL layer reads them) from random points in Flanders (the same box as the
/// pgbench script that scripts/bench-data.sh prints with <c>pgbench-nearest flanders</c>), with a number
/// of concurrent workers for a fixed time. Prints the throughput as <c>csharp_qps=...</c>.
/// </summary>
internal static class NearestBenchmark
{
    // Flanders' bounding box, shared with the pgbench script
    public const double West = 2.55, East = 5.90, South = 50.68, North = 51.50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }
        await using var dataSource = MakerMapDataSource.Create(options.ConnectionString, applicationName: "makermap-bench");
        if (options.SyntheticPlaces > 0)
        {
            await SyntheticPlaces.EnsureAsync(dataSource, options.SyntheticPlaces);
        }
        var places = new GraphRowQueries(dataSource);

        await RunWorkersAsync(places, options, TimeSpan.FromSeconds(options.WarmupSeconds));
        var stopwatch = Stopwatch.StartNew();
        var count = await RunWorkersAsync(places, options, TimeSpan.FromSeconds(options.DurationSeconds));
        stopwatch.Stop();

        var qps = count / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"C# data layer: {qps:F1} q/s ({count} queries, {options.Workers} workers, {stopwatch.Elapsed.TotalSeconds:F1} s, limit {options.Limit})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csharp_qps={qps:F1}"));
        return 0;
    }

    private static async Task<long> RunWorkersAsync(GraphRowQueries places, Options options, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, options.Workers).Select(i => Task.Run(async () =>
        {
            var random = new Random(i);
            long done = 0;
            while (!stop.IsCancellationRequested)
            {
                var query = new NearestPlacesQuery
                {
                    Longitude = West + random.NextDouble() * (East - West),
                    Latitude = South + random.NextDouble() * (North - South),
                    Limit = options.Limit,
                };
                // The stop token is not passed on: a query cut off halfway would not count anyway.
                var found = await places.NearestPlacesAsync(query, NewRow, CancellationToken.None);
                if (found.Count == 0)
                {
                    throw new InvalidOperationException("No places in the database: seed it or pass --synthetic-places N.");
                }
                done++;
            }
            return done;
        }));
        return (await Task.WhenAll(workers)).Sum();
    }

    // the rows the server's GraphQL layer reads: one dictionary per place, sized for its columns
    private static Dictionary<string, object?> NewRow() => new(32, StringComparer.Ordinal);

    private sealed record Options(string ConnectionString, int DurationSeconds, int WarmupSeconds, int Workers, int Limit, int SyntheticPlaces)
    {
        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i]] = args[i + 1];
            }
            if (!values.TryGetValue("--connection", out var connection))
            {
                Console.Error.WriteLine("nearest: --connection is required");
                return null;
            }
            int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(connection, Int("--duration", 10), Int("--warmup", 2), Int("--workers", 4), Int("--limit", 10),
                Int("--synthetic-places", 0));
        }
    }

    /// <summary>For a database without seed data: migrate and add random places until there are N.</summary>
    private static class SyntheticPlaces
    {
        public static async Task EnsureAsync(NpgsqlDataSource dataSource, int count)
        {
            await new MigrationRunner(dataSource).MigrateAsync(CancellationToken.None);
            await using var command = dataSource.CreateCommand(
                """
                INSERT INTO data_sources (code, title, licence, attribution)
                VALUES ('bench-synthetic', 'Synthetic benchmark places', 'CC0-1.0', 'MakerMap bench')
                ON CONFLICT (code) DO NOTHING;
                INSERT INTO places (slug, name, kind, categories, location, source_code)
                SELECT 'bench-' || g, 'Bench place ' || g,
                       (ARRAY['repair_cafe', 'maker_space', 'give_box', 'reuse_centre'])[1 + g % 4],
                       CASE g % 4 WHEN 0 THEN '{electro}'::text[] WHEN 1 THEN '{textile,toys}' WHEN 2 THEN '{bicycle}' ELSE '{}' END,
                       ST_SetSRID(ST_MakePoint(@west + random() * (@east - @west), @south + random() * (@north - @south)), 4326),
                       'bench-synthetic'
                  FROM generate_series(1, greatest(0, @count - (SELECT count(*) FROM places))) AS g
                ON CONFLICT (slug) DO NOTHING;
                ANALYZE places;
                """);
            command.Parameters.AddWithValue("west", West);
            command.Parameters.AddWithValue("east", East);
            command.Parameters.AddWithValue("south", South);
            command.Parameters.AddWithValue("north", North);
            command.Parameters.AddWithValue("count", (long)count);
            await command.ExecuteNonQueryAsync();
        }
    }
}
