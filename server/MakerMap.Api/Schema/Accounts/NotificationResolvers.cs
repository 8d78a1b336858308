using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.Data.Notifications;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Account.notifications</c>, <c>Account.unreadNotificationCount</c>, <c>markNotificationsRead</c>,
/// <c>setLanguage</c> and <c>Query.requestsToDecide</c> (the approval queue). Notifications are the account's own: anyone else, site admins included,
/// sees none, since they are messages to a person rather than facts about bookings.
/// </summary>
public static class NotificationResolvers
{
    private const string NotificationType = "Notification";

    /// <summary>Binds the fields and mutations.</summary>
    public static SchemaBuilder BindNotifications(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Account", "notifications", ListAsync)
            .Bind("Account", "unreadNotificationCount", async (ctx, ct) =>
                IsSelf(ctx) ? await ctx.Service<NotificationStore>().CountUnreadAsync(Source(ctx).Uuid, ct).ConfigureAwait(false) : 0)
            .Bind("Notification", "booking", (ctx, ct) => NodeResolvers.VisibleBookingAsync(ctx, (Guid)Source(ctx)["bookingId"]!, ct))
            .Bind("Query", "requestsToDecide", RequestsToDecideAsync)
            .Bind("Mutation", "markNotificationsRead", MarkReadAsync)
            .Bind("Mutation", "setLanguage", SetLanguageAsync);
    }

    private static async Task<IReadOnlyList<Row>> ListAsync(ResolveContext ctx, CancellationToken ct)
    {
        if (!IsSelf(ctx))
        {
            return [];
        }
        var first = ctx.Argument("first", 20);
        if (first is < 1 or > 100)
        {
            throw Errors.BadInput("\"first\" must be between 1 and 100.", UserErrorCodes.InvalidInput, "first");
        }
        var items = await ctx.Service<NotificationStore>()
            .ListAsync(Source(ctx).Uuid, first, ctx.Argument("unreadOnly", false), ct).ConfigureAwait(false);
        return [.. items.Select(n => new Row(NotificationType)
        {
            ["uuid"] = n.Id,
            ["id"] = GlobalId.Encode(NotificationType, n.Id),
            ["kind"] = n.Kind.ToUpperInvariant(),
            ["subject"] = n.Subject,
            ["body"] = n.Body,
            ["bookingId"] = n.BookingId,
            ["createdAt"] = n.CreatedAt,
            ["readAt"] = n.ReadAt,
        })];
    }

    // The approval queue sits with the notifications: both are what waits for the signed-in account.
    private static async Task<IReadOnlyList<Row>> RequestsToDecideAsync(ResolveContext ctx, CancellationToken ct)
    {
        var principal = ctx.Principal();
        if (principal.GetAccountId() is not { } accountId)
        {
            return [];
        }
        var first = ctx.Argument("first", 50);
        if (first is < 1 or > 100)
        {
            throw Errors.BadInput("\"first\" must be between 1 and 100.", UserErrorCodes.InvalidInput, "first");
        }
        var requests = await ctx.Service<BookingCommands>().ListRequestsToDecideAsync(accountId, principal.IsSiteAdmin(), first, ct).ConfigureAwait(false);
        return [.. requests.Select(NodeResolvers.BookingRow)];
    }

    private static async Task<Dictionary<string, object?>> MarkReadAsync(ResolveContext ctx, CancellationToken ct)
    {
        if (ctx.Principal().GetAccountId() is not { } accountId)
        {
            return Unread(0, UserError.Unauthenticated());
        }
        List<Guid>? ids = null;
        if (ctx.Input().GetValueOrDefault("ids") is IEnumerable<object?> given)
        {
            ids = [];
            foreach (var text in given)
            {
                if (!GlobalId.TryDecode(text as string, out var type, out var id) || type != NotificationType)
                {
                    return Unread(0, new UserError(UserErrorCodes.InvalidInput, "\"ids\" holds an id that is not a notification's.", ["input", "ids"]));
                }
                ids.Add(id);
            }
        }
        return Unread(await ctx.Service<NotificationStore>().MarkReadAsync(accountId, ids, ct).ConfigureAwait(false), null);
    }

    private static async Task<Dictionary<string, object?>> SetLanguageAsync(ResolveContext ctx, CancellationToken ct)
    {
        if (ctx.Principal().GetAccountId() is not { } accountId)
        {
            return Payload.Fail("account", UserError.Unauthenticated());
        }
        var language = ((string)ctx.Input()["language"]!).ToLowerInvariant();
        await ctx.Service<NotificationStore>().SetLanguageAsync(accountId, language, ct).ConfigureAwait(false);
        return Payload.Ok("account", await ctx.LoadAccount(accountId).ConfigureAwait(false));
    }

    private static Dictionary<string, object?> Unread(int count, UserError? error) => new(StringComparer.Ordinal)
    {
        ["unreadCount"] = count,
        ["errors"] = error is null ? Array.Empty<UserError>() : new[] { error },
    };

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;

    private static bool IsSelf(ResolveContext ctx) => ctx.Principal().GetAccountId() == Source(ctx).Uuid;
}
