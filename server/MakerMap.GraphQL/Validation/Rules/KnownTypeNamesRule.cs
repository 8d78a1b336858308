using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Types.Introspection;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every type named in variable definitions and fragment type conditions exists in the schema.
/// https://spec.graphql.org/September2025/#sec-Fragment-Spread-Type-Existence
/// </summary>
public sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    private HashSet<string>? _definedTypes;
    private bool _inTypeSystemDefinition;

    /// <inheritdoc/>
    public override string Name => nameof(KnownTypeNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case DocumentNode document:
                _definedTypes = new HashSet<string>(
                    document.Definitions.OfType<TypeDefinitionNode>().Select(d => d.Name.Value),
                    StringComparer.Ordinal);
                break;
            case TypeSystemDefinitionNode or TypeSystemExtensionNode when parent is DocumentNode:
                _inTypeSystemDefinition = true;
                break;
            case NamedTypeNode named:
                CheckNamedType(named);
                break;
        }

        return VisitorAction.Continue;
    }

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is TypeSystemDefinitionNode or TypeSystemExtensionNode && parent is DocumentNode)
        {
            _inTypeSystemDefinition = false;
        }

        return VisitorAction.Continue;
    }

    private void CheckNamedType(NamedTypeNode node)
    {
        var typeName = node.Name.Value;
        if (Context.Schema.GetType(typeName) is not null || (_definedTypes?.Contains(typeName) ?? false))
        {
            return;
        }

        var standardNames = SpecifiedScalars.All.Select(s => s.Name).Concat(IntrospectionTypes.All.Select(t => t.Name));
        if (_inTypeSystemDefinition && standardNames.Contains(typeName, StringComparer.Ordinal))
        {
            return;
        }

        var options = Context.Schema.TypeMap.Keys.Concat(_definedTypes ?? []);
        if (_inTypeSystemDefinition)
        {
            options = standardNames.Concat(options);
        }

        var suggestions = ValidationText.SuggestionList(typeName, options.Distinct(StringComparer.Ordinal));
        Report($"Unknown type \"{typeName}\"." + ValidationText.DidYouMean(suggestions), node);
    }
}
