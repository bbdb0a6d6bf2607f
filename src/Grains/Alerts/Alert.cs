namespace Monitoring.Alerts;

/// <summary>
/// One alert as the system stores and publishes it (<c>alert.schema.json</c>), plus the transition it records.
/// <see cref="AlertId"/> is derived from what the alert is about, so re-evaluating the same claims after a crash
/// produces the same id and the store keeps it once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Alert
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required AlertSeverity Severity { get; init; }
    [Id(3)] public required AlertTransition Transition { get; init; }

    /// <summary><c>county</c>, <c>alliance</c>, <c>hospital</c>, <c>doctor</c> or <c>patient</c>.</summary>
    [Id(4)] public required string SubjectLevel { get; init; }

    [Id(5)] public required string SubjectId { get; init; }
    [Id(6)] public required string CountyId { get; init; }

    /// <summary>The hospital the alert concerns, for scope: a hospital sees alerts with its own id here only.</summary>
    [Id(7)] public string? HospitalId { get; init; }

    /// <summary>Wall-clock time it was raised.</summary>
    [Id(8)] public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The settlement (budget) time the finding is about.</summary>
    [Id(9)] public required DateTimeOffset AsOf { get; init; }

    [Id(10)] public required string MessageZh { get; init; }
    [Id(11)] public required string MessageEn { get; init; }
    [Id(12)] public string[] ClaimIds { get; init; } = [];
    [Id(13)] public string[] DrgCodes { get; init; } = [];

    /// <summary>The figures behind the finding, as a JSON object (the schema leaves its shape to the kind).</summary>
    [Id(14)] public required string EvidenceJson { get; init; }

    [Id(15)] public string? CaseId { get; init; }

    /// <summary>The alliance the subject belongs to, if any: lets an alliance-level view filter without the registry.</summary>
    [Id(16)] public string? AllianceId { get; init; }

    /// <summary>The region of <see cref="CountyId"/>, so that the push needs no registry lookup to route it.</summary>
    [Id(17)] public string? RegionId { get; init; }

    /// <summary>Where the alert stands when read (<see cref="AlertStatus"/>); stored beside the alert, not in it.</summary>
    [Id(18)] public string Status { get; init; } = AlertStatus.Open;

    /// <summary>Why the status last changed, e.g. the reversal that withdrew it.</summary>
    [Id(19)] public string? StatusReason { get; init; }

    /// <summary>Who acknowledged it, when and why; stored beside the alert, not in it.</summary>
    [Id(20)] public AlertAcknowledgement? Acknowledged { get; init; }

    /// <summary>
    /// The order the store keeps it in (higher is newer; 0 before it is stored): what a page cursor points at, so a
    /// page boundary stays put while newer alerts arrive.
    /// </summary>
    [Id(21)] public long Sequence { get; init; }

    /// <summary>
    /// How many times the stored alert has changed (1 when stored; each status, acknowledgement or case set adds one):
    /// what the delivery compares with what it last pushed, so a change that was stored but not pushed before a crash
    /// is pushed by whichever silo sweeps next.
    /// </summary>
    [Id(22)] public long Revision { get; init; }

    /// <summary>The rule of the library that raised the alert (<c>alert.schema.json</c> § ruleId).</summary>
    [Id(30)] public string? RuleId { get; init; }

    /// <summary>The version of that rule in force for the alert's settlement day; null where the detector does not read the library yet.</summary>
    [Id(31)] public int? RuleVersion { get; init; }
}
