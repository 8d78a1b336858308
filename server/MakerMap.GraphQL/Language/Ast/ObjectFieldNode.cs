namespace MakerMap.GraphQL.Language.Ast;

/// <summary>One field of an input object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ObjectField;

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The value.</summary>
    public required ValueNode Value { get; init; }
}
