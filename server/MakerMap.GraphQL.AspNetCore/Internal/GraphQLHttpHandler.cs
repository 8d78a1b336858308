using System.Runtime.ExceptionServices;
using System.Text.Json;
using MakerMap.GraphQL.AspNetCore.WebSockets;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace MakerMap.GraphQL.AspNetCore.Internal;

/// <summary>
/// Serves one GraphQL endpoint: GraphQL over HTTP (POST; GET for queries), the GraphiQL page for browsers and
/// WebSocket upgrades for <c>graphql-transport-ws</c>. https://graphql.github.io/graphql-over-http/draft/
/// </summary>
internal sealed class GraphQLHttpHandler(GraphQLEngine engine, GraphQLHttpOptions options, string assetsPath, ILogger logger)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ResultJsonWriter.Encoder, SkipValidation = true };

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.WebSockets.IsWebSocketRequest)
        {
            if (!options.EnableWebSockets)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (RequestOrigin.Of(request) is { } origin && !RequestOrigin.IsAllowed(request, origin, options.AllowedWebSocketOrigins))
            {
                await WriteProblemAsync(context, MediaTypes.Json, new RequestProblem(StatusCodes.Status403Forbidden,
                    "WebSocket connections are accepted from this site's own pages only.", TransportErrors.CrossSiteRequest)).ConfigureAwait(false);
                return;
            }

            await GraphQLWsConnection.AcceptAsync(context, engine, options, logger).ConfigureAwait(false);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        var preference = MediaTypes.Read(request);
        context.Response.Headers.Vary = HeaderNames.Accept;

        if (isGet && options.EnableGraphiQL && MediaTypes.PrefersHtml(preference))
        {
            await GraphiQLPage.WriteAsync(context, assetsPath).ConfigureAwait(false);
            return;
        }

        if (!isPost && !(isGet && options.EnableGetRequests))
        {
            context.Response.Headers.Allow = options.EnableGetRequests ? "GET, POST" : "POST";
            await WriteProblemAsync(context, MediaTypes.Json, new RequestProblem(
                StatusCodes.Status405MethodNotAllowed, $"The {request.Method} method is not supported here.")).ConfigureAwait(false);
            return;
        }

        var mediaType = MediaTypes.ChooseResponseType(preference);
        if (mediaType is null)
        {
            await WriteProblemAsync(context, MediaTypes.Json, new RequestProblem(
                StatusCodes.Status406NotAcceptable,
                "The Accept header allows neither application/graphql-response+json nor application/json.")).ConfigureAwait(false);
            return;
        }

        if (isPost && !MediaTypes.IsJsonRequest(request.ContentType))
        {
            await WriteProblemAsync(context, mediaType, new RequestProblem(
                StatusCodes.Status415UnsupportedMediaType,
                "The request body must be application/json (UTF-8).")).ConfigureAwait(false);
            return;
        }

        try
        {
            var (parameters, problem) = isPost
                ? await RequestReader.ReadPostAsync(request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false)
                : RequestReader.ReadQueryString(request.Query);
            if (problem is not null)
            {
                await WriteProblemAsync(context, mediaType, problem).ConfigureAwait(false);
                return;
            }

            await ExecuteAsync(context, parameters!, mediaType, isGet).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is no one to answer.
        }
#pragma warning disable CA1031 // Any failure becomes a generic 500: exception text never reaches the client.
        catch (Exception exception) when (options.IsServiceUnavailable?.Invoke(exception) != true)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "GraphQL request to {Path} failed", request.Path);
            if (!context.Response.HasStarted)
            {
                await WriteProblemAsync(context, mediaType, new RequestProblem(
                    StatusCodes.Status500InternalServerError, "Unexpected error.", TransportErrors.InternalServerError)).ConfigureAwait(false);
            }
        }
    }

    private async Task ExecuteAsync(HttpContext context, RequestParameters parameters, string mediaType, bool isGet)
    {
        var graphQLResponse = mediaType == MediaTypes.GraphQLResponseJson;
        var prepared = engine.Prepare(parameters.Query, parameters.OperationName);
        switch (prepared.Status)
        {
            case PreparedRequestStatus.MissingQuery:
                await WriteErrorsAsync(context, mediaType, StatusCodes.Status400BadRequest, prepared.Errors).ConfigureAwait(false);
                return;
            case PreparedRequestStatus.ParseFailed:
            case PreparedRequestStatus.ValidationFailed:
                var documentStatus = options.UseUnprocessableContentForDocumentErrors
                    ? StatusCodes.Status422UnprocessableEntity
                    : StatusCodes.Status400BadRequest;
                await WriteErrorsAsync(context, mediaType, graphQLResponse ? documentStatus : StatusCodes.Status200OK, prepared.Errors).ConfigureAwait(false);
                return;
            case PreparedRequestStatus.OperationNotFound:
                await WriteErrorsAsync(context, mediaType, graphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, prepared.Errors).ConfigureAwait(false);
                return;
        }

        if (isGet && prepared.OperationType != OperationType.Query)
        {
            // GET must never change state (https://graphql.github.io/graphql-over-http/draft/#sec-GET).
            context.Response.Headers.Allow = "POST";
            await WriteProblemAsync(context, mediaType, new RequestProblem(
                StatusCodes.Status405MethodNotAllowed, "Only query operations can be sent with GET; use POST.")).ConfigureAwait(false);
            return;
        }

        if (prepared.OperationType == OperationType.Subscription)
        {
            await WriteProblemAsync(context, mediaType, new RequestProblem(
                StatusCodes.Status400BadRequest,
                "Subscriptions are served over WebSocket with the graphql-transport-ws protocol.")).ConfigureAwait(false);
            return;
        }

        var graphQLRequest = new GraphQLRequest(parameters.Query, parameters.OperationName, parameters.Variables, parameters.Extensions)
        {
            Services = context.RequestServices,
            UserContext = options.UserContextFactory is { } factory ? factory(context) : context.User,
        };
        var result = await engine.ExecuteAsync(prepared, graphQLRequest, context.RequestAborted).ConfigureAwait(false);
        if (UnavailableDependency(result) is { } unavailable)
        {
            // Partial data is no use when a dependency is down; the application answers it as a whole (see the option).
            ExceptionDispatchInfo.Throw(unavailable);
        }

        // With application/graphql-response+json a response without data (a request error such as a variable
        // coercion failure) is a 4xx; with application/json every GraphQL response is 200.
        var status = graphQLResponse && !result.HasData ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(context, mediaType, status, result.WriteTo).ConfigureAwait(false);
    }

    private Exception? UnavailableDependency(ExecutionResult result)
    {
        if (options.IsServiceUnavailable is not { } isUnavailable)
        {
            return null;
        }
        foreach (var error in result.Errors)
        {
            if (error.OriginalError is { } exception && isUnavailable(exception))
            {
                return exception;
            }
        }
        return null;
    }

    private static Task WriteProblemAsync(HttpContext context, string mediaType, RequestProblem problem) =>
        WriteErrorsAsync(context, mediaType, problem.StatusCode, TransportErrors.One(problem.Message, problem.Code));

    private static Task WriteErrorsAsync(HttpContext context, string mediaType, int status, IReadOnlyList<GraphQLError> errors) =>
        WriteAsync(context, mediaType, status, ExecutionResult.FromErrors(errors).WriteTo);

    private static async Task WriteAsync(HttpContext context, string mediaType, int status, Action<Utf8JsonWriter> write)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            write(writer);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
