namespace MakerMap.GraphQL;

/// <summary>A GraphQL request: document text, operation name, variables and extensions as plain CLR values.</summary>
/// <param name="Query">The document text.</param>
/// <param name="OperationName">The operation to run when the document has several.</param>
/// <param name="Variables">Variable values as produced by <see cref="JsonInput"/>.</param>
/// <param name="Extensions">The request's <c>extensions</c>.</param>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>The request's service provider (e.g. <c>HttpContext.RequestServices</c>).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The caller (e.g. a <c>ClaimsPrincipal</c>), available to resolvers as <c>ResolveContext.UserContext</c>.</summary>
    public object? UserContext { get; init; }
}
