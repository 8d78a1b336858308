using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Places;
using MakerMap.Data.Resources;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>createResource</c>, <c>updateResource</c> and <c>deleteResource</c>: resource managers and admins
/// of the owning organisation (for a new resource: its home place's), and site admins.
/// </summary>
public static class ResourceMutations
{
    private static readonly OwnedObjectKind Kind = new("Resource", "resource", "Only resource managers and admins of the resource's organisation may change its resources.",
        (ctx, id, ct) => ctx.Service<ResourceCommands>().FindOwnerAsync(id, ct), (policy, principal, owner) => policy.CanManageResource(principal, owner),
        (ctx, id, ct) => ctx.Service<ResourceCommands>().DeleteAsync(id, ct));

    /// <summary>Binds the resource mutations.</summary>
    public static SchemaBuilder BindResourceMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "createResource", CreateAsync)
            .Bind("Mutation", "updateResource", UpdateAsync)
            .Bind("Mutation", "deleteResource", (ctx, ct) => OwnedObjectMutations.DeleteAsync(ctx, Kind, ct));
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail("resource", UserError.Unauthenticated());
        }
        if (!TryId(input, "placeId", "Place", out var placeId, out var error))
        {
            return Payload.Fail("resource", error!);
        }
        if (await ctx.Service<PlaceCommands>().FindOwnerAsync(placeId, ct).ConfigureAwait(false) is not { } owner)
        {
            return Payload.Fail("resource", new UserError(UserErrorCodes.NotFound, "There is no place with this id.", ["input", "placeId"]));
        }
        if (!ctx.Service<AccessPolicy>().CanManageResource(principal, owner.OrganisationId))
        {
            return Payload.Fail("resource", UserError.Forbidden(Kind.Forbidden));
        }
        var resource = new NewResource
        {
            PlaceId = placeId,
            Name = input.GetValueOrDefault("name") as string ?? "",
            Slug = input.GetValueOrDefault("slug") as string,
            Kind = Enum(input.GetValueOrDefault("kind")) ?? "",
            Description = input.GetValueOrDefault("description") as string,
            Capacity = Inputs.AsInt(input.GetValueOrDefault("capacity")) ?? 1,
            BookingMode = Enum(input.GetValueOrDefault("bookingMode")) ?? "exclusive",
            IsMobile = input.GetValueOrDefault("isMobile") is true,
            RequiresApproval = input.GetValueOrDefault("requiresApproval") is not false,
            MinBookingMinutes = Inputs.AsInt(input.GetValueOrDefault("minBookingMinutes")) ?? 30,
            MaxBookingMinutes = Inputs.AsInt(input.GetValueOrDefault("maxBookingMinutes")) ?? 20160,
            ApprovalTimeoutHours = Inputs.AsDouble(input.GetValueOrDefault("approvalTimeoutHours")) ?? 72,
            Requirements = Requirements(input.GetValueOrDefault("requirements")) ?? [],
        };
        return await ToPayloadAsync(ctx, await ctx.Service<ResourceCommands>().CreateAsync(resource, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> UpdateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        if (await OwnedObjectMutations.AuthorizeAsync(ctx, Kind, input, "resource", ct).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }
        var changes = new ResourceChanges
        {
            Name = Changed(input, "name", v => v as string),
            Kind = Changed(input, "kind", Enum),
            Description = Changed(input, "description", v => v as string),
            Capacity = Changed(input, "capacity", Inputs.AsInt),
            BookingMode = Changed(input, "bookingMode", Enum),
            IsMobile = Changed(input, "isMobile", v => v as bool?),
            RequiresApproval = Changed(input, "requiresApproval", v => v as bool?),
            MinBookingMinutes = Changed(input, "minBookingMinutes", Inputs.AsInt),
            MaxBookingMinutes = Changed(input, "maxBookingMinutes", Inputs.AsInt),
            ApprovalTimeoutHours = Changed(input, "approvalTimeoutHours", Inputs.AsDouble),
            Requirements = Changed(input, "requirements", Requirements),
        };
        TryId(input, "id", "Resource", out var resourceId, out _);
        return await ToPayloadAsync(ctx, await ctx.Service<ResourceCommands>().UpdateAsync(resourceId, changes, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> ToPayloadAsync(ResolveContext ctx, CommandResult<Guid> result, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Payload.Fail("resource", ToUserError(result.Error!));
        }
        // Read past the request's DataLoader: an earlier field may have cached the row before this change.
        var rows = await ctx.Store().ResourcesAsync([result.Value], ct).ConfigureAwait(false);
        return Payload.Ok("resource", rows.GetValueOrDefault(result.Value));
    }

    private static IReadOnlyList<ResourceRequirement>? Requirements(object? value) =>
        value is IEnumerable<object?> items
            ? [.. items.Select(Inputs.Map).OfType<IReadOnlyDictionary<string, object?>>()
                .Select(q => new ResourceRequirement(q.GetValueOrDefault("code") as string ?? "", q.GetValueOrDefault("description") as string ?? ""))]
            : null;
}
