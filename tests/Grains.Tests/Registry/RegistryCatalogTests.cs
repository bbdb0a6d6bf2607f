using Microsoft.Extensions.DependencyInjection;
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
    private static long s_registryCalls;

    private readonly TestCluster _cluster = new TestClusterBuilder(2).AddSiloBuilderConfigurator<TwoSilos>().Build();

    public async ValueTask InitializeAsync() => await _cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private RegistryCatalog CatalogOf(int silo) =>
        ((InProcessSiloHandle)_cluster.Silos[silo]).SiloHost.Services.GetRequiredService<RegistryCatalog>();

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
    public async Task Reads_between_replacements_do_not_call_the_registry_grain_each_time()
    {
        var (a, b) = (CatalogOf(0), CatalogOf(1));
        await a.ReplaceAsync(Registry(1_000_000m));
        await a.CurrentAsync();
        await b.CurrentAsync();

        var before = Interlocked.Read(ref s_registryCalls);
        for (var i = 0; i < 200; i++)
        {
            await a.CurrentAsync();
            await b.CurrentAsync();
        }

        // At most one renewal of each silo's lease if the loop happens to straddle one; 400 reads asked 400 times before.
        Assert.InRange(Interlocked.Read(ref s_registryCalls) - before, 0, 2);
    }

    private static string Registry(decimal countyBudget) => $$"""
        {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"530981","name":"测试县","annualBudget":{{countyBudget}},
          "alliances":[],"hospitals":[{"hospitalId":"H53098100001","name":"人民医院","level":2}]}]}]}
        """;

    private sealed class TwoSilos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(GrainStorage.FundState);
            silo.Services.AddSingleton<RegistryCatalog>();
            silo.AddIncomingGrainCallFilter(context =>
            {
                if (context.Grain is RegistryGrain)
                {
                    Interlocked.Increment(ref s_registryCalls);
                }

                return context.Invoke();
            });
        }
    }
}
