namespace MakerMap.GraphQL.Execution;

/// <summary>
/// Resolves a field. Synchronous resolvers return a completed <see cref="ValueTask{TResult}"/>,
/// which the executor consumes without allocating a task.
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>Creates the source event stream of a subscription root field.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveContext context);
