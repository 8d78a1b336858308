using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.DataLoader;

/// <summary>Obtains request-scoped loaders from a resolver's context.</summary>
public static class DataLoaderContextExtensions
{
    /// <summary>Gets (or creates for this request) the batch loader named <paramref name="name"/>.</summary>
    /// <example><code>ctx.GetBatchLoader&lt;int, Place&gt;("placeById", repo.GetPlacesAsync).LoadAsync(id)</code></example>
    public static BatchDataLoader<TKey, TValue> GetBatchLoader<TKey, TValue>(
        this ResolveContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetOrAddLoader("dataloader:" + name, _ => new BatchDataLoader<TKey, TValue>(fetch));
    }

    /// <summary>Gets (or creates for this request) the grouped (one-to-many) loader named <paramref name="name"/>.</summary>
    public static GroupedDataLoader<TKey, TValue> GetGroupedLoader<TKey, TValue>(
        this ResolveContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetOrAddLoader("dataloader:" + name, _ => new GroupedDataLoader<TKey, TValue>(fetch));
    }
}
