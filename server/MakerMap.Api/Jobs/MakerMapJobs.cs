using MakerMap.Data.Bookings;
using MakerMap.Data.Coverage;
using MakerMap.Data.Outbox;
using MakerMap.Data.Schedules;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace MakerMap.Api.Jobs;

// Every job is idempotent (a second run, or a run on a second instance, changes nothing more) and
// [DisallowConcurrentExecution], so the clustered store never runs two of the same job at once.
// Execute only delegates to RunAsync, which tests call with a fake clock.

/// <summary>Marks booking requests nobody decided on before <c>expires_at</c> as expired, releasing their capacity.</summary>
[DisallowConcurrentExecution]
internal sealed class ExpireUndecidedBookingsJob(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<ExpireUndecidedBookingsJob> logger) : IJob
{
    public static readonly JobKey Key = new("expire-undecided-bookings", JobsRegistration.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await new BookingCommands(dataSource, timeProvider).ExpireUndecidedAsync(cancellationToken).ConfigureAwait(false);
        JobLog.Expired(logger, expired);
        return expired;
    }
}

/// <summary>Materialises slots and sessions from schedules for the coming <see cref="JobsOptions.MaterialiseHorizon"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class MaterialiseSlotsJob(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<JobsOptions> options,
    ILogger<MaterialiseSlotsJob> logger) : IJob
{
    public static readonly JobKey Key = new("materialise-slots", JobsRegistration.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    public async Task<MaterialiseReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var report = await new SlotMaterialiser(dataSource)
            .MaterialiseAsync(now, now + options.Value.MaterialiseHorizon, cancellationToken).ConfigureAwait(false);
        JobLog.Materialised(logger, report.Inserted, report.Removed, report.Reinstated, report.Occurrences, report.Schedules);
        foreach (var error in report.Errors)
        {
            JobLog.ScheduleSkipped(logger, error.ScheduleId, error.Code, error.Message);
        }
        return report;
    }
}

/// <summary>Writes reminders for bookings and sessions starting within <see cref="JobsOptions.ReminderLead"/> to the outbox.</summary>
[DisallowConcurrentExecution]
internal sealed class BookingRemindersJob(OutboxStore outbox, IOptions<JobsOptions> options, ILogger<BookingRemindersJob> logger) : IJob
{
    public static readonly JobKey Key = new("booking-reminders", JobsRegistration.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    public async Task<ReminderReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = await outbox.WriteRemindersAsync(options.Value.ReminderLead, cancellationToken).ConfigureAwait(false);
        JobLog.Reminders(logger, report.Bookings, report.Sessions);
        return report;
    }
}

/// <summary>Hands pending outbox messages to the <see cref="IMessageSender"/> and marks them sent.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxStore outbox, IMessageSender sender) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch", JobsRegistration.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    public Task<int> RunAsync(CancellationToken cancellationToken) => outbox.DispatchPendingAsync(sender.SendAsync, 100, cancellationToken);
}

/// <summary>Recomputes <c>coverage_snapshots</c> (nightly).</summary>
[DisallowConcurrentExecution]
internal sealed class RefreshCoverageSnapshotsJob(CoverageSnapshotRefresher refresher, ILogger<RefreshCoverageSnapshotsJob> logger) : IJob
{
    public static readonly JobKey Key = new("refresh-coverage-snapshots", JobsRegistration.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rows = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        JobLog.Coverage(logger, rows);
        return rows;
    }
}

internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} undecided booking requests")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Materialised {Inserted} new slots, removed {Removed} stale ones, reinstated {Reinstated} ({Occurrences} occurrences from {Schedules} schedules)")]
    public static partial void Materialised(ILogger logger, int inserted, int removed, int reinstated, int occurrences, int schedules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} skipped: {Code} {Message}")]
    public static partial void ScheduleSkipped(ILogger logger, Guid scheduleId, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Bookings} booking and {Sessions} session reminders")]
    public static partial void Reminders(ILogger logger, int bookings, int sessions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed {Rows} coverage snapshot rows")]
    public static partial void Coverage(ILogger logger, int rows);
}
