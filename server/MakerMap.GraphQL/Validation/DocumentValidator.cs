using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec section 5,
/// https://spec.graphql.org/September2025/#sec-Validation). All rules run in one parallel walk.
/// </summary>
public static class DocumentValidator
{
    /// <summary>
    /// Validates <paramref name="document"/>; returns every error found (empty when valid). Never
    /// throws for invalid documents. Each error carries <c>extensions.code = GRAPHQL_VALIDATION_FAILED</c>
    /// and <see cref="GraphQLError.RuleName"/>.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= ValidationOptions.Default;
        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var maxErrors = options.MaxErrors;
        var context = new ValidationContext(schema, document, typeInfo, options, error =>
        {
            if (errors.Count >= maxErrors)
            {
                errors.Add(ValidationRule.Create("Too many validation errors, error limit reached. Validation aborted.", "DocumentValidator"));
                throw new ValidationAbortedException();
            }

            errors.Add(error);
        });

        var factories = options.Rules ?? SpecifiedRules.AllWithSafety;
        var rules = new AstVisitor[factories.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = factories[i](context);
        }

        try
        {
            Visitor.Visit(document, new TypeInfoVisitor(typeInfo, new ParallelVisitor(rules)));
        }
        catch (ValidationAbortedException)
        {
            // The error cap was reached; the marker error is already in the list.
        }
        catch (InsufficientExecutionStackException)
        {
            errors.Add(ValidationRule.Create("Document is too deeply nested to validate. Validation aborted.", "DocumentValidator"));
        }

        return errors;
    }

    /// <summary>Thrown inside a walk to stop validation once the error cap is hit.</summary>
    private sealed class ValidationAbortedException : Exception
    {
        public ValidationAbortedException()
        {
        }

        public ValidationAbortedException(string message)
            : base(message)
        {
        }

        public ValidationAbortedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
