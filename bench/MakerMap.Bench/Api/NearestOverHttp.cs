using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MakerMap.Bench.Api;

/// <summary>nearestPlaces(first: 10) through GraphQL over HTTP from random points in Gent.</summary>
internal static class NearestOverHttp
{
    // Gent's bounding box, shared with the pgbench script scripts/bench-api.sh writes
    public const double West = 3.65, East = 3.80, South = 51.00, North = 51.10;

    private const string Query = "query Nearest($lon: Float!, $lat: Float!) { nearestPlaces(near: {longitude: $lon, latitude: $lat}, first: 10) "
        + "{ distanceMeters place { id name kind coordinates { longitude latitude } } } }";

    /// <summary>
    /// <c>{ __typename }</c> over the same HTTP path: no database, so its throughput is the ceiling
    /// that the client, Kestrel and the GraphQL engine leave for any query on this machine.
    /// </summary>
    public static Func<int, Task<string>> TransportFloor(HttpClient http) => async _ =>
    {
        using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && text.Contains("\"Query\"", StringComparison.Ordinal)
            ? "ok"
            : throw new InvalidOperationException($"{{ __typename }} failed ({(int)response.StatusCode}): {text[..Math.Min(300, text.Length)]}");
    };

    public static Func<int, Task<string>> Request(HttpClient http, int workers)
    {
        var randoms = Enumerable.Range(0, workers).Select(i => new Random(1000 + i)).ToArray();
        return async worker =>
        {
            var random = randoms[worker];
            var lon = West + random.NextDouble() * (East - West);
            var lat = South + random.NextDouble() * (North - South);
            var body = string.Create(CultureInfo.InvariantCulture,
                $"{{\"query\":\"{Query}\",\"variables\":{{\"lon\":{lon:R},\"lat\":{lat:R}}}}}");
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await http.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || !text.Contains("\"distanceMeters\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"nearestPlaces failed ({(int)response.StatusCode}): {text[..Math.Min(300, text.Length)]}");
            }
            return "ok";
        };
    }
}
