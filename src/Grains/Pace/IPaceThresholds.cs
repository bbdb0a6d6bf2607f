namespace Monitoring.Pace;

/// <summary>
/// The budget-pace thresholds in force for an account's county on a settlement day. The rule library answers it
/// (a version published from a day judges that day on); the pace rules only ask, so they know nothing of the library.
/// </summary>
public interface IPaceThresholds
{
    PaceThresholds On(string countyId, string regionId, DateOnly day);
}
