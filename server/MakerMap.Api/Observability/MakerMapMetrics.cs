using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MakerMap.Api.Observability;

/// <summary>
/// The API's own instruments (BCL <see cref="Meter"/>; <see cref="ObservabilityRegistration"/> exports them):
/// booking outcomes and Quartz job runs. Every tag value comes from a closed set (contract error codes, job
/// names, success/failure), so the series stay few whatever clients send.
/// </summary>
public static class MakerMapMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "MakerMap.Api";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> BookingOutcomes = Meter.CreateCounter<long>(
        "makermap.booking.requests", unit: "{request}",
        description: "requestBooking calls by outcome: the new booking's status (confirmed, requested) or the error code (capacity_exceeded, …).");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "makermap.job.runs", unit: "{run}", description: "Quartz job runs by job and outcome (success, failure).");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram(
        "makermap.job.duration", unit: "s", description: "Quartz job run durations by job and outcome.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });

    /// <summary>Counts one requestBooking outcome (lower-case: <c>confirmed</c>, <c>capacity_exceeded</c>, …).</summary>
    public static void BookingOutcome(string outcome) =>
        BookingOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToLowerInvariant()));

    /// <summary>Records one job run.</summary>
    public static void JobRun(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "success" : "failure" } };
        JobRuns.Add(1, tags);
        JobDuration.Record(duration.TotalSeconds, tags);
    }
}
