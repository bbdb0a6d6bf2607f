using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Alerts;

/// <summary>
/// Eight months of claims for the example registry, in settlement order, with spending shaped so that every kind of
/// alert transition happens: 云县人民医院 runs 9% hot (the gap grows to a notice by late July) then accelerates in August
/// (escalated to critical by the projection); 云县凯达医院 is frugal then doubles from July; 云县仁爱医院 is hot in
/// January and February then frugal (raised, eased, cleared); the rest spend to budget or under.
/// </summary>
public static class PaceScenario
{
    /// <summary>
    /// Three settlements a day per hospital is a thin stream for hospitals of this size (about 84 in a projection window,
    /// under the default minimum of 100): the host is told to trust windows of 50, as a county with such a feed would be.
    /// </summary>
    public static readonly string[] Settings = ["--Monitoring:Rules:BudgetPace:Defaults:MinimumProjectionClaims=50"];

    private static readonly (string Hospital, decimal Budget, Func<DateOnly, decimal> Factor)[] Hospitals =
    [
        ("H53092200001", 180_000_000m, d => d.Month >= 8 ? 1.5m : 1.09m),
        ("H53092200002", 60_000_000m, _ => 0.95m),
        ("H53092200003", 25_000_000m, _ => 0.9m),
        ("H53092200101", 8_000_000m, _ => 1.0m),
        ("H53092200201", 12_000_000m, d => d.Month >= 7 ? 2.0m : 0.7m),
        ("H53092200202", 9_000_000m, d => d.Month <= 2 ? 1.4m : 0.5m),
    ];

    public static IReadOnlyList<string> Claims(string prefix)
    {
        var claims = new List<string>();
        var n = 0;
        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2026, 8, 31); day = day.AddDays(1))
        {
            for (var slot = 0; slot < 3; slot++)
            {
                foreach (var (hospital, budget, factor) in Hospitals)
                {
                    var paid = decimal.Round(budget * factor(day) / 365 / 3, 2);
                    var settled = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + (slot * 3), n % 60)), TimeSpan.FromHours(8));
                    claims.Add(TestClaims.Settlement($"{prefix}-{n++:D6}", hospital, settled, day.AddDays(-1), paid, decimal.Round(paid * 1.25m, 2)));
                }
            }
        }

        return claims;
    }
}
