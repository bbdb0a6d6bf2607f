using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Funds;

/// <summary>A county fund's running balance: the sum of the ledger rows of every hospital in the county.</summary>
public sealed class CountyFundGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    PaceJudgement pace,
    IPublisher publisher,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<CountyFundGrain> logger)
    : FundAccountGrain(account, ledger, registry, pace, publisher, checkpoints, logger), ICountyFundGrain
{
    protected override string Level => FundLevel.County;

    protected override IEnumerable<string> MemberHospitals(FundRegistry registry) => registry.HospitalsOfCounty(Key);
}
