using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Registry;

/// <summary>
/// What a hospital reads of the registry: its own entry whole (its budget included), and its county and alliance by
/// id, name, type and monthly profile, without their annual budgets. A hospital may not read the county's or the
/// alliance's fund (<c>/api/funds</c> answers 403), so the registry does not hand it their budgets either; the
/// monthly profile stays, because the hospital's own expected spend follows its county's calendar.
/// </summary>
public static class HospitalRegistryView
{
    public static JsonObject Of(RegistryDocument filtered)
    {
        var view = JsonSerializer.SerializeToNode(filtered)!.AsObject();
        foreach (var county in view["regions"]!.AsArray().SelectMany(r => r!["counties"]!.AsArray()))
        {
            county!.AsObject().Remove("annualBudget");
            foreach (var alliance in county["alliances"]!.AsArray())
            {
                alliance!.AsObject().Remove("annualBudget");
            }
        }

        return view;
    }
}
