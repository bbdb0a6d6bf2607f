using Microsoft.Extensions.DependencyInjection;
using Monitoring.Dispatch;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>One in-process Orleans cluster for the grain tests, with the in-memory ledger and memory grain storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloSetup>().Build();

    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public IClaimsLedger Ledger => SiloServices.GetRequiredService<IClaimsLedger>();

    public ClaimDispatcher Dispatcher => SiloServices.GetRequiredService<ClaimDispatcher>();

    public RegistryCatalog Registry => SiloServices.GetRequiredService<RegistryCatalog>();

    public RecordingPublisher Sinks => SiloServices.GetRequiredService<RecordingPublisher>();

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(GrainStorage.FundState);
            silo.Services.AddMonitoringCore();
            silo.Services.AddSingleton<IClaimsLedger, InMemoryClaimsLedger>();
            silo.Services.AddSingleton<RecordingPublisher>();
            silo.Services.AddSingleton<IPublisher>(sp => sp.GetRequiredService<RecordingPublisher>());
            silo.Services.AddSingleton<RecordingAssessmentNotices>();
            silo.Services.AddSingleton<Monitoring.Assessment.IAssessmentNotices>(sp => sp.GetRequiredService<RecordingAssessmentNotices>());
            // Small, so that tests cross checkpoints.
            silo.Services.Configure<CheckpointOptions>(o =>
            {
                o.MaxRowsBetween = 3;
                o.CatchUpInterval = TimeSpan.FromMilliseconds(200);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
