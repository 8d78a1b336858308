using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// An input object literal supplies each field at most once.
/// https://spec.graphql.org/September2025/#sec-Input-Object-Field-Uniqueness
/// </summary>
public sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(UniqueInputFieldNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is ObjectValueNode { Fields.Count: > 1 } obj)
        {
            var known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            foreach (var field in obj.Fields)
            {
                if (known.TryGetValue(field.Name.Value, out var first))
                {
                    Report($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }
            }
        }

        return VisitorAction.Continue;
    }
}
