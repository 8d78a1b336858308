using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Accounts;
using MakerMap.Data.Seeding;
using Npgsql;

namespace MakerMap.Api.Hosting;

/// <summary>A one-off command given on the command line instead of serving HTTP.</summary>
/// <param name="Verb"><c>migrate</c> or <c>seed</c>.</param>
/// <param name="Seed">For <c>seed</c>: the seed directory and loader options.</param>
internal sealed record AdminCommand(string Verb, SeedCommandLine Seed);

/// <summary>
/// <c>MakerMap.Api migrate</c> applies pending migrations; <c>MakerMap.Api seed [--seed-dir DIR]
/// [--sector-population OPENDATA_SECTOREN_2024.csv] [--demo-accounts]</c> migrates and loads the seed
/// data (idempotent), and with <c>--demo-accounts</c> also the development accounts of <see cref="DemoAccounts"/>.
/// </summary>
internal static partial class AdminCommands
{
    /// <summary>Whether the arguments name an admin command (so they are not host configuration).</summary>
    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed";

    public static bool TryParse(string[] args, out AdminCommand? command, out string? error)
    {
        command = null;
        error = null;
        if (!IsAdminCommand(args))
        {
            return false;
        }
        try
        {
            command = new AdminCommand(args[0], SeedCommandLine.Parse(args[1..]));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        return true;
    }

    /// <summary>Reports a malformed admin command on standard error; exit code 2, as for any usage error.</summary>
    public static int PrintUsage(string? error)
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine("usage: MakerMap.Api migrate | seed [--seed-dir DIR] [--sector-population FILE.csv] [--population-reference-date YYYY-MM-DD] [--demo-accounts]");
        return 2;
    }

    public static async Task<int> RunAsync(WebApplication app, AdminCommand command, CancellationToken cancellationToken)
    {
        if (!await DatabaseStartup.TryMigrateAsync(app, force: true, cancellationToken))
        {
            return 1;
        }
        if (command.Verb == "migrate")
        {
            return 0;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MakerMap.Seed");
        var directory = command.Seed.SeedDirectory
            ?? SeedLoader.FindSeedDirectory(Directory.GetCurrentDirectory())
            ?? SeedLoader.FindSeedDirectory(AppContext.BaseDirectory);
        if (directory is null)
        {
            LogSeedFailed(logger, "no seed-data folder found; pass --seed-dir");
            return 1;
        }
        try
        {
            var report = await SeedLoader.LoadAsync(
                app.Services.GetRequiredService<NpgsqlDataSource>(), directory, command.Seed.Options, cancellationToken);
            LogSeeded(logger, report);
            if (command.Seed.DemoAccounts)
            {
                var written = await DemoAccounts.EnsureAsync(
                    new SeededAccounts(app.Services.GetRequiredService<NpgsqlDataSource>()),
                    app.Services.GetRequiredService<PasswordHasher>(), cancellationToken);
                LogDemoAccounts(logger, DemoAccounts.All.Count, written);
            }
            return 0;
        }
        catch (Exception e) when (e is SeedFileException or DataValidationException)
        {
            LogSeedFailed(logger, e.Message);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed data loaded: {Report}")]
    private static partial void LogSeeded(ILogger logger, SeedReport report);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts (development only) in place: {Count}, rows written: {Written}")]
    private static partial void LogDemoAccounts(ILogger logger, int count, int written);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Seed data not loaded: {Reason}")]
    private static partial void LogSeedFailed(ILogger logger, string reason);
}
