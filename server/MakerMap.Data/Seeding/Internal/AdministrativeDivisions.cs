namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Belgium's regions and provinces by Statbel NIS code, and which one a municipality belongs to. A
/// municipality's NIS code starts with its province's digit (two digits for Brabant, split in 1995,
/// and for Brussels, which has no province), so the parent follows from the code.
/// </summary>
internal static class AdministrativeDivisions
{
    public const string FlemishRegion = "02000";
    public const string WalloonRegion = "03000";
    public const string BrusselsRegion = "04000";

    /// <summary>Every region and province: level, NIS code, Dutch name (as the boundary files name areas) and parent code.</summary>
    public static readonly IReadOnlyList<(string Level, string Code, string Name, string? ParentCode)> All =
    [
        ("region", FlemishRegion, "Vlaams Gewest", null),
        ("region", WalloonRegion, "Waals Gewest", null),
        ("region", BrusselsRegion, "Brussels Hoofdstedelijk Gewest", null),
        ("province", "10000", "Antwerpen", FlemishRegion),
        ("province", "20001", "Vlaams-Brabant", FlemishRegion),
        ("province", "30000", "West-Vlaanderen", FlemishRegion),
        ("province", "40000", "Oost-Vlaanderen", FlemishRegion),
        ("province", "70000", "Limburg", FlemishRegion),
        ("province", "20002", "Waals-Brabant", WalloonRegion),
        ("province", "50000", "Henegouwen", WalloonRegion),
        ("province", "60000", "Luik", WalloonRegion),
        ("province", "80000", "Luxemburg", WalloonRegion),
        ("province", "90000", "Namen", WalloonRegion),
    ];

    /// <summary>
    /// The province of a municipality (its region for Brussels' 19), from the NIS code's leading
    /// digits; null for a code that is not a five-digit Belgian NIS code.
    /// </summary>
    public static string? ParentOfMunicipality(string nis)
    {
        ArgumentNullException.ThrowIfNull(nis);
        if (nis.Length != 5 || !nis.All(char.IsAsciiDigit))
        {
            return null;
        }
        return nis[..2] switch
        {
            "21" => BrusselsRegion,
            "23" or "24" => "20001",
            "25" => "20002",
            _ => nis[0] switch
            {
                '1' => "10000",
                '3' => "30000",
                '4' => "40000",
                '5' => "50000",
                '6' => "60000",
                '7' => "70000",
                '8' => "80000",
                '9' => "90000",
                _ => null,
            },
        };
    }
}
