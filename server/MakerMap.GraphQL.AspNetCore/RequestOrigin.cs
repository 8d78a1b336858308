using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MakerMap.GraphQL.AspNetCore;

/// <summary>
/// Whether a browser request comes from a page the server trusts: its <c>Origin</c> header
/// (https://www.rfc-editor.org/rfc/rfc6454) is the server's own origin (the scheme and host the request was sent
/// to) or one listed as allowed. Origins compare by scheme, host and port, so <c>http://example.org</c> and
/// <c>http://example.org:80</c> are the same and <c>https://example.org</c> is not.
/// </summary>
public static class RequestOrigin
{
    /// <summary>The request's <c>Origin</c> header, or null when it has none (non-browser clients send none).</summary>
    public static string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers[HeaderNames.Origin].ToString();
        return origin.Length == 0 ? null : origin;
    }

    /// <summary>
    /// Whether <paramref name="origin"/> is the request's own origin or one of <paramref name="allowedOrigins"/>.
    /// An opaque origin (<c>null</c>, sent by sandboxed frames and some redirects) or anything unparsable is not.
    /// </summary>
    public static bool IsAllowed(HttpRequest request, string origin, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        if (!TryParse(origin, out var from))
        {
            return false;
        }
        if (request.Host.HasValue && TryParse(request.Scheme + "://" + request.Host.Value, out var own) && SameOrigin(from, own))
        {
            return true;
        }
        foreach (var allowed in allowedOrigins)
        {
            if (TryParse(allowed, out var listed) && SameOrigin(from, listed))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TryParse(string? text, out Uri origin)
    {
        origin = null!;
        return !string.IsNullOrWhiteSpace(text)
            && Uri.TryCreate(text.Trim().TrimEnd('/'), UriKind.Absolute, out origin!)
            && (origin.Scheme == Uri.UriSchemeHttp || origin.Scheme == Uri.UriSchemeHttps)
            && origin.AbsolutePath == "/" && origin.Query.Length == 0 && origin.UserInfo.Length == 0;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
