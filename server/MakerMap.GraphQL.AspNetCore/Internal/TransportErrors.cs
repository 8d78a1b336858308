using MakerMap.GraphQL.Errors;

namespace MakerMap.GraphQL.AspNetCore.Internal;

/// <summary>The errors the transport itself reports, each with a stable <c>extensions.code</c>.</summary>
internal static class TransportErrors
{
    public const string BadRequest = "BAD_REQUEST";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string CrossSiteRequest = "CROSS_SITE_REQUEST";

    public static GraphQLError Create(string message, string code) =>
        new(message, nodes: null, path: null, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IReadOnlyList<GraphQLError> One(string message, string code) => [Create(message, code)];
}
