using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Each operation's type (query, mutation, subscription) has a root type in the schema
/// (graphql-spec #955, graphql-js 17 <c>KnownOperationTypesRule</c>). Opt-in through
/// <see cref="SpecifiedRules.Proposed"/>: graphql-js 16 leaves this to execution.
/// https://spec.graphql.org/September2025/#sec-Root-Operation-Types
/// </summary>
public sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(KnownOperationTypesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return VisitorAction.Continue;
        }

        var (exists, name) = operation.Operation switch
        {
            OperationType.Query => (Context.Schema.QueryType is not null, "query"),
            OperationType.Mutation => (Context.Schema.MutationType is not null, "mutation"),
            _ => (Context.Schema.SubscriptionType is not null, "subscription"),
        };
        if (!exists)
        {
            Report($"The {name} operation is not supported by the schema.", operation);
        }

        return VisitorAction.SkipChildren;
    }
}
