namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of type references (named, list, non-null).</summary>
public abstract class TypeNode : Node
{
}
