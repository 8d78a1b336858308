using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL;

/// <summary>
/// The outcome of <see cref="GraphQLEngine.SubscribeAsync"/>: either <see cref="Result"/> (the subscription
/// could not start: request errors or a source-stream error) or <see cref="Stream"/> (one result per event).
/// </summary>
public sealed class SubscriptionResult
{
    private SubscriptionResult(ExecutionResult? result, IAsyncEnumerable<ExecutionResult>? stream)
    {
        Result = result;
        Stream = stream;
    }

    /// <summary>The error result when subscribing failed; <see langword="null"/> for a stream.</summary>
    public ExecutionResult? Result { get; }

    /// <summary>The response stream; enumerate it with the connection's cancellation token to stop it.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; }

    /// <summary>Whether the subscription started.</summary>
    public bool IsStream => Stream is not null;

    /// <summary>A failed subscription.</summary>
    public static SubscriptionResult FromResult(ExecutionResult result) => new(result, null);

    /// <summary>A started subscription.</summary>
    public static SubscriptionResult FromStream(IAsyncEnumerable<ExecutionResult> stream) => new(null, stream);
}
