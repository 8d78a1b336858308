namespace MakerMap.Api.Jobs;

/// <summary>Scheduled work (Quartz.NET); bound from <c>MakerMap:Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:Jobs";

    /// <summary>Run the scheduler in this process (tests and one-off admin commands switch it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cluster's name: every instance with the same name on one database shares the work.</summary>
    public string SchedulerName { get; set; } = "makermap";

    /// <summary>How often undecided booking requests are checked for expiry.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often slots are materialised from schedules.</summary>
    public TimeSpan MaterialiseInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far ahead slots and sessions are materialised.</summary>
    public TimeSpan MaterialiseHorizon { get; set; } = TimeSpan.FromDays(56);

    /// <summary>How often reminders are written to the outbox.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before a booking or session its reminder is due.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often pending outbox messages are handed to the sender.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron expression (Europe/Brussels) for the nightly coverage snapshot.</summary>
    public string CoverageCron { get; set; } = "0 30 3 * * ?";
}
