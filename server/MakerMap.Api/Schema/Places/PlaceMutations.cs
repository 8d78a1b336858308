using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Places;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>createPlace</c>, <c>updatePlace</c> and <c>deletePlace</c>: resource managers and admins of the
/// place's organisation, and site admins (<see cref="AccessPolicy.CanManagePlace"/>).
/// </summary>
public static class PlaceMutations
{
    /// <summary>Binds the place mutations.</summary>
    public static SchemaBuilder BindPlaceMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "createPlace", CreateAsync)
            .Bind("Mutation", "updatePlace", UpdateAsync)
            .Bind("Mutation", "deletePlace", (ctx, ct) => OwnedObjectMutations.DeleteAsync(ctx, Kind, ct));
    }

    private static readonly OwnedObjectKind Kind = new("Place", "place", "Only resource managers and admins of the place's organisation may change its places.",
        (ctx, id, ct) => ctx.Service<PlaceCommands>().FindOwnerAsync(id, ct), (policy, principal, owner) => policy.CanManagePlace(principal, owner),
        (ctx, id, ct) => ctx.Service<PlaceCommands>().DeleteAsync(id, ct));

    private static async Task<Dictionary<string, object?>> CreateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail("place", UserError.Unauthenticated());
        }
        if (!TryId(input, "organisationId", "Organisation", out var organisationId, out var error))
        {
            return Payload.Fail("place", error!);
        }
        if (!ctx.Service<AccessPolicy>().CanManagePlace(principal, organisationId))
        {
            return Payload.Fail("place", UserError.Forbidden(Kind.Forbidden));
        }
        if (await ctx.Store().OrganisationsAsync([organisationId], ct).ConfigureAwait(false) is var found && !found.ContainsKey(organisationId))
        {
            return Payload.Fail("place", new UserError(UserErrorCodes.NotFound, "There is no organisation with this id.", ["input", "organisationId"]));
        }
        var (longitude, latitude) = Coordinates(input.GetValueOrDefault("location"));
        var place = new NewPlace
        {
            OrganisationId = organisationId,
            Name = input.GetValueOrDefault("name") as string ?? "",
            Slug = input.GetValueOrDefault("slug") as string,
            Kind = Enum(input.GetValueOrDefault("kind")) ?? "",
            Categories = Strings(input.GetValueOrDefault("categories"), lower: true) ?? [],
            Longitude = longitude,
            Latitude = latitude,
            LocationPrecision = Enum(input.GetValueOrDefault("locationPrecision")) ?? "address",
            LocationNote = input.GetValueOrDefault("locationNote") as string,
            Address = Address(input.GetValueOrDefault("address")),
            Description = input.GetValueOrDefault("description") as string,
            Phone = input.GetValueOrDefault("phone") as string,
            Email = input.GetValueOrDefault("email") as string,
            Website = input.GetValueOrDefault("website") as string,
            OpeningHours = input.GetValueOrDefault("openingHours") as string,
            Wheelchair = Enum(input.GetValueOrDefault("wheelchair")) ?? "unknown",
            Languages = Strings(input.GetValueOrDefault("languages")) ?? ["nl"],
        };
        return await ToPayloadAsync(ctx, await ctx.Service<PlaceCommands>().CreateAsync(place, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> UpdateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        if (await OwnedObjectMutations.AuthorizeAsync(ctx, Kind, input, "place", ct).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }
        var changes = new PlaceChanges
        {
            Name = Changed(input, "name", v => v as string),
            Kind = Changed(input, "kind", Enum),
            Categories = Changed(input, "categories", v => Strings(v, lower: true)),
            Location = Changed<(double, double)?>(input, "location", v => v is null ? null : Coordinates(v)),
            LocationPrecision = Changed(input, "locationPrecision", Enum),
            LocationNote = Changed(input, "locationNote", v => v as string),
            Address = Changed(input, "address", Address),
            Description = Changed(input, "description", v => v as string),
            Phone = Changed(input, "phone", v => v as string),
            Email = Changed(input, "email", v => v as string),
            Website = Changed(input, "website", v => v as string),
            OpeningHours = Changed(input, "openingHours", v => v as string),
            Wheelchair = Changed(input, "wheelchair", Enum),
            Languages = Changed(input, "languages", v => Strings(v)),
        };
        TryId(input, "id", "Place", out var placeId, out _);
        return await ToPayloadAsync(ctx, await ctx.Service<PlaceCommands>().UpdateAsync(placeId, changes, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> ToPayloadAsync(ResolveContext ctx, CommandResult<Guid> result, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Payload.Fail("place", ToUserError(result.Error!));
        }
        // Read past the request's DataLoader: an earlier field may have cached the row before this change.
        var rows = await ctx.Store().PlacesAsync([result.Value], ct).ConfigureAwait(false);
        return Payload.Ok("place", rows.GetValueOrDefault(result.Value));
    }

    // Range checks are the data layer's, which reports INVALID_COORDINATES with the field.
    private static (double Longitude, double Latitude) Coordinates(object? value)
    {
        var point = Inputs.Map(value);
        return (Inputs.AsDouble(point?.GetValueOrDefault("longitude")) ?? double.NaN, Inputs.AsDouble(point?.GetValueOrDefault("latitude")) ?? double.NaN);
    }

    private static PostalAddress? Address(object? value) =>
        Inputs.Map(value) is { } a
            ? new PostalAddress(a.GetValueOrDefault("street") as string, a.GetValueOrDefault("postalCode") as string,
                a.GetValueOrDefault("locality") as string, a.GetValueOrDefault("countryCode") as string)
            : null;
}
