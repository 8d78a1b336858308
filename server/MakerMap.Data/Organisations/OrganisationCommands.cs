using MakerMap.Data.Accounts;
using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.CommandErrorCodes;

namespace MakerMap.Data.Organisations;

/// <summary>A new organisation.</summary>
public sealed record NewOrganisation
{
    /// <summary>1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Readable key; derived from the name when null.</summary>
    public string? Slug { get; init; }

    /// <summary>As stored: <c>municipality</c>, <c>nonprofit</c> …</summary>
    public string Kind { get; init; } = "nonprofit";

    /// <summary>Website URL.</summary>
    public string? Website { get; init; }

    /// <summary>Public contact address.</summary>
    public string? Email { get; init; }
}

/// <summary>
/// Creates organisations and manages their members. Every command runs in one transaction and
/// checks before it writes, so a failure leaves the database as it was. Who may call what is the
/// API's <c>AccessPolicy</c>'s business, not this class's.
/// </summary>
public sealed class OrganisationCommands(NpgsqlDataSource dataSource)
{
    /// <summary>Organisation kinds (the CHECK constraint of 0002).</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "municipality", "nonprofit", "volunteer_group", "social_enterprise", "company", "education",
    };

    /// <summary>Creates the organisation with <paramref name="creatorId"/> as its admin; returns its id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(NewOrganisation organisation, Guid creatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var name = organisation.Name?.Trim();
        if (InputRules.First(
                InputRules.Required(name, 200, "name"),
                InputRules.Slug(organisation.Slug),
                InputRules.OneOf(organisation.Kind, Kinds, "kind"),
                InputRules.Url(organisation.Website, "website"),
                InputRules.Email(organisation.Email, "email")) is { } error)
        {
            return error;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var slug = organisation.Slug
            ?? await Slugs.FreeAsync(connection, transaction, "organisations", InputRules.SlugFrom(name!, "organisation"), cancellationToken).ConfigureAwait(false);
        Guid id;
        try
        {
            await using var insert = new NpgsqlCommand(OrganisationSql.InsertOrganisation, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
            insert.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name! });
            insert.Parameters.Add(new NpgsqlParameter<string>("kind", NpgsqlDbType.Text) { TypedValue = organisation.Kind });
            insert.Parameters.AddNullableText("website", organisation.Website);
            insert.Parameters.AddNullableText("email", organisation.Email);
            id = (Guid)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "organisations_slug_key")
        {
            return new CommandError(SlugTaken, $"The slug '{slug}' is used by another organisation already.", "slug");
        }
        await using (var member = new NpgsqlCommand(OrganisationSql.InsertMembership, connection, transaction))
        {
            AddMembershipParameters(member, creatorId, id, MembershipRole.Admin);
            try
            {
                await member.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                return new CommandError(NotFound, "The signed-in account does not exist any more.");
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Gives the account with <paramref name="email"/> <paramref name="role"/> in the organisation
    /// (adding it, or changing its role); returns the account id. Demoting the last admin is <c>LAST_ADMIN</c>.
    /// </summary>
    public async Task<CommandResult<Guid>> SetMemberAsync(Guid organisationId, string email, MembershipRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Guid accountId;
        await using (var find = new NpgsqlCommand(OrganisationSql.FindAccountByEmail, connection, transaction))
        {
            find.Parameters.Add(new NpgsqlParameter<string>("email", NpgsqlDbType.Text) { TypedValue = email.Trim() });
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not Guid found)
            {
                // Organisation first: an unknown organisation is the bigger mistake.
                return await LockAsync(connection, transaction, organisationId, Guid.Empty, cancellationToken).ConfigureAwait(false) is null
                    ? UnknownOrganisation()
                    : new CommandError(NotFound, "There is no account with this e-mail address; ask the person to sign up first.", "email");
            }
            accountId = found;
        }
        var state = await LockAsync(connection, transaction, organisationId, accountId, cancellationToken).ConfigureAwait(false);
        if (state is not { } s)
        {
            return UnknownOrganisation();
        }
        if (s.CurrentRole == MembershipRole.Admin && role != MembershipRole.Admin && s.Admins <= 1)
        {
            return LastAdminError("role");
        }
        await using (var upsert = new NpgsqlCommand(OrganisationSql.UpsertMembership, connection, transaction))
        {
            AddMembershipParameters(upsert, accountId, organisationId, role);
            if (await WriteMembershipAsync(upsert, "role", cancellationToken).ConfigureAwait(false) is { } lastAdmin)
            {
                return lastAdmin;
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return accountId;
    }

    /// <summary>Removes the account from the organisation; removing the last admin is <c>LAST_ADMIN</c>.</summary>
    public async Task<CommandResult<Guid>> RemoveMemberAsync(Guid organisationId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var state = await LockAsync(connection, transaction, organisationId, accountId, cancellationToken).ConfigureAwait(false);
        if (state is not { } s)
        {
            return UnknownOrganisation();
        }
        if (s.CurrentRole is null)
        {
            return new CommandError(NotFound, "This account is not a member of the organisation.", "accountId");
        }
        if (s.CurrentRole == MembershipRole.Admin && s.Admins <= 1)
        {
            return LastAdminError("accountId");
        }
        await using (var delete = new NpgsqlCommand(OrganisationSql.DeleteMembership, connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
            delete.Parameters.Add(new NpgsqlParameter<Guid>("organisation_id", NpgsqlDbType.Uuid) { TypedValue = organisationId });
            if (await WriteMembershipAsync(delete, "accountId", cancellationToken).ConfigureAwait(false) is { } lastAdmin)
            {
                return lastAdmin;
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return organisationId;
    }

    private static CommandError UnknownOrganisation() => new(NotFound, "There is no organisation with this id.", "organisationId");

    private static async Task<(int Admins, MembershipRole? CurrentRole)?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid organisationId, Guid accountId, CancellationToken cancellationToken)
    {
        await using (var lockOrganisation = new NpgsqlCommand(OrganisationSql.LockMemberships, connection, transaction))
        {
            lockOrganisation.Parameters.Add(new NpgsqlParameter<Guid>("organisation_id", NpgsqlDbType.Uuid) { TypedValue = organisationId });
            if (await lockOrganisation.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }
        }
        await using var command = new NpgsqlCommand(OrganisationSql.GetMembershipState, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("organisation_id", NpgsqlDbType.Uuid) { TypedValue = organisationId });
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        MembershipRole? current = !reader.IsDBNull(1) && MembershipRoles.TryParse(reader.GetString(1), out var role) ? role : null;
        return (reader.GetInt32(0), current);
    }

    // The database's memberships guard (migration 0015) is the last word on the last admin.
    private static async Task<CommandError?> WriteMembershipAsync(NpgsqlCommand write, string field, CancellationToken cancellationToken)
    {
        try
        {
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException e) when (DatabaseGuards.Is(e, DatabaseGuards.LastAdmin))
        {
            return LastAdminError(field);
        }
    }

    private static CommandError LastAdminError(string field) =>
        new(LastAdmin, "This account is the organisation's only admin; make someone else admin first.", field);

    private static void AddMembershipParameters(NpgsqlCommand command, Guid accountId, Guid organisationId, MembershipRole role)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<Guid>("organisation_id", NpgsqlDbType.Uuid) { TypedValue = organisationId });
        command.Parameters.Add(new NpgsqlParameter<string>("role", NpgsqlDbType.Text) { TypedValue = MembershipRoles.ToDatabase(role) });
    }
}
