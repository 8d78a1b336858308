using System.Globalization;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Coverage;

/// <summary>
/// Municipality 99999: four sectors of 0.01 x 0.01 degrees in a row from 4.00 E, 51.00 N, with
/// 100, 200, 300 and 400 residents; a repair café at the first sector's population point and a
/// give-box at the fourth's.
/// </summary>
public sealed class CoverageDatabase : TestDatabase
{
    public const string Nis = "99999";

    public static string Square(double west, double south, double size = 0.01) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON(({west} {south}, {west + size} {south}, {west + size} {south + size}, {west} {south + size}, {west} {south}))");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (var i = 0; i < 4; i++)
        {
            await Data.AreaAsync("sector", $"99999A0{i + 1}", $"Sector {i + 1}", Square(4.0 + i * 0.01, 51.0), (i + 1) * 100, Nis);
        }
        await Data.AreaAsync("sector", "88888A01", "Elsewhere", Square(5.0, 51.0), 5000, "88888");
        await Data.PlaceAsync(4.005, 51.005, "repair_cafe", ["electro"], "Repair café sector 1");
        await Data.PlaceAsync(4.035, 51.005, "give_box", [], "Give-box sector 4");
    }
}
