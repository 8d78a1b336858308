using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL;

/// <summary>The outcome of <see cref="GraphQLEngine.Prepare"/>.</summary>
public enum PreparedRequestStatus
{
    /// <summary>Parsed, valid, and the operation was found.</summary>
    Ok,

    /// <summary>The document has a syntax error (or exceeds the parser limits).</summary>
    ParseFailed,

    /// <summary>The document failed validation.</summary>
    ValidationFailed,

    /// <summary>The operation name matches no operation, or is needed and missing.</summary>
    OperationNotFound,

    /// <summary>No query text was given.</summary>
    MissingQuery,
}

/// <summary>A parsed and validated document with the selected operation, ready to execute many times.</summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(PreparedRequestStatus status, IReadOnlyList<GraphQLError> errors, DocumentNode? document = null, OperationDefinitionNode? operation = null)
    {
        Status = status;
        Errors = errors;
        Document = document;
        Operation = operation;
    }

    /// <summary>Whether the request can be executed.</summary>
    public PreparedRequestStatus Status { get; }

    /// <summary>Parse, validation or operation-selection errors (empty when <see cref="Status"/> is <see cref="PreparedRequestStatus.Ok"/>).</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>The operation type, when an operation was selected.</summary>
    public OperationType? OperationType => Operation?.Operation;

    /// <summary>The selected operation's name, if it has one.</summary>
    public string? OperationName => Operation?.Name?.Value;

    /// <summary>The parsed document (null when parsing failed).</summary>
    public DocumentNode? Document { get; }

    /// <summary>The selected operation.</summary>
    public OperationDefinitionNode? Operation { get; }
}
