namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A float literal; the raw text is kept.</summary>
public sealed class FloatValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.FloatValue;

    /// <summary>The source text.</summary>
    public required string Value { get; init; }
}
