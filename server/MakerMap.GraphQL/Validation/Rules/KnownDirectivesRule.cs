using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every directive used is defined by the schema and is used at one of its declared locations.
/// https://spec.graphql.org/September2025/#sec-Directives-Are-Defined
/// </summary>
public sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, IReadOnlyList<string>>? _locations;
    private Node? _inputValueOwner;

    /// <inheritdoc/>
    public override string Name => nameof(KnownDirectivesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is InputValueDefinitionNode)
        {
            _inputValueOwner = parent;
        }

        if (node is not DirectiveNode directive)
        {
            return VisitorAction.Continue;
        }

        _locations ??= BuildLocations();
        var name = directive.Name.Value;
        if (!_locations.TryGetValue(name, out var locations))
        {
            Report($"Unknown directive \"@{name}\".", directive);
            return VisitorAction.Continue;
        }

        var candidate = parent is null ? null : LocationOf(parent);
        if (candidate is not null && !locations.Contains(candidate))
        {
            Report($"Directive \"@{name}\" may not be used on {candidate}.", directive);
        }

        return VisitorAction.Continue;
    }

    private string? LocationOf(Node appliedTo) => appliedTo switch
    {
        OperationDefinitionNode op => op.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        },
        FieldNode => "FIELD",
        FragmentSpreadNode => "FRAGMENT_SPREAD",
        InlineFragmentNode => "INLINE_FRAGMENT",
        FragmentDefinitionNode => "FRAGMENT_DEFINITION",
        VariableDefinitionNode => "VARIABLE_DEFINITION",
        SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
        FieldDefinitionNode => "FIELD_DEFINITION",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
        EnumValueDefinitionNode => "ENUM_VALUE",
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
        InputValueDefinitionNode => _inputValueOwner is InputObjectTypeDefinitionNode ? "INPUT_FIELD_DEFINITION" : "ARGUMENT_DEFINITION",
        _ => null,
    };

    private Dictionary<string, IReadOnlyList<string>> BuildLocations()
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var directive in Context.Schema.Directives)
        {
            map[directive.Name] = directive.Locations.Select(l => l.ToSpecName()).ToList();
        }

        foreach (var definition in Context.Document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            map[definition.Name.Value] = definition.Locations.Select(l => l.Value).ToList();
        }

        return map;
    }
}
