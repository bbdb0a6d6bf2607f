namespace Monitoring.Cases;

/// <summary>
/// 稽核案件: an inspection case. It rests on alerts and the claims behind them, is about one hospital (定点医疗机构) in
/// one county, one kind of finding and one period (a split-hospitalization case per hospital and settlement month; a
/// pattern finding's case per hospital and kind while undecided), lists each pair or example as a line item
/// (<see cref="Items"/>), puts an amount at stake (what the findings added, <see cref="CaseStake"/>), and is worked to a decision by an inspector,
/// answered by the hospital, and possibly appealed once. <see cref="History"/> only grows; <see cref="Version"/> counts
/// the changes stored, so two people acting at once cannot both win.
/// </summary>
public sealed record InspectionCase
{
    public required string CaseId { get; init; }

    /// <summary>The kind of the finding it was opened on (an alert kind, e.g. <c>split-hospitalization</c>).</summary>
    public required string Kind { get; init; }

    public required string Severity { get; init; }
    public required string CountyId { get; init; }
    public string? RegionId { get; init; }
    public string? AllianceId { get; init; }
    public required string HospitalId { get; init; }
    public string[] AlertIds { get; init; } = [];
    public string[] ClaimIds { get; init; } = [];

    /// <summary>The settlement month the case covers (<c>yyyy-MM</c>): its grouping period; null on a case stored before grouping.</summary>
    public string? Period { get; init; }

    /// <summary>The pairs or examples the case lists, each with its own amount at stake and disposition.</summary>
    public CaseItem[] Items { get; init; } = [];

    /// <summary>What the standing items added to the fund's pay (<see cref="CaseStake"/>): the ceiling of any recovery.</summary>
    public required decimal AmountAtStake { get; init; }

    /// <summary>The finding in words (the opening alert's message).</summary>
    public required string SummaryZh { get; init; }

    public required string SummaryEn { get; init; }

    public required string Status { get; init; }
    public string? Owner { get; init; }
    /// <summary>When it opened, in settlement time (the finding's own time, or the settlement clock for a person's opening).</summary>
    public required DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }

    /// <summary>When a decision is due (办结期限), in settlement time.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When the hospital's answer is due, while it is asked.</summary>
    public DateTimeOffset? AnswerDueAt { get; init; }

    public CaseDecision? Decision { get; init; }
    public CaseAppeal? Appeal { get; init; }
    public LedgerBooking[] Bookings { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }
    public CaseEntry[] History { get; init; } = [];
    public long Version { get; init; }

    /// <summary>What the fund has got back from the hospital on this case, net of any reversal on appeal.</summary>
    public decimal Recovered => -Bookings.Sum(b => b.FundPaid);

    /// <summary>Past its due date (or the hospital past its answer date) while the work is not done.</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        (CaseStatus.IsUndecided(Status) && now > DueAt)
        || (Status == CaseStatus.AwaitingHospital && AnswerDueAt is { } answerDue && now > answerDue);
}
