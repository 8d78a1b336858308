using System.Diagnostics;
using System.Globalization;

namespace MakerMap.Bench.Api;

/// <summary>Latencies and outcome counts of one timed load run, merged from its workers.</summary>
internal sealed class LoadRun
{
    private readonly List<double> _milliseconds = [];
    private readonly Dictionary<string, long> _outcomes = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; private set; }

    public long Count => _milliseconds.Count;

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public IReadOnlyDictionary<string, long> Outcomes => _outcomes;

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="request"/> (which returns an outcome name) until the time is up or <paramref name="maxRequests"/> ran.</summary>
    public static async Task<LoadRun> RunAsync(int workers, TimeSpan duration, Func<int, Task<string>> request, long maxRequests = long.MaxValue)
    {
        var run = new LoadRun();
        long started = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var local = new List<double>();
            var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref started) <= maxRequests)
            {
                var t0 = Stopwatch.GetTimestamp();
                var outcome = await request(worker);
                local.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            return (local, outcomes);
        })).ToList();
        foreach (var (local, outcomes) in await Task.WhenAll(tasks))
        {
            run._milliseconds.AddRange(local);
            foreach (var (name, count) in outcomes)
            {
                run._outcomes[name] = run._outcomes.GetValueOrDefault(name) + count;
            }
        }
        run.Elapsed = clock.Elapsed;
        run._milliseconds.Sort();
        return run;
    }

    /// <summary>The <paramref name="p"/>-quantile latency in ms (nearest rank).</summary>
    public double Percentile(double p) => _milliseconds.Count == 0 ? double.NaN : _milliseconds[(int)Math.Min(_milliseconds.Count - 1, Math.Ceiling(p * _milliseconds.Count) - 1)];

    public string Summary(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {PerSecond:F1} req/s, p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms ({Count} requests, {Elapsed.TotalSeconds:F1} s)");
}
