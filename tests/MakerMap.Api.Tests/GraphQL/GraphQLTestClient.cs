using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>A GraphQL response: HTTP status and the parsed body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    public JsonElement FirstError => Body.GetProperty("errors")[0];

    public string? FirstErrorCode => HasErrors && FirstError.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null;
}

/// <summary>Posts GraphQL requests to /graphql, anonymously or with a bearer token.</summary>
public sealed class GraphQLTestClient(WebApplicationFactory<Program> factory, TestDatabase database)
{
    public GraphQLTestClient(GraphQLApiFactory factory)
        : this(factory, factory.Database)
    {
    }

    public GraphQLTestClient(MakerMapApiFactory factory)
        : this(factory, factory.Database)
    {
    }

    private const string Password = "repair-cafe-2026";

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Signs up a new account through GraphQL and returns its id and a bearer token.</summary>
    public async Task<(Guid AccountId, string Token)> SignUpAsync()
    {
        var email = "gql-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        var signUp = await PostAsync("mutation($i: SignUpInput!) { signUp(input: $i) { account { id } errors { code message } } }",
            new { i = new { email, password = Password, displayName = "Tester" } });
        var id = signUp.Data.GetProperty("signUp").GetProperty("account").GetProperty("id").GetString();
        var signIn = await PostAsync("mutation($i: SignInInput!) { signIn(input: $i) { token errors { code } } }",
            new { i = new { email, password = Password, issueToken = true } });
        var token = signIn.Data.GetProperty("signIn").GetProperty("token").GetString()!;
        return (Uuid(id!), token);
    }

    /// <summary>Signs up and makes the account a member of <paramref name="organisationId"/>.</summary>
    public async Task<(Guid AccountId, string Token)> MemberAsync(Guid organisationId, MembershipRole role = MembershipRole.Member)
    {
        var (accountId, token) = await SignUpAsync();
        await new AccountCommands(database.DataSource).SetMembershipAsync(accountId, organisationId, role, CancellationToken.None);
        return (accountId, token);
    }

    public async Task ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }
        await command.ExecuteNonQueryAsync();
    }

    public static string Id(string type, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(type + ":" + id.ToString("D")));

    public static Guid Uuid(string globalId) => Guid.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1]);
}
