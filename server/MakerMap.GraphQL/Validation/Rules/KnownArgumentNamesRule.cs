using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every argument supplied to a field or directive is defined by that field or directive.
/// https://spec.graphql.org/September2025/#sec-Argument-Names
/// </summary>
public sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, IReadOnlyList<string>>? _directiveArguments;

    /// <inheritdoc/>
    public override string Name => nameof(KnownArgumentNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case DirectiveNode directive:
                CheckDirective(directive);
                return VisitorAction.SkipChildren;
            case ArgumentNode argument when Context.Argument is null
                && Context.FieldDefinition is { } fieldDef && Context.ParentType is { } parentType:
                var argName = argument.Name.Value;
                var suggestions = ValidationText.SuggestionList(argName, fieldDef.Arguments.Select(a => a.Name));
                Report(
                    $"Unknown argument \"{argName}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + ValidationText.DidYouMean(suggestions),
                    argument);
                break;
        }

        return VisitorAction.Continue;
    }

    private void CheckDirective(DirectiveNode directive)
    {
        _directiveArguments ??= BuildDirectiveArguments();
        var name = directive.Name.Value;
        if (!_directiveArguments.TryGetValue(name, out var known))
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            var argName = argument.Name.Value;
            if (!known.Contains(argName))
            {
                var suggestions = ValidationText.SuggestionList(argName, known);
                Report($"Unknown argument \"{argName}\" on directive \"@{name}\"." + ValidationText.DidYouMean(suggestions), argument);
            }
        }
    }

    private Dictionary<string, IReadOnlyList<string>> BuildDirectiveArguments()
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var directive in Context.Schema.Directives)
        {
            map[directive.Name] = directive.Arguments.Select(a => a.Name).ToList();
        }

        foreach (var definition in Context.Document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            map[definition.Name.Value] = definition.Arguments.Select(a => a.Name.Value).ToList();
        }

        return map;
    }
}
