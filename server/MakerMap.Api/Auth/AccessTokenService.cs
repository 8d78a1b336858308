using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MakerMap.Data.Accounts;

namespace MakerMap.Api.Auth;

/// <summary>A bearer token as handed to its owner, once.</summary>
/// <param name="Token">The secret; only its SHA-256 digest is stored.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues, checks and revokes opaque bearer tokens: <c>mmt_</c> followed by 32 random bytes in
/// base64url. The database keeps only the SHA-256 digest of the whole string.
/// </summary>
public sealed class AccessTokenService(AccessTokenStore store, AuthOptions options, TimeProvider clock)
{
    /// <summary>Every token starts with this, so leaked tokens are easy to recognise (e.g. by secret scanners).</summary>
    public const string Prefix = "mmt_";

    // 4 prefix characters + 43 base64url characters for 32 bytes
    private const int TokenLength = 47;

    /// <summary>Creates and stores a token for the account, valid for <see cref="AuthOptions.TokenLifetime"/>.</summary>
    public async Task<IssuedToken> IssueAsync(Guid accountId, string? description, CancellationToken cancellationToken)
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expiresAt = now + options.TokenLifetime;
        await store.AddAsync(accountId, Digest(token), now, expiresAt, description, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(token, expiresAt);
    }

    /// <summary>The account of a live token, or null when it is malformed, unknown, expired or revoked.</summary>
    public async Task<Guid?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }
        return await store.FindAccountAsync(Digest(token), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes a token; returns whether a live token was revoked.</summary>
    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return false;
        }
        return await store.RevokeAsync(Digest(token), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token from an <c>Authorization: Bearer …</c> header value, or null.</summary>
    public static string? FromAuthorizationHeader(string? header)
    {
        const string scheme = "Bearer ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static bool LooksLikeToken(string token) =>
        token.Length == TokenLength && token.StartsWith(Prefix, StringComparison.Ordinal);

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
