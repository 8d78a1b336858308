namespace MakerMap.GraphQL.Tests.Validation;

public class SchemaSmokeTests
{
    [Fact]
    public void Validation_schema_builds()
    {
        Assert.NotNull(ValidationHarness.Schema.GetType("Tool"));
    }
}
