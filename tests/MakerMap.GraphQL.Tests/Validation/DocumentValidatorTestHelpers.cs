using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL.Tests.Validation;

internal static class DocumentValidatorTestHelpers
{
    /// <summary>Validates a document too big for the default parser limits.</summary>
    public static IReadOnlyList<GraphQLError> ValidateLarge(string text, ValidationRuleFactory? rule = null)
    {
        var document = Parser.Parse(text, new ParserOptions { MaxTokens = null });
        var options = rule is null ? ValidationOptions.Default : new ValidationOptions { Rules = [rule] };
        return DocumentValidator.Validate(ValidationHarness.Schema, document, options);
    }
}
