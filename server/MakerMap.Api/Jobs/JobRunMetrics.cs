using MakerMap.Api.Observability;
using Quartz;

namespace MakerMap.Api.Jobs;

/// <summary>
/// Counts and times every run of MakerMap's jobs (<see cref="MakerMapMetrics"/>) from Quartz's listener, so no job
/// body carries metrics code. A run that threw is a failure; Quartz measured its <c>JobRunTime</c>.
/// </summary>
internal sealed class JobRunMetrics : IJobListener
{
    public string Name => "makermap-job-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        MakerMapMetrics.JobRun(context.JobDetail.Key.Name, jobException is null, context.JobRunTime);
        return ValueTask.CompletedTask;
    }
}
