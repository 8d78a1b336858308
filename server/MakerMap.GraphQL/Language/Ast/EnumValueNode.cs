namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An enum value literal (a name other than true, false, null).</summary>
public sealed class EnumValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.EnumValue;

    /// <summary>The enum value name.</summary>
    public required string Value { get; init; }
}
