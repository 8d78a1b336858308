using System.Text;
using MakerMap.Api.Auth;
using MakerMap.GraphQL.Execution;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Api.Schema;

/// <summary>
/// The <c>bookings</c> connections of <c>Resource</c>, <c>Organisation</c> and <c>Account</c>, newest
/// first, with keyset cursors (base64 of <c>booking:uuid</c>). Each is visible only to the people
/// the SDL names; others get an empty connection.
/// </summary>
public sealed class BookingPages(NpgsqlDataSource dataSource)
{
    // The owner column comes from this allow-list only, never from input.
    private static readonly Dictionary<string, string> OwnerColumns = new(StringComparer.Ordinal)
    {
        ["Resource"] = "resource_id",
        ["Organisation"] = "organisation_id",
        ["Account"] = "booked_by",
    };

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
        var after = DecodeCursor(ctx.Arguments.GetValueOrDefault("after") as string);
        var statuses = Inputs.EnumList(ctx.Arguments.GetValueOrDefault("statuses"));
        return await ctx.Service<BookingPages>().PageAsync(owner.TypeName, owner.Uuid, statuses, first, after, ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, object?>> PageAsync(string ownerType, Guid ownerId, IReadOnlyList<string>? statuses,
        int first, Guid? after, CancellationToken ct)
    {
        var column = OwnerColumns[ownerType];
        await using var command = dataSource.CreateCommand($"""
            -- matching: the owner's bookings in the states asked for
            WITH matching AS (
                SELECT b.* FROM bookings AS b
                WHERE b.{column} = @owner AND (@statuses::text[] IS NULL OR b.status = ANY(@statuses))
            )
            SELECT b.id AS "uuid", b.resource_id AS "resourceId", b.slot_id AS "slotId",
                   lower(b.period) AS "start", upper(b.period) AS "end", b.quantity AS "quantity",
                   upper(b.status) AS "status", b.organisation_id AS "organisationId", b.booked_by AS "bookedById",
                   b.purpose AS "purpose", ST_AsGeoJSON(b.deployment_location) AS "deploymentLocation",
                   b.deployment_address AS "deploymentAddress", b.confirmed_requirements AS "confirmedRequirements",
                   CASE WHEN b.status = 'requested' THEN b.expires_at END AS "expiresAt",
                   b.decided_by AS "decidedById", b.decided_at AS "decidedAt", b.decision_note AS "decisionNote",
                   b.created_at AS "createdAt", b.updated_at AS "updatedAt",
                   (SELECT count(*) FROM matching)::int AS "totalCount"
            FROM matching AS b
            WHERE @after::uuid IS NULL OR (b.created_at, b.id) < ((SELECT created_at FROM bookings WHERE id = @after), @after)
            ORDER BY b.created_at DESC, b.id DESC
            LIMIT @limit
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("owner", NpgsqlDbType.Uuid) { TypedValue = ownerId });
        p.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statuses?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = after ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = first + 1 });
        List<Row> rows;
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            rows = await Row.ReadAllAsync(reader, "Booking", ct).ConfigureAwait(false);
        }
        var total = rows.Count > 0 ? (int)rows[0]["totalCount"]! : 0;
        return Connection.Create(rows.Take(first).ToList(), rows.Count > first, after is not null, total,
            row => Convert.ToBase64String(Encoding.UTF8.GetBytes("booking:" + row.Uuid.ToString("D"))));
    }

    private static Guid? DecodeCursor(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }
        var buffer = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written) is var text
            && text.StartsWith("booking:", StringComparison.Ordinal)
            && Guid.TryParseExact(text[8..], "D", out var id))
        {
            return id;
        }
        throw Errors.BadInput("\"after\" is not a cursor returned by this connection.", "INVALID_INPUT", "after");
    }
}
