namespace MakerMap.GraphQL.Language;

/// <summary>
/// A lexical token. <see cref="Value"/> holds the name text, the raw number text or the cooked
/// string value; it is null for punctuators and end of file.
/// </summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Line">1-based line of <paramref name="Start"/>.</param>
/// <param name="Column">1-based column of <paramref name="Start"/>.</param>
/// <param name="Value">The token value, or null.</param>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>The token as described in parser messages, e.g. <c>Name "foo"</c> or <c>"{"</c>.</summary>
    public string Describe() => Value is null ? Kind.Describe() : Kind.Describe() + " \"" + Value + "\"";
}
