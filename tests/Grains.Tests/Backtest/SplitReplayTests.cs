using Microsoft.Extensions.Options;
using Monitoring.Backtest;
using Monitoring.Claims;
using Monitoring.LowThreshold;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Rules;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Backtest;

/// <summary>A place's replay under a library: the pairs it finds are those the version in force on each day finds, and a reversal takes its pair away.</summary>
public sealed class SplitReplayTests
{
    private static readonly DateOnly Day0 = new(2025, 3, 1);
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static long _sequence;

    private static readonly RuleBook Book = new(Options.Create(new ReadmissionOptions()), Options.Create(new BudgetPaceOptions()),
        Options.Create(new UpcodingOptions()), Options.Create(new LowThresholdOptions()));

    /// <summary>A stay of patient <paramref name="patient"/> from day <paramref name="admission"/> to <paramref name="discharge"/>, settled the day after.</summary>
    private static LedgerEntry Stay(string id, string patient, int admission, int discharge)
    {
        var settled = new DateTimeOffset(Day0.AddDays(discharge + 1).ToDateTime(new TimeOnly(10, 0)), BudgetClock.ChinaOffset);
        return new LedgerEntry(
            new FundMovement("H53092200101", Interlocked.Increment(ref _sequence), ClaimKind.Settlement, BudgetClock.BudgetDate(settled), 4_000m, settled),
            new ClaimEvent
            {
                ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = settled, HospitalId = "H53092200101", PatientId = patient,
                AdmissionDate = Day0.AddDays(admission), DischargeDate = Day0.AddDays(discharge), DischargeDisposition = "1",
                PrincipalDiagnosis = "J18.900", DrgCode = "ES23", TotalCost = 6_000m, FundPaid = 4_000m,
            },
            patient);
    }

    private static LedgerEntry Reversal(string id, string target, string patient, int day)
    {
        var settled = new DateTimeOffset(Day0.AddDays(day).ToDateTime(new TimeOnly(15, 0)), BudgetClock.ChinaOffset);
        return new LedgerEntry(
            new FundMovement("H53092200101", Interlocked.Increment(ref _sequence), ClaimKind.Reversal, BudgetClock.BudgetDate(settled), -4_000m, settled),
            new ClaimEvent { ClaimId = id, Kind = ClaimKind.Reversal, ReversesClaimId = target, SettledAt = settled },
            patient);
    }

    /// <summary>Patient A readmitted 3 days after discharge, patient B 10 days after.</summary>
    private static LedgerEntry[] Year() =>
    [
        Stay("a1", "A", 0, 5), Stay("b1", "B", 1, 6),
        Stay("a2", "A", 8, 12), Stay("b2", "B", 16, 20),
    ];

    private static string[] PairsUnder(RuleLibrary library, IEnumerable<LedgerEntry> rows)
    {
        var replay = new SplitReplay(new ReadmissionThresholds(), day => Book.Split(library, "530922", "530900", day));
        foreach (var row in rows)
        {
            replay.Take(row);
        }

        return [.. replay.Standing().Select(p => p.PairKey).Order(StringComparer.Ordinal)];
    }

    private static RuleLibrary WithWindow(int windowDays, DateOnly from)
    {
        var draft = Book.Library.Draft(RuleIds.SplitHospitalization, "county:530922", from, new Dictionary<string, decimal> { ["windowDays"] = windowDays }, "regulator:test", At, "shorter", "530900");
        return draft.Library!.Publish(RuleIds.SplitHospitalization, draft.Event!.Version, "regulator:test", At, "try").Library!;
    }

    [Fact]
    public void The_seeded_window_finds_both_readmissions_and_a_seven_day_window_only_the_three_day_one()
    {
        Assert.Equal(["a1>a2", "b1>b2"], PairsUnder(Book.Library, Year()));
        Assert.Equal(["a1>a2"], PairsUnder(WithWindow(7, Day0), Year()));
    }

    [Fact]
    public void A_version_judges_only_from_its_effective_date_by_the_day_the_pair_became_known()
    {
        // b1>b2 becomes known on day 21, a1>a2 on day 13: a 7-day window from day 15 removes only the later one.
        Assert.Equal(["a1>a2"], PairsUnder(WithWindow(7, Day0.AddDays(15)), Year()));
        Assert.Equal(["a1>a2", "b1>b2"], PairsUnder(WithWindow(7, Day0.AddDays(22)), Year()));
    }

    [Fact]
    public void A_reversed_stay_takes_its_pair_away_whichever_drain_it_falls_in()
    {
        Assert.Equal(["b1>b2"], PairsUnder(Book.Library, [.. Year(), Reversal("a2-r", "a2", "A", 30)]));
    }

    [Fact]
    public void Batching_and_order_within_a_day_find_the_same_pairs()
    {
        var rows = Year();
        Assert.Equal(PairsUnder(Book.Library, rows), PairsUnder(Book.Library, rows.Reverse()));
    }
}
