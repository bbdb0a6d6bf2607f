using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Funds;

/// <summary>A hospital's running balance: its own ledger rows, which the dispatch hands it as deltas.</summary>
public sealed class HospitalGrain(
    [PersistentState("account", GrainStorage.FundState)] IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    PaceJudgement pace,
    IPublisher publisher,
    IOptions<CheckpointOptions> checkpoints,
    ILogger<HospitalGrain> logger)
    : FundAccountGrain(account, ledger, registry, pace, publisher, checkpoints, logger), IHospitalGrain
{
    protected override string Level => FundLevel.Hospital;

    protected override IEnumerable<string> MemberHospitals(FundRegistry registry) => [Key];
}
