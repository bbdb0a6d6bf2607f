using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Options;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>
/// A hospital's running balance. Receives its new ledger rows, counts them, and rolls the delta up to its
/// alliance and county fund. A failed roll-up is not retried here: the next delta this hospital sends leaves a
/// gap at the receiver, which then reads the missing rows from the ledger itself.
/// </summary>
public sealed class HospitalGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<HospitalGrain> logger)
    : FundAccountGrain(account, ledger, checkpoints, logger), IHospitalGrain
{
    protected override ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() => new([Key]);

    public async Task RecordAsync(LedgerEntry[] entries, HospitalPlacement placement)
    {
        var movements = entries.Select(e => e.Movement).Where(m => m.HospitalId == Key).OrderBy(m => m.HospitalSeq).ToList();
        if (movements.Count == 0)
        {
            return;
        }

        var counted = await AbsorbDeltaAsync(FundDelta.Fold(Key, movements));
        if (counted is null)
        {
            return;
        }

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
    }
}
