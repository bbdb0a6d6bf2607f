using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Dashboard.Security;
using Monitoring.Publishing;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Push;

/// <summary>
/// Alerts pushed through <c>/hubs/monitoring</c> to real SignalR clients, each put in its groups by the server from
/// its token. "Never receives" is proved without sleeping: the alert a client must not see is published together
/// with, and before, a marker alert that client may see; pushes keep their order, so once the marker is in, the
/// forbidden alert would have been too.
/// </summary>
public sealed class AlertPushTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string County = "530922";
    private const string OtherCounty = "530923";
    private const string Region = "530900";
    private const string HospitalA = "H53092200001";
    private const string HospitalB = "H53092200002";

    private RunningHost Host => fixture.Host;

    private IPublisher Push => Host.Services.GetRequiredService<IPublisher>();

    [Fact]
    public async Task Alert_about_hospital_A_reaches_A_and_its_county_regulator_but_never_hospital_B()
    {
        await using var hospitalA = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.HospitalRole, $"hospital:{HospitalA}"));
        await using var hospitalB = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.HospitalRole, $"hospital:{HospitalB}"));
        await using var countyRegulator = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Regulator, $"county:{County}"));
        var aboutA = AlertAbout(County, HospitalA);
        var markerForB = AlertAbout(County, HospitalB);

        await Push.RaiseAsync([aboutA, markerForB]);

        await hospitalA.WaitForAsync("alert", HasId(aboutA));
        await countyRegulator.WaitForAsync("alert", HasId(aboutA));
        await hospitalB.WaitForAsync("alert", HasId(markerForB));
        Assert.DoesNotContain(hospitalB.Received("alert"), HasId(aboutA));
    }

    [Fact]
    public async Task Alert_reaches_the_region_regulator_but_not_a_regulator_of_another_county()
    {
        await using var regionRegulator = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Regulator, $"region:{Region}"));
        await using var otherCounty = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Inspector, $"county:{OtherCounty}"));
        var aboutA = AlertAbout(County, HospitalA);
        var markerForOtherCounty = AlertAbout(OtherCounty, hospitalId: null);

        await Push.RaiseAsync([aboutA, markerForOtherCounty]);

        await regionRegulator.WaitForAsync("alert", HasId(aboutA));
        await otherCounty.WaitForAsync("alert", HasId(markerForOtherCounty));
        Assert.DoesNotContain(otherCounty.Received("alert"), HasId(aboutA));
    }

    [Fact]
    public async Task Alert_document_keeps_the_schema_names_the_chinese_text_and_exact_decimals()
    {
        await using var admin = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Admin));
        var alert = AlertAbout(County, HospitalA);

        await Push.RaiseAsync([alert]);

        var document = await admin.WaitForAsync("alert", HasId(alert));
        Assert.Equal("split-hospitalization", document.GetProperty("kind").GetString());
        Assert.Equal("warning", document.GetProperty("severity").GetString());
        Assert.Equal("hospital", document.GetProperty("subject").GetProperty("level").GetString());
        Assert.Equal(HospitalA, document.GetProperty("hospitalId").GetString());
        Assert.Equal("患者出院后3天内再次入院，疑似分解住院", document.GetProperty("message").GetProperty("zh").GetString());
        Assert.Equal(12345678.91m, document.GetProperty("evidence").GetProperty("fundPaid").GetDecimal());
    }

    [Fact]
    public async Task Connection_without_a_token_is_refused_with_401()
    {
        await using var connection = HubListener.Connection(Host, token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Connection_with_a_token_signed_by_another_key_is_refused_with_401()
    {
        var forger = new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(new byte[32]));
        await using var connection = HubListener.Connection(Host, forger.Mint(AccessScope.Parse(AccessScope.Admin, null, out _)!));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Ingest_connection_is_refused_with_403()
    {
        await using var connection = HubListener.Connection(Host, Host.Token(AccessScope.Ingest));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Predicate<JsonElement> HasId(Alert alert) =>
        document => document.GetProperty("alertId").GetString() == alert.AlertId;

    private static Alert AlertAbout(string countyId, string? hospitalId) => new()
    {
        AlertId = $"test-{Guid.NewGuid():N}",
        Kind = AlertKinds.SplitHospitalization,
        Severity = AlertSeverity.Warning,
        Transition = AlertTransition.Raised,
        SubjectLevel = hospitalId is null ? "county" : "hospital",
        SubjectId = hospitalId ?? countyId,
        CountyId = countyId,
        RegionId = Region,
        HospitalId = hospitalId,
        RaisedAt = DateTimeOffset.UtcNow,
        AsOf = new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.FromHours(8)),
        MessageZh = "患者出院后3天内再次入院，疑似分解住院",
        MessageEn = "Readmitted within 3 days of discharge: possible split hospitalization",
        ClaimIds = ["C1", "C2"],
        EvidenceJson = """{"intervalDays":3,"fundPaid":12345678.91}""",
    };
}
