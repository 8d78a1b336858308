namespace MakerMap.GraphQL.Errors;

/// <summary>A 1-based line and column in a GraphQL source, as reported in <c>errors[].locations</c>.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column (UTF-16 code units).</param>
public readonly record struct SourceLocation(int Line, int Column);
