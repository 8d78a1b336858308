using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MakerMap.GraphQL.AspNetCore.Internal;

/// <summary>The parameters of a GraphQL-over-HTTP request, read from a JSON body or a query string.</summary>
internal sealed record RequestParameters(
    string? Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions);

/// <summary>Why a request is not a well-formed GraphQL-over-HTTP request: always answered with a status and a code.</summary>
internal sealed record RequestProblem(int StatusCode, string Message, string Code = TransportErrors.BadRequest);

/// <summary>
/// Reads request parameters (https://graphql.github.io/graphql-over-http/draft/#sec-Request-Parameters). Every
/// failure becomes a <see cref="RequestProblem"/> with a fixed message: the JSON reader's exception text is never
/// passed on.
/// </summary>
internal static class RequestReader
{
    public static async Task<(RequestParameters? Parameters, RequestProblem? Problem)> ReadPostAsync(
        HttpRequest request, int maxBodySize, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodySize)
        {
            return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, "The request body is too large."));
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBodySize)
            {
                return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, "The request body is too large."));
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, "The request body is empty."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, "The request body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new RequestProblem(StatusCodes.Status400BadRequest, "The request body must be a JSON object."));
            }

            try
            {
                return ReadObject(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks UTF-8 inside strings only when a string is read: invalid bytes
                // surface here, and they are the client's mistake, not a server error.
                return (null, new RequestProblem(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8."));
            }
        }
    }

    private static (RequestParameters?, RequestProblem?) ReadObject(JsonElement body)
    {
        string? query = null, operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return Problem("The query parameter must be a string.");
                    }

                    query = value.GetString();
                    break;
                case "operationName":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return Problem("The operationName parameter must be a string or null.");
                    }

                    operationName = value.GetString();
                    break;
                case "variables":
                    if (!TryReadMap(value, out variables))
                    {
                        return Problem("The variables parameter must be a JSON object or null.");
                    }

                    break;
                case "extensions":
                    if (!TryReadMap(value, out extensions))
                    {
                        return Problem("The extensions parameter must be a JSON object or null.");
                    }

                    break;
                default:
                    // Unknown keys are ignored, as the spec allows servers to.
                    break;
            }
        }

        return query is null
            ? Problem("The request has no query.")
            : (new RequestParameters(query, operationName, variables, extensions), null);
    }

    public static (RequestParameters? Parameters, RequestProblem? Problem) ReadQueryString(IQueryCollection parameters)
    {
        if (!TrySingle(parameters, "query", out var query)
            || !TrySingle(parameters, "operationName", out var operationName)
            || !TrySingle(parameters, "variables", out var variablesText)
            || !TrySingle(parameters, "extensions", out var extensionsText))
        {
            return Problem("Each request parameter may be given at most once.");
        }

        if (query is null)
        {
            return Problem("The request has no query.");
        }

        if (!TryParseMap(variablesText, out var variables))
        {
            return Problem("The variables parameter must be a JSON object.");
        }

        if (!TryParseMap(extensionsText, out var extensions))
        {
            return Problem("The extensions parameter must be a JSON object.");
        }

        return (new RequestParameters(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private static (RequestParameters?, RequestProblem?) Problem(string message) =>
        (null, new RequestProblem(StatusCodes.Status400BadRequest, message));

    private static bool TrySingle(IQueryCollection parameters, string name, out string? value)
    {
        value = null;
        if (!parameters.TryGetValue(name, out StringValues values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            return false;
        }

        value = values[0];
        return true;
    }

    private static bool TryParseMap(string? text, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 128 });
            return TryReadMap(document.RootElement, out map);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadMap(JsonElement value, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                map = (IReadOnlyDictionary<string, object?>?)JsonInput.FromJsonElement(value);
                return true;
            default:
                return false;
        }
    }
}
