using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class KnownOperationTypesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new KnownOperationTypesRule(c);

    [Fact]
    public void Operations_with_root_types_are_valid() =>
        ExpectValid(Rule, "query A { room { id } } mutation B { cancel(id: 1) } subscription C { toolChanged { id } }");

    [Fact]
    public void Operations_without_root_types_are_reported()
    {
        var schema = new SchemaBuilder("type Query { a: Int }").UseDefaultFieldResolver().Build();
        var errors = DocumentValidator.Validate(schema, Parser.Parse("mutation M { a }\nsubscription { a }"), new ValidationOptions { Rules = [Rule] });
        Assert.Equal(
            ["The mutation operation is not supported by the schema. (1:1)", "The subscription operation is not supported by the schema. (2:1)"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Rule_is_not_in_the_default_set()
    {
        Assert.DoesNotContain(SpecifiedRules.AllWithSafety, f => f(null!) is KnownOperationTypesRule);
    }
}
