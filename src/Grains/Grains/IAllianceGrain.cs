using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>A county medical alliance (医共体), keyed by allianceId.</summary>
public interface IAllianceGrain : IFundAccountGrain
{
    Task AbsorbAsync(FundDelta delta);
}
