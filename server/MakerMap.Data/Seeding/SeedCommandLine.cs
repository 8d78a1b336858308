using System.Globalization;

namespace MakerMap.Data.Seeding;

/// <summary>
/// The arguments of the <c>seed</c> command, so every host parses them the same way:
/// <c>seed [--seed-dir DIR] [--sector-population FILE.csv] [--population-reference-date YYYY-MM-DD]
/// [--no-recompute-totals] [--skip-areas] [--demo-accounts]</c>.
/// </summary>
/// <param name="SeedDirectory">The seed directory, or null for the default (<c>seed-data/</c> of the checkout).</param>
/// <param name="Options">The options for <see cref="SeedLoader.LoadAsync"/>.</param>
public sealed record SeedCommandLine(string? SeedDirectory, SeedOptions Options)
{
    /// <summary>
    /// Whether to create the development demo accounts (<c>--demo-accounts</c>) after loading the seed
    /// data. Never on by default: the accounts have a published password.
    /// </summary>
    public bool DemoAccounts { get; init; }

    /// <summary>Parses the arguments that follow the command name.</summary>
    /// <exception cref="ArgumentException">An unknown option, or an option without its value.</exception>
    public static SeedCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? directory = null;
        var options = SeedOptions.Default;
        var demoAccounts = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seed-dir":
                    directory = Value(args, ref i);
                    break;
                case "--sector-population":
                    options = options with { SectorPopulationCsv = Value(args, ref i) };
                    break;
                case "--population-reference-date":
                    var text = Value(args, ref i);
                    options = options with
                    {
                        PopulationReferenceDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                            ? date
                            : throw new ArgumentException($"--population-reference-date needs a date like 2024-01-01, not '{text}'.", nameof(args)),
                    };
                    break;
                case "--no-recompute-totals":
                    options = options with { RecomputeTotals = false };
                    break;
                case "--skip-areas":
                    options = options with { LoadAreas = false };
                    break;
                case "--demo-accounts":
                    demoAccounts = true;
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown seed option '{args[i]}'. Options: --seed-dir DIR, --sector-population FILE.csv, "
                        + "--population-reference-date YYYY-MM-DD, --no-recompute-totals, --skip-areas, --demo-accounts.", nameof(args));
            }
        }
        return new SeedCommandLine(directory, options) { DemoAccounts = demoAccounts };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[++i]
            : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
}
