using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using MakerMap.GraphQL.AspNetCore.Internal;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;
using Microsoft.Extensions.Logging;

namespace MakerMap.GraphQL.AspNetCore.WebSockets;

internal sealed partial class GraphQLWsConnection
{
    private async Task OnSubscribeAsync(JsonElement message)
    {
        if (!_acknowledged)
        {
            await CloseAsync(GraphQLWsProtocol.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!TryReadSubscribe(message, out var id, out var request))
        {
            await CloseAsync(GraphQLWsProtocol.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        if (_operations.Count >= _options.MaxOperationsPerConnection)
        {
            await SendErrorAsync(id, TransportErrors.One("Too many operations on this connection.", TransportErrors.BadRequest)).ConfigureAwait(false);
            return;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        if (!_operations.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            await CloseAsync(GraphQLWsProtocol.SubscriberAlreadyExists, Truncate($"Subscriber for {id} already exists")).ConfigureAwait(false);
            return;
        }

        // Operations run beside the receive loop so that a long subscription never blocks ping, complete or others.
        _ = RunOperationAsync(id, request, cancellation);
    }

    private bool TryReadSubscribe(JsonElement message, out string id, out GraphQLRequest request)
    {
        id = string.Empty;
        request = null!;
        if (!message.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        id = idElement.GetString()!;
        if (id.Length == 0)
        {
            return false;
        }

        string? operationName = null;
        if (payload.TryGetProperty("operationName", out var name))
        {
            if (name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return false;
            }

            operationName = name.GetString();
        }

        if (!TryReadMap(payload, "variables", out var variables) || !TryReadMap(payload, "extensions", out var extensions))
        {
            return false;
        }

        request = new GraphQLRequest(query.GetString(), operationName, variables, extensions)
        {
            Services = _context.RequestServices,
            UserContext = _options.UserContextFactory is { } factory ? factory(_context) : _context.User,
        };
        return true;
    }

    private static bool TryReadMap(JsonElement payload, string name, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        if (!payload.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        map = (IReadOnlyDictionary<string, object?>?)JsonInput.FromJsonElement(element);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            var prepared = _engine.Prepare(request.Query, request.OperationName);
            if (prepared.Status != PreparedRequestStatus.Ok)
            {
                // Parse, validation and operation-resolution failures are the protocol's `error` message.
                await SendErrorAsync(id, prepared.Errors).ConfigureAwait(false);
                return;
            }

            if (prepared.OperationType == OperationType.Subscription)
            {
                var subscription = await _engine.SubscribeAsync(prepared, request, token).ConfigureAwait(false);
                if (subscription.Result is { } failed)
                {
                    await SendNextAsync(id, failed).ConfigureAwait(false);
                }
                else
                {
                    await foreach (var result in subscription.Stream!.WithCancellation(token).ConfigureAwait(false))
                    {
                        await SendNextAsync(id, result).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                await SendNextAsync(id, await _engine.ExecuteAsync(prepared, request, token).ConfigureAwait(false)).ConfigureAwait(false);
            }

            if (!token.IsCancellationRequested)
            {
                await SendAsync(writer =>
                {
                    writer.WriteString("id", id);
                    writer.WriteString("type", GraphQLWsProtocol.Complete);
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client or the connection closed: the protocol wants no message back.
        }
#pragma warning disable CA1031 // Any failure becomes a generic error message: exception text never reaches the client.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "GraphQL WebSocket operation {Id} failed", id);
            await SendErrorAsync(id, TransportErrors.One("Unexpected error.", TransportErrors.InternalServerError)).ConfigureAwait(false);
        }
        finally
        {
            if (_operations.TryGetValue(id, out var current) && current == cancellation)
            {
                _operations.TryRemove(id, out _);
            }

            cancellation.Dispose();
        }
    }

    private Task SendNextAsync(string id, ExecutionResult result) =>
        SendAsync(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWsProtocol.Next);
            writer.WritePropertyName("payload");
            result.WriteTo(writer);
        });

    private Task SendErrorAsync(string id, IReadOnlyList<GraphQLError> errors) =>
        SendAsync(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWsProtocol.Error);
            writer.WriteStartArray("payload");
            foreach (var error in errors)
            {
                ResultJsonWriter.WriteError(writer, error);
            }

            writer.WriteEndArray();
        });

    private async Task SendAsync(Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResultJsonWriter.Encoder }))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open && Volatile.Read(ref _closing) == 0)
            {
                await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is going away; the receive loop ends the connection.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with a protocol close code; the receive loop then waits briefly for the client's close frame.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            _sendLock.Release();
        }

        foreach (var operation in _operations.Values)
        {
            await TryCancelAsync(operation).ConfigureAwait(false);
        }

        // A client that never answers the close frame must not hold the connection open.
        _lifetime.CancelAfter(TimeSpan.FromSeconds(5));
    }
}
