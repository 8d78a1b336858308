namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of every input value literal.</summary>
public abstract class ValueNode : Node
{
}
