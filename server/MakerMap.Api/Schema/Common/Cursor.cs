using System.Text;

namespace MakerMap.Api.Schema;

/// <summary>
/// The opaque cursors of MakerMap's connections: base64 of <c>{kind}:{uuid}</c>, naming the last row of
/// a page. The kind keeps a cursor of one connection (places) from being replayed on another (bookings).
/// </summary>
public static class Cursor
{
    /// <summary>The cursor after the row with <paramref name="id"/> in a connection of <paramref name="kind"/>.</summary>
    public static string Encode(string kind, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + id.ToString("D")));

    /// <summary>The row id of a cursor made by <see cref="Encode"/> for <paramref name="kind"/>; null for none; anything else is <c>BAD_USER_INPUT</c>.</summary>
    public static Guid? Decode(string kind, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (cursor is null)
        {
            return null;
        }
        var buffer = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written) is var text
            && text.Length == kind.Length + 37
            && text.StartsWith(kind + ":", StringComparison.Ordinal)
            && Guid.TryParseExact(text[(kind.Length + 1)..], "D", out var id))
        {
            return id;
        }
        throw Errors.BadInput("\"after\" is not a cursor returned by this connection.", UserErrorCodes.InvalidInput, "after");
    }
}
