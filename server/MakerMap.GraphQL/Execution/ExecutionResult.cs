using System.Buffers;
using System.Text;
using System.Text.Json;
using MakerMap.GraphQL.Errors;

namespace MakerMap.GraphQL.Execution;

/// <summary>
/// The response of one operation (https://spec.graphql.org/September2025/#sec-Response-Format):
/// <c>errors</c> (omitted when empty), <c>data</c> (absent for request errors, possibly null after
/// null propagation) and <c>extensions</c>.
/// </summary>
public sealed class ExecutionResult
{
    private static readonly IReadOnlyList<GraphQLError> NoErrors = [];

    /// <summary>Creates a result with data (possibly null) and field errors.</summary>
    public ExecutionResult(IReadOnlyDictionary<string, object?>? data, IReadOnlyList<GraphQLError>? errors)
    {
        Data = data;
        HasData = true;
        Errors = errors ?? NoErrors;
    }

    private ExecutionResult(IReadOnlyList<GraphQLError> errors)
    {
        Errors = errors;
    }

    /// <summary>The errors; empty (never null) when there are none.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>The data; null when absent or nulled by propagation (see <see cref="HasData"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    /// <summary>Whether the response has a <c>data</c> entry (false for parse, validation and variable errors).</summary>
    public bool HasData { get; }

    /// <summary>Response extensions, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>A request error result: errors and no <c>data</c> entry.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(errors ?? NoErrors);

    /// <summary>A request error result with a single error.</summary>
    public static ExecutionResult FromError(string message, string? code = null)
        => new([new GraphQLError(message, extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code })]);

    /// <summary>Writes <c>{"errors":[...],"data":...,"extensions":...}</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in Errors)
            {
                ResultJsonWriter.WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (HasData)
        {
            writer.WritePropertyName("data");
            ResultJsonWriter.WriteValue(writer, Data);
        }

        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            ResultJsonWriter.WriteValue(writer, Extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>The response as compact JSON.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResultJsonWriter.Encoder }))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc/>
    public override string ToString() => ToJson();
}
