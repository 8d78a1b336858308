using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MakerMap.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One WebSocket connection speaking <c>graphql-transport-ws</c>: connection_init/ack within a timeout, ping/pong,
/// subscribe/next/error/complete, and the protocol's close codes. Operations run concurrently; sends are serialised.
/// </summary>
internal sealed partial class GraphQLWsConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly GraphQLEngine _engine;
    private readonly GraphQLHttpOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime;
    private int _initReceived;
    private volatile bool _acknowledged;
    private int _closing;

    private GraphQLWsConnection(WebSocket socket, HttpContext context, GraphQLEngine engine, GraphQLHttpOptions options, ILogger logger)
    {
        _socket = socket;
        _context = context;
        _engine = engine;
        _options = options;
        _logger = logger;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public static async Task AcceptAsync(HttpContext context, GraphQLEngine engine, GraphQLHttpOptions options, ILogger logger)
    {
        var supported = context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWsProtocol.SubProtocol, StringComparer.Ordinal);
        var socket = await context.WebSockets.AcceptWebSocketAsync(supported ? GraphQLWsProtocol.SubProtocol : null).ConfigureAwait(false);
        using var connection = new GraphQLWsConnection(socket, context, engine, options, logger);
        if (!supported)
        {
            await connection.CloseAsync(GraphQLWsProtocol.SubprotocolNotAcceptable, "Subprotocol not acceptable").ConfigureAwait(false);
        }

        await connection.RunAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private async Task RunAsync()
    {
        var initTimeout = WatchInitTimeoutAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The peer vanished or the server is stopping: nothing left to answer.
        }
        finally
        {
            await _lifetime.CancelAsync().ConfigureAwait(false);
            foreach (var operation in _operations.Values)
            {
                await TryCancelAsync(operation).ConfigureAwait(false);
            }

            await initTimeout.ConfigureAwait(false);
            _socket.Abort();
        }
    }

    private async Task WatchInitTimeoutAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(GraphQLWsProtocol.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _lifetime.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }

                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > _options.MaxWebSocketMessageSize)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (Volatile.Read(ref _closing) != 0)
            {
                continue;
            }

            if (received.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
                continue;
            }

            await HandleMessageAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException)
        {
            await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
                return;
            }

            var type = typeElement.GetString();
            switch (type)
            {
                case GraphQLWsProtocol.ConnectionInit:
                    await OnConnectionInitAsync(message).ConfigureAwait(false);
                    break;
                case GraphQLWsProtocol.Ping:
                    await SendAsync(writer =>
                    {
                        writer.WriteString("type", GraphQLWsProtocol.Pong);
                        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
                        {
                            writer.WritePropertyName("payload");
                            payload.WriteTo(writer);
                        }
                    }).ConfigureAwait(false);
                    break;
                case GraphQLWsProtocol.Pong:
                    break;
                case GraphQLWsProtocol.Subscribe:
                    await OnSubscribeAsync(message).ConfigureAwait(false);
                    break;
                case GraphQLWsProtocol.Complete:
                    if (!message.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                    {
                        await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
                        return;
                    }

                    if (_operations.TryRemove(id.GetString()!, out var operation))
                    {
                        await TryCancelAsync(operation).ConfigureAwait(false);
                    }

                    break;
                default:
                    await CloseAsync(GraphQLWsProtocol.BadRequest, $"Unexpected message of type {Truncate(type)} received").ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task OnConnectionInitAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) != 0)
        {
            await CloseAsync(GraphQLWsProtocol.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        IReadOnlyDictionary<string, object?>? payload = null;
        if (message.TryGetProperty("payload", out var payloadElement))
        {
            if (payloadElement.ValueKind == JsonValueKind.Object)
            {
                payload = (IReadOnlyDictionary<string, object?>?)JsonInput.FromJsonElement(payloadElement);
            }
            else if (payloadElement.ValueKind != JsonValueKind.Null)
            {
                await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
                return;
            }
        }

        if (_options.OnConnect is { } onConnect
            && !await onConnect(new GraphQLWebSocketInitContext(_context, payload)).ConfigureAwait(false))
        {
            await CloseAsync(GraphQLWsProtocol.Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        await SendAsync(writer => writer.WriteString("type", GraphQLWsProtocol.ConnectionAck)).ConfigureAwait(false);
        _acknowledged = true;
    }

    /// <summary>Cancels an operation that may have just finished (and disposed its source) on another thread.</summary>
    private static async Task TryCancelAsync(CancellationTokenSource operation)
    {
        try
        {
            await operation.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // It finished first.
        }
    }

    private static string Truncate(string? text) =>
        text is null ? "null" : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
