using MakerMap.Data.Seeding;

namespace MakerMap.Api.Tests.Issues;

/// <summary>The real server on a database holding the repository's whole seed data, areas included.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    public MakerMapApiFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        var seedDirectory = SeedLoader.FindSeedDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("seed-data/ not found above the test binaries.");
        await SeedLoader.LoadAsync(Factory.Database.DataSource, seedDirectory, new SeedOptions(), CancellationToken.None);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}
