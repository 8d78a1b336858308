namespace MakerMap.Api.Schema;

/// <summary>Builds Relay connection objects (<c>edges</c>, <c>nodes</c>, <c>pageInfo</c>, <c>totalCount</c>).</summary>
public static class Connection
{
    /// <summary>A connection over one page of <paramref name="nodes"/>.</summary>
    public static Dictionary<string, object?> Create<T>(IReadOnlyList<T> nodes, bool hasNextPage, bool hasPreviousPage, int totalCount, Func<T, string> cursor)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(cursor);
        var edges = nodes.Select(n => new Dictionary<string, object?>(StringComparer.Ordinal) { ["cursor"] = cursor(n), ["node"] = n }).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["edges"] = edges,
            ["nodes"] = nodes,
            ["totalCount"] = totalCount,
            ["pageInfo"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["hasNextPage"] = hasNextPage,
                ["hasPreviousPage"] = hasPreviousPage,
                ["startCursor"] = edges.Count > 0 ? edges[0]["cursor"] : null,
                ["endCursor"] = edges.Count > 0 ? edges[^1]["cursor"] : null,
            },
        };
    }

    /// <summary>An empty connection (for callers who may not see the list).</summary>
    public static Dictionary<string, object?> Empty() => Create<object>([], false, false, 0, _ => "");
}
