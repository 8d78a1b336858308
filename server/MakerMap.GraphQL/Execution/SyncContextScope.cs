namespace MakerMap.GraphQL.Execution;

/// <summary>
/// Clears the caller's <see cref="SynchronizationContext"/> while the executor runs synchronously, so that
/// DataLoader results complete waiting resolvers inline (a context would defer them to the thread pool
/// and split the next level's batch).
/// </summary>
internal readonly struct SyncContextScope : IDisposable
{
    private readonly SynchronizationContext? _previous;

    private SyncContextScope(SynchronizationContext? previous) => _previous = previous;

    public static SyncContextScope Clear()
    {
        var previous = SynchronizationContext.Current;
        if (previous is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return new SyncContextScope(previous);
    }

    public void Dispose()
    {
        if (_previous is not null)
        {
            SynchronizationContext.SetSynchronizationContext(_previous);
        }
    }
}
