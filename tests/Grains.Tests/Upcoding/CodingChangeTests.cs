using Monitoring.CaseMix;
using Monitoring.Alerts;
using Monitoring.Statistics;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Upcoding;

public sealed class CodingChangeTests
{
    private static readonly UpcodingOptions Options = new();

    /// <summary>Weeks of exact counts: <paramref name="cases"/> split cases of each ADRG a week, heavy by the share given per week.</summary>
    private static List<IReadOnlyDictionary<string, SeverityCount>> Weeks(int count, int cases, Func<int, string, double> share, params string[] adrgs) =>
        [.. Enumerable.Range(0, count).Select(w => (IReadOnlyDictionary<string, SeverityCount>)adrgs.ToDictionary(
            a => a, a => new SeverityCount(cases, (long)Math.Round(cases * share(w, a)))))];

    [Fact]
    public void Trace_of_a_steady_hospital_has_no_step()
    {
        var weeks = Weeks(52, 100, (_, _) => 0.40, "ES2", "BR2");

        var trace = CodingChange.Trace(weeks, Options);

        Assert.Empty(trace.Steps);
        Assert.Equal(UpcodingLevel.None, trace.Level);
    }

    [Fact]
    public void Trace_finds_a_tenth_of_severity_5_moved_up_within_weeks_and_dates_its_onset()
    {
        // From week 20 a tenth of the severity-5 cases are coded 1 or 3: 40% heavy becomes 46%.
        var weeks = Weeks(52, 100, (w, _) => w < 20 ? 0.40 : 0.46, "ES2", "BR2");

        var trace = CodingChange.Trace(weeks, Options);

        var raised = trace.Steps.First();
        Assert.Equal(AlertTransition.Raised, raised.Transition);
        Assert.Equal(20, raised.Track.OnsetPeriod);
        Assert.InRange(raised.Week, 20, 26);
        Assert.True(raised.OwnHistory.Observed > raised.OwnHistory.Expected);
    }

    [Fact]
    public void Trace_escalates_once_the_evidence_grows_past_the_escalation_threshold()
    {
        var weeks = Weeks(52, 100, (w, _) => w < 20 ? 0.40 : 0.55, "ES2", "BR2");

        var trace = CodingChange.Trace(weeks, Options);

        Assert.Equal([AlertTransition.Raised, AlertTransition.Escalated], trace.Steps.Select(s => s.Transition));
        Assert.Equal(UpcodingLevel.Critical, trace.Level);
    }

    [Fact]
    public void Trace_of_a_hospital_heavy_from_the_start_has_no_step()
    {
        // A referral centre: 60% heavy all year, far above a typical 40%, but its own history says 60%.
        var weeks = Weeks(52, 100, (_, _) => 0.60, "ES2", "BR2");

        Assert.Empty(CodingChange.Trace(weeks, Options).Steps);
    }

    [Fact]
    public void Trace_is_not_moved_by_a_shift_of_case_mix_towards_an_often_severe_adrg()
    {
        // BR1 (bleeds) is 70% heavy, DT1 (colds) 20%; from week 20 the hospital treats far more bleeds. The pooled
        // heavy share rises from 45% to 60%, each ADRG's stays where it was.
        var weeks = Enumerable.Range(0, 52).Select(w => (IReadOnlyDictionary<string, SeverityCount>)new Dictionary<string, SeverityCount>
        {
            ["BR1"] = w < 20 ? new(50, 35) : new(80, 56),
            ["DT1"] = w < 20 ? new(50, 10) : new(20, 4),
        }).ToList();

        Assert.Empty(CodingChange.Trace(weeks, Options).Steps);
    }

    [Fact]
    public void Trace_clears_when_the_coding_returns_to_the_hospital_s_history()
    {
        var weeks = Weeks(52, 100, (w, _) => w is >= 15 and < 25 ? 0.50 : 0.40, "ES2", "BR2");

        var trace = CodingChange.Trace(weeks, Options);

        Assert.Equal(AlertTransition.Raised, trace.Steps[0].Transition);
        Assert.Equal(AlertTransition.Cleared, trace.Steps[^1].Transition);
        Assert.Equal(UpcodingLevel.None, trace.Level);
    }

    [Fact]
    public void Trace_does_not_judge_before_the_baseline_has_its_weeks_and_cases()
    {
        // Heavy from week 2 on: too early to know what the hospital's own history is, so that is its history.
        var weeks = Weeks(52, 5, (w, _) => w < 2 ? 0.2 : 0.6, "ES2");

        Assert.Empty(CodingChange.Trace(weeks, Options).Steps);
    }

    [Fact]
    public void Judge_keeps_a_small_hospital_quiet_when_the_run_fails_the_small_numbers_guard()
    {
        var track = new CusumTrack(50, 20, 10, 8, 4);
        var fewCases = ObservedExpected.Of([new Stratum(10, 8, 0.4)]);

        Assert.Equal(UpcodingLevel.None, CodingChange.Judge(UpcodingLevel.None, track, fewCases, Options));
    }

    [Fact]
    public void AgainstPeers_uses_the_peers_share_per_adrg_and_leaves_out_adrgs_they_did_not_treat()
    {
        AdrgRun[] run = [new("ES2", 100, 50, 0.4), new("BR2", 100, 30, 0.3), new("XX1", 50, 50, 0.5)];
        var peers = new Dictionary<string, SeverityCount> { ["ES2"] = new(1000, 400), ["BR2"] = new(1000, 300) };

        var oe = CodingChange.AgainstPeers(run, peers);

        Assert.Equal(200, oe.Trials);
        Assert.Equal(80, oe.Observed);
        Assert.Equal(70, oe.Expected, 9);
    }

    [Fact]
    public void DrivingAdrgs_are_those_with_the_largest_excess_of_heavy_cases()
    {
        AdrgRun[] run = [new("ES2", 100, 60, 0.4), new("BR2", 100, 30, 0.3), new("DT1", 100, 45, 0.3), new("FT2", 100, 20, 0.3)];

        Assert.Equal(["ES2", "DT1"], UpcodingAlerts.DrivingAdrgs(run));
    }
}

public sealed class CodingChangeConsistencyTests
{
    [Fact]
    public void Trace_does_not_raise_a_rise_whose_heavy_cases_are_really_heavy()
    {
        var weeks = Enumerable.Range(0, 52).Select(w => (IReadOnlyDictionary<string, SeverityCount>)new Dictionary<string, SeverityCount>
        {
            ["ES2"] = new(100, w < 20 ? 40 : 55),
        }).ToList();
        var asked = new List<(int Onset, int Week)>();

        var trace = CodingChange.Trace(weeks, new UpcodingOptions(), (onset, week) =>
        {
            asked.Add((onset, week));
            return false;
        });

        Assert.Empty(trace.Steps);
        Assert.NotEmpty(asked);
        Assert.All(asked, a => Assert.Equal(20, a.Onset));
    }
}
