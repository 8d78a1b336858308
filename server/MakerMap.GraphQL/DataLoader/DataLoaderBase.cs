namespace MakerMap.GraphQL.DataLoader;

/// <summary>
/// Batching and caching of keyed loads within one request. Keys requested while the executor works
/// on a level are collected and fetched in one call when the level has no more synchronous work.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The value type returned for one key.</typeparam>
public abstract class DataLoaderBase<TKey, TResult> : IDataLoader
    where TKey : notnull
{
    private readonly Dictionary<TKey, Task<TResult>> _cache;
    private readonly object _gate = new();
    private Dictionary<TKey, TaskCompletionSource<TResult>> _queue;
    private DataLoaderDispatcher? _dispatcher;

    /// <summary>Creates the loader.</summary>
    protected DataLoaderBase(IEqualityComparer<TKey>? comparer = null)
    {
        _cache = new Dictionary<TKey, Task<TResult>>(comparer);
        _queue = new Dictionary<TKey, TaskCompletionSource<TResult>>(comparer);
    }

    /// <summary>Loads one key: cached per request, batched with the other keys of the current level.</summary>
    public Task<TResult> LoadAsync(TKey key)
    {
        bool schedule;
        Task<TResult> task;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // No RunContinuationsAsynchronously: waiting resolvers continue inline when the batch
            // completes, so the next level's keys are queued before the executor dispatches again.
            var tcs = new TaskCompletionSource<TResult>();
            schedule = _queue.Count == 0;
            _queue[key] = tcs;
            task = tcs.Task;
            _cache[key] = task;
        }

        if (schedule)
        {
            _dispatcher?.Schedule(this);
        }

        return task;
    }

    /// <summary>Loads several keys.</summary>
    public async Task<IReadOnlyList<TResult>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = keys.Select(LoadAsync).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Adds a value to the cache (e.g. an entity loaded by another query).</summary>
    public void Prime(TKey key, TResult value)
    {
        lock (_gate)
        {
            _cache.TryAdd(key, Task.FromResult(value));
        }
    }

    /// <summary>Fetches the queued keys now (the executor calls this; useful outside execution too).</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        Dictionary<TKey, TaskCompletionSource<TResult>> batch;
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                return;
            }

            batch = _queue;
            _queue = new Dictionary<TKey, TaskCompletionSource<TResult>>(batch.Comparer);
        }

        try
        {
            var keys = batch.Keys.ToArray();
            await FetchAsync(keys, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var tcs in batch.Values)
            {
                tcs.TrySetException(ex);
            }
        }
    }

    /// <summary>Fetches <paramref name="keys"/> and completes each key's entry in <paramref name="results"/>.</summary>
    private protected abstract Task FetchAsync(IReadOnlyList<TKey> keys, Dictionary<TKey, TaskCompletionSource<TResult>> results, CancellationToken cancellationToken);

    void IDataLoader.Attach(DataLoaderDispatcher dispatcher)
    {
        dispatcher.MarkUsed();
        _dispatcher = dispatcher;
    }
}

/// <summary>Loads one value per key with a batch function returning a dictionary; missing keys get a default.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue?>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly TValue? _defaultValue;

    /// <summary>Creates the loader.</summary>
    /// <param name="fetch">Loads many keys at once.</param>
    /// <param name="defaultValue">The value for keys the batch did not return.</param>
    /// <param name="comparer">The key comparer.</param>
    public BatchDataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue? defaultValue = default,
        IEqualityComparer<TKey>? comparer = null)
        : base(comparer)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
        _defaultValue = defaultValue;
    }

    private protected override async Task FetchAsync(IReadOnlyList<TKey> keys, Dictionary<TKey, TaskCompletionSource<TValue?>> results, CancellationToken cancellationToken)
    {
        var values = await _fetch(keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, tcs) in results)
        {
            tcs.TrySetResult(values.TryGetValue(key, out var value) ? value : _defaultValue);
        }
    }
}

/// <summary>Loads a list of values per key (one-to-many) with a batch function returning a lookup.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The element type.</typeparam>
public sealed class GroupedDataLoader<TKey, TValue> : DataLoaderBase<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> _fetch;

    /// <summary>Creates the loader.</summary>
    /// <param name="fetch">Loads the values of many keys at once.</param>
    /// <param name="comparer">The key comparer.</param>
    public GroupedDataLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch, IEqualityComparer<TKey>? comparer = null)
        : base(comparer)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
    }

    private protected override async Task FetchAsync(IReadOnlyList<TKey> keys, Dictionary<TKey, TaskCompletionSource<IReadOnlyList<TValue>>> results, CancellationToken cancellationToken)
    {
        var lookup = await _fetch(keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, tcs) in results)
        {
            tcs.TrySetResult(lookup.Contains(key) ? [.. lookup[key]] : []);
        }
    }
}
