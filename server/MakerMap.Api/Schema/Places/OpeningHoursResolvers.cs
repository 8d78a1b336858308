using MakerMap.Data.Places.OpeningHours;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Place.openStateAt</c> and <c>Query.openingHoursPreview</c>: the tri-state reading of OpenStreetMap
/// <c>opening_hours</c> (open, closed, unknown with a comment) by the data layer's evaluator, in Europe/Brussels.
/// </summary>
public static class OpeningHoursResolvers
{
    /// <summary>The longest preview, in days: a month is what an editor checks, and it bounds the work per request.</summary>
    public const int MaxPreviewDays = 31;

    /// <summary>Binds the fields.</summary>
    public static SchemaBuilder BindOpeningHours(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Place", "openStateAt", OpenStateAtAsync)
            .Bind("Query", "openingHoursPreview", ctx => Preview(
                ctx.Argument<string>("value"), ctx.Argument<DateTimeOffset>("from"), ctx.Argument("days", 7)));
    }

    /// <summary>The GraphQL name of a state.</summary>
    public static string Name(OpeningState state) => state switch
    {
        OpeningState.Open => "OPEN",
        OpeningState.Closed => "CLOSED",
        _ => "UNKNOWN",
    };

    private static async Task<Dictionary<string, object?>> OpenStateAtAsync(ResolveContext ctx, CancellationToken ct)
    {
        var place = (Row)ctx.Source!;
        var at = ctx.Argument<DateTimeOffset>("at");
        if (await PlaceResolvers.HasSessionAtAsync(ctx, place, at).ConfigureAwait(false))
        {
            return StateAt(OpeningState.Open, null);
        }
        // Hours that do not parse say nothing; neither do missing hours without a session.
        return OpenAtFilter.TryGetSchedule(place["openingHoursRaw"] as string) is { } schedule
            ? StateAt(schedule.StateAndCommentAt(at))
            : StateAt(OpeningState.Unknown, null);
    }

    private static Dictionary<string, object?> StateAt((OpeningState State, string? Comment) value) => StateAt(value.State, value.Comment);

    private static Dictionary<string, object?> StateAt(OpeningState state, string? comment) =>
        new(StringComparer.Ordinal) { ["state"] = Name(state), ["comment"] = comment };

    private static Dictionary<string, object?> Preview(string value, DateTimeOffset from, int days)
    {
        Inputs.Range(days, 1, MaxPreviewDays, "days");
        if (value.Length > 500)
        {
            throw Errors.BadInput("\"value\" must be at most 500 characters.", UserErrorCodes.InvalidInput, "value");
        }
        if (!OpeningHoursSchedule.TryParse(value, out var schedule, out var error))
        {
            return Result(false, [error.Message], [], []);
        }
        var intervals = schedule.Timeline(from, from.AddDays(days), OpeningHoursSchedule.Brussels)
            .Select(i => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["start"] = i.Start,
                ["end"] = i.End,
                ["state"] = Name(i.State),
                ["comment"] = i.Comment,
            }).ToList();
        return Result(true, [], [.. schedule.Warnings], intervals);
    }

    private static Dictionary<string, object?> Result(bool valid, List<string> errors, List<string> warnings, List<object?> intervals) =>
        new(StringComparer.Ordinal)
        {
            ["valid"] = valid,
            ["errors"] = errors,
            ["warnings"] = warnings,
            ["intervals"] = intervals,
        };
}
