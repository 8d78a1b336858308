namespace MakerMap.GraphQL.Execution;

/// <summary>
/// An exception whose message is safe to show to clients. Thrown from resolvers, it becomes a field
/// error with this message and <c>extensions.code</c>; any other exception becomes
/// "Unexpected error." with code <c>INTERNAL_SERVER_ERROR</c>.
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A client-safe message.</param>
    /// <param name="code">The <c>extensions.code</c>, e.g. <c>BAD_USER_INPUT</c>; <see langword="null"/> for none.</param>
    /// <param name="extensions">Further extensions to add to the error.</param>
    public GraphQLException(string message, string? code, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    /// <summary>Creates the exception without a code.</summary>
    public GraphQLException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public GraphQLException()
    {
    }

    /// <summary>Creates the exception wrapping an inner exception (whose text is never shown).</summary>
    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>Further extensions.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Invalid input from the client (<c>BAD_USER_INPUT</c>).</summary>
    public static GraphQLException BadUserInput(string message) => new(message, ErrorCodes.BadUserInput);

    /// <summary>The request is not authenticated (<c>UNAUTHENTICATED</c>).</summary>
    public static GraphQLException Unauthenticated(string message = "Not authenticated.") => new(message, ErrorCodes.Unauthenticated);

    /// <summary>The caller may not do this (<c>FORBIDDEN</c>).</summary>
    public static GraphQLException Forbidden(string message = "Forbidden.") => new(message, ErrorCodes.Forbidden);
}

/// <summary>The stable <c>extensions.code</c> values used by the engine.</summary>
public static class ErrorCodes
{
    /// <summary>The document could not be parsed.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document failed validation.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>Variables or arguments were invalid.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>Authentication is required.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller lacks permission.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>An unexpected server error (the details are logged, never returned).</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The requested operation name does not exist or is ambiguous.</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>The execution timeout elapsed.</summary>
    public const string Timeout = "EXECUTION_TIMEOUT";

    /// <summary>A persisted query or empty request: no query text.</summary>
    public const string MissingQuery = "MISSING_QUERY";

    /// <summary>The operation's cost exceeds <c>ValidationOptions.MaxCost</c> (<c>extensions.cost</c>, <c>extensions.maxCost</c>).</summary>
    public const string QueryTooCostly = "QUERY_TOO_COSTLY";
}
