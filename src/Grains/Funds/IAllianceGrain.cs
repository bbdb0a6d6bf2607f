namespace Monitoring.Funds;

/// <summary>A county medical alliance (医共体), keyed by allianceId.</summary>
public interface IAllianceGrain : IFundAccountGrain;
