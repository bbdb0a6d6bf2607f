using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Options;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>What every fund account grain works with, from the silo's services: one parameter instead of eight.</summary>
public sealed record FundAccountTools(
    IClaimsLedger Ledger,
    RegistryCatalog Registry,
    IAlertSink Alerts,
    IFundStatusSink Status,
    IOptions<CheckpointOptions> Checkpoints,
    IOptions<BudgetPaceOptions> Pace,
    IOptions<YearEndOptions> YearEnd,
    TimeProvider Clock);
