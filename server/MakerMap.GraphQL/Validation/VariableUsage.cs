using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation;

/// <summary>One use of a variable inside an operation or fragment, with the input type expected there.</summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The input type expected at that position, if known.</param>
/// <param name="HasLocationDefaultValue">Whether the argument or input field at that position has a default value.</param>
/// <param name="ParentType">The input type containing the position (e.g. a <c>@oneOf</c> input object), if any.</param>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefaultValue, GraphQLType? ParentType);
