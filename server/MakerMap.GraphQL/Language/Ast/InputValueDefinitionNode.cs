namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An argument or input field definition.</summary>
public sealed class InputValueDefinitionNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The input type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant) or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
