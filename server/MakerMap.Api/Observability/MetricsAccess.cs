using MakerMap.Api.Schema;
using System.Net;
using MakerMap.Api.Hosting;

namespace MakerMap.Api.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: loopback and <see cref="MetricsOptions.AllowedNetworks"/>. Everyone else gets
/// 403 <c>{"error":{"code":UserErrorCodes.Forbidden,…}}</c>, because the figures reveal traffic, operation names and job health.
/// A request without a remote address (a Unix socket) is refused too: the check fails closed.
/// </summary>
internal sealed class MetricsAccess
{
    private readonly IPNetwork[] _networks;

    public MetricsAccess(IEnumerable<string> allowedNetworks) =>
        _networks = [.. allowedNetworks.Select(value => IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{MetricsOptions.Section}:AllowedNetworks: \"{value}\" is not a CIDR range such as 10.0.0.0/8."))];

    public bool IsAllowed(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || _networks.Any(network => network.Contains(address));
    }

    /// <summary>The middleware in front of the exporter.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAllowed(context.Connection.RemoteIpAddress))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await FailureResponses.WriteAsync(context, StatusCodes.Status403Forbidden, UserErrorCodes.Forbidden,
            "Metrics are served to loopback and the networks in MakerMap:Metrics:AllowedNetworks only.").ConfigureAwait(false);
    }
}
