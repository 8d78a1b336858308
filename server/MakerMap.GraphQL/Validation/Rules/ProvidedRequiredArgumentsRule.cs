using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every required argument (non-null without a default) of a field or directive is supplied.
/// https://spec.graphql.org/September2025/#sec-Required-Arguments
/// </summary>
public sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, List<(string Name, string Type)>>? _requiredDirectiveArguments;

    /// <inheritdoc/>
    public override string Name => nameof(ProvidedRequiredArgumentsRule);

    // Checked on leave so that errors deeper in the field are reported first (as graphql-js does).
    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        switch (node)
        {
            case FieldNode field when Context.FieldDefinition is { } fieldDef:
                foreach (var argDef in fieldDef.Arguments)
                {
                    if (argDef.IsRequired && !field.Arguments.Any(a => a.Name.Value == argDef.Name))
                    {
                        Report($"Field \"{fieldDef.Name}\" argument \"{argDef.Name}\" of type \"{argDef.Type}\" is required, but it was not provided.", field);
                    }
                }

                break;
            case DirectiveNode directive:
                _requiredDirectiveArguments ??= BuildRequiredDirectiveArguments();
                if (_requiredDirectiveArguments.TryGetValue(directive.Name.Value, out var required))
                {
                    foreach (var (name, type) in required)
                    {
                        if (!directive.Arguments.Any(a => a.Name.Value == name))
                        {
                            Report($"Directive \"@{directive.Name.Value}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.", directive);
                        }
                    }
                }

                break;
        }

        return VisitorAction.Continue;
    }

    private Dictionary<string, List<(string Name, string Type)>> BuildRequiredDirectiveArguments()
    {
        var map = new Dictionary<string, List<(string Name, string Type)>>(StringComparer.Ordinal);
        foreach (var directive in Context.Schema.Directives)
        {
            map[directive.Name] = directive.Arguments.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString())).ToList();
        }

        foreach (var definition in Context.Document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            map[definition.Name.Value] = definition.Arguments
                .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                .Select(a => (a.Name.Value, Printer.Print(a.Type)))
                .ToList();
        }

        return map;
    }
}
