namespace MakerMap.Api.Schema;

/// <summary>
/// One database row as the GraphQL layer sees it: column aliases are the SDL's field names (so the
/// engine's default resolver reads them), enum columns are already upper-case, geometries are
/// GeoJSON text or (areas) NetTopologySuite geometries, and <see cref="TypeName"/> says which object type the row is (for <c>Node</c>).
/// </summary>
public sealed class Row : Dictionary<string, object?>
{
    /// <summary>Creates an empty row of <paramref name="typeName"/>.</summary>
    public Row(string typeName)
        : base(StringComparer.Ordinal)
    {
        TypeName = typeName;
    }

    /// <summary>The GraphQL object type of the row.</summary>
    public string TypeName { get; }

    /// <summary>The row's uuid (column <c>uuid</c>).</summary>
    public Guid Uuid => (Guid)this["uuid"]!;

    /// <summary>A uuid column that may be null.</summary>
    public Guid? GuidOrNull(string column) => this.GetValueOrDefault(column) as Guid?;
}
