using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Places;
using MakerMap.Data.Resources;
using MakerMap.Data.Schedules;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>createSchedule</c>, <c>updateSchedule</c> and <c>deleteSchedule</c>: managed with the resource
/// (availability) or place (sessions) they belong to (<see cref="AccessPolicy.CanManageSchedule"/>).
/// Occurrences for the coming 8 weeks are materialised in the same transaction.
/// </summary>
public static class ScheduleMutations
{
    private static readonly OwnedObjectKind Kind = new("Schedule", "schedule", "Only resource managers and admins of the owning organisation may change its schedules.",
        (ctx, id, ct) => ctx.Service<ScheduleCommands>().FindOwnerAsync(id, ct), (policy, principal, owner) => policy.CanManageSchedule(principal, owner),
        (ctx, id, ct) => ctx.Service<ScheduleCommands>().DeleteAsync(id, ct));

    /// <summary>Binds the schedule mutations.</summary>
    public static SchemaBuilder BindScheduleMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "createSchedule", CreateAsync)
            .Bind("Mutation", "updateSchedule", UpdateAsync)
            .Bind("Mutation", "deleteSchedule", (ctx, ct) => OwnedObjectMutations.DeleteAsync(ctx, Kind, ct));
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail("schedule", UserError.Unauthenticated());
        }
        var kind = Enum(input.GetValueOrDefault("kind")) ?? "";
        Guid? resourceId = null, placeId = null;
        if (input.GetValueOrDefault("resourceId") is not null)
        {
            if (!TryId(input, "resourceId", "Resource", out var id, out var error))
            {
                return Payload.Fail("schedule", error!);
            }
            resourceId = id;
        }
        if (input.GetValueOrDefault("placeId") is not null)
        {
            if (!TryId(input, "placeId", "Place", out var id, out var error))
            {
                return Payload.Fail("schedule", error!);
            }
            placeId = id;
        }
        // The owner decides access; a schedule without its target fails validation in the data layer.
        Owner? owner = null;
        if (kind == "availability" && resourceId is { } r)
        {
            owner = await ctx.Service<ResourceCommands>().FindOwnerAsync(r, ct).ConfigureAwait(false);
            if (owner is null)
            {
                return Payload.Fail("schedule", new UserError(UserErrorCodes.NotFound, "There is no resource with this id.", ["input", "resourceId"]));
            }
        }
        else if (kind == "session" && placeId is { } p)
        {
            owner = await ctx.Service<PlaceCommands>().FindOwnerAsync(p, ct).ConfigureAwait(false);
            if (owner is null)
            {
                return Payload.Fail("schedule", new UserError(UserErrorCodes.NotFound, "There is no place with this id.", ["input", "placeId"]));
            }
        }
        if (owner is not null && !ctx.Service<AccessPolicy>().CanManageSchedule(principal, owner.OrganisationId))
        {
            return Payload.Fail("schedule", UserError.Forbidden(Kind.Forbidden));
        }
        var schedule = new NewSchedule
        {
            Kind = kind,
            ResourceId = resourceId,
            PlaceId = placeId,
            Title = input.GetValueOrDefault("title") as string ?? "",
            StartsLocal = input.GetValueOrDefault("startsLocal") as DateTime? ?? default,
            DurationMinutes = Inputs.AsInt(input.GetValueOrDefault("durationMinutes")) ?? 0,
            TimeZone = input.GetValueOrDefault("timeZone") as string ?? "Europe/Brussels",
            RRule = input.GetValueOrDefault("rrule") as string,
            ExcludedDates = Dates(input.GetValueOrDefault("excludedDates")) ?? [],
            Capacity = Inputs.AsInt(input.GetValueOrDefault("capacity")),
        };
        if (owner is null)
        {
            // Only validation can fail now (a missing or misplaced target); it never writes.
            var invalid = await ctx.Service<ScheduleCommands>().CreateAsync(schedule, ct).ConfigureAwait(false);
            return Payload.Fail("schedule", ToUserError(invalid.Error ?? new CommandError(CommandErrorCodes.InvalidInput, "The schedule has no resource or place.")));
        }
        return await ToPayloadAsync(ctx, await ctx.Service<ScheduleCommands>().CreateAsync(schedule, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> UpdateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        if (await OwnedObjectMutations.AuthorizeAsync(ctx, Kind, input, "schedule", ct).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }
        var changes = new ScheduleChanges
        {
            Title = Changed(input, "title", v => v as string),
            StartsLocal = Changed(input, "startsLocal", v => v as DateTime?),
            DurationMinutes = Changed(input, "durationMinutes", Inputs.AsInt),
            TimeZone = Changed(input, "timeZone", v => v as string),
            RRule = Changed(input, "rrule", v => v as string),
            ExcludedDates = Changed(input, "excludedDates", Dates),
            Capacity = Changed(input, "capacity", Inputs.AsInt),
        };
        TryId(input, "id", "Schedule", out var scheduleId, out _);
        return await ToPayloadAsync(ctx, await ctx.Service<ScheduleCommands>().UpdateAsync(scheduleId, changes, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, object?>> ToPayloadAsync(ResolveContext ctx, CommandResult<Guid> result, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Payload.Fail("schedule", ToUserError(result.Error!));
        }
        var rows = await ctx.Service<ScheduleQueries>().ByIdsAsync([result.Value], ct).ConfigureAwait(false);
        return Payload.Ok("schedule", rows.Select(ScheduleResolvers.ToRow).FirstOrDefault());
    }

    private static IReadOnlyList<DateOnly>? Dates(object? value) =>
        value is IEnumerable<object?> items ? [.. items.OfType<DateOnly>()] : null;
}
