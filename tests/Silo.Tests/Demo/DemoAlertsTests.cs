using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Demo;

/// <summary>The embedded demo, as <c>dotnet run --project src/Silo</c> starts it, over a year compressed to seconds.</summary>
public sealed class DemoAlertsTests
{
    [Fact]
    public async Task Demo_year_drives_a_hospital_an_alliance_and_the_county_past_the_pace_thresholds()
    {
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Demo:Enabled=true",
            "--Monitoring:Registry:Path=",
            "--Monitoring:Demo:YearMinutes=0.25",
            "--Monitoring:Demo:ClaimsPerYear=30000",
            "--Monitoring:Demo:BatchInterval=00:00:00.100");
        using var regulator = host.Client(host.Token("regulator", "region:530900"));

        string[] expected = ["hospital/H53092100201", "alliance/YX-TIGHT", "county/530922"];
        var subjects = new HashSet<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!expected.All(subjects.Contains))
        {
            await Task.Delay(250, deadline.Token);
            var alerts = await regulator.GetFromJsonAsync<List<JsonElement>>("/api/alerts?kind=budget-pace&limit=1000", deadline.Token);
            subjects = [.. alerts!.Where(a => a.GetProperty("transition").GetString() is "raised" or "escalated")
                .Select(a => $"{a.GetProperty("subject").GetProperty("level").GetString()}/{a.GetProperty("subject").GetProperty("id").GetString()}")];
        }

        Assert.Superset(expected.ToHashSet(), subjects);
    }
}
