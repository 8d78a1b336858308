using MakerMap.Data.Accounts;

namespace MakerMap.Api.Auth;

/// <summary>The outcome of an account operation: a value, or the errors that prevented it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record AccountResult<T>(T? Value, IReadOnlyList<AuthError> Errors)
    where T : class
{
    /// <summary>Whether the operation succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Builds <see cref="AccountResult{T}"/> failures.</summary>
public static class AccountResult
{
    /// <summary>A failure with one error.</summary>
    public static AccountResult<T> Fail<T>(string code, string message, string? field = null)
        where T : class => new(null, [new AuthError(code, message, field)]);
}

/// <summary>
/// Sign-up and credential checks, shared by the REST endpoints and the GraphQL mutations: input
/// rules, password hashing (with transparent rehashing of old hashes) and the account store.
/// </summary>
public sealed class AccountService(AccountCommands accounts, PasswordHasher hasher)
{
    /// <summary>Fewest characters (Unicode scalar values) in a password.</summary>
    public const int MinimumPasswordLength = 10;

    /// <summary>Most characters in a password; longer inputs would only make hashing slow.</summary>
    public const int MaximumPasswordLength = 1024;

    /// <summary>Creates an account after checking e-mail address, password and display name.</summary>
    /// <param name="email">The sign-in address; surrounding spaces are removed.</param>
    /// <param name="password">At least <see cref="MinimumPasswordLength"/> characters.</param>
    /// <param name="displayName">The name shown to others; defaults to the part of the address before <c>@</c>.</param>
    /// <param name="cancellationToken">Cancels the database call.</param>
    public async Task<AccountResult<Account>> SignUpAsync(string? email, string? password, string? displayName, CancellationToken cancellationToken)
    {
        email = email?.Trim();
        if (!IsPlausibleEmail(email))
        {
            return AccountResult.Fail<Account>(AuthErrorCodes.InvalidInput, "Give a valid e-mail address.", "email");
        }
        var length = password is null ? 0 : CountCharacters(password);
        if (length < MinimumPasswordLength)
        {
            return AccountResult.Fail<Account>(AuthErrorCodes.WeakPassword,
                $"The password must have at least {MinimumPasswordLength} characters.", "password");
        }
        if (length > MaximumPasswordLength)
        {
            return AccountResult.Fail<Account>(AuthErrorCodes.InvalidInput,
                $"The password must have at most {MaximumPasswordLength} characters.", "password");
        }
        displayName = string.IsNullOrWhiteSpace(displayName) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : displayName.Trim();
        if (displayName.Length > 200)
        {
            return AccountResult.Fail<Account>(AuthErrorCodes.InvalidInput, "The display name must have at most 200 characters.", "displayName");
        }

        var created = await accounts.CreateAsync(email, displayName, hasher.Hash(password!), cancellationToken).ConfigureAwait(false);
        return created.EmailTaken
            ? AccountResult.Fail<Account>(AuthErrorCodes.EmailTaken, "An account with this e-mail address exists already.", "email")
            : new AccountResult<Account>(created.Account, []);
    }

    /// <summary>
    /// Checks an e-mail address and password. Unknown addresses and wrong passwords give the same
    /// error after the same work, so neither the answer nor its timing reveals who has an account.
    /// </summary>
    public async Task<AccountResult<AccountAccess>> VerifyCredentialsAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var failed = AccountResult.Fail<AccountAccess>(AuthErrorCodes.InvalidCredentials, "The e-mail address or password is wrong.");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > MaximumPasswordLength * 2)
        {
            return failed;
        }
        var credentials = await accounts.FindCredentialsAsync(email.Trim(), cancellationToken).ConfigureAwait(false);
        if (credentials?.PasswordHash is null)
        {
            hasher.VerifyNothing(password);
            return failed;
        }
        var verification = hasher.Verify(password, credentials.PasswordHash);
        if (verification == PasswordVerification.Failed)
        {
            return failed;
        }
        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            await accounts.UpdatePasswordHashAsync(credentials.AccountId, hasher.Hash(password), cancellationToken).ConfigureAwait(false);
        }
        var access = await accounts.GetAccessAsync(credentials.AccountId, cancellationToken).ConfigureAwait(false);
        return access is null ? failed : new AccountResult<AccountAccess>(access, []);
    }

    // Not a full RFC 5322 parser on purpose: one '@' with something on both sides, no spaces, and a
    // length that fits SMTP. Whether the address works is for a confirmation mail to find out.
    private static bool IsPlausibleEmail([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? email)
    {
        if (email is null || email.Length is < 3 or > 254 || email.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1;
    }

    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
