using System.Text.RegularExpressions;
using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.CommandErrorCodes;

namespace MakerMap.Data.Resources;

/// <summary>
/// Creates, changes and deletes bookable resources with their requirements. Input is checked before
/// anything is written and each command runs in one transaction.
/// </summary>
public sealed partial class ResourceCommands(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Longest booking limit we accept: one year, in minutes.</summary>
    public const int MaxBookingLimitMinutes = 366 * 24 * 60;

    /// <summary>Resource kinds (the CHECK constraint of 0003).</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "workshop_room", "machine", "tool", "mobile_give_box", "caravan", "vehicle", "other",
    };

    private static readonly HashSet<string> Modes = new(StringComparer.Ordinal) { "exclusive", "shared" };

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex RequirementCode();

    /// <summary>The resource's owner, or null when there is no such resource.</summary>
    public async Task<Owner?> FindOwnerAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT organisation_id FROM resources WHERE id = @id");
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Owner(reader.IsDBNull(0) ? null : reader.GetGuid(0))
            : null;
    }

    /// <summary>Inserts the resource at its home place; returns its id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(NewResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.Name?.Trim();
        if (InputRules.First(
                InputRules.Required(name, 300, "name"),
                InputRules.Slug(resource.Slug),
                InputRules.OneOf(resource.Kind, Kinds, "kind"),
                InputRules.Optional(resource.Description, 5000, "description"),
                InputRules.Range(resource.Capacity, 1, 10000, "capacity"),
                InputRules.OneOf(resource.BookingMode, Modes, "bookingMode"),
                CheckDurations(resource.MinBookingMinutes, resource.MaxBookingMinutes, resource.ApprovalTimeoutHours),
                CheckRequirements(resource.Requirements)) is { } error)
        {
            return error;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var slug = resource.Slug
            ?? await Slugs.FreeAsync(connection, transaction, "resources", InputRules.SlugFrom(name!, "resource"), cancellationToken).ConfigureAwait(false);
        Guid id;
        await using (var insert = new NpgsqlCommand(ResourceSql.InsertResource, connection, transaction))
        {
            var p = insert.Parameters;
            p.Add(new NpgsqlParameter<Guid>("place_id", NpgsqlDbType.Uuid) { TypedValue = resource.PlaceId });
            p.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
            p.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name! });
            p.Add(new NpgsqlParameter<string>("kind", NpgsqlDbType.Text) { TypedValue = resource.Kind });
            p.AddNullableText("description", resource.Description);
            p.Add(new NpgsqlParameter<int>("capacity", NpgsqlDbType.Integer) { TypedValue = resource.Capacity });
            p.Add(new NpgsqlParameter<string>("booking_mode", NpgsqlDbType.Text) { TypedValue = resource.BookingMode });
            p.Add(new NpgsqlParameter<bool>("is_mobile", NpgsqlDbType.Boolean) { TypedValue = resource.IsMobile });
            p.Add(new NpgsqlParameter<bool>("requires_approval", NpgsqlDbType.Boolean) { TypedValue = resource.RequiresApproval });
            p.Add(new NpgsqlParameter<int>("min_minutes", NpgsqlDbType.Integer) { TypedValue = resource.MinBookingMinutes });
            p.Add(new NpgsqlParameter<int>("max_minutes", NpgsqlDbType.Integer) { TypedValue = resource.MaxBookingMinutes });
            p.Add(new NpgsqlParameter<double>("approval_timeout_hours", NpgsqlDbType.Double) { TypedValue = resource.ApprovalTimeoutHours });
            try
            {
                if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not Guid inserted)
                {
                    return new CommandError(NotFound, "There is no place with this id.", "placeId");
                }
                id = inserted;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "resources_slug_key")
            {
                return new CommandError(SlugTaken, $"The slug '{slug}' is used by another resource already.", "slug");
            }
        }
        await ReplaceRequirementsAsync(connection, transaction, id, resource.Requirements, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Applies <paramref name="changes"/>; returns the resource's id.</summary>
    public async Task<CommandResult<Guid>> UpdateAsync(Guid resourceId, ResourceChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var name = changes.Name is { } n ? n.Value?.Trim() : null;
        if (InputRules.First(
                changes.Name is null ? null : InputRules.Required(name, 300, "name"),
                changes.Kind is { } k ? InputRules.OneOf(k.Value, Kinds, "kind") : null,
                InputRules.Optional(changes.Description?.Value, 5000, "description"),
                changes.Capacity is { } c ? c.Value is { } capacity ? InputRules.Range(capacity, 1, 10000, "capacity") : Uncleared("capacity") : null,
                changes.BookingMode is { } m ? InputRules.OneOf(m.Value, Modes, "bookingMode") : null,
                changes.IsMobile is { Value: null } ? Uncleared("isMobile") : null,
                changes.RequiresApproval is { Value: null } ? Uncleared("requiresApproval") : null,
                changes.MinBookingMinutes is { Value: null } ? Uncleared("minBookingMinutes") : null,
                changes.MaxBookingMinutes is { Value: null } ? Uncleared("maxBookingMinutes") : null,
                changes.ApprovalTimeoutHours is { Value: null } ? Uncleared("approvalTimeoutHours") : null,
                CheckDurations(changes.MinBookingMinutes?.Value ?? 1, changes.MaxBookingMinutes?.Value ?? MaxBookingLimitMinutes,
                    changes.ApprovalTimeoutHours?.Value ?? 1),
                changes.Requirements is { Value: { } requirements } ? CheckRequirements(requirements) : null) is { } error)
        {
            return error;
        }
        // A capacity change takes the resource lock, then its triggers promote waitlisted requests and
        // resize slots (migration 0020), so it can meet a concurrent booking in a deadlock: retried.
        return await TransientRetry.RunAsync(ct => UpdateOnceAsync(resourceId, changes, name, ct), ConcurrentUpdate, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<CommandResult<Guid>> UpdateOnceAsync(Guid resourceId, ResourceChanges changes, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (changes.Capacity is { Value: { } newCapacity })
        {
            // Without the lock a booking committed between the count and the update would be stranded
            // above the new capacity.
            await using (var lockResource = new NpgsqlCommand(ResourceSql.LockResourceForCapacityChange, connection, transaction))
            {
                lockResource.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
                await lockResource.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var booked = new NpgsqlCommand(ResourceSql.GetLiveBookedUnits, connection, transaction);
            booked.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
            booked.Parameters.AddInstant("now", time.GetUtcNow());
            var units = (int)(await booked.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (newCapacity < units)
            {
                return new CommandError(InvalidInput, $"Live bookings hold {units} units at once; the capacity cannot drop below that.", "capacity");
            }
        }
        await using (var update = new NpgsqlCommand(ResourceSql.UpdateResource, connection, transaction))
        {
            var p = update.Parameters;
            p.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
            SetText(p, "name", changes.Name is not null, name);
            SetText(p, "kind", changes.Kind is not null, changes.Kind?.Value);
            SetText(p, "description", changes.Description is not null, changes.Description?.Value);
            Set(p, "capacity", changes.Capacity?.Value, NpgsqlDbType.Integer);
            SetText(p, "booking_mode", changes.BookingMode is not null, changes.BookingMode?.Value);
            Set(p, "is_mobile", changes.IsMobile?.Value, NpgsqlDbType.Boolean);
            Set(p, "requires_approval", changes.RequiresApproval?.Value, NpgsqlDbType.Boolean);
            Set(p, "min_minutes", changes.MinBookingMinutes?.Value, NpgsqlDbType.Integer);
            Set(p, "max_minutes", changes.MaxBookingMinutes?.Value, NpgsqlDbType.Integer);
            p.Add(new NpgsqlParameter<bool>("set_approval_timeout", NpgsqlDbType.Boolean) { TypedValue = changes.ApprovalTimeoutHours is not null });
            p.Add(new NpgsqlParameter<double>("approval_timeout_hours", NpgsqlDbType.Double) { TypedValue = changes.ApprovalTimeoutHours?.Value ?? 0 });
            try
            {
                if (await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not Guid)
                {
                    return new CommandError(NotFound, "There is no resource with this id.", "id");
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
            {
                return new CommandError(InvalidInput, "The shortest booking must not be longer than the longest booking.", "minBookingMinutes");
            }
            catch (PostgresException e) when (DatabaseGuards.Is(e, DatabaseGuards.CapacityBelowBooked))
            {
                return new CommandError(InvalidInput, "Live bookings hold more units at once than the new capacity.", "capacity");
            }
        }
        if (changes.Capacity is { Value: { } resized } && !await ResizeOpenSlotsAsync(connection, transaction, resourceId, resized, cancellationToken).ConfigureAwait(false))
        {
            return SlotCapacityBelowBooked();
        }
        if (changes.Requirements is { } r)
        {
            await ReplaceRequirementsAsync(connection, transaction, resourceId, r.Value ?? [], cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return resourceId;
    }

    // Slots that take the resource's capacity and have not ended follow the change; false (and nothing
    // may be committed) when the database's slot guard finds live bookings that no longer fit.
    private async Task<bool> ResizeOpenSlotsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid resourceId, int capacity,
        CancellationToken cancellationToken)
    {
        await using var resize = new NpgsqlCommand(ResourceSql.ResizeOpenSlots, connection, transaction);
        resize.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
        resize.Parameters.Add(new NpgsqlParameter<int>("capacity", NpgsqlDbType.Integer) { TypedValue = capacity });
        resize.Parameters.AddInstant("now", time.GetUtcNow());
        try
        {
            await resize.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (DatabaseGuards.Is(e, DatabaseGuards.CapacityBelowBooked))
        {
            return false;
        }
    }

    private static CommandError SlotCapacityBelowBooked() =>
        new(InvalidInput, "A slot's live bookings hold more units than the new capacity.", "capacity");

    /// <summary>
    /// Deletes a resource without live bookings that have not ended (<c>IN_USE</c> otherwise), with its
    /// requirements, schedules, slots and booking history; returns its id.
    /// </summary>
    public Task<CommandResult<Guid>> DeleteAsync(Guid resourceId, CancellationToken cancellationToken) =>
        TransientRetry.RunAsync(ct => DeleteOnceAsync(resourceId, ct), ConcurrentUpdate, cancellationToken);

    private async Task<CommandResult<Guid>> DeleteOnceAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockResource = new NpgsqlCommand(ResourceSql.LockResourceForDelete, connection, transaction))
        {
            lockResource.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
            if (await lockResource.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return new CommandError(NotFound, "There is no resource with this id.", "id");
            }
        }
        // its own statement, so it sees the bookings committed while the lock was awaited
        await using (var check = new NpgsqlCommand(ResourceSql.HasLiveBookings, connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
            check.Parameters.AddInstant("now", time.GetUtcNow());
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return ResourceInUse();
            }
        }
        try
        {
            foreach (var sql in (string[])[ResourceSql.DeleteResourceBookings, ResourceSql.DeleteResource])
            {
                await using var delete = new NpgsqlCommand(sql, connection, transaction);
                delete.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (DatabaseGuards.Is(e, DatabaseGuards.InUse))
        {
            // the database's guard: a live booking that has not ended by the database clock
            return ResourceInUse();
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return resourceId;
    }

    private static CommandError ResourceInUse() =>
        new(InUse, "The resource has live or future bookings; cancel or decline them first.", "id");

    private static CommandResult<Guid> ConcurrentUpdate() =>
        new CommandError(CommandErrorCodes.ConcurrentUpdate, "Other changes to the same resource kept colliding with this one; nothing was changed. Try again.");

    private static async Task ReplaceRequirementsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid resourceId,
        IReadOnlyList<ResourceRequirement> requirements, CancellationToken cancellationToken)
    {
        await using var replace = new NpgsqlCommand(ResourceSql.ReplaceRequirements, connection, transaction);
        replace.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = resourceId });
        replace.Parameters.AddTextArray("codes", [.. requirements.Select(q => q.Code)]);
        replace.Parameters.AddTextArray("descriptions", [.. requirements.Select(q => q.Description.Trim())]);
        await replace.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static CommandError Uncleared(string field) => InputRules.Invalid(field, $"\"{field}\" cannot be cleared; leave it out to keep it.");

    private static CommandError? CheckDurations(int minMinutes, int maxMinutes, double approvalTimeoutHours) => InputRules.First(
        InputRules.Range(minMinutes, 1, MaxBookingLimitMinutes, "minBookingMinutes"),
        InputRules.Range(maxMinutes, 1, MaxBookingLimitMinutes, "maxBookingMinutes"),
        maxMinutes < minMinutes ? InputRules.Invalid("maxBookingMinutes", "\"maxBookingMinutes\" must not be less than \"minBookingMinutes\".") : null,
        !double.IsFinite(approvalTimeoutHours) || approvalTimeoutHours <= 0 || approvalTimeoutHours > 24 * 366
            ? InputRules.Invalid("approvalTimeoutHours", "\"approvalTimeoutHours\" must be more than 0 and at most 8784 (a year).")
            : null);

    private static CommandError? CheckRequirements(IReadOnlyList<ResourceRequirement> requirements)
    {
        if (requirements.Count > 50)
        {
            return InputRules.Invalid("requirements", "A resource may have at most 50 requirements.");
        }
        foreach (var requirement in requirements)
        {
            if (requirement.Code is not { Length: <= 64 } code || !RequirementCode().IsMatch(code))
            {
                return InputRules.Invalid("requirements", $"Requirement code '{requirement.Code}' must be lowercase letters, digits and underscores, starting with a letter (at most 64).");
            }
            if (InputRules.Required(requirement.Description, 1000, "requirements") is { } error)
            {
                return error with { Message = $"Requirement '{code}' needs a description of 1 to 1000 characters." };
            }
        }
        return requirements.GroupBy(q => q.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? InputRules.Invalid("requirements", $"Requirement code '{twice.Key}' appears more than once.")
            : null;
    }

    private static void SetText(NpgsqlParameterCollection p, string column, bool isSet, string? value)
    {
        p.Add(new NpgsqlParameter<bool>("set_" + column, NpgsqlDbType.Boolean) { TypedValue = isSet });
        p.AddNullableText(column, value);
    }

    private static void Set<T>(NpgsqlParameterCollection p, string column, T? value, NpgsqlDbType type)
        where T : struct
    {
        p.Add(new NpgsqlParameter<bool>("set_" + column, NpgsqlDbType.Boolean) { TypedValue = value.HasValue });
        p.AddNullable(column, value, type);
    }
}
