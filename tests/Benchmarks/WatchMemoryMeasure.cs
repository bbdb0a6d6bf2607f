using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Demo;
using Monitoring.LowThreshold;
using Monitoring.Upcoding;
using Monitoring.Watch;

namespace Monitoring.Benchmarks;

/// <summary>
/// What the detectors hold as a year goes by: the demo year (any size) fed, claim by claim, to every hospital's coding
/// book (<see cref="HospitalCoding"/>) and low-threshold weeks (<see cref="HospitalAdmissionWeeks"/>), the plain state the
/// watch grains keep, with each week closed against the hospital's own medians. Prints the managed heap after a full
/// collection at a tenth, half and all of the year, beside the claims fed, so that growth per claim reads directly. The
/// ledger a reversal reads its settlement from stands in as the settlements that will be reversed, found in a first pass:
/// the same few for any detector, and held from the start so they do not count as growth.
/// </summary>
public static class WatchMemoryMeasure
{
    public static Task<int> RunAsync(string[] args)
    {
        var claims = BenchmarkArgs.Int(args, "--claims", 1_000_000);
        var year = BenchmarkArgs.Int(args, "--year", 2025);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var stream = new DemoClaimStream(DemoPrefecture.Plan(seed, year), seed, claims);
        var registered = (Func<string, bool>)(_ => true);
        IEnumerable<ClaimEvent> Events() => stream.Claims()
            .Select(c => ClaimValidator.Validate(JsonSerializer.SerializeToElement(c), registered).Claim)
            .OfType<ClaimEvent>();

        var reversedIds = Events().Where(c => c.Kind == ClaimKind.Reversal).Select(c => c.ReversesClaimId!).ToHashSet(StringComparer.Ordinal);
        var ledger = new Dictionary<string, ClaimEvent>(StringComparer.Ordinal);
        var coding = new Dictionary<string, HospitalCoding>(StringComparer.Ordinal);
        var weeks = new Dictionary<string, HospitalAdmissionWeeks>(StringComparer.Ordinal);
        var upcoding = new UpcodingOptions();
        var lowThreshold = new LowThresholdOptions();
        var total = Events().LongCount();
        var baseline = Heap();
        Console.WriteLine($"watch-memory: {total:N0} events of a {claims:N0}-claim demo year {year} (seed {seed}), {reversedIds.Count:N0} reversed");
        Console.WriteLine("  fed events   share   managed heap   bytes/event   coding cases / counters   low-threshold counters");
        long fed = 0;
        var next = 0;
        double[] marks = [0.1, 0.5, 1.0];
        foreach (var claim in Events())
        {
            fed++;
            if (claim.Kind == ClaimKind.Settlement && reversedIds.Contains(claim.ClaimId))
            {
                ledger[claim.ClaimId] = claim;
            }

            // A reversal names no hospital: the ledger books it to the settlement's.
            var reversed = claim.Kind == ClaimKind.Reversal ? ledger.GetValueOrDefault(claim.ReversesClaimId!) : null;
            if ((claim.HospitalId ?? reversed?.HospitalId) is not { } hospital)
            {
                continue;
            }

            if (!coding.TryGetValue(hospital, out var book))
            {
                coding[hospital] = book = new HospitalCoding(year, upcoding);
                weeks[hospital] = new HospitalAdmissionWeeks(lowThreshold);
            }

            book.Take(claim, reversed);
            var own = weeks[hospital];
            own.Count(claim, reversed);
            var current = SettlementWeek.Of(claim.SettledAt);
            if (own.EndedBefore(current) is { Count: > 0 } ended)
            {
                own.Close(ended, own.Costs.Where(c => c.Value.Count > 0).ToDictionary(c => c.Key, c => c.Value.Median!.Value, StringComparer.Ordinal));
                own.Evict(current - lowThreshold.RetentionWeeks);
            }

            while (next < marks.Length && fed >= marks[next] * total)
            {
                var heap = Heap() - baseline;
                Console.WriteLine($"  {fed,11:N0}   {marks[next],4:P0}   {heap / 1048576.0,9:N1} MB   {heap / (double)fed,10:N0}   "
                    + $"{coding.Values.Sum(c => c.Book.Cases),12:N0} / {Counters(coding.Values),-10}   {Entries(weeks.Values)}");
                next++;
            }
        }

        Console.WriteLine($"  hospitals: {coding.Count:N0}");
        return Task.FromResult(0);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Counters(IEnumerable<HospitalCoding> coding) => coding.Sum(c => (long)c.Book.Entries).ToString("N0");

    private static string Entries(IEnumerable<HospitalAdmissionWeeks> weeks) => weeks.Sum(w => (long)w.Entries).ToString("N0");
}
