using MakerMap.Data.Tiles;

namespace MakerMap.Data.Tests.Tiles;

/// <summary>The places tile cache keeps each filter apart, and one filter once whatever its spelling.</summary>
[Trait("Issue", "15")]
public sealed class PlaceTileFilterTests
{
    [Fact]
    public void Cache_key_differs_by_wheelchair_values_and_not_by_their_order()
    {
        var accessible = new PlaceTileFilter(Wheelchair: ["yes", "limited"]);

        Assert.Equal(accessible.CacheKey, new PlaceTileFilter(Wheelchair: ["limited", "yes"]).CacheKey);
        Assert.NotEqual(accessible.CacheKey, PlaceTileFilter.None.CacheKey);
        Assert.NotEqual(accessible.CacheKey, new PlaceTileFilter(Wheelchair: ["yes"]).CacheKey);
        Assert.NotEqual(accessible.CacheKey, new PlaceTileFilter(Kinds: ["yes", "limited"]).CacheKey);
    }
}
