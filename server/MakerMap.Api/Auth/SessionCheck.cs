using System.Security.Claims;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace MakerMap.Api.Auth;

/// <summary>
/// How a long-lived connection (a WebSocket carrying subscriptions) was signed in: the account, and either the
/// bearer token it presented or the expiry of its session cookie. Captured once at the upgrade request.
/// </summary>
/// <param name="AccountId">The signed-in account, or null for anonymous connections.</param>
/// <param name="BearerToken">The bearer token, when the connection was authenticated with one.</param>
/// <param name="CookieExpiresAt">When the session cookie it presented expires, for cookie sessions.</param>
public sealed record SignedInSession(Guid? AccountId, string? BearerToken, DateTimeOffset? CookieExpiresAt)
{
    /// <summary>An anonymous connection.</summary>
    public static SignedInSession Anonymous { get; } = new(null, null, null);
}

/// <summary>
/// Re-authenticates a <see cref="SignedInSession"/> long after its request was authenticated: a bearer token must
/// still be live (not revoked or expired) and name the same account, a cookie must not have expired, and the
/// account must still exist. The principal is rebuilt from the database, so memberships are those of now.
/// </summary>
/// <remarks>
/// A cookie is stateless: signing out clears it in the browser, but a copy stays valid until it expires, so
/// for cookie sessions only expiry and the account are checked. Bearer tokens are revoked server-side.
/// </remarks>
public sealed class SessionCheck(AccessTokenService tokens, AccountCommands accounts, TimeProvider clock)
{
    /// <summary>The session of a request (for a WebSocket, its upgrade request) as authenticated by the pipeline.</summary>
    public static SignedInSession Capture(HttpContext? http)
    {
        if (http?.User.GetAccountId() is not { } accountId)
        {
            return SignedInSession.Anonymous;
        }
        if (AccessTokenService.FromAuthorizationHeader(http.Request.Headers.Authorization) is { } token)
        {
            return new SignedInSession(accountId, token, null);
        }
        var properties = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties;
        return new SignedInSession(accountId, null, properties?.ExpiresUtc);
    }

    /// <summary>The session's principal as of now, or null when the session has ended (revoked, expired, account gone).</summary>
    public async Task<ClaimsPrincipal?> CurrentPrincipalAsync(SignedInSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.AccountId is not { } accountId)
        {
            return null;
        }
        string scheme;
        if (session.BearerToken is { } token)
        {
            if (await tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false) != accountId)
            {
                return null;
            }
            scheme = AuthSchemes.Bearer;
        }
        else
        {
            if (session.CookieExpiresAt is { } expires && expires <= clock.GetUtcNow())
            {
                return null;
            }
            scheme = AuthSchemes.Cookie;
        }
        var access = await accounts.GetAccessAsync(accountId, cancellationToken).ConfigureAwait(false);
        return access is null ? null : MakerMapClaims.CreatePrincipal(access, scheme);
    }
}
