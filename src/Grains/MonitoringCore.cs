using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Alerts;
using Monitoring.Assessment;
using Monitoring.Dispatch;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Registry;
using Monitoring.Rules;
using Monitoring.Settlements;
using Monitoring.Telemetry;
using Monitoring.Upcoding;

namespace Monitoring;

/// <summary>
/// The silo's core services, registered once for the host and for the TestingHost alike: the registry, the dispatch
/// and its consumers, the rules' options (validated at start-up) and the instruments. What differs between them —
/// ledger, alert store, the publishing door, grain storage — each registers itself.
/// </summary>
public static class MonitoringCore
{
    public static IServiceCollection AddMonitoringCore(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MonitoringMetrics>();
        services.AddSingleton<RegistryCatalog>();
        services.AddSingleton<ClaimDispatcher>();
        services.AddSingleton<PaceJudgement>();

        // The rule library: one grain writes it, every silo reads its own copy. The host puts PostgreSQL in for the
        // in-memory history when it is durable.
        services.TryAddSingleton<IRuleStore, InMemoryRuleStore>();
        services.TryAddSingleton<IAssessmentStore, InMemoryAssessmentStore>();
        services.AddSingleton<RuleBook>();
        services.AddSingleton<IPaceThresholds>(sp => sp.GetRequiredService<RuleBook>());
        services.AddSingleton<Backtest.IRuleBacktest, Backtest.SplitBacktest>();
        services.AddSingleton<Backtest.IRuleBacktest, Backtest.BudgetBacktest>();
        services.AddHostedService<RuleBookSubscription>();

        // The consumers of every admitted batch; a new detector is one more line here.
        services.AddSingleton<ILedgerConsumer, FundAccountsFeed>();
        services.AddSingleton<ILedgerConsumer, ReversedClaimsFeed>();
        services.AddSingleton<ILedgerConsumer, ReadmissionFeed>();
        services.AddSingleton<ILedgerConsumer, LowThresholdFeed>();
        services.AddSingleton<ILedgerConsumer, UpcodingFeed>();
        services.AddSingleton<CaseMix.ICaseMixSource, UpcodingCaseMixSource>();
        services.AddSingleton<SettlementClock>();
        services.AddSingleton<ILedgerConsumer>(sp => sp.GetRequiredService<SettlementClock>());

        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section)
            .Validate(o => o.QueueBatches > 0, "Monitoring:Dispatch needs QueueBatches > 0")
            .ValidateOnStart();
        services.AddOptions<CheckpointOptions>().BindConfiguration(CheckpointOptions.Section)
            .Validate(o => o.MaxRowsBetween > 0 && o.Interval > TimeSpan.Zero && o.CatchUpInterval > TimeSpan.Zero,
                "Monitoring:Checkpoint needs MaxRowsBetween > 0, Interval > 0 and CatchUpInterval > 0")
            .ValidateOnStart();
        services.AddOptions<BudgetPaceOptions>().BindConfiguration(BudgetPaceOptions.Section)
            .Validate(o => o.Defaults.IsValid && o.Counties.Values.All(t => t.IsValid),
                "Monitoring:Rules:BudgetPace needs 0 < notice < warning gap points, a notice projection of at least 100% below the critical one, a hysteresis band below the notice gap, a dwell, projection window and minimum projection days of 0..366 (window at least 1), minimum projection claims >= 0, credibility claims > 0 and a confidence z >= 0")
            .ValidateOnStart();
        services.AddOptions<YearEndOptions>().BindConfiguration(YearEndOptions.Section)
            .Validate(o => o.IsValid, "Monitoring:Rules:YearEnd surplus shares must be between 0 and 1")
            .ValidateOnStart();
        services.AddOptions<ReadmissionOptions>().BindConfiguration(ReadmissionOptions.Section)
            .Validate(o => o.IsValid,
                "Monitoring:Rules:Readmission needs a window of 1..90 days, retention at least the window, severity bands within it, three-character planned-treatment categories, and rate thresholds above zero")
            .ValidateOnStart();
        services.AddOptions<LowThresholdOptions>().BindConfiguration(LowThresholdOptions.Section)
            .Validate(o => o.IsValid,
                "Monitoring:Rules:LowThreshold needs a stay of 1..30 days, a cost fraction between 0 and 1, three-character ICD-10 categories, minimum counts above zero, a peer clearing ratio below the raising ratio and a retention covering the baseline and peer windows")
            .ValidateOnStart();
        services.AddOptions<UpcodingOptions>().BindConfiguration(UpcodingOptions.Section)
            .Validate(o => o.IsValid,
                "Monitoring:Rules:Upcoding needs a shift fraction in (0, 1), a threshold above zero, an escalation factor of at least 1, 1..26 baseline weeks, ratios of at least 1, p-values in (0, 1], at least one peer, a summary interval above zero and 0..500 example claims")
            .ValidateOnStart();
        services.AddOptions<PackageOptions>().BindConfiguration(PackageOptions.Section)
            .Validate(o => o.IsValid,
                "Monitoring:Package needs an advance share of 0..1, a reserve share of 0..<1, 0..12 prepayment months, indicator targets in (0, 100] (cost growth above -100) and non-negative weights that are not all zero")
            .ValidateOnStart();
        return services;
    }
}
