using MakerMap.Data.Seeding;
using MakerMap.Data.Tests.Seeding;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Coverage;

/// <summary>A throw-away database with the repository's seed data: 47 places, Flanders' and Brussels' areas, provinces and regions.</summary>
public sealed class SeededCoverageDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedLoader.LoadAsync(DataSource, SeedLoaderTests.SeedDirectory(), SeedOptions.Default, CancellationToken.None);
    }
}
