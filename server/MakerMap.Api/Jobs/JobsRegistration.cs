using MakerMap.Api.Hosting;
using MakerMap.Api.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace MakerMap.Api.Jobs;

/// <summary>
/// Registers Quartz.NET with a clustered persistent store in MakerMap's own PostgreSQL (tables
/// <c>qrtz_*</c>, migration 0008) and the scheduled jobs. Several server instances on one database
/// form one cluster: each firing runs on exactly one of them.
/// </summary>
public static class JobsRegistration
{
    /// <summary>The Quartz job and trigger group of MakerMap's jobs.</summary>
    public const string Group = "makermap";

    /// <summary>Adds the jobs and, unless <c>MakerMap:Jobs:Enabled</c> is false, the scheduler and its hosted service.</summary>
    public static WebApplicationBuilder AddMakerMapJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(JobsOptions.Section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddOptions<JobsOptions>().Bind(section);
        // outbox e-mails: by SMTP when MakerMap:Smtp:Enabled, else written to the log
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section);
        builder.Services.AddOptions<SmtpOptions>().Bind(smtp);
        if (smtp.Get<SmtpOptions>()?.Enabled == true)
        {
            builder.Services.TryAddSingleton<IMessageSender, SmtpMessageSender>();
        }
        builder.Services.TryAddSingleton<IMessageSender, LoggingMessageSender>();
        builder.Services.AddMakerMapData();
        if (!options.Enabled)
        {
            return builder;
        }

        var connectionString = builder.Configuration.GetConnectionString("MakerMap") ?? DatabaseOptions.DefaultConnectionString;
        builder.Services.AddQuartz(quartz =>
        {
            UseClusteredStore(quartz, connectionString, options.SchedulerName, instanceId: null);
            AddSchedules(quartz, options);
            quartz.AddJobListener<JobRunMetrics>(GroupMatcher<JobKey>.GroupEquals(Group));
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>
    /// The persistent, clustered store: PostgreSQL through Npgsql, System.Text.Json job data, row locks
    /// in <c>qrtz_locks</c>. A null <paramref name="instanceId"/> lets Quartz generate one per process.
    /// </summary>
    internal static void UseClusteredStore(IQuartzBuilder quartz, string connectionString, string schedulerName, string? instanceId)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = schedulerName;
            if (instanceId is null)
            {
                scheduler.GenerateInstanceId = true;
            }
            else
            {
                scheduler.InstanceId = instanceId;
            }
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(source => source.ConnectionString = connectionString);
            // the tables come from schema/migrations (0008), which Quartz validates at start-up
            store.ConfigureStore(ado => ado.TablePrefix = "qrtz_");
            store.UseSystemTextJsonSerializer();
            store.UseClustering();
        });
    }

    private static void AddSchedules(IQuartzBuilder quartz, JobsOptions options)
    {
        Every<ExpireUndecidedBookingsJob>(quartz, ExpireUndecidedBookingsJob.Key, options.ExpiryInterval);
        Every<MaterialiseSlotsJob>(quartz, MaterialiseSlotsJob.Key, options.MaterialiseInterval);
        Every<BookingRemindersJob>(quartz, BookingRemindersJob.Key, options.ReminderInterval);
        Every<OutboxDispatchJob>(quartz, OutboxDispatchJob.Key, options.DispatchInterval);
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        quartz.ScheduleJob<RefreshCoverageSnapshotsJob>(
            trigger => trigger.WithIdentity(RefreshCoverageSnapshotsJob.Key.Name, Group)
                .WithCronSchedule(options.CoverageCron, cron => cron.InTimeZone(brussels)),
            job => job.WithIdentity(RefreshCoverageSnapshotsJob.Key));
    }

    private static void Every<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval)
        where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, Group).StartNow().WithSimpleSchedule(interval, null),
            job => job.WithIdentity(key));
}
