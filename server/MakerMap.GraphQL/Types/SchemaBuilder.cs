using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.Types;

/// <summary>
/// Builds an executable <see cref="Schema"/> from SDL plus C# bindings: field resolvers, CLR types
/// (whose properties resolve fields without a resolver, through accessors compiled once at build time),
/// abstract type resolvers, custom scalars and enum values. <see cref="Build"/> throws a
/// <see cref="SchemaValidationException"/> listing every problem: invalid SDL, schemas the spec calls
/// invalid (https://spec.graphql.org/September2025/#sec-Type-System) and fields nothing resolves.
/// </summary>
/// <example>
/// <code>
/// var schema = new SchemaBuilder(sdl)
///     .Bind("Query", "place", ctx => repo.Find(ctx.Argument&lt;string&gt;("id")))
///     .Bind("Query", "places", (ctx, ct) => repo.ListAsync(ct))
///     .BindType&lt;Place&gt;("Place", t => t.Field("distance", (p, ctx) => p.DistanceTo(ctx.Argument&lt;double&gt;("lat"))))
///     .Build();
/// </code>
/// </example>
public sealed partial class SchemaBuilder
{
    private readonly List<string> _sources = [];
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = [];
    private readonly Dictionary<string, SubscriptionResolver> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldResolver> _subscriptionResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _clrTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _enums = new(StringComparer.Ordinal);
    private readonly List<FieldResolverWrapper> _wrappers = [];
    private bool _defaultFieldResolver;

    /// <summary>Creates a builder for the given SDL (more can be added with <see cref="AddSdl"/>).</summary>
    public SchemaBuilder(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        _sources.Add(sdl);
    }

    /// <summary>Creates a builder with no SDL yet.</summary>
    public SchemaBuilder()
    {
    }

    /// <summary>Adds another SDL document (types, extensions, directives).</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        _sources.Add(sdl);
        return this;
    }

    /// <summary>Binds a synchronous resolver.</summary>
    public SchemaBuilder Bind(string typeName, string fieldName, Func<ResolveContext, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return BindResolver(typeName, fieldName, ctx => new ValueTask<object?>(resolve(ctx)));
    }

    /// <summary>Binds an asynchronous resolver that receives the request's cancellation token.</summary>
    public SchemaBuilder Bind<TResult>(string typeName, string fieldName, Func<ResolveContext, CancellationToken, Task<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return BindResolver(typeName, fieldName, ResolverAdapters.FromTask(resolve));
    }

    /// <summary>Binds an asynchronous resolver returning a <see cref="ValueTask{TResult}"/>.</summary>
    public SchemaBuilder BindValueTask<TResult>(string typeName, string fieldName, Func<ResolveContext, CancellationToken, ValueTask<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return BindResolver(typeName, fieldName, ResolverAdapters.FromValueTask(resolve));
    }

    /// <summary>Binds a raw <see cref="FieldResolver"/>.</summary>
    public SchemaBuilder BindResolver(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>
    /// A hook around resolvers: at <see cref="Build"/>, every object field that takes arguments gets
    /// <c>wrap(type, field, resolver)</c> instead of its resolver (return the resolver itself to leave a field
    /// alone). A server checks its arguments in one place this way, e.g. refusing control characters in
    /// every text input, without changing the spec's scalars. Wrappers apply in the order added, the last outermost.
    /// </summary>
    public SchemaBuilder WrapResolvers(FieldResolverWrapper wrap)
    {
        ArgumentNullException.ThrowIfNull(wrap);
        _wrappers.Add(wrap);
        return this;
    }

    /// <summary>
    /// Binds a subscription root field: <paramref name="subscribe"/> creates the source stream; each event
    /// becomes the source of the field's resolver (by default the event itself).
    /// </summary>
    public SchemaBuilder BindSubscription<TEvent>(
        string fieldName,
        Func<ResolveContext, CancellationToken, IAsyncEnumerable<TEvent>> subscribe,
        Func<ResolveContext, object?>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscriptions[fieldName] = ctx => new ValueTask<IAsyncEnumerable<object?>>(Box(subscribe(ctx, ctx.CancellationToken)));
        _subscriptionResolvers[fieldName] = resolve is null ? ctx => new ValueTask<object?>(ctx.Source) : ctx => new ValueTask<object?>(resolve(ctx));
        return this;

        static async IAsyncEnumerable<object?> Box(IAsyncEnumerable<TEvent> source)
        {
            await foreach (var item in source.ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Binds a subscription root field whose source stream is created asynchronously, so that
    /// <paramref name="subscribe"/> can check the caller and the arguments first: an exception it throws
    /// becomes the subscription's single error result (with its <c>extensions.code</c>) instead of a
    /// failure of the stream. Each event is the source of the field's resolver (by default the event itself).
    /// </summary>
    public SchemaBuilder BindSubscriptionAsync<TEvent>(
        string fieldName,
        Func<ResolveContext, CancellationToken, ValueTask<IAsyncEnumerable<TEvent>>> subscribe,
        Func<ResolveContext, object?>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscriptions[fieldName] = async ctx => Box(await subscribe(ctx, ctx.CancellationToken).ConfigureAwait(false));
        _subscriptionResolvers[fieldName] = resolve is null ? ctx => new ValueTask<object?>(ctx.Source) : ctx => new ValueTask<object?>(resolve(ctx));
        return this;

        static async IAsyncEnumerable<object?> Box(IAsyncEnumerable<TEvent> source)
        {
            await foreach (var item in source.ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Binds an object type to a CLR type: fields without a resolver read the property or field of the same
    /// name (case-insensitive; accessors compiled at build time), and values of <typeparamref name="TSource"/>
    /// resolve to this type when returned for an interface or union.
    /// </summary>
    public SchemaBuilder BindType<TSource>(string typeName, Action<TypeBinder<TSource>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        _clrTypes[typeName] = typeof(TSource);
        configure?.Invoke(new TypeBinder<TSource>(this, typeName));
        return this;
    }

    /// <summary>Binds the type resolver of an interface or union.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(abstractTypeName);
        ArgumentNullException.ThrowIfNull(resolver);
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Binds the coercion of a scalar declared in SDL.</summary>
    /// <param name="name">The scalar name.</param>
    /// <param name="serialize">Internal value → JSON-compatible value; throw <see cref="ValueCoercionException"/> if invalid.</param>
    /// <param name="parseValue">Variable value (plain CLR value from JSON) → internal value.</param>
    /// <param name="parseLiteral">Literal (as a plain value) → internal value; defaults to <paramref name="parseValue"/>.</param>
    public SchemaBuilder BindScalar(string name, Func<object?, object?> serialize, Func<object?, object?> parseValue, Func<object?, object?>? parseLiteral = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _scalars[name] = new ScalarType(name, serialize, parseValue, parseLiteral);
        return this;
    }

    /// <summary>Binds a scalar implementation (its name must match a scalar declared in SDL).</summary>
    public SchemaBuilder BindScalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>
    /// Binds an SDL enum to a CLR enum: values match members by name ignoring case and underscores
    /// (<c>IN_PROGRESS</c> ↔ <c>InProgress</c>), resolvers receive and return the CLR values.
    /// </summary>
    public SchemaBuilder BindEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        _enums[name] = typeof(TEnum);
        return this;
    }

    /// <summary>
    /// Lets fields with no resolver and no CLR binding read the runtime source: dictionary keys
    /// (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>, <c>IDictionary&lt;string, object?&gt;</c>) or
    /// properties (accessors compiled once per CLR type and cached). Without it, such fields fail the build.
    /// </summary>
    public SchemaBuilder UseDefaultFieldResolver(bool enabled = true)
    {
        _defaultFieldResolver = enabled;
        return this;
    }
}

/// <summary>Returns the resolver to use for <paramref name="field"/> of <paramref name="type"/>, usually one that calls <paramref name="resolver"/>.</summary>
public delegate FieldResolver FieldResolverWrapper(ObjectType type, FieldDefinition field, FieldResolver resolver);

/// <summary>Typed resolvers for an object type bound to <typeparamref name="TSource"/>.</summary>
/// <typeparam name="TSource">The CLR type of the parent values.</typeparam>
public sealed class TypeBinder<TSource>
{
    private readonly SchemaBuilder _builder;
    private readonly string _typeName;

    internal TypeBinder(SchemaBuilder builder, string typeName)
    {
        _builder = builder;
        _typeName = typeName;
    }

    /// <summary>Resolves a field from the parent value.</summary>
    public TypeBinder<TSource> Field<TResult>(string name, Func<TSource, TResult> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _builder.BindResolver(_typeName, name, ctx => new ValueTask<object?>(resolve((TSource)ctx.Source!)));
        return this;
    }

    /// <summary>Resolves a field from the parent value and the context (arguments, services).</summary>
    public TypeBinder<TSource> Field<TResult>(string name, Func<TSource, ResolveContext, TResult> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _builder.BindResolver(_typeName, name, ctx => new ValueTask<object?>(resolve((TSource)ctx.Source!, ctx)));
        return this;
    }

    /// <summary>Resolves a field asynchronously.</summary>
    public TypeBinder<TSource> FieldAsync<TResult>(string name, Func<TSource, ResolveContext, CancellationToken, Task<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _builder.BindResolver(_typeName, name, ResolverAdapters.FromTask<TResult>((ctx, ct) => resolve((TSource)ctx.Source!, ctx, ct)));
        return this;
    }
}

/// <summary>Adapts typed delegates to <see cref="FieldResolver"/> without allocating for completed tasks.</summary>
internal static class ResolverAdapters
{
    public static FieldResolver FromTask<T>(Func<ResolveContext, CancellationToken, Task<T>> resolve) => ctx =>
    {
        var task = resolve(ctx, ctx.CancellationToken);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
    };

    public static FieldResolver FromValueTask<T>(Func<ResolveContext, CancellationToken, ValueTask<T>> resolve) => ctx =>
    {
        var task = resolve(ctx, ctx.CancellationToken);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitValue(task);
    };

    private static async ValueTask<object?> Await<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitValue<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}
