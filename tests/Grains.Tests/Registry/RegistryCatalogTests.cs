using Microsoft.Extensions.DependencyInjection;
using Monitoring.Dispatch;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Storage;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Registry;

/// <summary>
/// Each silo's registry catalog on a two-silo cluster: answered from memory, never stale once a replacement through
/// either silo has been answered.
/// </summary>
public sealed class RegistryCatalogTests : IAsyncLifetime
{
    private readonly TestCluster _cluster = new TestClusterBuilder(2).AddSiloBuilderConfigurator<TwoSilos>().Build();

    public async ValueTask InitializeAsync() => await _cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private RegistryCatalog CatalogOf(int silo) =>
        ((InProcessSiloHandle)_cluster.Silos[silo]).SiloHost.Services.GetRequiredService<RegistryCatalog>();

    private SettlementClock ClockOf(int silo) =>
        ((InProcessSiloHandle)_cluster.Silos[silo]).SiloHost.Services.GetRequiredService<SettlementClock>();

    [Fact]
    public async Task Replacement_through_one_silo_is_in_force_on_the_other_as_soon_as_it_is_answered()
    {
        var (a, b) = (CatalogOf(0), CatalogOf(1));
        await a.ReplaceAsync(Registry(1_000_000m));
        Assert.Equal(1_000_000m, (await b.CurrentAsync()).Document.Regions[0].Counties[0].AnnualBudget);

        // Both silos hold version 1 in memory now; the replacement through B must reach A's copy before it is answered.
        Assert.Equal(1, (await a.CurrentAsync()).Version);
        await b.ReplaceAsync(Registry(2_000_000m));
        var seenByA = await a.CurrentAsync();

        Assert.Equal((2L, 2_000_000m), (seenByA.Version, seenByA.Document.Regions[0].Counties[0].AnnualBudget));
    }

    [Fact]
    public async Task A_batch_admitted_on_one_silo_moves_the_other_silos_settlement_clock_without_the_ledger()
    {
        await CatalogOf(0).ReplaceAsync(Registry(1_000_000m));
        var (a, b) = (ClockOf(0), ClockOf(1));
        var settled = new DateTimeOffset(2026, 3, 14, 16, 30, 0, TimeSpan.FromHours(8));

        // Silo A's dispatch admitted the batch; the in-memory ledger of each silo holds nothing, so only the
        // watermark handed from A's clock to B's can tell B.
        await a.ConsumeAsync(new AdmittedBatch([], FundRegistry.Empty, settled));
        Assert.Equal(settled, await a.NowAsync());

        Assert.Equal(settled, await b.NowAsync());
    }

    [Fact]
    public async Task Reads_between_replacements_do_not_call_the_registry_grain_each_time()
    {
        var (a, b) = (CatalogOf(0), CatalogOf(1));
        await a.ReplaceAsync(Registry(1_000_000m));
        await a.CurrentAsync();
        await b.CurrentAsync();

        var before = Interlocked.Read(ref TwoSilos.RegistryCalls);
        for (var i = 0; i < 200; i++)
        {
            await a.CurrentAsync();
            await b.CurrentAsync();
        }

        // At most one renewal of each silo's lease if the loop happens to straddle one; 400 reads asked 400 times before.
        Assert.InRange(Interlocked.Read(ref TwoSilos.RegistryCalls) - before, 0, 2);
    }

    private static string Registry(decimal countyBudget) => $$"""
        {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"530981","name":"测试县","annualBudget":{{countyBudget}},
          "alliances":[],"hospitals":[{"hospitalId":"H53098100001","name":"人民医院","level":2}]}]}]}
        """;
}

/// <summary>Two silos with what the registry catalog and the settlement clock need, counting calls to the registry grain.</summary>
internal sealed class TwoSilos : ISiloConfigurator
{
    public static long RegistryCalls;

    public void Configure(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(GrainStorage.FundState);
        silo.Services.AddSingleton<RegistryCatalog>();
        silo.Services.AddSingleton<IClaimsLedger, InMemoryClaimsLedger>();
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<SettlementClock>();
        silo.AddIncomingGrainCallFilter(context =>
        {
            if (context.Grain is RegistryGrain)
            {
                Interlocked.Increment(ref RegistryCalls);
            }

            return context.Invoke();
        });
    }
}
