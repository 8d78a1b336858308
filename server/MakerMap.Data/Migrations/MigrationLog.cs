using Microsoft.Extensions.Logging;

namespace MakerMap.Data.Migrations;

/// <summary>Source-generated log messages of the migration runner.</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {File} in {ElapsedMs} ms")]
    public static partial void Applied(ILogger logger, string file, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Migrations: {Applied} applied, {AlreadyApplied} already applied")]
    public static partial void Summary(ILogger logger, int applied, int alreadyApplied);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Could not release the migration lock ({Reason}); closing its connection instead")]
    public static partial void UnlockFailed(ILogger logger, string reason);
}
