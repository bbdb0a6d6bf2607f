using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

/// <summary>Cases grouped per hospital, kind and period, their line items, what each puts at stake, and review samples.</summary>
public sealed class CaseGroupingTests
{
    private static readonly DateTimeOffset October = new(2027, 10, 14, 10, 0, 0, TimeSpan.FromHours(8));

    private static LedgerEntry Claim(string claimId, decimal fundPaid, DateOnly admitted, decimal? weight = null, string? drg = null) => new(
        new FundMovement(Hospital, 1, ClaimKind.Settlement, admitted, fundPaid, October),
        new ClaimEvent
        {
            ClaimId = claimId, Kind = ClaimKind.Settlement, SettledAt = October, HospitalId = Hospital, FundPaid = fundPaid,
            AdmissionDate = admitted, DrgWeight = weight, DrgCode = drg,
        },
        "P-1");

    private static Alert Pair(string first, string second, DateTimeOffset asOf, AlertSeverity severity = AlertSeverity.Warning) => new()
    {
        AlertId = $"split-hospitalization/pair/{first}+{second}",
        Kind = AlertKinds.SplitHospitalization,
        Severity = severity,
        Transition = AlertTransition.Raised,
        SubjectLevel = "hospital",
        SubjectId = Hospital,
        CountyId = "530922",
        HospitalId = Hospital,
        RaisedAt = asOf,
        AsOf = asOf,
        MessageZh = "疑似分解住院",
        MessageEn = "Suspected split hospitalization",
        ClaimIds = [first, second],
        EvidenceJson = "{}",
    };

    private static Alert Upcoding(params (string ClaimId, decimal NormWeight)[] examples) => Pair("x", "y", October) with
    {
        AlertId = "upcoding/H53092200001/20271001/raised",
        Kind = AlertKinds.Upcoding,
        ClaimIds = [.. examples.Select(e => e.ClaimId)],
        EvidenceJson = JsonSerializer.Serialize(new { heavyButLightExamples = examples.Select(e => new { claimId = e.ClaimId, normWeight = e.NormWeight }) }),
    };

    private static readonly LedgerEntry[] Stays =
    [
        Claim("A-1", 3_000m, new DateOnly(2027, 9, 28)), Claim("A-2", 4_200.50m, new DateOnly(2027, 10, 6)),
        Claim("B-1", 5_100m, new DateOnly(2027, 10, 1)), Claim("B-2", 2_750.25m, new DateOnly(2027, 10, 9)),
    ];

    [Fact]
    public void Two_pairs_of_one_hospital_in_one_month_are_one_case_with_two_items_and_the_second_stays_at_stake()
    {
        var opened = CaseOpening.Open(Pair("A-1", "A-2", October), Stays, new HashSet<string>(), CaseActor.System, null, October, CaseRules.Default);
        var second = Pair("B-1", "B-2", October.AddDays(5), AlertSeverity.Critical);

        Assert.True(CaseEvidence.JoinsStanding(opened, second));
        var joined = CaseEvidence.Escalate(opened, second, Stays, new HashSet<string>(), second.AsOf)!;

        Assert.Equal("2027-10", joined.Period);
        Assert.Equal([4_200.50m, 2_750.25m], joined.Items.Select(i => i.AtStake));
        Assert.Equal(6_950.75m, joined.AmountAtStake);
        Assert.Equal("critical", joined.Severity);
        Assert.Equal([second.AlertId], joined.History[^1].ItemIds!);
        Assert.Equal(second.AsOf, joined.History[^1].At);
        // A pair of November opens a case of its own.
        Assert.False(CaseEvidence.JoinsStanding(joined, Pair("C-1", "C-2", October.AddMonths(1))));
    }

    [Fact]
    public void A_withdrawn_pair_leaves_its_months_case_standing_on_the_others_and_the_last_one_withdraws_it()
    {
        var opened = CaseOpening.Open(Pair("A-1", "A-2", October), Stays, new HashSet<string>(), CaseActor.System, null, October, CaseRules.Default);
        var joined = CaseEvidence.Escalate(opened, Pair("B-1", "B-2", October), Stays, new HashSet<string>(), October)! with { Version = 2 };

        var lessOne = CaseEvidence.WithdrawItems(joined, [], ["A-2"], "claim-reversed", October)!;
        Assert.Equal((CaseStatus.Open, 2_750.25m, CaseActions.ItemWithdrawn), (lessOne.Status, lessOne.AmountAtStake, lessOne.History[^1].Action));
        Assert.Equal(CaseItemDisposition.Withdrawn, lessOne.Items[0].Disposition);
        Assert.Null(CaseEvidence.WithdrawItems(lessOne, [], ["A-2"], "claim-reversed", October));

        var none = CaseEvidence.WithdrawItems(lessOne, ["split-hospitalization/pair/B-1+B-2"], [], "withdrawn", October)!;
        Assert.Equal((CaseStatus.Withdrawn, 0m), (none.Status, none.AmountAtStake));
    }

    [Fact]
    public void An_upcoded_claim_puts_at_stake_the_weight_difference_at_its_own_rate_not_its_fund_paid()
    {
        // Claimed ES31 weight 1.50 for 9,000 yuan: 6,000 yuan per weight point; the uncomplicated ES35 weighs 0.90 here.
        // What the heavier group added: (1.50 − 0.90) × 6,000 = 3,600 yuan, not 9,000.
        LedgerEntry[] claims = [Claim("U-1", 9_000m, new DateOnly(2027, 10, 2), 1.50m, "ES31"), Claim("U-2", 4_000m, new DateOnly(2027, 10, 3), 0.80m, "ES33")];
        var opened = CaseOpening.Open(Upcoding(("U-1", 0.90m), ("U-2", 0.50m)), claims, new HashSet<string>(), CaseActor.System, null, October, CaseRules.Default);

        Assert.Equal([3_600m, 1_500m], opened.Items.Select(i => i.AtStake));
        Assert.All(opened.Items, i => Assert.Equal(CaseItemBasis.WeightDifference, i.Basis));
        Assert.Equal(5_100m, opened.AmountAtStake);
    }

    [Theory]
    [InlineData(1.50, 0.90, 9000, 3600)]
    [InlineData(1.2345, 1.0, 7777.77, 1477.43)]
    [InlineData(0.90, 0.90, 5000, 0)]
    [InlineData(0.80, 0.90, 5000, 0)]
    [InlineData(0, 0.90, 5000, 0)]
    public void Weight_added_is_the_difference_at_the_claims_rate_to_the_fen(double claimed, double light, double fundPaid, double expected) =>
        Assert.Equal((decimal)expected, CaseStake.WeightAdded((decimal)claimed, (decimal)light, (decimal)fundPaid));

    [Fact]
    public void An_upcoding_example_without_a_known_light_weight_puts_nothing_at_stake_rather_than_its_whole_fund_paid()
    {
        var opened = CaseOpening.Open(Upcoding() with { ClaimIds = ["U-1"] }, [Claim("U-1", 9_000m, new DateOnly(2027, 10, 2), 1.50m, "ES31")],
            new HashSet<string>(), CaseActor.System, null, October, CaseRules.Default);
        Assert.Equal(0m, opened.AmountAtStake);
    }

    private static InspectionCase Owned(params decimal[] amounts) => Opened() with
    {
        Status = CaseStatus.Assigned,
        Owner = Owner.Name,
        Items = [.. amounts.Select((a, i) => new CaseItem($"I-{i}", "alert", [$"CLM-{i}"], new DateOnly(2026, 5, 1), a, CaseItemBasis.SecondStay))],
        AmountAtStake = amounts.Sum(),
    };

    [Fact]
    public void The_owner_confirms_and_dismisses_items_and_a_confirmation_without_an_amount_recovers_what_was_confirmed()
    {
        var c = Owned(1_000m, 2_500m, 400m);
        var first = CaseWorkflow.Apply(c, new CaseCommand(CaseActions.DisposeItem, ItemId: "I-0", Outcome: CaseActions.ConfirmItem), Owner, Now, SettlementNow, CaseRules.Default);
        var second = CaseWorkflow.Apply(first.Case!, new CaseCommand(CaseActions.DisposeItem, ItemId: "I-1", Outcome: CaseActions.ConfirmItem, Amount: 1_200.50m), Owner, Now, SettlementNow, CaseRules.Default);
        var third = CaseWorkflow.Apply(second.Case!, new CaseCommand(CaseActions.DisposeItem, ItemId: "I-2", Outcome: CaseActions.DismissItem), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(3_500m, third.Case!.AmountAtStake);
        Assert.True(third.Case.History[^1].Internal);

        var tooMuch = CaseWorkflow.Apply(third.Case, new CaseCommand(CaseActions.DisposeItem, ItemId: "I-0", Outcome: CaseActions.ConfirmItem, Amount: 1_000.01m), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseMoveKind.Invalid, tooMuch.Kind);
        Assert.Equal(CaseMoveKind.Invalid, CaseWorkflow.Apply(third.Case, new CaseCommand(CaseActions.DisposeItem, ItemId: "nope", Outcome: "confirm"), Owner, Now, SettlementNow, CaseRules.Default).Kind);
        Assert.Equal(CaseMoveKind.Refused, CaseWorkflow.Apply(third.Case, new CaseCommand(CaseActions.DisposeItem, ItemId: "I-0", Outcome: "confirm"), OtherInspector, Now, SettlementNow, CaseRules.Default).Kind);

        var reviewed = CaseWorkflow.Apply(third.Case, new CaseCommand(CaseActions.Review), Owner, Now, SettlementNow, CaseRules.Default).Case!;
        var confirmed = CaseWorkflow.Apply(reviewed, new CaseCommand(CaseActions.Confirm), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(2_200.50m, confirmed.Case!.Recovered);
    }

    [Fact]
    public void A_random_sample_is_drawn_from_a_recorded_seed_and_the_same_seed_draws_the_same_items()
    {
        var c = Owned([.. Enumerable.Range(1, 20).Select(i => i * 100m)]);
        var drawn = CaseWorkflow.Apply(c, new CaseCommand(CaseActions.Sample, Sample: new CaseSample(CaseSampling.Random, Share: 0.25)), Owner, Now, SettlementNow, CaseRules.Default).Case!;
        var line = drawn.History[^1];
        Assert.Equal(5, line.ItemIds!.Length);
        Assert.Equal(5, drawn.Items.Count(i => i.Sampled));
        var seed = Assert.IsType<int>(line.Sample!.Seed);

        var again = CaseSampling.Draw(c.Items, new CaseSample(CaseSampling.Random, Share: 0.25, Seed: seed));
        Assert.Equal(line.ItemIds, again);
        Assert.NotEqual(again, CaseSampling.Draw(c.Items, new CaseSample(CaseSampling.Random, Share: 0.25, Seed: seed + 1)));
    }

    [Fact]
    public void A_threshold_sample_takes_the_items_at_or_above_it_and_a_variance_sample_the_outliers()
    {
        var c = Owned(100m, 120m, 110m, 90m, 105m, 5_000m);
        Assert.Equal(["I-1", "I-5"], CaseSampling.Draw(c.Items, new CaseSample(CaseSampling.Threshold, Threshold: 120m)));
        Assert.Equal(["I-5"], CaseSampling.Draw(c.Items, new CaseSample(CaseSampling.Variance)));
        Assert.Contains("sample.share", CaseSampling.Problem(new CaseSample(CaseSampling.Random, Share: 1.5)));
        Assert.Contains("sample.method", CaseSampling.Problem(new CaseSample("all")));
    }

    [Fact]
    public void The_risk_order_ranks_severity_first_then_the_amount_at_stake()
    {
        InspectionCase[] cases =
        [
            Opened() with { CaseId = "C-a", Severity = "warning", AmountAtStake = 90_000m },
            Opened() with { CaseId = "C-b", Severity = "critical", AmountAtStake = 1_000m },
            Opened() with { CaseId = "C-c", Severity = "critical", AmountAtStake = 5_000m },
        ];
        var query = new CaseQuery(Admin.Scope, Sort: CaseSort.Risk);
        Assert.Equal(["C-c", "C-b", "C-a"], query.Order(cases).Select(c => c.CaseId));

        var after = CaseCursor.Decode(CaseCursor.After(cases[2]).Encode())!;
        Assert.Equal(["C-b", "C-a"], cases.Where(c => after.Precedes(c, CaseSort.Risk)).OrderBy(c => c.CaseId).Reverse().Select(c => c.CaseId));
    }
}
