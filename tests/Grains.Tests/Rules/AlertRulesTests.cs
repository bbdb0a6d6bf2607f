using Monitoring.Alerts;
using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Rules;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Rules;

/// <summary>Every alert names the rule and the version that raised it: the library's for a rule read at run time, the seeded one for the others.</summary>
public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (RuleLibrary Library, RuleLibrary Seeded) Libraries(BudgetPaceOptions pace)
    {
        var readmission = new ReadmissionOptions();
        var rules = RuleCatalogue.Rules(readmission, pace, new UpcodingOptions(), new LowThresholdOptions());
        var seeded = RuleLibrary.Seeded(rules, RuleCatalogue.Seeds(rules, readmission, pace, At));
        return (seeded, seeded);
    }

    private static Alert Alert(string alertId, string kind, string countyId = "530922") => new()
    {
        AlertId = alertId, Kind = kind, Severity = AlertSeverity.Warning, Transition = AlertTransition.Raised, SubjectLevel = "hospital",
        SubjectId = "H53092200001", CountyId = countyId, RegionId = "530900", RaisedAt = At, AsOf = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8)),
        MessageZh = "", MessageEn = "", EvidenceJson = "{}",
    };

    [Theory]
    [InlineData("budget-pace/hospital/H53092200001/20260601/raised", AlertKinds.BudgetPace, RuleIds.BudgetPace)]
    [InlineData("budget-exhausted/hospital/H53092200001", AlertKinds.BudgetExhausted, RuleIds.BudgetExhausted)]
    [InlineData("split-hospitalization/rate/H53092200001/20260601/raised", AlertKinds.SplitHospitalization, RuleIds.ReadmissionRate)]
    [InlineData("upcoding/H53092200001/20260601/raised", AlertKinds.Upcoding, RuleIds.Upcoding)]
    [InlineData("low-threshold-admission/H53092200001/20260601/raised", AlertKinds.LowThresholdAdmission, RuleIds.LowThresholdAdmission)]
    public void Each_kind_names_its_rule_and_the_seeded_version_in_force(string alertId, string kind, string ruleId)
    {
        var (library, seeded) = Libraries(new BudgetPaceOptions());

        var stamped = AlertRules.Stamped(Alert(alertId, kind), library, seeded);

        Assert.Equal(ruleId, stamped.RuleId);
        Assert.Equal(library.InForce(ruleId, "530922", "530900", new DateOnly(2026, 6, 1)).Version, stamped.RuleVersion);
    }

    [Fact]
    public void A_county_override_of_the_options_is_the_version_named_for_that_county_only()
    {
        var pace = new BudgetPaceOptions { Counties = { ["530922"] = new PaceThresholds { NoticeGapPoints = 3, WarningGapPoints = 8 } } };
        var (library, seeded) = Libraries(pace);
        var own = library.VersionsOf(RuleIds.BudgetPace).Single(v => v.Scope == "county:530922").Version;

        Assert.Equal(own, AlertRules.Stamped(Alert("budget-pace/a", AlertKinds.BudgetPace), library, seeded).RuleVersion);
        Assert.Equal(1, AlertRules.Stamped(Alert("budget-pace/b", AlertKinds.BudgetPace, "530926"), library, seeded).RuleVersion);
    }

    [Fact]
    public void A_pair_keeps_the_version_it_was_judged_by_and_a_data_quality_alert_names_no_rule()
    {
        var (library, seeded) = Libraries(new BudgetPaceOptions());
        var pair = Alert($"{ReadmissionAlerts.PairIdPrefix}a>b", AlertKinds.SplitHospitalization) with { RuleId = RuleIds.SplitHospitalization, RuleVersion = 7 };

        Assert.Equal(7, AlertRules.Stamped(pair, library, seeded).RuleVersion);
        Assert.Null(AlertRules.Stamped(Alert("data-quality/x", AlertKinds.DataQuality), library, seeded).RuleId);
    }

    [Fact]
    public void A_rule_the_detectors_do_not_read_from_the_library_cannot_be_published()
    {
        var (library, _) = Libraries(new BudgetPaceOptions());
        var draft = library.Draft(RuleIds.Upcoding, "county:530922", new DateOnly(2026, 1, 1), new Dictionary<string, decimal> { ["threshold"] = 4 }, "admin", At, "try", "530900");

        var published = draft.Library!.Publish(RuleIds.Upcoding, draft.Event!.Version, "admin", At, "in force?");

        Assert.False(published.Accepted);
        Assert.Equal("ruleId", Assert.Single(published.Errors).Field);
    }

    [Fact]
    public void A_published_pace_version_is_the_version_named_from_its_effective_day()
    {
        var (library, seeded) = Libraries(new BudgetPaceOptions());
        var draft = library.Draft(RuleIds.BudgetPace, "county:530922", new DateOnly(2026, 6, 1), new Dictionary<string, decimal> { ["noticeGapPoints"] = 4 }, "admin", At, "tighter", "530900");
        var published = draft.Library!.Publish(RuleIds.BudgetPace, draft.Event!.Version, "admin", At, "from June");
        Assert.True(published.Accepted);

        var june = Alert("budget-pace/hospital/H53092200001/20260601/raised", AlertKinds.BudgetPace);
        var may = june with { AsOf = june.AsOf.AddDays(-1) };
        Assert.Equal(draft.Event.Version, AlertRules.Stamped(june, published.Library!, seeded).RuleVersion);
        Assert.Equal(1, AlertRules.Stamped(may, published.Library!, seeded).RuleVersion);
    }
}
