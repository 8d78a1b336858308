using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// A field or directive is given each argument at most once.
/// https://spec.graphql.org/September2025/#sec-Argument-Uniqueness
/// </summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(UniqueArgumentNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is { Count: > 1 })
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                var nodes = group.ToList();
                if (nodes.Count > 1)
                {
                    Report($"There can be only one argument named \"{group.Key}\".", nodes.Select(a => a.Name));
                }
            }
        }

        return VisitorAction.Continue;
    }
}
