using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every selected field is defined on the parent type (or is <c>__typename</c>).
/// https://spec.graphql.org/September2025/#sec-Field-Selections
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(FieldsOnCorrectTypeRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is FieldNode field && Context.ParentType is { } type && Context.FieldDefinition is null)
        {
            var fieldName = field.Name.Value;
            var suggestion = ValidationText.DidYouMean(SuggestedTypeNames(type, fieldName), "to use an inline fragment on");
            if (suggestion.Length == 0)
            {
                suggestion = ValidationText.DidYouMean(SuggestedFieldNames(type, fieldName));
            }

            Report($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, field);
        }

        return VisitorAction.Continue;
    }

    // For an abstract parent, the types (interfaces first by usage) that do define the field.
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!TypeHelpers.IsAbstractType(type))
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<ComplexType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            if (!usage.ContainsKey(possible.Name))
            {
                suggested.Add(possible);
            }

            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.TryGetValue(iface.Name, out var count))
                {
                    suggested.Add(iface);
                }

                usage[iface.Name] = count + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return ValidationText.NaturalCompare(a.Name, b.Name);
        });
        return suggested.ConvertAll(t => t.Name);
    }

    private static List<string> SuggestedFieldNames(NamedType type, string fieldName) =>
        type is ComplexType complex ? ValidationText.SuggestionList(fieldName, complex.Fields.Select(f => f.Name)) : [];
}
