using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Funds;

/// <summary>A medical alliance's running balance: the sum of its member hospitals' ledger rows.</summary>
public sealed class AllianceGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    PaceJudgement pace,
    IPublisher publisher,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<AllianceGrain> logger)
    : FundAccountGrain(account, ledger, registry, pace, publisher, checkpoints, logger), IAllianceGrain
{
    protected override string Level => FundLevel.Alliance;

    protected override IEnumerable<string> MemberHospitals(FundRegistry registry) => registry.HospitalsOfAlliance(Key);
}
