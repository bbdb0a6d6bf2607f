using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Access;

namespace Monitoring.Alerts;

/// <summary>
/// What a hospital may read of an alert about itself, the same in every view it is given (<c>GET /api/alerts</c> as JSON
/// and CSV, the alerts of <c>GET /api/cases/{id}</c>, the hub's <c>alert</c> push):
/// <list type="bullet">
/// <item>an official's acknowledgement by role only (医保部门已确认): not the official's subject, not the note; the
/// hospital's own acknowledgement stays as it wrote it;</item>
/// <item>of a split pair across two members of an alliance (医共体成员间分解住院), the other member's stay is "a stay at
/// another member hospital" with its dates: no claim id, hospital, diagnosis, DRG, disposition or money, and the message
/// is worded anew without them (the stored message names the other hospital and both stays' figures).</item>
/// </list>
/// The alert id is kept, because acknowledging and the case refer to it.
/// </summary>
public static class HospitalAlertView
{
    /// <summary>Shown as the acknowledger of an acknowledgement stored before its role was kept.</summary>
    public const string Official = "official";

    private static readonly string[] StayNames = ["first", "second"];

    public static Alert For(Alert alert) => OtherMembersStayReduced(alert with { Acknowledged = AcknowledgementOf(alert.Acknowledged) });

    /// <summary>The acknowledgement as the hospital may read it: its own as is; an official's by role, without the note.</summary>
    public static AlertAcknowledgement? AcknowledgementOf(AlertAcknowledgement? acknowledgement) => acknowledgement switch
    {
        null => null,
        { Role: AccessScope.HospitalRole } own => own,
        { } official => official with { By = official.Role ?? Official, Note = null },
    };

    /// <summary>
    /// The acknowledger in words, for a person: a role in Chinese and English, or the subject when it is a person's name
    /// the reader may see.
    /// </summary>
    public static string Words(string by) => by switch
    {
        AccessScope.Regulator => "医保部门 / insurance office",
        AccessScope.Inspector => "医保稽核 / insurance inspector",
        Official => "医保部门 / insurance office",
        _ => by,
    };

    private static Alert OtherMembersStayReduced(Alert alert)
    {
        if (alert.Kind != AlertKinds.SplitHospitalization || alert.HospitalId is not { } own
            || JsonNode.Parse(alert.EvidenceJson) is not JsonObject evidence)
        {
            return alert;
        }

        var others = StayNames.Where(n => evidence[n] is JsonObject stay && HospitalOf(stay) is { } h && h != own).ToList();
        var ownStay = StayNames.Except(others).Select(n => evidence[n]).OfType<JsonObject>().FirstOrDefault();
        if (others.Count == 0 || ownStay is null)
        {
            return alert;
        }

        var hidden = new HashSet<string>(StringComparer.Ordinal);
        (string From, string To)? otherDates = null;
        foreach (var name in others)
        {
            var stay = (JsonObject)evidence[name]!;
            if (Text(stay, "claimId") is { } claimId)
            {
                hidden.Add(claimId);
            }

            otherDates = (Text(stay, "admissionDate") ?? "?", Text(stay, "dischargeDate") ?? "?");
            evidence[name] = new JsonObject
            {
                ["atAnotherMember"] = true,
                ["admissionDate"] = Text(stay, "admissionDate"),
                ["dischargeDate"] = Text(stay, "dischargeDate"),
            };
        }

        // The norm is the other stay's DRG, the aggravations and the likeness of the two are read off its diagnosis,
        // disposition and cost: all of them are the other hospital's.
        foreach (var derived in new[] { "norm", "aggravations", "sameDiagnosisCategory", "sameAdrg" })
        {
            evidence.Remove(derived);
        }

        var (zh, en) = Message(evidence, ownStay, otherDates!.Value);
        return alert with
        {
            MessageZh = zh,
            MessageEn = en,
            ClaimIds = [.. alert.ClaimIds.Where(id => !hidden.Contains(id))],
            DrgCodes = Text(ownStay, "drgCode") is { } drg ? [drg] : [],
            EvidenceJson = evidence.ToJsonString(),
        };
    }

    private static (string Zh, string En) Message(JsonObject evidence, JsonObject ownStay, (string From, string To) other)
    {
        var interval = evidence["intervalDays"]?.GetValue<int>() is { } days ? days.ToString(CultureInfo.InvariantCulture) : "?";
        var admitted = Text(ownStay, "admissionDate") ?? "?";
        var diagnosis = Text(ownStay, "principalDiagnosis") ?? "?";
        var paid = ownStay["fundPaid"] is JsonValue value && value.TryGetValue<decimal>(out var yuan)
            ? Math.Round(yuan, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture)
            : "?";
        return (
            $"疑似分解住院：患者在本医共体另一成员医院住院（{other.From} 至 {other.To}），出院后 {interval} 天入住本院（{admitted}，{diagnosis}），"
            + $"本院此次结算统筹支付 {paid} 元，请核查病历。",
            $"Suspected split hospitalization: the patient stayed at another member hospital of the alliance ({other.From} to {other.To}) "
            + $"and was admitted here {interval} days after that discharge, on {admitted} ({diagnosis}); fund paid ¥{paid} for this stay; "
            + "check the medical records.");
    }

    private static string? HospitalOf(JsonObject stay) => Text(stay, "hospitalId");

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
