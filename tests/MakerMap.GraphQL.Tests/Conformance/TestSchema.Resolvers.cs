using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Conformance;

internal static partial class TestSchema
{
    private static Schema Build()
    {
        var builder = new SchemaBuilder(Sdl).UseDefaultFieldResolver();
        BindQuery(builder);
        BindMutation(builder);
        BindObjects(builder);
        builder
            .BindSubscription(
                "counter",
                (ctx, ct) =>
                {
                    var to = IntArg(ctx, "to") ?? 0;
                    return to < 0 ? throw new GraphQLException("to must not be negative.") : CountTo(to, ct);
                })
            .BindSubscription("toolAdded", (ctx, ct) => Nothing(ct))
            .BindScalar("DateTime", SerializeDateTime, ParseDateTime);
        foreach (var name in new[] { "Node", "Named", "Tool", "SearchResult" })
        {
            builder.ResolveType(name, (value, _) => ((Dictionary<string, object?>)value)["__typename"] as string);
        }

        return builder.Build();
    }

    private static void BindQuery(SchemaBuilder b)
    {
        b.Bind("Query", "node", ctx => FindNode(State(ctx), Arg(ctx, "id")));
        b.Bind("Query", "nodes", ctx => Items(Arg(ctx, "ids")).Select(id => FindNode(State(ctx), id)).ToList());
        b.Bind("Query", "maker", ctx =>
        {
            var reference = (IReadOnlyDictionary<string, object?>)Arg(ctx, "ref")!;
            return reference.TryGetValue("id", out var id)
                ? FindMaker(State(ctx), id)
                : State(ctx).Makers.Find(m => Equals(m["email"], reference.GetValueOrDefault("email")));
        });
        b.Bind("Query", "makers", ctx =>
        {
            var sorted = State(ctx).Makers.OrderBy(m => (string)m["name"]!, StringComparer.Ordinal).ToList();
            if (Equals(Arg(ctx, "sort"), "DESC"))
            {
                sorted.Reverse();
            }

            return Take(sorted, IntArg(ctx, "first"));
        });
        b.Bind("Query", "tools", ctx =>
        {
            var filter = Arg(ctx, "filter") as IReadOnlyDictionary<string, object?>;
            return State(ctx).Tools.Where(t => filter is null || Passes(t, filter)).ToList();
        });
        b.Bind("Query", "search", ctx =>
        {
            var needle = ((string)Arg(ctx, "text")!).ToLowerInvariant();
            bool Hit(Dictionary<string, object?> x) => ((string)x["name"]!).ToLowerInvariant().Contains(needle, StringComparison.Ordinal);
            var s = State(ctx);
            return s.Makers.Where(Hit).Concat(s.Tools.Where(Hit)).Concat(s.Spaces.Where(Hit)).ToList();
        });
        b.Bind("Query", "spaces", ctx => State(ctx).Spaces);
        b.Bind("Query", "echo", ctx => Arg(ctx, "value"));
        b.Bind("Query", "echoInput", ctx => Arg(ctx, "input") is { } input ? CanonicalJson(input) : null);
        b.Bind("Query", "echoList", ctx => Arg(ctx, "values"));
        b.Bind("Query", "echoEnum", ctx => Arg(ctx, "kind"));
        b.Bind("Query", "echoOneOf", ctx =>
        {
            var reference = (IReadOnlyDictionary<string, object?>)Arg(ctx, "ref")!;
            return reference.TryGetValue("id", out var id) ? $"id:{id}" : $"email:{reference.GetValueOrDefault("email")}";
        });
        b.Bind("Query", "echoDate", ctx => Arg(ctx, "at"));
        b.Bind("Query", "add", ctx => (long)IntArg(ctx, "a")!.Value + IntArg(ctx, "b")!.Value);
        b.Bind("Query", "matrix", _ => new List<object?> { new List<object?> { 1, 2 }, null, new List<object?>() });
        b.Bind("Query", "chain", _ => new Dictionary<string, object?> { ["n"] = 1 });
        b.Bind("Query", "now", ctx => State(ctx).Now);
        b.Bind("Query", "error", _ => throw new GraphQLException("Something went wrong."));
        b.Bind("Query", "nonNullError", _ => throw new GraphQLException("Non-null field failed."));
        b.Bind("Query", "oldest", ctx => State(ctx).Makers.OrderBy(m => (string)m["joined"]!, StringComparer.Ordinal).First());
        b.Bind("Query", "legacyArg", ctx => Arg(ctx, "value") ?? Arg(ctx, "old"));
    }

    private static bool Passes(Dictionary<string, object?> tool, IReadOnlyDictionary<string, object?> filter)
    {
        if (filter.GetValueOrDefault("kind") is { } kind && !Equals(tool["kind"], kind))
        {
            return false;
        }

        if (filter.GetValueOrDefault("minWeight") is { } min && Convert.ToInt64(tool["weightGrams"] ?? 0, System.Globalization.CultureInfo.InvariantCulture) < Convert.ToInt64(min, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (filter.GetValueOrDefault("nameContains") is string part && !((string)tool["name"]!).Contains(part, StringComparison.Ordinal))
        {
            return false;
        }

        if (filter.GetValueOrDefault("tags") is { } tags && !Items(tags).All(tag => Items(tool["tags"]).Contains(tag)))
        {
            return false;
        }

        return !(Equals(filter.GetValueOrDefault("legacyOnly"), true) && !Equals(tool["kind"], "LEGACY"));
    }

    private static void BindMutation(SchemaBuilder b)
    {
        b.Bind("Mutation", "addTool", ctx =>
        {
            var input = (IReadOnlyDictionary<string, object?>)Arg(ctx, "input")!;
            var s = State(ctx);
            var ownerId = input.GetValueOrDefault("ownerId");
            if (ownerId is not null && FindMaker(s, ownerId) is null)
            {
                throw new GraphQLException($"Unknown maker \"{ownerId}\".");
            }

            var tool = new Dictionary<string, object?>
            {
                ["__typename"] = "Drill",
                ["id"] = $"t{s.Tools.Count + 1}",
                ["name"] = input["name"],
                ["weightGrams"] = input.GetValueOrDefault("weightGrams"),
                ["kind"] = input["kind"],
                ["ownerId"] = ownerId,
                ["tags"] = input.GetValueOrDefault("tags") ?? new List<object?>(),
                ["maxRpm"] = 0,
                ["cordless"] = false,
            };
            s.Tools.Add(tool);
            return tool;
        });
        b.Bind("Mutation", "renameMaker", ctx =>
        {
            var maker = FindMaker(State(ctx), Arg(ctx, "id"));
            if (maker is not null)
            {
                maker["name"] = Arg(ctx, "name");
            }

            return maker;
        });
        b.Bind("Mutation", "increment", ctx => State(ctx).Counter += IntArg(ctx, "by") ?? 0);
    }

    private static void BindObjects(SchemaBuilder b)
    {
        b.Bind("Maker", "tools", ctx =>
        {
            var maker = Src(ctx);
            var kind = Arg(ctx, "kind");
            return Take(State(ctx).Tools.Where(t => Equals(t["ownerId"], maker["id"]) && (kind is null || Equals(t["kind"], kind))).ToList(), IntArg(ctx, "first"));
        });
        b.Bind("Maker", "friends", ctx => Items(Src(ctx)["friendIds"]).Select(id => FindMaker(State(ctx), id)).ToList());
        b.Bind("Maker", "secret", ctx =>
        {
            var maker = Src(ctx);
            return maker["secret"] ?? throw new GraphQLException($"The secret of {maker["name"]} is sealed.");
        });
        b.Bind("Maker", "space", ctx => Src(ctx)["spaceId"] is { } id ? FindSpace(State(ctx), id) : null);
        foreach (var type in new[] { "Drill", "Printer" })
        {
            b.Bind(type, "owner", ctx => Src(ctx)["ownerId"] is { } id ? FindMaker(State(ctx), id) : null);
        }

        b.Bind("Printer", "nozzle", ctx => Src(ctx)["nozzleMm"] switch
        {
            null => null,
            var mm when Equals(Arg(ctx, "unit"), "MICROMETRE") => Convert.ToDouble(mm, System.Globalization.CultureInfo.InvariantCulture) * 1000,
            var mm => mm,
        });
        b.Bind("Space", "members", ctx =>
        {
            var space = Src(ctx);
            var active = Arg(ctx, "active");
            return Take(State(ctx).Makers.Where(m => Equals(m["spaceId"], space["id"]) && (active is null || Equals(m["active"], active))).ToList(), IntArg(ctx, "first"));
        });
        b.Bind("Space", "tools", ctx =>
        {
            var s = State(ctx);
            var space = Src(ctx);
            return s.Tools.Where(t => t["ownerId"] is { } owner && FindMaker(s, owner) is { } m && Equals(m["spaceId"], space["id"])).ToList();
        });
        b.Bind("Link", "next", ctx => new Dictionary<string, object?> { ["n"] = (int)Src(ctx)["n"]! + 1 });
    }
}
