namespace MakerMap.GraphQL.Language.Ast;

/// <summary>The three operation types of GraphQL.</summary>
public enum OperationType
{
    /// <summary><c>query</c>.</summary>
    Query,

    /// <summary><c>mutation</c>.</summary>
    Mutation,

    /// <summary><c>subscription</c>.</summary>
    Subscription,
}
