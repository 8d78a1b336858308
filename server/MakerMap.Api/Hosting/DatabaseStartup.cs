using MakerMap.Api.Options;
using MakerMap.Data.Migrations;
using Npgsql;

namespace MakerMap.Api.Hosting;

/// <summary>Brings the database schema up to date before the server accepts requests.</summary>
internal static partial class DatabaseStartup
{
    /// <summary>
    /// Migrates when enabled. Returns false (after logging why, without a stack trace) when start-up
    /// must stop: a changed migration, a failing migration or an unreachable database.
    /// </summary>
    public static async Task<bool> TryMigrateAsync(WebApplication app, bool force, CancellationToken cancellationToken)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (!force && !options.MigrateOnStartup)
        {
            return true;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MakerMap.Startup");
        try
        {
            var report = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            LogMigrated(logger, report.Applied.Count, report.AlreadyApplied);
            return true;
        }
        catch (MigrationChecksumMismatchException e)
        {
            LogStartupStopped(logger, e.Message);
        }
        catch (MigrationFailedException e)
        {
            LogStartupStopped(logger, e.Message);
        }
        catch (NpgsqlException e)
        {
            LogDatabaseUnreachable(logger, e.Message);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Applied} applied now, {AlreadyApplied} already applied")]
    private static partial void LogMigrated(ILogger logger, int applied, int alreadyApplied);

    [LoggerMessage(Level = LogLevel.Critical, Message = "MakerMap cannot start: the database cannot be reached ({Reason}). Is PostgreSQL running? scripts/run.sh starts it.")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "MakerMap cannot start: {Reason}")]
    private static partial void LogStartupStopped(ILogger logger, string reason);
}
