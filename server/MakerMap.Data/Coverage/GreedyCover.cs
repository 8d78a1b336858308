namespace MakerMap.Data.Coverage;

/// <summary>
/// Greedy maximal covering (Church and ReVelle, 1974): repeatedly open the candidate that covers
/// the most not-yet-covered residents. Existing places are fixed because only residents they leave
/// uncovered count as demand. Ties go to the lower candidate index, so results are stable.
/// </summary>
public static class GreedyCover
{
    /// <summary>Up to <paramref name="count"/> picks, each with the residents it adds; picks adding nobody are left out.</summary>
    public static IReadOnlyList<(int Candidate, int Added)> Choose(int candidates, IReadOnlyList<int> demand, ILookup<int, int> reach, int count)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(reach);
        var covered = new bool[demand.Count];
        var picks = new List<(int, int)>();
        while (picks.Count < count)
        {
            var (best, bestAdded) = (-1, 0);
            for (var c = 0; c < candidates; c++)
            {
                var added = reach[c].Where(d => !covered[d]).Sum(d => demand[d]);
                if (added > bestAdded)
                {
                    (best, bestAdded) = (c, added);
                }
            }
            if (best < 0)
            {
                break;
            }
            foreach (var d in reach[best])
            {
                covered[d] = true;
            }
            picks.Add((best, bestAdded));
        }
        return picks;
    }
}
