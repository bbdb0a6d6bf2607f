using Monitoring.Cases;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

public sealed class CaseAccessTests
{
    [Theory]
    [InlineData("owner", true)]
    [InlineData("region-inspector", true)]
    [InlineData("regulator", true)]
    [InlineData("own-hospital", true)]
    [InlineData("admin", true)]
    [InlineData("other-hospital", false)]
    [InlineData("other-county-inspector", false)]
    public void A_case_is_seen_within_its_county_region_or_hospital_only(string actor, bool sees) =>
        Assert.Equal(sees, CaseAccess.CanSee(Actors[actor].Scope, Opened()));

    [Fact]
    public void An_ingest_token_sees_no_case() =>
        Assert.False(CaseAccess.CanSee(Actor("ingest", null, "feed").Scope, Opened()));

    [Fact]
    public void A_hospital_reads_no_internal_line_and_not_who_works_the_case()
    {
        var c = Opened();
        foreach (var (actor, command) in new (CaseActor, CaseCommand)[]
                 {
                     (Owner, new CaseCommand(CaseActions.Take)),
                     (Owner, new CaseCommand(CaseActions.Note, Note: "internal: the doctor was warned last year")),
                     (Owner, new CaseCommand(CaseActions.AskHospital, Note: "explain the readmission")),
                 })
        {
            c = CaseWorkflow.Apply(c, command, actor, Now, SettlementNow, CaseRules.Default).Case!;
        }

        var seen = CaseAccess.ViewFor(OwnHospital.Scope, c);

        Assert.Null(seen.Owner);
        Assert.Equal(["ask-hospital"], seen.History.Select(e => e.Action));
        Assert.DoesNotContain(seen.History, e => e.Note?.Contains("internal", StringComparison.Ordinal) == true || e.Actor == "insp-a");
        Assert.Equal(3, CaseAccess.ViewFor(Regulator.Scope, c).History.Length);
    }

    [Fact]
    public void A_hospital_sees_who_opened_or_decided_its_case_by_role_only()
    {
        var opened = CaseWorkflow.Record(Opened() with { OpenedBy = "reg", History = [] }, CaseStatus.Open, CaseActions.Opened, Regulator, Now, "seen in the feed", null, [], isInternal: false);
        var confirmed = In("confirmed");

        var seen = CaseAccess.ViewFor(OwnHospital.Scope, opened);
        Assert.Equal(("regulator", "regulator"), (seen.OpenedBy, seen.History[0].Actor));
        Assert.Equal("inspector", CaseAccess.ViewFor(OwnHospital.Scope, confirmed).Decision!.By);
        Assert.Equal("reg", CaseAccess.ViewFor(Regulator.Scope, opened).OpenedBy);
    }

    [Fact]
    public void A_hospital_reads_that_an_official_opened_its_case_but_not_the_opening_note()
    {
        var opened = CaseWorkflow.Record(Opened() with { OpenedBy = "reg", History = [] }, CaseStatus.Open, CaseActions.Opened, Regulator, Now,
            "internal: the director's tip-off", null, [], isInternal: false);

        var seen = CaseAccess.ViewFor(OwnHospital.Scope, opened);

        Assert.Equal(("open", null), (seen.History[0].Action, seen.History[0].Note));
        Assert.Equal("internal: the director's tip-off", CaseAccess.ViewFor(Regulator.Scope, opened).History[0].Note);
    }

    [Fact]
    public void A_hospitals_history_is_numbered_without_gaps_where_internal_lines_were()
    {
        var c = Opened();
        foreach (var (actor, command) in new (CaseActor, CaseCommand)[]
                 {
                     (Owner, new CaseCommand(CaseActions.Take)),
                     (Owner, new CaseCommand(CaseActions.Note, Note: "internal")),
                     (Owner, new CaseCommand(CaseActions.AskHospital, Note: "explain the readmission")),
                     (OwnHospital, new CaseCommand(CaseActions.Answer, Note: "the family asked")),
                     (Regulator, new CaseCommand(CaseActions.Assign, Assignee: "insp-b")),
                 })
        {
            c = CaseWorkflow.Apply(c, command, actor, Now, SettlementNow, CaseRules.Default).Case!;
        }

        var seen = CaseAccess.ViewFor(OwnHospital.Scope, c);

        Assert.Equal(["ask-hospital", "answer"], seen.History.Select(e => e.Action));
        Assert.Equal([1, 2], seen.History.Select(e => e.Seq));
        Assert.Equal([1, 2, 3, 4, 5], CaseAccess.ViewFor(Regulator.Scope, c).History.Select(e => e.Seq));
    }
}
