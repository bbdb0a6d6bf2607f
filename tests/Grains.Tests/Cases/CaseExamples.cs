using Monitoring.Access;
using Monitoring.Cases;

namespace Monitoring.Grains.Tests.Cases;

/// <summary>Cases in each status and the people who act on them, for the workflow tests (云县 530922 in region 530900).</summary>
internal static class CaseExamples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset SettlementNow = new(2026, 5, 30, 16, 0, 0, TimeSpan.FromHours(8));
    public const string Hospital = "H53092200001";

    public static readonly CaseActor Owner = Actor(AccessScope.Inspector, "county:530922", "insp-a");
    public static readonly CaseActor OtherInspector = Actor(AccessScope.Inspector, "county:530922", "insp-b");
    public static readonly CaseActor RegionInspector = Actor(AccessScope.Inspector, "region:530900", "insp-r");
    public static readonly CaseActor Regulator = Actor(AccessScope.Regulator, "county:530922", "reg");
    public static readonly CaseActor OwnHospital = Actor(AccessScope.HospitalRole, $"hospital:{Hospital}", "hosp");
    public static readonly CaseActor OtherHospital = Actor(AccessScope.HospitalRole, "hospital:H53092200002", "hosp-2");
    public static readonly CaseActor OtherCountyInspector = Actor(AccessScope.Inspector, "county:530921", "insp-y");
    public static readonly CaseActor Admin = Actor(AccessScope.Admin, null, "admin");

    public static readonly IReadOnlyDictionary<string, CaseActor> Actors = new Dictionary<string, CaseActor>
    {
        ["owner"] = Owner,
        ["other-inspector"] = OtherInspector,
        ["region-inspector"] = RegionInspector,
        ["regulator"] = Regulator,
        ["own-hospital"] = OwnHospital,
        ["other-hospital"] = OtherHospital,
        ["other-county-inspector"] = OtherCountyInspector,
        ["admin"] = Admin,
    };

    public static CaseActor Actor(string role, string? scope, string name) =>
        new(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), name);

    public static InspectionCase Opened() => new()
    {
        CaseId = "C-test",
        Kind = "split-hospitalization",
        Severity = "warning",
        CountyId = "530922",
        RegionId = "530900",
        HospitalId = Hospital,
        AlertIds = ["split-hospitalization/pair/a"],
        ClaimIds = ["CLM-1", "CLM-2"],
        AmountAtStake = 12_345.67m,
        SummaryZh = "疑似分解住院",
        SummaryEn = "Suspected split hospitalization",
        Status = CaseStatus.Open,
        OpenedAt = Now.AddDays(-3),
        OpenedBy = "system",
        DueAt = Now.AddDays(27),
        Version = 1,
    };

    private static CaseDecision Decided(string outcome, DateTimeOffset at) =>
        new(outcome, outcome == CaseStatus.Confirmed ? 1000m : 0m, "records do not support the second stay", "insp-a", "county:530922", at);

    /// <summary>A case in each named situation (a status, or a status with a detail that changes who may move it).</summary>
    public static InspectionCase In(string situation) => situation switch
    {
        "open" => Opened(),
        "assigned" => Opened() with { Status = CaseStatus.Assigned, Owner = "insp-a" },
        "awaiting-hospital" => Opened() with { Status = CaseStatus.AwaitingHospital, Owner = "insp-a", AnswerDueAt = Now.AddDays(5) },
        "under-review" => Opened() with { Status = CaseStatus.UnderReview, Owner = "insp-a" },
        "confirmed" => Opened() with
        {
            Status = CaseStatus.Confirmed, Owner = "insp-a", Decision = Decided(CaseStatus.Confirmed, Now.AddDays(-1)),
            Bookings = [new LedgerBooking("recovery/C-test/1", -1000m, SettlementNow, "recovery")],
        },
        "confirmed-appeal-period-over" => In("confirmed") with { Decision = Decided(CaseStatus.Confirmed, Now.AddDays(-16)) },
        "confirmed-after-appeal" => In("confirmed") with
        {
            Appeal = new CaseAppeal(Now.AddDays(-1), "hosp", "grounds", [], Now, "insp-r", CaseActions.Uphold, "upheld"),
        },
        "dismissed" => Opened() with { Status = CaseStatus.Dismissed, Owner = "insp-a", Decision = Decided(CaseStatus.Dismissed, Now.AddDays(-1)) },
        "appealed" => In("confirmed") with { Status = CaseStatus.Appealed, Appeal = new CaseAppeal(Now.AddDays(-1), "hosp", "grounds", []) },
        "withdrawn" => Opened() with { Status = CaseStatus.Withdrawn },
        _ => throw new ArgumentException(situation),
    };

    /// <summary>A request for the action that is complete (every field it needs), so only the workflow can refuse it.</summary>
    public static CaseCommand Complete(string action) => action switch
    {
        CaseActions.Assign => new CaseCommand(action, Assignee: "insp-b"),
        CaseActions.Confirm => new CaseCommand(action, Note: "second stay not justified", Amount: 5000m),
        CaseActions.DecideAppeal => new CaseCommand(action, Note: "reviewed", Outcome: CaseActions.Uphold),
        CaseActions.Take or CaseActions.Review => new CaseCommand(action),
        _ => new CaseCommand(action, Note: "text", Documents: ["病案首页-001.pdf"]),
    };
}
