namespace MakerMap.Data.Migrations;

/// <summary>What one <see cref="MigrationRunner.MigrateAsync(CancellationToken)"/> call did.</summary>
/// <param name="Applied">Migrations applied by this call, in order, with how long each took.</param>
/// <param name="AlreadyApplied">Number of migrations that were already recorded and unchanged.</param>
public sealed record MigrationReport(IReadOnlyList<AppliedMigration> Applied, int AlreadyApplied);

/// <summary>A migration applied by this run.</summary>
/// <param name="FileName">File name, e.g. <c>0003_places_resources.sql</c>.</param>
/// <param name="Elapsed">Time spent running its SQL.</param>
public sealed record AppliedMigration(string FileName, TimeSpan Elapsed);
