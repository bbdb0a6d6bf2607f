using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.CaseMix;
using Monitoring.Dashboard.Cases;
using Monitoring.Dashboard.DrillDown;
using Monitoring.Dashboard.Funds;
using Monitoring.Dashboard.Input;
using Monitoring.Dashboard.LowThreshold;
using Monitoring.Dashboard.Overview;
using Monitoring.Dashboard.Page;
using Monitoring.Dashboard.Push;
using Monitoring.Dashboard.Readmission;
using Monitoring.Dashboard.Registry;
using Monitoring.Dashboard.Reports;
using Monitoring.Dashboard.Rules;
using Monitoring.Dashboard.Security;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Demo;
using Monitoring.DrillDown;
using Monitoring.Settlements;
using Monitoring.Assessment;
using Monitoring.Dashboard.Settlements;
using Monitoring.Rules;
using Monitoring.Storage;
using Monitoring.Silo.Demo;
using Monitoring.Silo.Ingest;
using Monitoring.Silo.Storage;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Silo;

/// <summary>
/// The composition root: host, Orleans, web, endpoints. Two modes from one code path — embedded (memory, localhost
/// clustering, demo feed) and PostgreSQL (ledger, grain storage, membership and reminders through ADO.NET).
/// </summary>
public static class MonitoringHost
{
    public static async Task<WebApplication> CreateAsync(string[] args)
    {
        // appsettings.json sits beside the binary, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = builder.Configuration.GetSection(SiloClusterOptions.Section).Get<SiloClusterOptions>() ?? new SiloClusterOptions();
        var membership = builder.Configuration.GetSection(SiloMembershipOptions.Section).Get<SiloMembershipOptions>() ?? new SiloMembershipOptions();
        if (membership.ProbeTimeout <= TimeSpan.Zero || membership.NumMissedProbesLimit < 1 || membership.NumVotesForDeathDeclaration < 1 || membership.TableRefreshTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Monitoring:Cluster:Membership needs a positive ProbeTimeout and TableRefreshTimeout and at least 1 for NumMissedProbesLimit and NumVotesForDeathDeclaration.");
        }
        if (storage.IsDurable && string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            throw new InvalidOperationException("Monitoring:Storage:Provider is PostgreSql but Monitoring:Storage:ConnectionString is empty.");
        }

        if (storage.MaxPoolSize is < 2 or > 50)
        {
            throw new InvalidOperationException($"Monitoring:Storage:MaxPoolSize is {storage.MaxPoolSize}; give 2..50 connections per pool (a silo holds two pools).");
        }

        builder.UseOrleans(silo => ConfigureSilo(silo, storage, cluster, membership));

        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section)
            .Validate(o => o.MaxEventsPerBatch is > 0 and <= 10_000, "Monitoring:Ingest:MaxEventsPerBatch must be 1..10000 (the contract's ceiling)")
            .ValidateOnStart();
        services.AddMonitoringCore();
        services.PostConfigure<CheckpointOptions>(o => o.WriteOnShutdown &= storage.IsDurable);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddMonitoringAuthentication(builder.Configuration, storage.IsDurable);
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClaimIngestion>();
        services.AddMonitoringPush();
        services.AddMonitoringOpenApi();
        var health = services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: ["ready"]);
        if (storage.IsDurable)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(storage.PooledConnectionString()));
            services.AddSingleton(new ReplayGate(storage.EffectiveConcurrentReplays));
            services.AddSingleton<IClaimsLedger, PostgresClaimsLedger>();
            services.AddSingleton<IAlertStore, PostgresAlertStore>();
            services.AddSingleton<ICaseStore, PostgresCaseStore>();
            services.AddSingleton<IRuleStore, PostgresRuleStore>();
            services.AddSingleton<IAssessmentStore, PostgresAssessmentStore>();
            services.AddSingleton<IClaimDrillDown, PostgresClaimDrillDown>();
            services.AddSingleton<IPackageLedger, PostgresPackageLedger>();
            health.AddCheck<LedgerReadiness>("ledger", tags: ["ready"]);
            health.AddCheck<RecoveryReadiness>("recovery", tags: ["ready"]);
        }
        else
        {
            services.AddSingleton<IClaimsLedger, InMemoryClaimsLedger>();
            services.AddSingleton<IAlertStore, InMemoryAlertStore>();
            services.AddSingleton<ICaseStore, InMemoryCaseStore>();
            services.AddSingleton<IClaimDrillDown, LedgerClaimDrillDown>();
            services.AddSingleton<IPackageLedger, LedgerPackageLedger>();
        }

        services.AddSingleton<ICaseNotices, CaseNoticePush>();
        services.AddSingleton<IAssessmentNotices, AssessmentNoticePush>();
        services.AddInspectionCases();

        // After Orleans has started (registered first by UseOrleans): the registry first, then what uses it.
        services.AddHostedService<RegistrySeeder>();
        services.AddHostedService<CaseBookingsCheck>();
        services.AddHostedService<StartupReport>();
        if (storage.IsDurable)
        {
            // Only a durable host has anything to recover; an embedded one starts empty.
            services.AddSingleton<RecoveryWarmUp>();
            services.AddHostedService(sp => sp.GetRequiredService<RecoveryWarmUp>());
        }

        services.AddHostedService<DemoFeed>();

        var app = builder.Build();
        if (storage.IsDurable)
        {
            // The membership table must exist before the silo starts, so the schema is brought up to date here,
            // once the database answers at all.
            await DatabaseWait.UntilReachableAsync(storage.PooledConnectionString(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseWait)), CancellationToken.None);
            var migrator = new SchemaMigrator(app.Services.GetRequiredService<ILogger<SchemaMigrator>>());
            await migrator.MigrateAsync(storage.PooledConnectionString(), CancellationToken.None);
        }

        app.UseClusterFailureResponse();
        app.UseContentSecurityPolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStorableInput();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = ReadinessReport.WriteAsync });
        app.MapClaimsApi();
        app.MapRegistryApi();
        app.MapDashboardPage();
        app.MapFundsApi();
        app.MapOverviewApi();
        app.MapReadmissionApi();
        app.MapLowThresholdApi();
        app.MapCaseMixApi();
        app.MapAlertsApi();
        app.MapCasesApi();
        app.MapRulesApi();
        app.MapBacktestsApi();
        app.MapMonitoringHub();
        app.MapDrillDownApi();
        app.MapMonthlyReportApi();
        app.MapSettlementsApi();
        app.MapMonitoringApiReference();
        return app;
    }

    private static void ConfigureSilo(ISiloBuilder silo, StorageOptions storage, SiloClusterOptions cluster, SiloMembershipOptions membership)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });

        if (!storage.IsDurable)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddMemoryGrainStorage(GrainStorage.FundState);
            silo.UseInMemoryReminderService();
            return;
        }

        const string invariant = "Npgsql";
        var connection = storage.PooledConnectionString();
        var advertised = SiloAddresses.Resolve(cluster.AdvertisedAddress) ?? IPAddress.Loopback;
        var listen = SiloAddresses.Resolve(cluster.ListenAddress) ?? advertised;
        silo.Configure<EndpointOptions>(o =>
        {
            // Bound where configured, not on every interface; and no gateway unless a port is given for one (the
            // web front runs inside the silo, so nothing outside needs to speak Orleans' client protocol).
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = cluster.SiloPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, cluster.SiloPort);
            o.GatewayPort = cluster.GatewayPort;
            o.GatewayListeningEndpoint = cluster.GatewayPort > 0 ? new IPEndPoint(listen, cluster.GatewayPort) : null;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = membership.ProbeTimeout;
            o.NumMissedProbesLimit = membership.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = membership.NumVotesForDeathDeclaration;
            o.TableRefreshTimeout = membership.TableRefreshTimeout;
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connection;
        });
        silo.AddAdoNetGrainStorage(GrainStorage.FundState, (OptionsBuilder<AdoNetGrainStorageOptions> storageOptions) =>
            storageOptions.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connection;
                // Checkpoints in the Orleans format, bound to the state's [Id]s rather than to CLR type names,
                // so a renamed or moved state class still reads what earlier versions wrote.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connection;
        });
    }
}
