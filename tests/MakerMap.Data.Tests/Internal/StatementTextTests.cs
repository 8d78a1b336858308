using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Tests.Internal;

public sealed class StatementTextTests
{
    private const string Sql = "SELECT 1 WHERE (@kinds::text[] IS NULL OR k = ANY(@kinds)) AND (@kinds_extra::text IS NULL) AND (@near::float8 IS NULL) AND x = @kinds_extra";

    [Fact]
    public void Null_parameters_become_typed_null_literals_and_leave_the_command()
    {
        using var command = new NpgsqlCommand(Sql);
        command.Parameters.AddTextArray("kinds", null);
        command.Parameters.Add(new NpgsqlParameter<string>("kinds_extra", NpgsqlDbType.Text) { TypedValue = "x" });
        command.Parameters.AddNullable<double>("near", null, NpgsqlDbType.Double);

        command.UseCachedStatementText();

        Assert.Equal(
            "SELECT 1 WHERE ((NULL::text[])::text[] IS NULL OR k = ANY((NULL::text[]))) AND ($1::text IS NULL) AND ((NULL::float8)::float8 IS NULL) AND x = $1",
            command.CommandText);
        var left = Assert.Single(command.Parameters);
        Assert.Equal("x", left.Value);
    }

    [Fact]
    public void Given_parameters_are_numbered_in_order_of_first_use_and_left_unnamed()
    {
        using var command = new NpgsqlCommand("SELECT @b, @a, @b, @a_long");
        command.Parameters.Add(new NpgsqlParameter<int>("a", NpgsqlDbType.Integer) { TypedValue = 1 });
        command.Parameters.Add(new NpgsqlParameter<int>("a_long", NpgsqlDbType.Integer) { TypedValue = 3 });
        command.Parameters.Add(new NpgsqlParameter<int>("b", NpgsqlDbType.Integer) { TypedValue = 2 });

        command.UseCachedStatementText();

        Assert.Equal("SELECT $1, $2, $1, $3", command.CommandText);
        Assert.Equal([2, 1, 3], command.Parameters.Select(p => (int)p.Value!));
        Assert.All(command.Parameters, p => Assert.Equal(string.Empty, p.ParameterName));
    }

    [Fact]
    public void Placeholders_of_names_that_are_not_parameters_stay_as_written()
    {
        var rewritten = StatementText.Rewrite("SELECT @given, @other", [new NpgsqlParameter<int>("given", NpgsqlDbType.Integer) { TypedValue = 1 }]);

        Assert.Equal("SELECT $1, @other", rewritten.Text);
        Assert.Equal(["given"], rewritten.ParameterNames);
    }

    [Fact]
    public void The_same_null_pattern_reuses_one_text_so_the_statement_is_prepared_once()
    {
        string Rewritten(string[]? kinds)
        {
            using var command = new NpgsqlCommand(Sql);
            command.Parameters.AddTextArray("kinds", kinds);
            command.UseCachedStatementText();
            return command.CommandText;
        }

        Assert.Same(Rewritten(null), Rewritten(null));
        Assert.Same(Rewritten(["repair_cafe"]), Rewritten(["fab_lab"]));
        Assert.NotEqual(Rewritten(null), Rewritten(["repair_cafe"]));
    }

    [Fact]
    public void A_null_of_a_type_it_cannot_name_is_refused()
    {
        using var command = new NpgsqlCommand("SELECT @shape");
        command.Parameters.Add(new NpgsqlParameter("shape", NpgsqlDbType.Bytea) { Value = DBNull.Value });

        var error = Assert.Throws<InvalidOperationException>(command.UseCachedStatementText);
        Assert.Contains("shape", error.Message, StringComparison.Ordinal);
    }
}
