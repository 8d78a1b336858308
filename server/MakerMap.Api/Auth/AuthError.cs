using MakerMap.Api.Schema;
namespace MakerMap.Api.Auth;

/// <summary>
/// A problem the caller can fix, with a stable code. REST endpoints return these as
/// <c>{ "errors": [{ "code", "message", "field" }] }</c>; GraphQL payloads as <c>UserError</c>.
/// </summary>
/// <param name="Code">One of <see cref="AuthErrorCodes"/>.</param>
/// <param name="Message">A human-readable explanation, safe to show; never exception text.</param>
/// <param name="Field">The input field at fault, when there is one.</param>
public sealed record AuthError(string Code, string Message, string? Field = null);

/// <summary>The stable error codes of sign-up, sign-in and access checks (the same words as the GraphQL <c>UserErrorCode</c>).</summary>
public static class AuthErrorCodes
{
    /// <summary>Another account uses the e-mail address (compared case-insensitively).</summary>
    public const string EmailTaken = UserErrorCodes.EmailTaken;

    /// <summary>The password is shorter than <see cref="AccountService.MinimumPasswordLength"/>.</summary>
    public const string WeakPassword = UserErrorCodes.WeakPassword;

    /// <summary>The e-mail address and password do not match an account.</summary>
    public const string InvalidCredentials = UserErrorCodes.InvalidCredentials;

    /// <summary>The operation needs a signed-in account.</summary>
    public const string Unauthenticated = UserErrorCodes.Unauthenticated;

    /// <summary>The signed-in account may not do this.</summary>
    public const string Forbidden = UserErrorCodes.Forbidden;

    /// <summary>A value is missing, malformed or out of range.</summary>
    public const string InvalidInput = UserErrorCodes.InvalidInput;

    /// <summary>Too many sign-in attempts from this client or for this e-mail address.</summary>
    public const string RateLimited = UserErrorCodes.RateLimited;
}
