using Microsoft.Extensions.Logging;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>
/// A hospital's running balance. Receives its new ledger rows, counts them, and rolls the delta up to its
/// alliance and county fund. It rolls up every delta it receives, even one it had already counted: a hospital
/// activated by a dispatch replays the ledger first and so has counted the dispatched rows before it sees them,
/// yet its alliance and county have not. Receivers count each row once whatever they are sent. A failed roll-up
/// is not retried here: the next delta leaves a gap at the receiver, which reads the missing rows from the ledger.
/// </summary>
public sealed class HospitalGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    FundAccountTools tools,
    ILogger<HospitalGrain> logger)
    : FundAccountGrain(account, tools, logger), IHospitalGrain
{
    protected override string Level => FundAccountProfile.Hospital;

    protected override ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() => new([Key]);

    public async Task RecordAsync(LedgerEntry[] entries, HospitalPlacement placement, DateTimeOffset watermark)
    {
        var movements = entries.Select(e => e.Movement).Where(m => m.HospitalId == Key).OrderBy(m => m.HospitalSeq).ToList();
        if (movements.Count == 0)
        {
            await PaceThroughAsync(watermark);
            return;
        }

        var received = FundDelta.Fold(Key, movements);
        var counted = await AbsorbDeltaAsync(received) ?? received;
        var rollUps = new List<Task> { GrainFactory.GetGrain<ICountyFundGrain>(placement.CountyId).AbsorbAsync(counted) };
        if (placement.AllianceId is { } allianceId)
        {
            rollUps.Add(GrainFactory.GetGrain<IAllianceGrain>(allianceId).AbsorbAsync(counted));
        }

        try
        {
            await Task.WhenAll(rollUps);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Roll-up of {Hospital} rows {From}..{To} failed; the receiver will fill the gap from the ledger",
                Key, counted.FromSeq, counted.ToSeq);
        }

        await PaceThroughAsync(watermark);
    }
}
