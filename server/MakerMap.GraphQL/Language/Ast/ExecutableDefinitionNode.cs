namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of operation and fragment definitions.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
    /// <summary>Optional description (September 2025 executable descriptions).</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>Variable definitions (empty for fragments unless experimental fragment variables).</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    /// <summary>Directives applied to the definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The selection set.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}
