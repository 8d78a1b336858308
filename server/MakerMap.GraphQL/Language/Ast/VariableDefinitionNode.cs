namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A variable definition: <c>$name: Type = default @dir</c>.</summary>
public sealed class VariableDefinitionNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>Optional description (September 2025 executable descriptions).</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The variable.</summary>
    public required VariableNode Variable { get; init; }

    /// <summary>The declared type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant) or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <summary>Directives on the variable definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
