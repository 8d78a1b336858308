namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>directive @name(args) repeatable on LOCATIONS</c>.</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The directive name (without <c>@</c>).</summary>
    public required NameNode Name { get; init; }

    /// <summary>Argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>True when declared <c>repeatable</c>.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Directive locations as written (e.g. <c>FIELD</c>); validated by the parser.</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }
}
