using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Options;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>A county fund's running balance: the sum of the ledger rows of every hospital in the county.</summary>
public sealed class CountyFundGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<CountyFundGrain> logger)
    : FundAccountGrain(account, ledger, registry, checkpoints, logger), ICountyFundGrain
{
    protected override string Level => FundAccountProfile.County;

    protected override async ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() =>
        [.. (await Registry.CurrentAsync()).HospitalsOfCounty(Key)];

    public Task AbsorbAsync(FundDelta delta) => AbsorbDeltaAsync(delta);
}
