using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// A document submitted for execution contains only operation and fragment definitions.
/// https://spec.graphql.org/September2025/#sec-Executable-Definitions
/// </summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(ExecutableDefinitionsRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not DocumentNode document)
        {
            return VisitorAction.Continue;
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode t => "\"" + t.Name.Value + "\"",
                TypeExtensionNode t => "\"" + t.Name.Value + "\"",
                DirectiveDefinitionNode d => "\"" + d.Name.Value + "\"",
                _ => "unknown",
            };
            Report($"The {name} definition is not executable.", definition);
        }

        return VisitorAction.SkipChildren;
    }
}
