namespace MakerMap.GraphQL.Language;

/// <summary>Limits that keep hostile documents from exhausting CPU or the stack.</summary>
public sealed record ParserOptions
{
    /// <summary>The defaults: 15 000 tokens, nesting depth 200.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>Maximum number of tokens (excluding end of file); <c>null</c> disables the limit.</summary>
    public int? MaxTokens { get; init; } = 15000;

    /// <summary>
    /// Maximum nesting of selection sets, list/object values and list types. Deeper documents get
    /// a syntax error instead of overflowing the stack in the parser, printer or validator.
    /// </summary>
    public int MaxDepth { get; init; } = 200;
}
