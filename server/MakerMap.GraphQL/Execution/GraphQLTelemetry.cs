using System.Diagnostics;
using System.Diagnostics.Metrics;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>
/// The engine's traces and metrics, with the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/> only, so
/// the engine stays free of OpenTelemetry: a host subscribes to <see cref="SourceName"/> (both share the name).
/// Attribute names follow the OpenTelemetry GraphQL semantic conventions
/// (https://opentelemetry.io/docs/specs/semconv/graphql/graphql-spans/); variables are never recorded.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The name of the engine's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string SourceName = "MakerMap.GraphQL";

    /// <summary>The histogram of operation durations in seconds, by operation type and name.</summary>
    public const string OperationDurationName = "graphql.server.operation.duration";

    internal const string OperationTypeTag = "graphql.operation.type";
    internal const string OperationNameTag = "graphql.operation.name";
    internal const string DocumentTag = "graphql.document";

    internal static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        OperationDurationName,
        unit: "s",
        description: "Duration of GraphQL query and mutation executions (resolvers and DataLoaders; not parsing or writing the response).",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Whether anyone listens: when not, execution takes the path without timestamps or activities.</summary>
    internal static bool IsEnabled => Source.HasListeners() || OperationDuration.Enabled;

    internal static string TypeName(OperationType type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    /// <summary>Starts the operation span, named <c>{type} {name}</c> (or <c>{type}</c>) as the conventions ask.</summary>
    internal static Activity? StartOperation(OperationType type, string? name, string? document)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var typeName = TypeName(type);
        var activity = Source.StartActivity(name is null ? typeName : typeName + " " + name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTypeTag, typeName);
            if (name is not null)
            {
                activity.SetTag(OperationNameTag, name);
            }

            if (document is not null)
            {
                activity.SetTag(DocumentTag, document);
            }
        }

        return activity;
    }

    /// <summary>Starts the span of a root field's own resolver: those are the ones that do I/O (nested links go through DataLoaders).</summary>
    internal static Activity? StartResolver(ObjectType parentType, FieldDefinition field, string responseKey)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(parentType.Name + "." + field.Name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("graphql.field.parent_type", parentType.Name);
            activity.SetTag("graphql.field.name", field.Name);
            activity.SetTag("graphql.field.path", responseKey);
        }

        return activity;
    }

    internal static void RecordOperation(OperationType type, string? name, long startTimestamp, ExecutionResult? result, Activity? activity)
    {
        if (result is { Errors.Count: > 0 } && activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Errors[0].Message);
        }

        if (OperationDuration.Enabled)
        {
            var seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
            OperationDuration.Record(
                seconds,
                new KeyValuePair<string, object?>(OperationTypeTag, TypeName(type)),
                new KeyValuePair<string, object?>(OperationNameTag, name ?? ""));
        }
    }
}
