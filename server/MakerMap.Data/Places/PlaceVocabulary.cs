namespace MakerMap.Data.Places;

/// <summary>The values the <c>places.kind</c>, <c>places.categories</c> and <c>places.wheelchair</c> CHECK constraints allow (0003).</summary>
public static class PlaceVocabulary
{
    /// <summary>Place kinds.</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "maker_space", "repair_cafe", "repair_shop", "give_box", "sewing_atelier",
        "reuse_centre", "tool_library", "bicycle_workshop", "other",
    };

    /// <summary>Repair categories.</summary>
    public static IReadOnlySet<string> Categories { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "electro", "textile", "bicycle", "furniture", "computers", "toys",
        "jewellery", "ceramics", "books", "tools", "garden", "other",
    };

    /// <summary>Wheelchair access, as OpenStreetMap's <c>wheelchair=*</c> spells it.</summary>
    public static IReadOnlySet<string> WheelchairAccess { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "yes", "limited", "no", "unknown",
    };
}
