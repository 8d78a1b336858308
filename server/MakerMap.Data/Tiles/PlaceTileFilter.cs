namespace MakerMap.Data.Tiles;

/// <summary>
/// What a places tile keeps (the resident's filter); a null or empty list means "any". Values are the
/// database vocabulary (lowercase), as <see cref="Places.PlaceVocabulary"/> holds it.
/// </summary>
/// <param name="Kinds">Place kinds such as <c>repair_cafe</c>.</param>
/// <param name="Categories">Repair categories; a place matches when it has at least one.</param>
/// <param name="Wheelchair">Wheelchair access values (<c>yes</c>, <c>limited</c>, <c>no</c>).</param>
/// <param name="OpenAt">Only places open then by their hours or holding a session then.</param>
public sealed record PlaceTileFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Wheelchair = null,
    DateTimeOffset? OpenAt = null)
{
    /// <summary>No filter: every place.</summary>
    public static PlaceTileFilter None { get; } = new();

    /// <summary>
    /// The filter as a string for cache keys: equal filters give equal keys whatever the order of
    /// their values. <see cref="OpenAt"/> is left out: the caller keys open-now tiles by the minute.
    /// </summary>
    public string CacheKey =>
        $"k={Join(Kinds)}&c={Join(Categories)}&w={Join(Wheelchair)}&o={(OpenAt is null ? 0 : 1)}";

    private static string Join(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? string.Join(',', values.Order(StringComparer.Ordinal)) : "";
}
