using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// A non-repeatable directive is applied at most once to the same location.
/// https://spec.graphql.org/September2025/#sec-Directives-Are-Unique-per-Location
/// </summary>
public sealed class UniqueDirectivesPerLocationRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);
    private Dictionary<string, bool>? _unique;

    /// <inheritdoc/>
    public override string Name => nameof(UniqueDirectivesPerLocationRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        var directives = Directives(node);
        if (directives is null || directives.Count == 0)
        {
            return VisitorAction.Continue;
        }

        _unique ??= BuildUniqueness();
        Dictionary<string, DirectiveNode> seen;
        switch (node)
        {
            case SchemaDefinitionNode or SchemaExtensionNode:
                seen = _schemaDirectives;
                break;
            case TypeDefinitionNode or TypeExtensionNode:
                var typeName = node is TypeDefinitionNode d ? d.Name.Value : ((TypeExtensionNode)node).Name.Value;
                if (!_typeDirectives.TryGetValue(typeName, out seen!))
                {
                    _typeDirectives[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                }

                break;
            default:
                seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                break;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_unique.TryGetValue(name, out var isUnique) || !isUnique)
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                Report($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }

        return VisitorAction.Continue;
    }

    private static IReadOnlyList<DirectiveNode>? Directives(Node node) => node switch
    {
        ExecutableDefinitionNode n => n.Directives,
        SelectionNode n => n.Directives,
        VariableDefinitionNode n => n.Directives,
        SchemaDefinitionNode n => n.Directives,
        SchemaExtensionNode n => n.Directives,
        TypeDefinitionNode n => n.Directives,
        TypeExtensionNode n => n.Directives,
        FieldDefinitionNode n => n.Directives,
        InputValueDefinitionNode n => n.Directives,
        EnumValueDefinitionNode n => n.Directives,
        _ => null,
    };

    private Dictionary<string, bool> BuildUniqueness()
    {
        var map = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var directive in Context.Schema.Directives)
        {
            map[directive.Name] = !directive.IsRepeatable;
        }

        foreach (var definition in Context.Document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            map[definition.Name.Value] = !definition.Repeatable;
        }

        return map;
    }
}
