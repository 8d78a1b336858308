using MakerMap.Data.Coverage;

namespace MakerMap.Data.Tests.Coverage;

/// <summary>The planner's site suggestion: greedy maximal covering, without a database.</summary>
public sealed class GreedyCoverTests
{
    // candidate → the demand areas (indices) within its reach
    private static ILookup<int, int> Reach(params (int Candidate, int Area)[] pairs) => pairs.ToLookup(p => p.Candidate, p => p.Area);

    [Fact]
    public void Choose_picks_the_candidate_that_adds_the_most_uncovered_residents_first()
    {
        int[] demand = [100, 300, 50, 200];
        var reach = Reach((0, 0), (0, 1), (1, 1), (1, 3), (2, 2), (2, 3));

        var picks = GreedyCover.Choose(3, demand, reach, count: 3);

        // 1 covers 300 + 200; then 0 adds area 0 only (100); then 2 adds area 2 only (50)
        Assert.Equal([(1, 500), (0, 100), (2, 50)], picks);
    }

    [Fact]
    public void Choose_leaves_out_picks_that_add_nobody_and_stops_early()
    {
        int[] demand = [100, 0];
        var reach = Reach((0, 0), (1, 0), (1, 1));

        var picks = GreedyCover.Choose(2, demand, reach, count: 5);

        Assert.Equal([(0, 100)], picks);
    }

    [Fact]
    public void Choose_breaks_ties_by_the_lower_candidate_index()
    {
        int[] demand = [10, 10];
        var reach = Reach((0, 0), (1, 1));

        Assert.Equal([(0, 10), (1, 10)], GreedyCover.Choose(2, demand, reach, count: 2));
    }
}
