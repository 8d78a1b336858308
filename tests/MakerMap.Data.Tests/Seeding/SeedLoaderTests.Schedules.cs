using MakerMap.Data.Schedules;
using MakerMap.Data.Seeding;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Seeding;

public sealed partial class SeedLoaderTests
{
    [Fact]
    public async Task LoadAsync_seeded_schedules_materialise_into_slots_without_errors_or_overlaps()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), new SeedOptions { LoadAreas = false }, CancellationToken.None);

            // January to March 2027: every seeded RRULE must parse, and no two availability windows of one resource
            // may overlap (the slots' exclusion constraint would silently skip the second one).
            var report = await new SlotMaterialiser(db.DataSource).MaterialiseAsync(
                new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), CancellationToken.None);

            Assert.Empty(report.Errors);
            Assert.Equal(23, report.Schedules);
            Assert.True(report.Occurrences > 0);
            Assert.Equal(report.Occurrences, report.Inserted);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
