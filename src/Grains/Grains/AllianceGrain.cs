using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Options;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>A medical alliance's running balance: the sum of its member hospitals' ledger rows.</summary>
public sealed class AllianceGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<AllianceGrain> logger)
    : FundAccountGrain(account, ledger, registry, checkpoints, logger), IAllianceGrain
{
    protected override string Level => FundAccountProfile.Alliance;

    protected override async ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() =>
        [.. (await Registry.CurrentAsync()).HospitalsOfAlliance(Key)];

    public Task AbsorbAsync(FundDelta delta) => AbsorbDeltaAsync(delta);
}
