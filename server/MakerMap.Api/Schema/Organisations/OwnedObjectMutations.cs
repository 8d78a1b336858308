using System.Security.Claims;
using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Places;
using MakerMap.GraphQL.Execution;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// What the management mutations of one kind of organisation-owned object (place, resource, schedule)
/// need to know to authorize a change and to delete it.
/// </summary>
/// <param name="TypeName">The GraphQL type of the object's global id, e.g. <c>Resource</c>.</param>
/// <param name="Noun">How messages name it, e.g. <c>resource</c>.</param>
/// <param name="Forbidden">The message for a signed-in caller who may not manage it.</param>
/// <param name="FindOwnerAsync">Its owner, or null when it does not exist.</param>
/// <param name="CanManage">Whether the caller may manage objects of that owning organisation.</param>
/// <param name="DeleteAsync">The data layer's delete command.</param>
public sealed record OwnedObjectKind(
    string TypeName,
    string Noun,
    string Forbidden,
    Func<ResolveContext, Guid, CancellationToken, Task<Owner?>> FindOwnerAsync,
    Func<AccessPolicy, ClaimsPrincipal, Guid?, bool> CanManage,
    Func<ResolveContext, Guid, CancellationToken, Task<CommandResult<Guid>>> DeleteAsync);

/// <summary>The authorization and delete steps that <c>update*</c> and <c>delete*</c> of places, resources and schedules share.</summary>
public static class OwnedObjectMutations
{
    /// <summary>
    /// Null when the caller is signed in, <c>input.id</c> names an existing object of <paramref name="kind"/>
    /// and the caller may manage its organisation; otherwise the failed payload (with <paramref name="resultField"/> null).
    /// </summary>
    public static async Task<Dictionary<string, object?>?> AuthorizeAsync(ResolveContext ctx, OwnedObjectKind kind,
        IReadOnlyDictionary<string, object?> input, string resultField, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(kind);
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail(resultField, UserError.Unauthenticated());
        }
        if (!TryId(input, "id", kind.TypeName, out var id, out var error))
        {
            return Payload.Fail(resultField, error!);
        }
        if (await kind.FindOwnerAsync(ctx, id, ct).ConfigureAwait(false) is not { } owner)
        {
            return Payload.Fail(resultField, new UserError(UserErrorCodes.NotFound, $"There is no {kind.Noun} with this id.", ["input", "id"]));
        }
        return kind.CanManage(ctx.Service<AccessPolicy>(), principal, owner.OrganisationId)
            ? null
            : Payload.Fail(resultField, UserError.Forbidden(kind.Forbidden));
    }

    /// <summary>The <c>delete*</c> mutation of <paramref name="kind"/>: authorize, delete, answer <c>deletedId</c>.</summary>
    public static async Task<Dictionary<string, object?>> DeleteAsync(ResolveContext ctx, OwnedObjectKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(kind);
        var input = ctx.Input();
        if (await AuthorizeAsync(ctx, kind, input, "deletedId", ct).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }
        TryId(input, "id", kind.TypeName, out var id, out _);
        var result = await kind.DeleteAsync(ctx, id, ct).ConfigureAwait(false);
        return result.Succeeded
            ? Payload.Ok("deletedId", GlobalId.Encode(kind.TypeName, id))
            : Payload.Fail("deletedId", ToUserError(result.Error!));
    }
}
