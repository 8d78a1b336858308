using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// Contract fields that have no implementation yet. Mutations answer with a payload error saying so
/// plainly, rather than failing the schema build.
/// </summary>
public static class NotYetImplemented
{
    private static readonly (string Field, string Result)[] Mutations =
    [
        ("createOrganisation", "organisation"), ("addMember", "membership"), ("removeMember", "organisation"),
        ("createPlace", "place"), ("updatePlace", "place"), ("deletePlace", "deletedId"),
        ("createResource", "resource"), ("updateResource", "resource"), ("deleteResource", "deletedId"),
        ("createSchedule", "schedule"), ("updateSchedule", "schedule"), ("deleteSchedule", "deletedId"),
    ];

    /// <summary>Binds the remaining mutations.</summary>
    public static SchemaBuilder BindNotYetImplemented(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (field, result) in Mutations)
        {
            builder.Bind("Mutation", field, _ => Payload.Fail(result,
                new UserError("INVALID_INPUT", $"{field} is not available on this server yet.")));
        }
        return builder;
    }
}
