using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MakerMap.GraphQL.AspNetCore.Internal;

/// <summary>The response media types of GraphQL over HTTP and how a request's Accept header picks one.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    /// <summary>What a client accepts, reduced to the media types this endpoint can produce.</summary>
    internal readonly record struct Preference(double GraphQLResponse, double Json, double Html, bool HeaderPresent);

    public static Preference Read(HttpRequest request)
    {
        var values = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(values))
        {
            return new Preference(0, 0, 0, HeaderPresent: false);
        }

        if (!MediaTypeHeaderValue.TryParseList(values, out var ranges))
        {
            // An Accept header that does not parse asks for nothing we can name: answer as if it were absent.
            return new Preference(0, 0, 0, HeaderPresent: false);
        }

        double graphQLResponse = 0, json = 0, html = 0;
        foreach (var range in ranges)
        {
            if (!IsUtf8(range))
            {
                continue;
            }

            var q = range.Quality ?? 1.0;
            var type = range.MediaType;
            if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQLResponse = Math.Max(graphQLResponse, q);
            }
            else if (type.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || type.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                // Wildcards mean application/json: the audit's "SHOULD accept */* and use application/json".
                json = Math.Max(json, q);
            }
            else if (type.Equals(Html, StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, q);
            }
        }

        return new Preference(graphQLResponse, json, html, HeaderPresent: true);
    }

    /// <summary>
    /// The media type for a GraphQL response, or null when the client accepts neither (406). A missing Accept
    /// header means <c>application/json</c>; on a tie <c>application/graphql-response+json</c> wins.
    /// </summary>
    public static string? ChooseResponseType(Preference preference)
    {
        if (!preference.HeaderPresent)
        {
            return Json;
        }

        if (preference.GraphQLResponse > 0 && preference.GraphQLResponse >= preference.Json)
        {
            return GraphQLResponseJson;
        }

        return preference.Json > 0 ? Json : null;
    }

    /// <summary>A browser asking for a page: text/html explicitly and at least as much as any JSON type.</summary>
    public static bool PrefersHtml(Preference preference) =>
        preference.Html > 0 && preference.Html >= preference.GraphQLResponse && preference.Html >= preference.Json;

    /// <summary>Whether a POST body's Content-Type is JSON in UTF-8 (charset absent or utf-8).</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8(parsed);

    private static bool IsUtf8(MediaTypeHeaderValue value) =>
        !value.Charset.HasValue
        || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || value.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
