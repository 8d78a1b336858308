namespace MakerMap.Data.Migrations;

/// <summary>
/// An already-applied migration's file changed. Migrations are forward-only, so the server refuses to start.
/// </summary>
public sealed class MigrationChecksumMismatchException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/>.</summary>
    public MigrationChecksumMismatchException(string fileName, string appliedChecksum, string currentChecksum)
        : base($"Migration {fileName} was changed after it was applied (checksum {appliedChecksum} in schema_migrations, "
            + $"{currentChecksum} now). Migrations are forward-only: add a new migration instead.")
    {
        FileName = fileName;
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = currentChecksum;
    }

    /// <summary>The changed migration's file name.</summary>
    public string FileName { get; }

    /// <summary>Checksum recorded when the migration was applied.</summary>
    public string AppliedChecksum { get; }

    /// <summary>Checksum of the file as it is now.</summary>
    public string CurrentChecksum { get; }
}

/// <summary>A migration's SQL failed; its transaction was rolled back and later migrations were not run.</summary>
public sealed class MigrationFailedException : Exception
{
    /// <summary>Wraps the database error raised while applying <paramref name="fileName"/>.</summary>
    public MigrationFailedException(string fileName, Exception inner)
        : base($"Migration {fileName} failed and was rolled back: {inner.Message}", inner)
    {
        FileName = fileName;
    }

    /// <summary>The failing migration's file name.</summary>
    public string FileName { get; }
}
