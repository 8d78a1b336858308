using MakerMap.Api.Schema;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Observability;

/// <summary>Counts each requestBooking by outcome, read from the payload the resolver returns (so the resolver stays as it is).</summary>
internal static class BookingOutcomes
{
    /// <summary>Outcome of a resolver that threw (the database was down, a bug): the client saw a GraphQL error.</summary>
    public const string Error = "error";

    public static Func<ResolveContext, CancellationToken, Task<Dictionary<string, object?>>> Counted(
        Func<ResolveContext, CancellationToken, Task<Dictionary<string, object?>>> resolve) =>
        async (ctx, ct) =>
        {
            var outcome = Error;
            try
            {
                var payload = await resolve(ctx, ct).ConfigureAwait(false);
                outcome = Of(payload);
                return payload;
            }
            finally
            {
                MakerMapMetrics.BookingOutcome(outcome);
            }
        };

    /// <summary>The new booking's status, else the first error's code (both from closed sets).</summary>
    internal static string Of(Dictionary<string, object?> payload) =>
        payload.GetValueOrDefault("booking") is Row booking && booking.GetValueOrDefault("status") is string status ? status
        : payload.GetValueOrDefault("errors") is IReadOnlyList<UserError> { Count: > 0 } errors ? errors[0].Code
        : Error;
}
