using Dapper;
using MakerMap.Api.Jobs;
using MakerMap.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace MakerMap.Api.Tests.Jobs;

/// <summary>Two schedulers (two "server instances") on one database share the clustered store.</summary>
[Trait("Category", "Db")]
public sealed class ClusteredSchedulerTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const int Firings = 12;

    /// <summary>Records each execution: which trigger fired on which instance.</summary>
    [DisallowConcurrentExecution]
    internal sealed class RecordingJob(NpgsqlDataSource dataSource) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(
                "INSERT INTO test_job_runs (trigger_name, instance_id) VALUES (@trigger, @instance)",
                new { trigger = context.Trigger.Key.Name, instance = context.Scheduler.SchedulerInstanceId });
            // hold the firing a moment so the other instance has every chance to (wrongly) take it too
            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<(ServiceProvider Services, IScheduler Scheduler)> StartInstanceAsync(string instanceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(db.DataSource);
        services.AddQuartz(quartz => JobsRegistration.UseClusteredStore(quartz, db.ConnectionString, "makermap-test", instanceId));
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return (provider, scheduler);
    }

    [Fact]
    public async Task Two_instances_on_one_database_run_each_firing_exactly_once()
    {
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE test_job_runs (trigger_name text NOT NULL, instance_id text NOT NULL, ran_at timestamptz NOT NULL DEFAULT now())");
        }
        var (servicesA, a) = await StartInstanceAsync("node-a");
        var (servicesB, b) = await StartInstanceAsync("node-b");
        try
        {
            var job = JobBuilder.Create<RecordingJob>().WithIdentity("recording", "test").StoreDurably().Build();
            await a.AddJob(job, new AddJobOptions(), CancellationToken.None);
            var at = DateTimeOffset.UtcNow.AddSeconds(3);
            for (var i = 0; i < Firings; i++)
            {
                var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity($"once-{i}", "test").ForJob(job.Key).StartAt(at).Build();
                await (i % 2 == 0 ? a : b).ScheduleJob(trigger, new ScheduleJobOptions(), CancellationToken.None);
            }

            await Task.WhenAll(a.Start(CancellationToken.None).AsTask(), b.Start(CancellationToken.None).AsTask());
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await db.Data.CountAsync("SELECT count(*) FROM test_job_runs") < Firings)
            {
                await Task.Delay(250);
            }
            // give a wrongly duplicated firing time to show up
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Equal(Firings, await db.Data.CountAsync("SELECT count(*) FROM test_job_runs"));
            Assert.Equal(Firings, await db.Data.CountAsync("SELECT count(DISTINCT trigger_name) FROM test_job_runs"));
            Assert.Equal(2, await db.Data.CountAsync("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'makermap-test'"));
        }
        finally
        {
            await Task.WhenAll(a.Shutdown(true, CancellationToken.None).AsTask(), b.Shutdown(true, CancellationToken.None).AsTask());
            await servicesA.DisposeAsync();
            await servicesB.DisposeAsync();
        }
    }
}
