namespace MakerMap.GraphQL.Errors;

/// <summary>
/// Thrown by the lexer and parser for the first syntax error in a document. The message follows
/// graphql-js (<c>Syntax Error: Unterminated string.</c>); <see cref="Line"/> and
/// <see cref="Column"/> are 1-based.
/// </summary>
public sealed class GraphQLSyntaxErrorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphQLSyntaxErrorException(string description, int position, int line, int column)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a default message (for serializers and analyzers).</summary>
    public GraphQLSyntaxErrorException()
        : this("Unknown.", 0, 1, 1)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GraphQLSyntaxErrorException(string message)
        : this(message, 0, 1, 1)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public GraphQLSyntaxErrorException(string message, Exception innerException)
        : base("Syntax Error: " + message, innerException)
    {
        Description = message;
        Line = 1;
        Column = 1;
    }

    /// <summary>The message without the <c>Syntax Error: </c> prefix.</summary>
    public string Description { get; }

    /// <summary>UTF-16 offset of the error in the source.</summary>
    public int Position { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-16 code units).</summary>
    public int Column { get; }

    /// <summary>The error as a <see cref="GraphQLError"/> with <c>extensions.code = GRAPHQL_PARSE_FAILED</c>.</summary>
    public GraphQLError ToGraphQLError() =>
        new(Message, [new SourceLocation(Line, Column)], null, new Dictionary<string, object?> { ["code"] = "GRAPHQL_PARSE_FAILED" });
}
