using System.Text.Encodings.Web;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Auth;

/// <summary>Options of <see cref="AccessTokenAuthenticationHandler"/> (none beyond the defaults yet).</summary>
public sealed class AccessTokenAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates <c>Authorization: Bearer mmt_…</c> requests against <c>access_tokens</c>: the token
/// must exist, be unexpired and unrevoked, and its account must still exist. The principal is
/// built from the database on every request, so role changes apply at once.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AccessTokenAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService tokens,
    AccountCommands accounts)
    : AuthenticationHandler<AccessTokenAuthenticationOptions>(options, logger, encoder)
{
    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = AccessTokenService.FromAuthorizationHeader(Request.Headers.Authorization);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        var accountId = await tokens.ValidateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (accountId is null)
        {
            return AuthenticateResult.Fail("The bearer token is invalid, expired or revoked.");
        }
        var access = await accounts.GetAccessAsync(accountId.Value, Context.RequestAborted).ConfigureAwait(false);
        if (access is null)
        {
            return AuthenticateResult.Fail("The bearer token's account no longer exists.");
        }
        var principal = MakerMapClaims.CreatePrincipal(access, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750 section 3: tell the client which scheme to use
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count > 0
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return Task.CompletedTask;
    }
}
