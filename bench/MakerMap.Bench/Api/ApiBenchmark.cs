using System.Globalization;
using MakerMap.Data;

namespace MakerMap.Bench.Api;

/// <summary>
/// Issue 4's API benchmark against a running server (scripts/bench-api.sh starts one): nearest-10
/// through GraphQL over HTTP, then requestBooking under contention. Prints a summary per part and
/// <c>graphql_qps=</c>, <c>graphql_p50_ms=</c>, <c>graphql_p99_ms=</c> for the script, which runs
/// the same SQL through pgbench and prints the ratio.
/// </summary>
internal static class ApiBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        if (!values.TryGetValue("--url", out var url) || !values.TryGetValue("--connection", out var connection))
        {
            Console.Error.WriteLine("api: --url and --connection are required");
            return 2;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var (duration, warmup, workers) = (Int("--duration", 10), Int("--warmup", 3), Int("--workers", 4));
        var (bookingWorkers, bookingRequests, slots, capacity) = (Int("--booking-workers", 32), Int("--booking-requests", 2000), Int("--slots", 10), Int("--capacity", 5));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(workers, bookingWorkers), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var nearest = NearestOverHttp.Request(http, workers);
        await LoadRun.RunAsync(workers, TimeSpan.FromSeconds(warmup), nearest);
        var run = await LoadRun.RunAsync(workers, TimeSpan.FromSeconds(duration), nearest);
        Console.WriteLine(run.Summary($"GraphQL nearestPlaces(first: 10) over HTTP, {workers} clients"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graphql_qps={run.PerSecond:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graphql_p50_ms={run.Percentile(0.50):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graphql_p99_ms={run.Percentile(0.99):F2}"));

        var floor = await LoadRun.RunAsync(workers, TimeSpan.FromSeconds(duration), NearestOverHttp.TransportFloor(http));
        Console.WriteLine(floor.Summary($"GraphQL {{ __typename }} over HTTP (no database: the transport's ceiling), {workers} clients"));

        await using var dataSource = MakerMapDataSource.Create(connection, applicationName: "makermap-bench");
        var contention = new BookingContention(dataSource, http, slots, capacity);
        await contention.SetUpAsync();
        try
        {
            var booking = await LoadRun.RunAsync(bookingWorkers, TimeSpan.FromMinutes(5), contention.Request(bookingWorkers), bookingRequests);
            var (units, overbooked) = await contention.CheckAsync();
            Console.WriteLine(booking.Summary($"requestBooking, {bookingWorkers} clients on {slots} slots × {capacity} units"));
            Console.WriteLine("  outcomes: " + string.Join(", ", booking.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
            var booked = booking.Outcomes.GetValueOrDefault("booked");
            var ok = overbooked == 0 && units == booked && booked <= (long)slots * capacity;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  check: {units} units held in the database, {booked} successes, capacity {slots * capacity}, overbooked slots {overbooked}: {(ok ? "OK" : "FAILED")}"));
            return ok ? 0 : 1;
        }
        finally
        {
            await contention.CleanUpAsync();
        }
    }
}
