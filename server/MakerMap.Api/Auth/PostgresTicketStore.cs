using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MakerMap.Api.Auth;

/// <summary>
/// Keeps browser sessions in PostgreSQL (<see cref="CookieSessionStore"/>): the cookie carries only a
/// random key, the sign-in ticket stays on the server, and signing out deletes it — so a copy of the
/// cookie stops working at once, on every instance, and so do subscriptions opened with it.
/// </summary>
public sealed class PostgresTicketStore(CookieSessionStore sessions, AuthOptions options, TimeProvider clock) : ITicketStore
{
    /// <summary>
    /// The ticket property naming the session by its key's digest (base64url), so that a WebSocket can
    /// check later that the session it was opened with still exists (<see cref="SessionCheck"/>).
    /// </summary>
    public const string SessionDigestProperty = "makermap.session";

    /// <inheritdoc />
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Principal.GetAccountId() is not { } accountId)
        {
            throw new InvalidOperationException("Only a signed-in account's ticket is stored as a session.");
        }
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var digest = Digest(key);
        ticket.Properties.Items[SessionDigestProperty] = Base64Url.EncodeToString(digest);
        var now = clock.GetUtcNow();
        await sessions.AddAsync(digest, accountId, TicketSerializer.Default.Serialize(ticket), now, ExpiresAt(ticket, now), cancellationToken)
            .ConfigureAwait(false);
        return key;
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <inheritdoc />
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (DigestOf(key) is not { } digest)
        {
            return;
        }
        ticket.Properties.Items[SessionDigestProperty] = Base64Url.EncodeToString(digest);
        await sessions.RenewAsync(digest, TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket, clock.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <inheritdoc />
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (DigestOf(key) is not { } digest)
        {
            return null;
        }
        var stored = await sessions.FindAsync(digest, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : TicketSerializer.Default.Deserialize(stored);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        DigestOf(key) is { } digest ? sessions.RemoveAsync(digest, cancellationToken) : Task.CompletedTask;

    /// <summary>Whether the session named by a ticket's <see cref="SessionDigestProperty"/> still exists and has not expired.</summary>
    public async Task<bool> IsLiveAsync(string sessionDigest, CancellationToken cancellationToken)
    {
        if (sessionDigest.Length != 43 || !Base64Url.IsValid(sessionDigest))
        {
            return false;
        }
        return await sessions.FindAsync(Base64Url.DecodeFromChars(sessionDigest), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is not null;
    }

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc is { } expires && expires > now ? expires : now + options.CookieLifetime;

    // Keys are made here (43 base64url characters for 32 bytes); anything else cannot name a session.
    private static byte[]? DigestOf(string key) =>
        key is { Length: 43 } && Base64Url.IsValid(key) ? Digest(key) : null;

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));
}
