using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.DataLoader;

public class DataLoaderTests
{
    private sealed record Author(int Id, string Name);

    private sealed record Book(int Id, int AuthorId, string Title);

    private static readonly Book[] Books = [.. Enumerable.Range(1, 6).Select(i => new Book(i, (i % 3) + 1, "Book " + i))];

    private static (Schema Schema, List<IReadOnlyList<int>> AuthorCalls, List<IReadOnlyList<int>> BookCalls) Build(int delayMs)
    {
        var authorCalls = new List<IReadOnlyList<int>>();
        var bookCalls = new List<IReadOnlyList<int>>();
        var schema = new SchemaBuilder("""
            type Query { books: [Book!]! }
            type Book { id: Int! title: String! author: Author }
            type Author { id: Int! name: String! books: [Book!]! }
            """)
            .Bind("Query", "books", _ => Books)
            .BindType<Book>("Book", t => t.FieldAsync("author", (book, ctx, _) =>
                ctx.GetBatchLoader<int, Author>("authors", async (ids, ct) =>
                {
                    lock (authorCalls)
                    {
                        authorCalls.Add(ids);
                    }

                    if (delayMs > 0)
                    {
                        await Task.Delay(delayMs, ct);
                    }

                    return ids.ToDictionary(id => id, id => new Author(id, "Author " + id));
                }).LoadAsync(book.AuthorId)))
            .BindType<Author>("Author", t => t.FieldAsync("books", (author, ctx, _) =>
                ctx.GetGroupedLoader<int, Book>("booksByAuthor", (ids, ct) =>
                {
                    lock (bookCalls)
                    {
                        bookCalls.Add(ids);
                    }

                    return Task.FromResult(Books.Where(b => ids.Contains(b.AuthorId)).ToLookup(b => b.AuthorId));
                }).LoadAsync(author.Id)))
            .Build();
        return (schema, authorCalls, bookCalls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public async Task Loader_batches_n_plus_one_into_one_call_per_level(int delayMs)
    {
        var (schema, authorCalls, bookCalls) = Build(delayMs);

        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ books { title author { name books { id author { id } } } } }"));

        Assert.Empty(result.Errors);
        // The second author level hits the request cache: every author was loaded by the first batch.
        Assert.True(authorCalls.Count == 1, string.Join(" / ", authorCalls.Select(c => string.Join(",", c))));
        Assert.Equal([2, 3, 1], authorCalls[0]);
        Assert.Single(bookCalls);
        Assert.Equal([2, 3, 1], bookCalls[0]);
        Assert.StartsWith("""{"data":{"books":[{"title":"Book 1","author":{"name":"Author 2","books":[{"id":1,"author":{"id":2}},{"id":4,"author":{"id":2}}]}}""", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loader_caches_keys_within_a_request_but_not_across_requests()
    {
        var (schema, authorCalls, _) = Build(0);
        var engine = new GraphQLEngine(schema);

        await engine.ExecuteAsync(new GraphQLRequest("{ a: books { author { id } } b: books { author { name } } }"));
        await engine.ExecuteAsync(new GraphQLRequest("{ books { author { id } } }"));

        Assert.Equal(2, authorCalls.Count);
    }

    [Fact]
    public async Task Loader_failure_becomes_field_errors_without_exception_text()
    {
        var schema = new SchemaBuilder("type Query { items: [Item] } type Item { id: Int other: String }")
            .Bind("Query", "items", _ => new List<int> { 1, 2 })
            .Bind("Item", "id", ctx => ctx.Source)
            .Bind<string?>("Item", "other", (ctx, _) => ctx.GetBatchLoader<int, string>("fails", (_, _) => throw new InvalidOperationException("db down")).LoadAsync((int)ctx.Source!))
            .Build();

        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ items { id other } }"));

        Assert.Equal("""{"items":[{"id":1,"other":null},{"id":2,"other":null}]}""", result.ToJson()[result.ToJson().IndexOf("\"data\":", StringComparison.Ordinal)..].Replace("\"data\":", "", StringComparison.Ordinal)[..^1]);
        Assert.Equal(["items.0.other", "items.1.other"], result.Errors.Select(e => string.Join(".", e.Path!)).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(("Unexpected error.", "INTERNAL_SERVER_ERROR", 14), (e.Message, e.Code, e.Locations[0].Column)));
    }

    [Fact]
    public async Task Loader_can_be_dispatched_manually_outside_execution()
    {
        var loader = new BatchDataLoader<string, int>((keys, _) => Task.FromResult<IReadOnlyDictionary<string, int>>(keys.ToDictionary(k => k, k => k.Length)));
        var a = loader.LoadAsync("a");
        var bb = loader.LoadAsync("bb");
        var missing = new BatchDataLoader<string, int>((_, _) => Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>()), defaultValue: -1).LoadAsync("x");

        await loader.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, await a);
        Assert.Equal(2, await bb);
        Assert.False(missing.IsCompleted);
    }
}
