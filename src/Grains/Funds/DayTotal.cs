namespace Monitoring.Funds;

/// <summary>Fund paid on one settlement day (key yyyyMMdd), and the settlements (not reversals) among its rows.</summary>
[GenerateSerializer, Immutable]
public sealed record DayTotal([property: Id(0)] int Day, [property: Id(1)] decimal FundPaid, [property: Id(2)] int Settlements = 0);
