namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.BooleanValue;

    /// <summary>The value.</summary>
    public required bool Value { get; init; }
}
