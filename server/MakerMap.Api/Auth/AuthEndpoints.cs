using System.Security.Claims;
using System.Text.Json;
using MakerMap.Api.Schema;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace MakerMap.Api.Auth;

/// <summary>
/// <c>/auth</c>: sign up, sign in (cookie, or a bearer token with <c>?token=true</c>), sign out and
/// who-am-I, as JSON. Failures are <c>{ "errors": [{ "code", "message", "field" }] }</c> with the
/// stable codes of <see cref="AuthErrorCodes"/>, never exception text.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>Maps the <c>/auth</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/auth");
        auth.MapPost("/sign-up", SignUpAsync).WithName("SignUp");
        auth.MapPost("/sign-in", SignInAsync).WithName("SignIn");
        auth.MapPost("/sign-out", SignOutAsync).WithName("SignOut");
        auth.MapGet("/me", Me).WithName("Me");
        return endpoints;
    }

    private static async Task<IResult> SignUpAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync<SignUpRequest>(context.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }
        if (InvalidText(("email", request.Email), ("password", request.Password), ("displayName", request.DisplayName)) is { } invalid)
        {
            return invalid;
        }
        var result = await accounts.SignUpAsync(request.Email, request.Password, request.DisplayName, cancellationToken);
        if (!result.Succeeded)
        {
            var status = result.Errors[0].Code == AuthErrorCodes.EmailTaken ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Errors(status, result.Errors);
        }
        // a new account starts signed in, like most sites do
        await context.SignInAsync(AuthSchemes.Cookie, CookiePrincipal(result.Value!.Id));
        return Results.Json(new { account = AccountJson.From(result.Value, []) }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AccountService accounts, AccessTokenService tokens,
        SignInRateLimiter limiter, bool? token, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync<SignInRequest>(context.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }
        if (InvalidText(("email", request.Email), ("password", request.Password), ("tokenDescription", request.TokenDescription)) is { } invalid)
        {
            return invalid;
        }
        if (!limiter.TryAttempt(context, request.Email, out var retryAfter))
        {
            if (retryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Errors(StatusCodes.Status429TooManyRequests, [new AuthError(AuthErrorCodes.RateLimited, RateLimitedMessage)]);
        }
        var result = await accounts.VerifyCredentialsAsync(request.Email, request.Password, cancellationToken);
        if (!result.Succeeded)
        {
            return Errors(StatusCodes.Status401Unauthorized, result.Errors);
        }
        var access = result.Value!;
        var account = AccountJson.From(access.Account, access.Memberships);
        if (token == true)
        {
            var issued = await tokens.IssueAsync(access.Account.Id, request.TokenDescription, cancellationToken);
            return Results.Json(new { account, token = issued.Token, tokenType = "Bearer", expiresAt = issued.ExpiresAt });
        }
        await context.SignInAsync(AuthSchemes.Cookie, CookiePrincipal(access.Account.Id));
        return Results.Json(new { account });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AccessTokenService tokens, CancellationToken cancellationToken)
    {
        var signedOut = context.User.GetAccountId() is not null;
        if (AccessTokenService.FromAuthorizationHeader(context.Request.Headers.Authorization) is { } bearer)
        {
            signedOut = await tokens.RevokeAsync(bearer, cancellationToken);
        }
        await context.SignOutAsync(AuthSchemes.Cookie);
        return Results.Json(new { signedOut });
    }

    private static IResult Me(ClaimsPrincipal user)
    {
        if (user.GetAccountId() is not { } id)
        {
            return Errors(StatusCodes.Status401Unauthorized,
                [new AuthError(AuthErrorCodes.Unauthenticated, "Sign in first: send the session cookie or an Authorization: Bearer token.")]);
        }
        return Results.Json(new
        {
            account = new AccountJson(id, user.FindFirstValue(ClaimTypes.Email), user.Identity!.Name ?? "",
                user.IsPlanner(), user.IsSiteAdmin(), [.. user.GetMemberships().Select(MembershipJson.From)]),
        });
    }

    // The cookie holds the account id only; RefreshPrincipalAsync loads roles on each request.
    private static ClaimsPrincipal CookiePrincipal(Guid accountId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId.ToString("D"))], AuthSchemes.Cookie));

    private static async Task<(T? Request, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            // also keeps cross-site HTML forms (which cannot send application/json) from signing anyone in
            return (null, Errors(StatusCodes.Status415UnsupportedMediaType,
                [new AuthError(AuthErrorCodes.InvalidInput, "Send a JSON body with Content-Type: application/json.")]));
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            if (body is not null)
            {
                return (body, null);
            }
        }
        catch (JsonException)
        {
            // fall through: the parser's message would describe our types, not the caller's mistake
        }
        return (null, Errors(StatusCodes.Status400BadRequest, [new AuthError(AuthErrorCodes.InvalidInput, "The body is not a valid JSON object.")]));
    }

    // The same text rules as every GraphQL input (control characters, unpaired surrogates, lengths).
    private static IResult? InvalidText(params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value is not null && TextInputRules.Check(field, value) is { } message)
            {
                return Errors(StatusCodes.Status400BadRequest, [new AuthError(AuthErrorCodes.InvalidInput, message, field)]);
            }
        }
        return null;
    }

    /// <summary>What a rate-limited sign-in is told, over REST and GraphQL alike.</summary>
    public const string RateLimitedMessage = "Too many sign-in attempts; wait a few minutes and try again.";

    private static IResult Errors(int status, IReadOnlyList<AuthError> errors) =>
        Results.Json(new { errors = errors.Select(e => new { code = e.Code, message = e.Message, field = e.Field }) }, statusCode: status);

    private sealed record SignUpRequest(string? Email, string? Password, string? DisplayName);

    private sealed record SignInRequest(string? Email, string? Password, string? TokenDescription);

    private sealed record MembershipJson(Guid OrganisationId, string Role)
    {
        public static MembershipJson From(Membership membership) => new(membership.OrganisationId, MembershipRoles.ToDatabase(membership.Role));
    }

    private sealed record AccountJson(Guid Id, string? Email, string DisplayName, bool IsPlanner, bool IsAdmin, IReadOnlyList<MembershipJson> Memberships)
    {
        public static AccountJson From(Account account, IReadOnlyList<Membership> memberships) =>
            new(account.Id, account.Email, account.DisplayName, account.IsPlanner, account.IsAdmin, [.. memberships.Select(MembershipJson.From)]);
    }
}
