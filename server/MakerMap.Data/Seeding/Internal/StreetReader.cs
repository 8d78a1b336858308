namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Reads the street network (<see cref="SeedFiles.Streets"/>, OpenStreetMap edges split at junctions)
/// when the seed directory has one; a directory without it loads no streets and the map shows none.
/// </summary>
internal static class StreetReader
{
    public const string Source = "osm-gent-streets-2017";

    public static List<StreetRow> Read(string directory)
    {
        if (!File.Exists(Path.Combine(directory, SeedFiles.Streets)))
        {
            return [];
        }
        var streets = new List<StreetRow>(30_000);
        using var document = SeedFiles.Parse(directory, SeedFiles.Streets);
        foreach (var (p, geometry) in SeedFiles.Features(document, SeedFiles.Streets, "LineString"))
        {
            streets.Add(new StreetRow(streets.Count, p.RequiredString("highway"), p.OptionalString("name"),
                p.RequiredDouble("length_m"), p.RequiredInt64("vertex1"), p.RequiredInt64("vertex2"),
                // OpenStreetMap: oneway=yes/1/true or -1 (against the drawing direction); foot=no forbids walking
                p.OptionalString("oneway") is "yes" or "1" or "true" or "-1",
                p.OptionalString("foot") is not "no",
                geometry));
        }
        return streets;
    }
}
