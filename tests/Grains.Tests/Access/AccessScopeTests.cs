using Monitoring.Access;
using Monitoring.Registry;
using Monitoring.Testing;

namespace Monitoring.Grains.Tests.Access;

public sealed class AccessScopeTests
{
    private static readonly FundRegistry Registry =
        FundRegistry.From(RegistryParser.Parse(ContractFiles.Read("examples/registry.json")).Document!, 1);

    private static AccessScope Scope(string role, string? scope) =>
        AccessScope.Parse(role, scope, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Hospital_sees_only_itself()
    {
        var own = Scope("hospital", "hospital:H53092200001");
        Assert.True(own.CanSeeHospital("H53092200001", Registry));
        Assert.False(own.CanSeeHospital("H53092200002", Registry));
        Assert.False(own.CanSeeCounty("530922", Registry));
        Assert.False(own.CanSeeAlliance("YX-TIGHT", Registry));
    }

    [Fact]
    public void County_regulator_sees_its_county_and_nothing_else()
    {
        var regulator = Scope("regulator", "county:530922");
        Assert.True(regulator.CanSeeCounty("530922", Registry));
        Assert.True(regulator.CanSeeAlliance("YX-TIGHT", Registry));
        Assert.True(regulator.CanSeeHospital("H53092200202", Registry));
        Assert.False(regulator.CanSeeCounty("530923", Registry));
    }

    [Fact]
    public void Region_inspector_sees_the_counties_of_its_region()
    {
        Assert.True(Scope("inspector", "region:530900").CanSeeHospital("H53092200001", Registry));
        Assert.False(Scope("inspector", "region:530800").CanSeeHospital("H53092200001", Registry));
    }

    [Fact]
    public void Ingest_reads_nothing()
    {
        var ingest = Scope("ingest", null);
        Assert.False(ingest.MayRead);
        Assert.False(ingest.CanSeeCounty("530922", Registry));
    }

    [Theory]
    [InlineData("hospital", "county:530922", "role hospital needs a scope hospital:<hospitalId>")]
    [InlineData("regulator", "hospital:H53092200001", "role regulator needs a scope region:<6-digit id> or county:<6-digit id>")]
    [InlineData("regulator", "county:53", "role regulator needs a scope region:<6-digit id> or county:<6-digit id>")]
    [InlineData("auditor", null, "unknown role \"auditor\"")]
    public void Mismatched_role_and_scope_are_refused(string role, string? scope, string error)
    {
        Assert.Null(AccessScope.Parse(role, scope, out var message));
        Assert.StartsWith(error, message);
    }

    [Fact]
    public void Hospital_registry_view_holds_its_own_hospital_and_alliance_only()
    {
        var view = Scope("hospital", "hospital:H53092200001").Filter(Registry);
        var county = Assert.Single(Assert.Single(view.Regions).Counties);
        Assert.Equal("H53092200001", Assert.Single(county.Hospitals).HospitalId);
        Assert.Equal("YX-TIGHT", Assert.Single(county.Alliances).AllianceId);
    }
}
