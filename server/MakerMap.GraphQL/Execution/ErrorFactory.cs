using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>Turns resolver exceptions into field errors without leaking exception text.</summary>
internal static class ErrorFactory
{
    private static readonly IReadOnlyDictionary<string, object?> Internal = new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError };

    public static GraphQLError FromException(Exception exception, IReadOnlyList<FieldNode> nodes, ResponsePath path, ExecutionContext context)
    {
        switch (exception)
        {
            case GraphQLException safe:
                IReadOnlyDictionary<string, object?>? extensions = null;
                if (safe.Code is not null || safe.Extensions is not null)
                {
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    if (safe.Extensions is not null)
                    {
                        foreach (var (k, v) in safe.Extensions)
                        {
                            map[k] = v;
                        }
                    }

                    if (safe.Code is not null)
                    {
                        map["code"] = safe.Code;
                    }

                    extensions = map;
                }

                return new GraphQLError(safe.Message, nodes, path.ToList(), extensions, exception);
            case ValueCoercionException coercion:
                return new GraphQLError(coercion.Message, nodes, path.ToList(), null, exception);
            case not GraphQLException when context.Options.MapException?.Invoke(exception) is { } mapped:
                return FromException(mapped, nodes, path, context);
            default:
                context.Options.OnUnexpectedError?.Invoke(exception, path);
                var message = exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested
                    ? "Execution was cancelled."
                    : "Unexpected error.";
                return new GraphQLError(message, nodes, path.ToList(), Internal, exception);
        }
    }
}
