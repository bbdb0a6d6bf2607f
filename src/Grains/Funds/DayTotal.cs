namespace Monitoring.Funds;

/// <summary>Fund paid on one settlement day (key yyyyMMdd).</summary>
[GenerateSerializer, Immutable]
public sealed record DayTotal([property: Id(0)] int Day, [property: Id(1)] decimal FundPaid);
