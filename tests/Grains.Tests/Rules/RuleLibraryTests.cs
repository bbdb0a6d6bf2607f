using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Rules;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Rules;

/// <summary>The library as plain data: seeding from options, validation of drafts, the lifecycle and which version is in force.</summary>
public sealed class RuleLibraryTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly July = new(2026, 7, 1);

    private static RuleLibrary Seeded(ReadmissionOptions? readmission = null)
    {
        readmission ??= new ReadmissionOptions();
        var rules = RuleCatalogue.Rules(readmission, new BudgetPaceOptions(), new UpcodingOptions(), new LowThresholdOptions());
        return RuleLibrary.Seeded(rules, RuleCatalogue.Seeds(rules, readmission, new BudgetPaceOptions(), At));
    }

    private static RuleLibrary Published(RuleLibrary library, string scope, DateOnly from, int windowDays, out int version)
    {
        var draft = library.Draft(RuleIds.SplitHospitalization, scope, from, new Dictionary<string, decimal> { ["windowDays"] = windowDays, ["warningMaxDays"] = Math.Min(7, windowDays) }, "reg", At, "policy", "530900");
        version = draft.Event!.Version;
        return draft.Library!.Publish(RuleIds.SplitHospitalization, version, "reg", At, "go").Library!;
    }

    [Fact]
    public void Seeded_library_judges_with_todays_options_and_their_county_overrides()
    {
        var options = new ReadmissionOptions { Counties = { ["530922"] = new ReadmissionThresholds { WindowDays = 30, WarningMaxDays = 10 } } };
        var library = Seeded(options);

        Assert.Equal(15, library.InForce(RuleIds.SplitHospitalization, "530921", "530900", July)["windowDays"]);
        var county = library.InForce(RuleIds.SplitHospitalization, "530922", "530900", July);
        Assert.Equal(30, county["windowDays"]);
        Assert.Equal("county:530922", county.Scope);
        Assert.All(new[] { RuleIds.BudgetPace, RuleIds.BudgetExhausted, RuleIds.ReadmissionRate, RuleIds.Upcoding, RuleIds.LowThresholdAdmission },
            id => Assert.Equal(1, library.InForce(id, "530921", "530900", July).Version));
    }

    [Fact]
    public void Draft_outside_the_bounds_is_refused_with_one_error_per_parameter()
    {
        var outcome = Seeded().Draft(RuleIds.SplitHospitalization, "county:530922", July,
            new Dictionary<string, decimal> { ["windowDays"] = 0, ["criticalMaxDays"] = 1.5m, ["colour"] = 3 }, "reg", At, "why", "530900");

        Assert.False(outcome.Accepted);
        Assert.Equal(["parameters.windowDays", "parameters.criticalMaxDays", "parameters.colour"], outcome.Errors.Select(e => e.Field));
        Assert.Contains("between 1 and 60", outcome.Errors[0].Message);
        Assert.Contains("whole number", outcome.Errors[1].Message);
    }

    [Fact]
    public void Draft_that_breaks_the_grades_names_the_parameter_to_change()
    {
        var outcome = Seeded().Draft(RuleIds.SplitHospitalization, "county:530922", July,
            new Dictionary<string, decimal> { ["criticalMaxDays"] = 7 }, "reg", At, "why", "530900");

        Assert.Equal("parameters.warningMaxDays", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Draft_judges_nothing_until_published_and_then_only_from_its_date_in_its_county()
    {
        var draft = Seeded().Draft(RuleIds.SplitHospitalization, "county:530922", July, new Dictionary<string, decimal> { ["windowDays"] = 7 }, "reg", At, "shorter", "530900");
        Assert.Equal(15, draft.Library!.InForce(RuleIds.SplitHospitalization, "530922", "530900", July)["windowDays"]);

        var published = draft.Library.Publish(RuleIds.SplitHospitalization, draft.Event!.Version, "reg", At, "go").Library!;

        Assert.Equal(7, published.InForce(RuleIds.SplitHospitalization, "530922", "530900", July)["windowDays"]);
        Assert.Equal(15, published.InForce(RuleIds.SplitHospitalization, "530922", "530900", July.AddDays(-1))["windowDays"]);
        Assert.Equal(15, published.InForce(RuleIds.SplitHospitalization, "530921", "530900", July)["windowDays"]);
    }

    [Fact]
    public void Draft_keeps_who_when_why_and_the_diff_from_what_was_in_force()
    {
        var draft = Seeded().Draft(RuleIds.SplitHospitalization, "county:530922", July, new Dictionary<string, decimal> { ["windowDays"] = 7 }, "reg-a", At, "county policy 2026-12", "530900");

        var change = Assert.Single(draft.Library!.Version(RuleIds.SplitHospitalization, draft.Event!.Version)!.History);
        Assert.Equal(("draft", "reg-a", At, "county policy 2026-12"), (change.Action, change.By, change.At, change.Reason));
        Assert.Equal(new RuleDiff("windowDays", 15, 7), Assert.Single(change.Diff));
    }

    [Fact]
    public void Publishing_again_supersedes_the_earlier_version_which_still_judges_the_days_before()
    {
        var library = Published(Seeded(), "county:530922", July, 10, out var first);
        library = Published(library, "county:530922", July.AddMonths(1), 5, out var second);

        Assert.Equal(RuleStatus.Superseded, library.Version(RuleIds.SplitHospitalization, first)!.Status);
        Assert.Equal(10, library.InForce(RuleIds.SplitHospitalization, "530922", "530900", July.AddDays(3))["windowDays"]);
        Assert.Equal(second, library.InForce(RuleIds.SplitHospitalization, "530922", "530900", July.AddMonths(2)).Version);
    }

    [Fact]
    public void Retired_county_version_falls_back_to_the_region()
    {
        var library = Published(Seeded(), "region:530900", July, 20, out _);
        library = Published(library, "county:530922", July, 10, out var county);

        library = library.Retire(RuleIds.SplitHospitalization, county, "admin", At, "mistake").Library!;

        Assert.Equal(20, library.InForce(RuleIds.SplitHospitalization, "530922", "530900", July)["windowDays"]);
        Assert.False(library.Publish(RuleIds.SplitHospitalization, county, "admin", At, "again").Accepted);
    }

    [Fact]
    public void Library_folded_from_its_stored_events_equals_the_one_built_change_by_change()
    {
        var rules = RuleCatalogue.Rules(new ReadmissionOptions(), new BudgetPaceOptions(), new UpcodingOptions(), new LowThresholdOptions());
        var seeds = RuleCatalogue.Seeds(rules, new ReadmissionOptions(), new BudgetPaceOptions(), At);
        var events = new List<RuleEvent>(seeds);
        var library = RuleLibrary.Seeded(rules, seeds);
        var draft = library.Draft(RuleIds.SplitHospitalization, "county:530922", July, new Dictionary<string, decimal> { ["windowDays"] = 9 }, "r", At, "w", null);
        events.Add(draft.Event!);
        var publish = draft.Library!.Publish(RuleIds.SplitHospitalization, draft.Event!.Version, "r", At, "p");
        events.Add(publish.Event!);

        var folded = events.Aggregate(new RuleLibrary { Rules = rules, Versions = [] }, (l, e) => l.Apply(e));

        Assert.Equal(publish.Library!.Revision, folded.Revision);
        Assert.Equal(9, folded.InForce(RuleIds.SplitHospitalization, "530922", null, July)["windowDays"]);
    }
}
