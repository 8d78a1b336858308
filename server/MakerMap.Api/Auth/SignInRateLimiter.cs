using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Auth;

/// <summary>
/// Limits sign-in attempts per client IP address and per e-mail address, with one budget shared by
/// <c>POST /auth/sign-in</c> and the <c>signIn</c> mutation. Built on the partitioned limiters of
/// System.Threading.RateLimiting, the engine of ASP.NET Core's rate-limiting middleware; the middleware's
/// endpoint policies cannot be used here because the mutation shares <c>/graphql</c> with everything else
/// and the e-mail address is only known once the body has been read.
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    /// <summary>Creates the limiter from <see cref="SignInRateLimitOptions"/>.</summary>
    public SignInRateLimiter(IOptions<SignInRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var byClient = PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
            RateLimitPartition.GetFixedWindowLimiter(attempt.ClientIp, _ => Window(settings.PerClientIp, settings.Window)));
        var byEmail = PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
            RateLimitPartition.GetFixedWindowLimiter(attempt.Email, _ => Window(settings.PerEmail, settings.Window)));
        _limiter = PartitionedRateLimiter.CreateChained(byClient, byEmail);
    }

    /// <summary>
    /// Counts one attempt; false when the client or the e-mail address has used up its window, with when to
    /// try again. Every attempt counts, successful or not, so guessing cannot hide among successes.
    /// </summary>
    public bool TryAttempt(HttpContext? context, string? email, out TimeSpan? retryAfter)
    {
        var attempt = new SignInAttempt(
            context?.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            (email ?? string.Empty).Trim().ToUpperInvariant());
        using var lease = _limiter.AttemptAcquire(attempt);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private readonly record struct SignInAttempt(string ClientIp, string Email);
}
