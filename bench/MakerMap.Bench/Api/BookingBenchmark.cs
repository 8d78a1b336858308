using System.Globalization;
using MakerMap.Data;

namespace MakerMap.Bench.Api;

/// <summary>
/// The .NET half of issue 4's API benchmark (scripts/bench-api.sh; wrk and pgbench do the nearest-10
/// comparison): requestBooking under contention against a running server, then a check of the database.
/// </summary>
internal static class BookingBenchmark
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
            Console.Error.WriteLine("booking: --url and --connection are required");
            return 2;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var (bookingWorkers, bookingRequests, slots, capacity) = (Int("--booking-workers", 32), Int("--booking-requests", 2000), Int("--slots", 10), Int("--capacity", 5));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = bookingWorkers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };

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
