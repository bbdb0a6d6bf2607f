using Microsoft.Extensions.Logging;
using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>A medical alliance's running balance: the sum of its member hospitals' ledger rows.</summary>
public sealed class AllianceGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    FundAccountTools tools,
    ILogger<AllianceGrain> logger)
    : FundAccountGrain(account, tools, logger), IAllianceGrain
{
    protected override string Level => FundAccountProfile.Alliance;

    protected override async ValueTask<IReadOnlyCollection<string>> MemberHospitalsAsync() =>
        [.. (await Registry.CurrentAsync()).HospitalsOfAlliance(Key)];

    public Task AbsorbAsync(FundDelta delta) => AbsorbDeltaAsync(delta);
}
