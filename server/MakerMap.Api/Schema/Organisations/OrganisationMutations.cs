using MakerMap.Api.Auth;
using MakerMap.Data.Accounts;
using MakerMap.Data.Organisations;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>createOrganisation</c>, <c>addMember</c> and <c>removeMember</c>. Access comes from
/// <see cref="AccessPolicy"/>; every failure is a payload <see cref="UserError"/> and writes nothing.
/// </summary>
public static class OrganisationMutations
{
    /// <summary>Binds the organisation mutations.</summary>
    public static SchemaBuilder BindOrganisationMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "createOrganisation", CreateAsync)
            .Bind("Mutation", "addMember", AddMemberAsync)
            .Bind("Mutation", "removeMember", RemoveMemberAsync);
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is not { } accountId || !ctx.Service<AccessPolicy>().CanCreateOrganisation(principal))
        {
            return Payload.Fail("organisation", UserError.Unauthenticated());
        }
        var organisation = new NewOrganisation
        {
            Name = input.GetValueOrDefault("name") as string ?? "",
            Slug = input.GetValueOrDefault("slug") as string,
            Kind = Enum(input.GetValueOrDefault("kind")) ?? "nonprofit",
            Website = input.GetValueOrDefault("website") as string,
            Email = input.GetValueOrDefault("email") as string,
        };
        var result = await ctx.Service<OrganisationCommands>().CreateAsync(organisation, accountId, ct).ConfigureAwait(false);
        if (result.Succeeded)
        {
            // the caller is now the organisation's admin: let the payload's fields see it
            principal.AddMembership(result.Value, MembershipRole.Admin);
        }
        return result.Succeeded
            ? Payload.Ok("organisation", await FreshOrganisationAsync(ctx, result.Value, ct).ConfigureAwait(false))
            : Payload.Fail("organisation", ToUserError(result.Error!));
    }

    private static async Task<Dictionary<string, object?>> AddMemberAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail("membership", UserError.Unauthenticated());
        }
        if (!TryId(input, "organisationId", "Organisation", out var organisationId, out var error))
        {
            return Payload.Fail("membership", error!);
        }
        if (!ctx.Service<AccessPolicy>().CanManageMembers(principal, organisationId))
        {
            return Payload.Fail("membership", UserError.Forbidden("Only the organisation's admins may add members or change their roles."));
        }
        var role = (input.GetValueOrDefault("role") as string) switch
        {
            "ADMIN" => MembershipRole.Admin,
            "RESOURCE_MANAGER" => MembershipRole.ResourceManager,
            _ => MembershipRole.Member,
        };
        var result = await ctx.Service<OrganisationCommands>()
            .SetMemberAsync(organisationId, input.GetValueOrDefault("email") as string ?? "", role, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Payload.Fail("membership", ToUserError(result.Error!));
        }
        var memberships = await ctx.Store().MembershipsAsync([organisationId], byOrganisation: true, ct).ConfigureAwait(false);
        return Payload.Ok("membership", memberships[organisationId].FirstOrDefault(m => (Guid)m["accountId"]! == result.Value));
    }

    private static async Task<Dictionary<string, object?>> RemoveMemberAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return Payload.Fail("organisation", UserError.Unauthenticated());
        }
        if (!TryId(input, "organisationId", "Organisation", out var organisationId, out var error)
            || !TryId(input, "accountId", "Account", out var accountId, out error))
        {
            return Payload.Fail("organisation", error!);
        }
        if (!ctx.Service<AccessPolicy>().CanRemoveMember(principal, organisationId, accountId))
        {
            return Payload.Fail("organisation", UserError.Forbidden("Only the organisation's admins, or the member itself, may remove a member."));
        }
        var result = await ctx.Service<OrganisationCommands>().RemoveMemberAsync(organisationId, accountId, ct).ConfigureAwait(false);
        return result.Succeeded
            ? Payload.Ok("organisation", await FreshOrganisationAsync(ctx, organisationId, ct).ConfigureAwait(false))
            : Payload.Fail("organisation", ToUserError(result.Error!));
    }

    // Read past the request's DataLoader: an earlier field may have cached the row before this change.
    private static async Task<Row?> FreshOrganisationAsync(ResolveContext ctx, Guid id, CancellationToken ct) =>
        (await ctx.Store().OrganisationsAsync([id], ct).ConfigureAwait(false)).GetValueOrDefault(id);
}
