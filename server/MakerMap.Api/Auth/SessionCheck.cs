using System.Security.Claims;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace MakerMap.Api.Auth;

/// <summary>
/// How a long-lived connection (a WebSocket carrying subscriptions) was signed in: the account, and either the
/// bearer token it presented or the server-side session its cookie names. Captured once at the upgrade request.
/// </summary>
/// <param name="AccountId">The signed-in account, or null for anonymous connections.</param>
/// <param name="BearerToken">The bearer token, when the connection was authenticated with one.</param>
/// <param name="CookieSession">The digest of the cookie's session key (<see cref="PostgresTicketStore.SessionDigestProperty"/>), for cookie sessions.</param>
public sealed record SignedInSession(Guid? AccountId, string? BearerToken, string? CookieSession)
{
    /// <summary>An anonymous connection.</summary>
    public static SignedInSession Anonymous { get; } = new(null, null, null);
}

/// <summary>
/// Re-authenticates a <see cref="SignedInSession"/> long after its request was authenticated: a bearer token must
/// still be live (not revoked or expired) and name the same account, a cookie's server-side session must still
/// exist (not signed out, not expired), and the account must still exist. The principal is rebuilt from the
/// database, so memberships are those of now.
/// </summary>
public sealed class SessionCheck(AccessTokenService tokens, PostgresTicketStore cookieSessions, AccountCommands accounts)
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
        return new SignedInSession(accountId, null, properties?.GetString(PostgresTicketStore.SessionDigestProperty));
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
            if (session.CookieSession is not { } cookieSession
                || !await cookieSessions.IsLiveAsync(cookieSession, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            scheme = AuthSchemes.Cookie;
        }
        var access = await accounts.GetAccessAsync(accountId, cancellationToken).ConfigureAwait(false);
        return access is null ? null : MakerMapClaims.CreatePrincipal(access, scheme);
    }
}
