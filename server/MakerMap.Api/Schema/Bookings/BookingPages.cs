using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Schema;

/// <summary>
/// The <c>bookings</c> connections of <c>Resource</c>, <c>Organisation</c> and <c>Account</c>, newest
/// first, with keyset cursors (base64 of <c>booking:uuid</c>). Each is visible only to the people
/// the SDL names; others get an empty connection.
/// </summary>
public sealed class BookingPages(BookingPageQueries queries)
{
    private const string CursorKind = "booking";

    /// <summary>Resolves <c>bookings</c> on a <see cref="Row"/> of Resource, Organisation or Account.</summary>
    public static async Task<Dictionary<string, object?>> ResolveAsync(ResolveContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var owner = (Row)ctx.Source!;
        var principal = ctx.Principal();
        var visible = owner.TypeName switch
        {
            "Resource" => ctx.Service<AccessPolicy>().CanManageResource(principal, owner.GuidOrNull("organisationId")),
            "Organisation" => principal.IsSiteAdmin() || principal.RoleIn(owner.Uuid) is not null,
            _ => principal.IsSiteAdmin() || principal.GetAccountId() == owner.Uuid,
        };
        if (!visible)
        {
            return Connection.Empty();
        }
        var first = Inputs.Range(ctx.Argument("first", 20), 1, 100, "first");
        var after = Cursor.Decode(CursorKind, ctx.Arguments.GetValueOrDefault("after") as string);
        var statuses = Inputs.EnumList(ctx.Arguments.GetValueOrDefault("statuses"));
        return await ctx.Service<BookingPages>().PageAsync(owner.TypeName, owner.Uuid, statuses, first, after, ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, object?>> PageAsync(string ownerType, Guid ownerId, IReadOnlyList<string>? statuses,
        int first, Guid? after, CancellationToken ct)
    {
        var owner = ownerType switch
        {
            "Resource" => BookingOwner.Resource,
            "Organisation" => BookingOwner.Organisation,
            _ => BookingOwner.Account,
        };
        var rows = await queries.PageAsync(owner, ownerId, statuses, first + 1, after, () => new Row("Booking"), ct).ConfigureAwait(false);
        var total = rows.Count > 0 ? (int)rows[0]["totalCount"]! : 0;
        return Connection.Create(rows.Take(first).ToList(), rows.Count > first, after is not null, total,
            row => Cursor.Encode(CursorKind, row.Uuid));
    }
}
