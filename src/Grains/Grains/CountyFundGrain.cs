using Microsoft.Extensions.Logging;
using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>A county fund's running balance: the sum of the ledger rows of every hospital in the county.</summary>
public sealed class CountyFundGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    FundAccountTools tools,
    ILogger<CountyFundGrain> logger)
    : FundAccountGrain(account, tools, logger), ICountyFundGrain
{
    protected override string Level => FundAccountProfile.County;

    protected override async ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() =>
        [.. (await Registry.CurrentAsync()).HospitalsOfCounty(Key)];

    public Task AbsorbAsync(FundDelta delta) => AbsorbDeltaAsync(delta);
}
