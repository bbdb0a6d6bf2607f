using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>
/// A fund year of inpatient settlements (结算清单) for the demo scenario, as <c>claim-event.schema.json</c> events in
/// settlement-time order, from 1 January to 31 December (China time). Pure and deterministic: the same scenario, seed
/// and count give the same events, byte for byte, every time <see cref="Claims"/> is enumerated.
/// <para>
/// Each hospital gets a share of the cases in proportion to what it is to spend (budget × spending factor) over what
/// its case mix costs the fund per case, and its cases fall into months by its county's monthly profile. Amounts are
/// then scaled per hospital and month so that each month adds up to its share of the planned spend whatever the
/// count: a thin stream has dearer cases, not smaller budgets, and a hospital on budget is on pace all year, so the
/// only alerts are the planted ones. About one settlement in 200 is later reversed (冲销) and settled again, corrected.
/// </para>
/// </summary>
public sealed class DemoClaimStream
{
    public const int MinimumClaims = 1_000;
    public const int MaximumClaims = 2_000_000;

    internal const string SettledAtFormat = "yyyy-MM-dd'T'HH:mm:sszzz";
    internal const string DateFormat = "yyyy-MM-dd";
    private const double ReversalRate = 0.005;

    internal static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly DemoScenario _scenario;
    private readonly int _seed;
    private readonly int _claimsPerYear;
    private readonly bool _plantSplits;
    private readonly bool _plantLowThreshold;
    private readonly bool _plantUpcoding;

    /// <param name="plantSplits">
    /// plant split hospitalization and its look-alikes (<see cref="SplitPlanting"/>); without it the year is the same
    /// cases with none of them, for whoever needs the background alone
    /// </param>
    /// <param name="plantLowThreshold">plant low-threshold admission (<see cref="LowThresholdPlanting"/>)</param>
    /// <param name="plantUpcoding">plant upcoders, a legitimately heavy referral centre and ungrouped cases (<see cref="UpcodingPlanting"/>)</param>
    public DemoClaimStream(DemoScenario scenario, int seed, int claimsPerYear, bool plantSplits = true, bool plantLowThreshold = true, bool plantUpcoding = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(claimsPerYear, MinimumClaims);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(claimsPerYear, MaximumClaims);
        _scenario = scenario;
        _seed = seed;
        _claimsPerYear = claimsPerYear;
        _plantSplits = plantSplits;
        _plantLowThreshold = plantLowThreshold;
        _plantUpcoding = plantUpcoding;
    }

    public int FundYear => _scenario.Registry.FundYear;

    /// <summary>Midnight of 1 January of the fund year, China time: where the stream's clock starts.</summary>
    public DateTimeOffset YearStart => new(FundYear, 1, 1, 0, 0, 0, ChinaOffset);

    /// <summary>Midnight of the next 1 January: no event is settled at or after it.</summary>
    public DateTimeOffset YearEnd => YearStart.AddYears(1);

    public static DateTimeOffset SettledAtOf(JsonObject claim) =>
        DateTimeOffset.ParseExact((string)claim["settledAt"]!, SettledAtFormat, CultureInfo.InvariantCulture);

    /// <summary>The year's events, settlements and reversals, with <c>settledAt</c> never decreasing.</summary>
    public IEnumerable<JsonObject> Claims() => Generate(log: null);

    /// <summary>
    /// The split pairs and look-alikes the year plants, under the claim ids it emits them with (reversals and
    /// corrections included): what a detector, or a truth computed from the claims alone, should find. Plays the year.
    /// </summary>
    public PlantedSplits Planted()
    {
        var log = new PlantingLog();
        foreach (var _ in Generate(log))
        {
        }

        return log.Result;
    }

    /// <summary>The hospitals planted to split deliberately (再入院率), with their onsets, and the small centres whose rate wanders by chance.</summary>
    public IReadOnlyList<PlantedRateHospital> PlantedRateHospitals() => Plan().RateHospitals;

    /// <summary>The hospitals planted to admit below the threshold, with their onsets, and every hospital's background share.</summary>
    public LowThresholdPlan PlantedLowThreshold() => Plan().LowThreshold;

    /// <summary>The upcoders (with their onsets), the referral centre and the ungrouped cases the year plants: the truth upcoding-measure scores against.</summary>
    public PlantedUpcoding PlantedUpcoding() => Plan().Upcoding;

    private YearPlan Plan() => YearPlan.Make(_scenario, _claimsPerYear, new Random(_seed),
        _plantSplits ? new Random(unchecked((_seed * 104_729) + 3)) : null,
        _plantLowThreshold ? new Random(unchecked((_seed * 15_485_863) + 7)) : null,
        _plantUpcoding ? new Random(unchecked((_seed * 15_485_863) + 5)) : null);

    private IEnumerable<JsonObject> Generate(PlantingLog? log)
    {
        var institutions = _scenario.Institutions;
        var plan = Plan();
        var random = new Random(unchecked((_seed * 7919) + 1));
        var writer = new CaseWriter(institutions, random);
        var yearEnd = YearEnd.DateTime.Ticks;

        // Reversals and their corrections fall due later than the settlement that caused them; they wait here in time order.
        var later = new PriorityQueue<JsonObject, (long Ticks, long Order)>();
        long order = 0;

        foreach (var slot in plan.Slots)
        {
            while (later.TryPeek(out var due, out var at) && at.Ticks <= slot.Ticks)
            {
                later.Dequeue();
                yield return due;
            }

            var claim = writer.Settlement(slot, plan.ScaleOf(slot));
            // A planted stay is reversed when its pattern says so and never by chance, so that what it plants is known.
            var (reverse, correct) = slot.Planted is { } planted
                ? (planted.Reversal != PlannedReversal.None, planted.Reversal == PlannedReversal.ReversedAndCorrected)
                : (random.NextDouble() < ReversalRate, true);
            JsonObject? reversal = null, correction = null;
            if (reverse)
            {
                var reversedAt = Day(slot.Ticks).AddDays(random.Next(2, 31)).Add(WorkingTime(random)).Ticks;
                if (reversedAt < yearEnd)
                {
                    reversal = writer.Reversal(claim, slot.Hospital, reversedAt);
                    later.Enqueue(reversal, (reversedAt, order++));
                    var correctedAt = reversedAt + TimeSpan.FromHours(1 + (47 * random.NextDouble())).Ticks;
                    if (correct && correctedAt < yearEnd)
                    {
                        correction = writer.Correction(claim, slot, correctedAt);
                        later.Enqueue(correction, (correctedAt, order++));
                    }
                }
            }

            if (slot.Planted is { } stay)
            {
                log?.Settled(stay, claim, reversal is not null, correction);
            }

            yield return claim;
        }

        while (later.TryDequeue(out var due, out _))
        {
            yield return due;
        }

        log?.Finish(plan.Episodes);
    }

    private static DateTime Day(long ticks) => new DateTime(ticks).Date;

    /// <summary>Agencies settle in office hours, 08:00 to 21:00.</summary>
    internal static TimeSpan WorkingTime(Random random) => TimeSpan.FromHours(8) + TimeSpan.FromSeconds(random.Next(13 * 3600));
}
