namespace MakerMap.Api.Options;

/// <summary>Where MakerMap's PostgreSQL lives; bound from <c>ConnectionStrings:MakerMap</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Used when nothing is configured: the cluster that <c>scripts/run.sh</c> starts.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5433;Username=postgres;Database=makermap";

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>Apply pending migrations at start-up (on by default; the <c>migrate</c> command does it too).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
