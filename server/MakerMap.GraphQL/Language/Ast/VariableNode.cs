namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A variable reference: <c>$name</c>.</summary>
public sealed class VariableNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Variable;

    /// <summary>The variable name (without <c>$</c>).</summary>
    public required NameNode Name { get; init; }
}
