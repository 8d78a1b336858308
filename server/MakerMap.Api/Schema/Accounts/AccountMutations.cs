using System.Security.Claims;
using MakerMap.Api.Auth;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using Microsoft.AspNetCore.Authentication;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>signUp</c>, <c>signIn</c> and <c>signOut</c> through the same services as the <c>/auth</c>
/// endpoints: the session cookie is set on the HTTP response of the GraphQL request, or a bearer
/// token is returned once when <c>issueToken</c> is true.
/// </summary>
public static class AccountMutations
{
    /// <summary>Binds the account mutations.</summary>
    public static SchemaBuilder BindAccountMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "signUp", SignUpAsync)
            .Bind("Mutation", "signIn", SignInAsync)
            .Bind("Mutation", "signOut", SignOutAsync);
    }

    private static async Task<Dictionary<string, object?>> SignUpAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var result = await ctx.Service<AccountService>().SignUpAsync(
            input.GetValueOrDefault("email") as string, input.GetValueOrDefault("password") as string,
            input.GetValueOrDefault("displayName") as string, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Fail("account", result.Errors);
        }
        var account = result.Value!;
        if (HttpContext(ctx) is { } http)
        {
            await http.SignInAsync(AuthSchemes.Cookie, CookiePrincipal(account.Id)).ConfigureAwait(false);
        }
        return Payload.Ok("account", await ctx.LoadAccount(account.Id).ConfigureAwait(false));
    }

    private static async Task<Dictionary<string, object?>> SignInAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        if (!ctx.Service<SignInRateLimiter>().TryAttempt(HttpContext(ctx), input.GetValueOrDefault("email") as string, out _))
        {
            var limited = Fail("account", [new AuthError(AuthErrorCodes.RateLimited, AuthEndpoints.RateLimitedMessage)]);
            limited["token"] = null;
            limited["tokenExpiresAt"] = null;
            return limited;
        }
        var result = await ctx.Service<AccountService>().VerifyCredentialsAsync(
            input.GetValueOrDefault("email") as string, input.GetValueOrDefault("password") as string, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var payload = Fail("account", result.Errors);
            payload["token"] = null;
            payload["tokenExpiresAt"] = null;
            return payload;
        }
        var accountId = result.Value!.Account.Id;
        var ok = Payload.Ok("account", await ctx.LoadAccount(accountId).ConfigureAwait(false));
        ok["token"] = null;
        ok["tokenExpiresAt"] = null;
        if (input.GetValueOrDefault("issueToken") is true)
        {
            var issued = await ctx.Service<AccessTokenService>().IssueAsync(accountId, "GraphQL signIn", ct).ConfigureAwait(false);
            ok["token"] = issued.Token;
            ok["tokenExpiresAt"] = issued.ExpiresAt;
        }
        else if (HttpContext(ctx) is { } http)
        {
            await http.SignInAsync(AuthSchemes.Cookie, CookiePrincipal(accountId)).ConfigureAwait(false);
        }
        return ok;
    }

    private static async Task<Dictionary<string, object?>> SignOutAsync(ResolveContext ctx, CancellationToken ct)
    {
        var signedOut = ctx.Principal().GetAccountId() is not null;
        if (HttpContext(ctx) is { } http)
        {
            if (AccessTokenService.FromAuthorizationHeader(http.Request.Headers.Authorization) is { } bearer)
            {
                signedOut = await ctx.Service<AccessTokenService>().RevokeAsync(bearer, ct).ConfigureAwait(false);
            }
            await http.SignOutAsync(AuthSchemes.Cookie).ConfigureAwait(false);
        }
        return Payload.Ok("signedOut", signedOut);
    }

    private static HttpContext? HttpContext(ResolveContext ctx) => ctx.Service<IHttpContextAccessor>().HttpContext;

    private static Dictionary<string, object?> Fail(string field, IReadOnlyList<AuthError> errors) =>
        new(StringComparer.Ordinal)
        {
            [field] = null,
            ["errors"] = errors.Select(e => new UserError(e.Code, e.Message, e.Field is null ? null : ["input", e.Field])).ToArray(),
        };

    // The cookie holds the account id only; the cookie handler loads roles on each request.
    private static ClaimsPrincipal CookiePrincipal(Guid accountId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId.ToString("D"))], AuthSchemes.Cookie));
}
