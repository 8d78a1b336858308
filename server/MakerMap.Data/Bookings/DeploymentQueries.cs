using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Bookings;

/// <summary>Where mobile resources stand: the deployment locations of their confirmed bookings.</summary>
public sealed class DeploymentQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Longest window one call may ask for.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(92);

    /// <summary>Confirmed bookings of the resource overlapping [<paramref name="from"/>, <paramref name="to"/>) that have a deployment location, earliest first.</summary>
    /// <exception cref="DataValidationException"><paramref name="to"/> is not after <paramref name="from"/>, or the window exceeds <see cref="MaxWindow"/>.</exception>
    public async Task<IReadOnlyList<Deployment>> ListAsync(Guid resourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            Guard.Throw("to", "to must be after from.");
        }
        if (to - from > MaxWindow)
        {
            Guard.Throw("to", $"The window may span at most {MaxWindow.TotalDays} days.");
        }
        await using var command = dataSource.CreateCommand(BookingSql.ListResourceDeployments);
        command.Parameters.AddNullable<Guid>("resource_id", resourceId, NpgsqlDbType.Uuid);
        command.Parameters.AddInstant("from", from.ToUniversalTime()).AddInstant("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deployments = new List<Deployment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deployments.Add(new Deployment(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetDouble(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return deployments;
    }
}
