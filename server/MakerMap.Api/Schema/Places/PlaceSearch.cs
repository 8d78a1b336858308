using MakerMap.Data.Graph;
using MakerMap.Data.Places;

namespace MakerMap.Api.Schema;

/// <summary>
/// Pages of places ordered by name then id, with keyset pagination: a cursor is the opaque base64
/// of <c>place:uuid</c> and the next page starts after that place's (name, id). The SQL lives in
/// MakerMap.Data (<see cref="PlaceSearchQueries"/>).
/// </summary>
public sealed class PlaceSearch(PlaceSearchQueries queries)
{
    private const string CursorKind = "place";

    /// <summary>The page of at most <paramref name="first"/> places after <paramref name="after"/>, and the total count.</summary>
    public async Task<Dictionary<string, object?>> PageAsync(PlaceFilterArgs filter, int first, Guid? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await queries.PageAsync(filter, first + 1, after, () => new Row("Place"), ct).ConfigureAwait(false);
        var total = rows.Count > 0 ? (int)rows[0]["totalCount"]! : after is null ? 0 : await CountAsync(filter, ct).ConfigureAwait(false);
        return Connection.Create(rows.Take(first).ToList(), rows.Count > first, after is not null, total, EncodeCursor);
    }

    /// <summary>Decodes a cursor of this connection; malformed cursors throw <c>BAD_USER_INPUT</c>.</summary>
    public static Guid? DecodeCursor(string? cursor) => Cursor.Decode(CursorKind, cursor);

    private static string EncodeCursor(Row row) => Cursor.Encode(CursorKind, row.Uuid);

    // A page after the last place is empty but the total still counts every match.
    private async Task<int> CountAsync(PlaceFilterArgs filter, CancellationToken ct)
    {
        var page = await PageAsync(filter, 1, null, ct).ConfigureAwait(false);
        return (int)page["totalCount"]!;
    }

    /// <summary>A place by slug, or null.</summary>
    public async Task<Row?> BySlugAsync(string slug, CancellationToken ct) =>
        (await queries.BySlugAsync(slug, () => new Row("Place"), ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Areas whose code equals <paramref name="search"/> or whose name matches it, best first.</summary>
    public Task<List<Row>> AreasAsync(string search, string? level, int first, CancellationToken ct) =>
        queries.AreasAsync(search, level, first, () => new Row("Area"), ct);
}
