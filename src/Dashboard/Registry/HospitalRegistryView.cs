using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Registry;

/// <summary>
/// What a hospital reads of the registry: its own entry whole (its budget included), and its county and alliance by
/// id, name, type and monthly profile, without their annual budgets. A hospital may not read the county's or the
/// alliance's fund (<c>/api/funds</c> answers 403), so the registry does not hand it their budgets either; the
/// monthly profile stays, because the hospital's own expected spend follows its county's calendar. The package's money
/// (prior year's spend, per-head package) goes with the budgets, and the alliance's lead hospital is named only to the
/// lead itself: another hospital's id is not this hospital's to read.
/// </summary>
public static class HospitalRegistryView
{
    private static readonly string[] FundFigures = ["annualBudget", "priorYearFundSpend", "perCapitaPackage"];

    public static JsonObject Of(RegistryDocument filtered, string hospitalId)
    {
        var view = JsonSerializer.SerializeToNode(filtered)!.AsObject();
        foreach (var county in view["regions"]!.AsArray().SelectMany(r => r!["counties"]!.AsArray()))
        {
            Remove(county!.AsObject());
            foreach (var alliance in county["alliances"]!.AsArray())
            {
                var entry = alliance!.AsObject();
                Remove(entry);
                if (entry["leadHospitalId"]?.GetValue<string>() is { } lead && lead != hospitalId)
                {
                    entry.Remove("leadHospitalId");
                }
            }
        }

        return view;
    }

    private static void Remove(JsonObject entry)
    {
        foreach (var figure in FundFigures)
        {
            entry.Remove(figure);
        }
    }
}
