namespace MakerMap.GraphQL.DataLoader;

/// <summary>A loader the executor can dispatch when its current level has no more synchronous work.</summary>
internal interface IDataLoader
{
    void Attach(DataLoaderDispatcher dispatcher);

    Task DispatchAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Per-request registry of loaders with queued keys. The executor dispatches them all at once when
/// every resolver has either finished or is waiting, so one level of a query costs one batch per loader.
/// </summary>
internal sealed class DataLoaderDispatcher(CancellationToken cancellationToken)
{
    private readonly List<IDataLoader> _pending = [];
    private TaskCompletionSource? _signal;

    public bool IsUsed { get; private set; }

    public bool HasPending
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count > 0;
            }
        }
    }

    public void MarkUsed() => IsUsed = true;

    public void Schedule(IDataLoader loader)
    {
        TaskCompletionSource? signal;
        lock (_pending)
        {
            if (!_pending.Contains(loader))
            {
                _pending.Add(loader);
            }

            signal = _signal;
            _signal = null;
        }

        signal?.TrySetResult();
    }

    /// <summary>Dispatches every loader with queued keys; completes after results (and their inline continuations) are set.</summary>
    public Task DispatchAllAsync()
    {
        IDataLoader[] loaders;
        lock (_pending)
        {
            loaders = [.. _pending];
            _pending.Clear();
        }

        return loaders.Length switch
        {
            0 => Task.CompletedTask,
            1 => loaders[0].DispatchAsync(cancellationToken),
            _ => Task.WhenAll(loaders.Select(l => l.DispatchAsync(cancellationToken))),
        };
    }

    /// <summary>Completes when a loader gets keys while the executor is waiting.</summary>
    public Task WaitForWorkAsync()
    {
        lock (_pending)
        {
            if (_pending.Count > 0)
            {
                return Task.CompletedTask;
            }

            _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _signal.Task;
        }
    }
}
