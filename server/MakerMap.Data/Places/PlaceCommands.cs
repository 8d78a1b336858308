using System.Text.RegularExpressions;
using MakerMap.Data.Internal;
using MakerMap.Data.Places.OpeningHours;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.CommandErrorCodes;

namespace MakerMap.Data.Places;

/// <summary>Who owns a place, resource or schedule, for access checks.</summary>
/// <param name="OrganisationId">The owning organisation; null when none is known (site admins only).</param>
public sealed record Owner(Guid? OrganisationId);

/// <summary>
/// Creates, changes and deletes places. Input is checked before anything is written and each command
/// is one statement or transaction, so a failure leaves the database as it was.
/// </summary>
public sealed partial class PlaceCommands(NpgsqlDataSource dataSource)
{
    private static readonly HashSet<string> Precisions = new(StringComparer.Ordinal) { "surveyed", "address", "approximate" };

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    /// <summary>The place's owner, or null when there is no such place.</summary>
    public async Task<Owner?> FindOwnerAsync(Guid placeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT organisation_id FROM places WHERE id = @id");
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = placeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Owner(reader.IsDBNull(0) ? null : reader.GetGuid(0))
            : null;
    }

    /// <summary>Inserts the place; returns its id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(NewPlace place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var name = place.Name?.Trim();
        if (InputRules.First(
                InputRules.Required(name, 300, "name"),
                InputRules.Slug(place.Slug),
                InputRules.OneOf(place.Kind, PlaceVocabulary.Kinds, "kind"),
                InputRules.AllOf(place.Categories, PlaceVocabulary.Categories, "categories"),
                InputRules.Point(place.Longitude, place.Latitude, "location"),
                InputRules.OneOf(place.LocationPrecision, Precisions, "locationPrecision"),
                InputRules.OneOf(place.Wheelchair, PlaceVocabulary.WheelchairAccess, "wheelchair"),
                CheckAddress(place.Address),
                CheckLanguages(place.Languages),
                CheckContact(place.LocationNote, place.Description, place.Phone, place.Email, place.Website, place.OpeningHours)) is { } error)
        {
            return error;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var slug = place.Slug
            ?? await Slugs.FreeAsync(connection, transaction, "places", InputRules.SlugFrom(name!, "place"), cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(PlaceCommandSql.InsertPlace, connection, transaction);
        var p = insert.Parameters;
        p.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
        p.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name! });
        p.Add(new NpgsqlParameter<string>("kind", NpgsqlDbType.Text) { TypedValue = place.Kind });
        p.AddTextArray("categories", [.. place.Categories.Distinct(StringComparer.Ordinal)]);
        p.Add(new NpgsqlParameter<double>("longitude", NpgsqlDbType.Double) { TypedValue = place.Longitude });
        p.Add(new NpgsqlParameter<double>("latitude", NpgsqlDbType.Double) { TypedValue = place.Latitude });
        p.Add(new NpgsqlParameter<string>("location_precision", NpgsqlDbType.Text) { TypedValue = place.LocationPrecision });
        p.AddNullableText("location_note", place.LocationNote);
        AddAddress(p, place.Address);
        p.AddNullableText("description", place.Description);
        p.AddNullableText("phone", place.Phone);
        p.AddNullableText("email", place.Email);
        p.AddNullableText("website", place.Website);
        p.AddNullableText("opening_hours", place.OpeningHours);
        p.Add(new NpgsqlParameter<string>("wheelchair", NpgsqlDbType.Text) { TypedValue = place.Wheelchair });
        p.AddTextArray("languages", [.. place.Languages]);
        p.AddNullable("organisation_id", place.OrganisationId, NpgsqlDbType.Uuid);
        try
        {
            var id = (Guid)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return id;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "places_slug_key")
        {
            return new CommandError(SlugTaken, $"The slug '{slug}' is used by another place already.", "slug");
        }
    }

    /// <summary>Applies <paramref name="changes"/> to the place; returns its id.</summary>
    public async Task<CommandResult<Guid>> UpdateAsync(Guid placeId, PlaceChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var name = changes.Name is { } n ? n.Value?.Trim() : null;
        if (InputRules.First(
                changes.Name is null ? null : InputRules.Required(name, 300, "name"),
                changes.Kind is { } k ? InputRules.OneOf(k.Value, PlaceVocabulary.Kinds, "kind") : null,
                changes.Categories is { Value: { } categories } ? InputRules.AllOf(categories, PlaceVocabulary.Categories, "categories") : null,
                changes.Location is { } l
                    ? l.Value is { } point ? InputRules.Point(point.Longitude, point.Latitude, "location") : InputRules.Invalid("location", "A place must have a location.")
                    : null,
                changes.LocationPrecision is { } lp ? InputRules.OneOf(lp.Value, Precisions, "locationPrecision") : null,
                changes.Wheelchair is { Value: { } w } ? InputRules.OneOf(w, PlaceVocabulary.WheelchairAccess, "wheelchair") : null,
                changes.Address is { } a ? CheckAddress(a.Value) : null,
                changes.Languages is { Value: { } languages } ? CheckLanguages(languages) : null,
                CheckContact(changes.LocationNote?.Value, changes.Description?.Value, changes.Phone?.Value, changes.Email?.Value,
                    changes.Website?.Value, changes.OpeningHours?.Value)) is { } error)
        {
            return error;
        }
        await using var update = dataSource.CreateCommand(PlaceCommandSql.UpdatePlace);
        var p = update.Parameters;
        p.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = placeId });
        Set(p, "name", changes.Name is not null, name);
        Set(p, "kind", changes.Kind is not null, changes.Kind?.Value);
        p.Add(Flag("set_categories", changes.Categories is not null));
        p.AddTextArray("categories", [.. (changes.Categories?.Value ?? []).Distinct(StringComparer.Ordinal)]);
        var location = changes.Location?.Value;
        p.Add(Flag("set_location", location is not null));
        p.Add(new NpgsqlParameter<double>("longitude", NpgsqlDbType.Double) { TypedValue = location?.Longitude ?? 0 });
        p.Add(new NpgsqlParameter<double>("latitude", NpgsqlDbType.Double) { TypedValue = location?.Latitude ?? 0 });
        Set(p, "location_precision", changes.LocationPrecision is not null, changes.LocationPrecision?.Value);
        Set(p, "location_note", changes.LocationNote is not null, changes.LocationNote?.Value);
        p.Add(Flag("set_address", changes.Address is not null));
        AddAddress(p, changes.Address?.Value);
        Set(p, "description", changes.Description is not null, changes.Description?.Value);
        Set(p, "phone", changes.Phone is not null, changes.Phone?.Value);
        Set(p, "email", changes.Email is not null, changes.Email?.Value);
        Set(p, "website", changes.Website is not null, changes.Website?.Value);
        Set(p, "opening_hours", changes.OpeningHours is not null, changes.OpeningHours?.Value);
        Set(p, "wheelchair", changes.Wheelchair is not null, changes.Wheelchair is { } wc ? wc.Value ?? "unknown" : null);
        p.Add(Flag("set_languages", changes.Languages is not null));
        p.AddTextArray("languages", [.. changes.Languages?.Value ?? []]);
        var updated = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return updated == 0 ? UnknownPlace() : placeId;
    }

    /// <summary>Deletes a place that holds no resources (<c>IN_USE</c> otherwise); returns its id.</summary>
    public async Task<CommandResult<Guid>> DeleteAsync(Guid placeId, CancellationToken cancellationToken)
    {
        await using var delete = dataSource.CreateCommand(PlaceCommandSql.DeletePlace);
        delete.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = placeId });
        if (await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid)
        {
            return placeId;
        }
        return await FindOwnerAsync(placeId, cancellationToken).ConfigureAwait(false) is null
            ? UnknownPlace()
            : new CommandError(InUse, "The place is the home of resources; delete or move them first.", "id");
    }

    private static CommandError UnknownPlace() => new(NotFound, "There is no place with this id.", "id");

    private static CommandError? CheckAddress(PostalAddress? address) =>
        address is null ? null : InputRules.First(
            InputRules.Optional(address.Street, 200, "address.street"),
            InputRules.Optional(address.PostalCode, 20, "address.postalCode"),
            InputRules.Optional(address.Locality, 100, "address.locality"),
            address.CountryCode is { } c && !CountryCode().IsMatch(c)
                ? InputRules.Invalid("address.countryCode", "\"address.countryCode\" must be two capital letters (ISO 3166-1 alpha-2), e.g. BE.")
                : null);

    private static CommandError? CheckLanguages(IReadOnlyList<string> languages) =>
        languages.Count > 20 ? InputRules.Invalid("languages", "\"languages\" may hold at most 20 codes.")
        : languages.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } bad
            ? InputRules.Invalid("languages", $"\"languages\" must hold ISO 639-1 codes such as nl or fr, not '{bad}'.")
            : null;

    private static CommandError? CheckContact(string? locationNote, string? description, string? phone, string? email, string? website, string? openingHours)
    {
        if (InputRules.First(
                InputRules.Optional(locationNote, 1000, "locationNote"),
                InputRules.Optional(description, 5000, "description"),
                InputRules.Optional(phone, 50, "phone"),
                InputRules.Email(email, "email"),
                InputRules.Url(website, "website"),
                InputRules.Optional(openingHours, 500, "openingHours")) is { } error)
        {
            return error;
        }
        // Hours the map cannot evaluate would show as "unknown" forever; say so while the author is here.
        if (openingHours is not null && !OpeningHoursSchedule.TryParse(openingHours, out _, out var hoursError))
        {
            return InputRules.Invalid("openingHours", hoursError.Message);
        }
        return null;
    }

    private static void AddAddress(NpgsqlParameterCollection p, PostalAddress? address)
    {
        p.AddNullableText("street_address", address?.Street);
        p.AddNullableText("postal_code", address?.PostalCode);
        p.AddNullableText("locality", address?.Locality);
        p.Add(new NpgsqlParameter<string>("country_code", NpgsqlDbType.Text) { TypedValue = address?.CountryCode ?? "BE" });
    }

    private static NpgsqlParameter<bool> Flag(string name, bool value) => new(name, NpgsqlDbType.Boolean) { TypedValue = value };

    private static void Set(NpgsqlParameterCollection p, string column, bool isSet, string? value)
    {
        p.Add(Flag("set_" + column, isSet));
        p.AddNullableText(column, value);
    }
}
