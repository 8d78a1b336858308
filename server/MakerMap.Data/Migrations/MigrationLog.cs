using Microsoft.Extensions.Logging;

namespace MakerMap.Data.Migrations;

/// <summary>Source-generated log messages of the migration runner.</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {File} in {ElapsedMs} ms")]
    public static partial void Applied(ILogger logger, string file, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Migrations: {Applied} applied, {AlreadyApplied} already applied")]
    public static partial void Summary(ILogger logger, int applied, int alreadyApplied);
}
