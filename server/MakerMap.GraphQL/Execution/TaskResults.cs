using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace MakerMap.GraphQL.Execution;

/// <summary>Reads <c>Task&lt;T&gt;.Result</c> of tasks returned through untyped resolvers, via getters compiled once per T.</summary>
internal static class TaskResults
{
    private static readonly ConcurrentDictionary<Type, Func<Task, object?>> Getters = new();

    public static object? GetResult(Task task)
    {
        var type = task.GetType();
        var getter = Getters.GetOrAdd(type, static t =>
        {
            var resultProperty = t.GetProperty("Result");
            if (resultProperty is null || !t.IsGenericType || t.GetGenericArguments()[0].Name == "VoidTaskResult")
            {
                return static _ => null;
            }

            var parameter = Expression.Parameter(typeof(Task), "task");
            var body = Expression.Convert(Expression.Property(Expression.Convert(parameter, t), resultProperty), typeof(object));
            return Expression.Lambda<Func<Task, object?>>(body, parameter).Compile();
        });
        return getter(task);
    }
}
