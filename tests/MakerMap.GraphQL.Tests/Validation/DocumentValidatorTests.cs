using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL.Tests.Validation;

public class DocumentValidatorTests
{
    [Fact]
    public void Valid_document_has_no_errors()
    {
        var errors = ValidationHarness.Validate("query Q($id: ID!) { node(id: $id) { id ... on Tool { name kind } } }");
        Assert.Empty(errors);
    }

    [Fact]
    public void Errors_carry_code_and_rule_name()
    {
        var errors = ValidationHarness.Validate("{ tool { zzzz } }");
        var error = Assert.Single(errors);
        Assert.Equal("Cannot query field \"zzzz\" on type \"Tool\".", error.Message);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Extensions!["code"]);
        Assert.Equal("FieldsOnCorrectTypeRule", error.RuleName);
    }

    [Fact]
    public void Several_rules_report_in_one_pass()
    {
        var errors = ValidationHarness.Validate("query Q($unused: Int) { tool { nope } ...Missing }");
        Assert.Equal(
            ["FieldsOnCorrectTypeRule", "KnownFragmentNamesRule", "NoUnusedVariablesRule"],
            errors.Select(e => e.RuleName!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Error_cap_stops_validation_with_a_final_error()
    {
        var text = "{ " + string.Concat(Enumerable.Range(0, 10).Select(i => $"f{i} ")) + "}";
        var errors = ValidationHarness.Validate(text, options: new ValidationOptions { MaxErrors = 3 });
        Assert.Equal(4, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[3].Message);
    }

    [Fact]
    public void Descriptions_do_not_take_part_in_validation()
    {
        var errors = ValidationHarness.Validate("\"Described\" query Q(\"var\" $a: ID) { tool(id: $a) { id } }");
        Assert.Empty(errors);
    }

    [Fact]
    public void Custom_rule_list_runs_only_those_rules()
    {
        var document = Parser.Parse("{ tool { nope } }");
        var errors = DocumentValidator.Validate(ValidationHarness.Schema, document, new ValidationOptions { Rules = [] });
        Assert.Empty(errors);
    }

    [Fact]
    public void Huge_alias_list_is_rejected_cleanly()
    {
        var text = "{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: room {{ id }} ")) + "}";
        var errors = DocumentValidatorTestHelpers.ValidateLarge(text);
        Assert.Contains(errors, e => e.RuleName == "MaxAliasesRule");
    }

    [Fact]
    public void Introspection_query_passes_default_limits()
    {
        var errors = ValidationHarness.Validate(IntrospectionQuery);
        Assert.Empty(errors);
    }

    // The shape of graphql-js getIntrospectionQuery with every option on (written out, not copied).
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }
        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }
        fragment TypeRef on __Type {
          kind
          name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;
}
