using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Dashboard.Funds;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// One alert as <c>alert.schema.json</c> has it, for <c>GET /api/alerts</c> and the hub's <c>alert</c> method.
/// <c>transition</c>, <c>allianceId</c>, <c>regionId</c>, <c>statusReason</c> and <c>current</c> (a budget alert's fund as
/// it stands now) are additions the schema allows.
/// </summary>
public sealed record AlertDocument(
    [property: JsonPropertyName("alertId")] string AlertId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("transition")] string Transition,
    [property: JsonPropertyName("subject")] AlertSubjectDocument Subject,
    [property: JsonPropertyName("countyId")] string CountyId,
    [property: JsonPropertyName("allianceId")] string? AllianceId,
    [property: JsonPropertyName("hospitalId")] string? HospitalId,
    [property: JsonPropertyName("raisedAt")] DateTimeOffset RaisedAt,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("message")] BilingualText Message,
    [property: JsonPropertyName("claimIds")] IReadOnlyList<string> ClaimIds,
    [property: JsonPropertyName("drgCodes")] IReadOnlyList<string> DrgCodes,
    [property: JsonPropertyName("evidence")] JsonElement Evidence,
    [property: JsonPropertyName("caseId")] string? CaseId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("statusReason")] string? StatusReason,
    [property: JsonPropertyName("regionId")] string? RegionId,
    [property: JsonPropertyName("acknowledged")] AcknowledgementDocument? Acknowledged = null,
    [property: JsonPropertyName("current")] AlertFundNow? Current = null)
{
    /// <summary>The rule of the library that raised it (absent on alerts stored before the library).</summary>
    [JsonPropertyName("ruleId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RuleId { get; init; }

    /// <summary>The version of that rule in force on the alert's settlement day.</summary>
    [JsonPropertyName("ruleVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RuleVersion { get; init; }

    /// <summary>The alert as this reader may see it: a hospital its own view (<see cref="HospitalAlertView"/>), others as stored.</summary>
    public static AlertDocument For(AccessScope scope, Alert alert, AlertFundNow? current = null) =>
        Of(scope.Role == AccessScope.HospitalRole ? HospitalAlertView.For(alert) : alert, current);

    public static AlertDocument Of(Alert alert, AlertFundNow? current = null) => new(
        alert.AlertId,
        alert.Kind,
        alert.Severity.ToString().ToLowerInvariant(),
        alert.Transition.ToString().ToLowerInvariant(),
        new AlertSubjectDocument(alert.SubjectLevel, alert.SubjectId),
        alert.CountyId,
        alert.AllianceId,
        alert.HospitalId,
        alert.RaisedAt,
        alert.AsOf,
        new BilingualText(alert.MessageZh, alert.MessageEn),
        alert.ClaimIds,
        alert.DrgCodes,
        JsonDocument.Parse(alert.EvidenceJson).RootElement.Clone(),
        alert.CaseId,
        alert.Status,
        alert.StatusReason,
        alert.RegionId,
        alert.Acknowledged is { } ack ? new AcknowledgementDocument(ack.By, ack.At, ack.Note, ack.Role) : null,
        current)
    {
        RuleId = alert.RuleId,
        RuleVersion = alert.RuleVersion,
    };
}

public sealed record AlertSubjectDocument(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("id")] string Id);
