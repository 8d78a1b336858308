using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Places;

/// <summary>A migrated database with 400 pseudo-random places across Flanders (fixed seed).</summary>
public sealed class PlacesDatabase : TestDatabase
{
    public static readonly string[] Kinds = ["repair_cafe", "maker_space", "give_box", "reuse_centre", "sewing_atelier"];
    public static readonly string[] Categories = ["electro", "textile", "bicycle", "furniture", "computers", "toys"];

    public List<Guid> PlaceIds { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var random = new Random(20261123);
        for (var i = 0; i < 400; i++)
        {
            var lon = 2.55 + random.NextDouble() * (5.9 - 2.55);
            var lat = 50.68 + random.NextDouble() * (51.5 - 50.68);
            var categories = Categories.Where(_ => random.NextDouble() < 0.3).ToArray();
            PlaceIds.Add(await Data.PlaceAsync(lon, lat, Kinds[i % Kinds.Length], categories, $"Place {i:D3}"));
        }
    }
}
