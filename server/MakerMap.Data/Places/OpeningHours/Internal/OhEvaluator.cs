namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// The state at one moment, computed the way opening_hours.js does (its <c>getStatePair</c>): rules whose dates
/// match are collected in order, and a normal rule that selects dates and says open or unknown discards the rules
/// before it for that day (so later rules override earlier ones for the days they select; <c>off</c> rules and
/// <c>,</c> rules only add); then every matching time selector of the collected rules sets the state in turn, and a
/// <c>||</c> rule only where nothing said open or unknown yet.
/// </summary>
internal static class OhEvaluator
{
    public const string OpenEndComment = "Specified as open end. Closing time was guessed.";

    public static (OpeningState State, string? Comment) StateAt(IReadOnlyList<OhRule> rules, OhMoment moment)
    {
        var open = false;
        var unknown = false;
        (string Text, int Rule)? comment = null;
        var matchRule = -1;
        Span<int> matching = rules.Count <= 64 ? stackalloc int[rules.Count] : new int[rules.Count];
        var count = 0;
        for (var n = 0; n < rules.Count; n++)
        {
            var rule = rules[n];
            string? holiday = null;
            if (!rule.MatchesDate(moment.Date, ref holiday))
            {
                if (holiday is not null)
                {
                    comment = (holiday, n);
                }
                continue;
            }
            if (holiday is not null)
            {
                comment = (holiday, n);
            }
            if ((rule.Date.Count > 0 || (n > 0 && rule.Meaning && rules[n - 1].Date.Count == 0))
                && (rule.Meaning || rule.Unknown) && !rule.Wrapped && !rule.Additional && !rule.Fallback)
            {
                count = 0;
            }
            matching[count++] = n;
        }

        for (var i = 0; i < count; i++)
        {
            var n = matching[i];
            var rule = rules[n];
            if (rule.Time.Count == 0 && (!rule.Fallback || !(open || unknown)))
            {
                (open, unknown, matchRule) = (rule.Meaning, rule.Unknown, n);
            }
            for (var t = 0; t < rule.Time.Count; t++)
            {
                var result = rule.Time[t](moment);
                if (!result.Matches || (rule.Fallback && (open || unknown)))
                {
                    continue;
                }
                (open, unknown, matchRule) = (rule.Meaning, rule.Unknown, n);
                if (comment is { Text: OpenEndComment })
                {
                    comment = null;
                }
                if (result.OpenEnd && (open || unknown))
                {
                    comment = (OpenEndComment, matchRule);
                    (open, unknown) = (false, true);
                    // "07:00+,12:00-16:00": the fixed range that follows an open end inside it ends the open end.
                    if (t + 1 < rule.Time.Count)
                    {
                        var next = rule.Time[t + 1](moment);
                        if (!next.Matches && next.HasNextChange && rule.Time[t](Previous(moment)).Matches)
                        {
                            (open, unknown) = (false, false);
                        }
                    }
                }
            }
        }

        string? text = null;
        if (matchRule >= 0 && rules[matchRule].Comment is { } explicitComment)
        {
            text = explicitComment;
        }
        else if (comment is { } c && c.Rule == matchRule)
        {
            text = c.Text;
        }
        return (unknown ? OpeningState.Unknown : open ? OpeningState.Open : OpeningState.Closed, text);
    }

    // opening_hours.js looks one millisecond back, which is the previous minute on the wall clock.
    private static OhMoment Previous(OhMoment moment) => moment.Minute > 0
        ? moment with { Minute = moment.Minute - 1, Instant = moment.Instant.AddMinutes(-1) }
        : new OhMoment(moment.Date.AddDays(-1), 1439, moment.Instant.AddMinutes(-1));
}
