namespace MakerMap.GraphQL.Language;

/// <summary>
/// The source span of a node or token: UTF-16 offsets <see cref="Start"/> (inclusive) and
/// <see cref="End"/> (exclusive), and the 1-based <see cref="Line"/> and <see cref="Column"/>
/// of <see cref="Start"/>. Columns count UTF-16 code units, as graphql-js does.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Line">1-based line of <paramref name="Start"/>; 0 when unknown.</param>
/// <param name="Column">1-based column of <paramref name="Start"/>; 0 when unknown.</param>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    /// <summary>True for nodes that came from a parsed source.</summary>
    public bool IsKnown => Line > 0;
}
