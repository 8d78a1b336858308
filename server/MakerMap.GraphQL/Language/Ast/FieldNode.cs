namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A field selection.</summary>
public sealed class FieldNode : SelectionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Field;

    /// <summary>The alias, or null.</summary>
    public NameNode? Alias { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Arguments.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>The sub-selection, or null for a leaf field.</summary>
    public SelectionSetNode? SelectionSet { get; init; }
}
