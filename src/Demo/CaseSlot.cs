namespace Monitoring.Demo;

/// <summary>
/// One planned case: when it is settled (China local ticks), where, and what it costs before scaling; and, for a stay
/// planted as part of a split-hospitalization pattern or its look-alike, who and when it is; and whether it is settled
/// without a DRG (未入组, <see cref="UpcodingPlanting"/>), and whether <see cref="LowThresholdPlanting"/> recast it
/// as a short, cheap stay, so that later plantings leave it alone.
/// </summary>
internal readonly record struct CaseSlot(
    long Ticks, int Order, int Hospital, int Adrg, int Severity, int Stay, bool Employee, decimal NaturalCost, decimal FundShare,
    PlantedStay? Planted = null, bool Ungrouped = false, bool ShortAndCheap = false);
