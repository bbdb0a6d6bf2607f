namespace Monitoring.Readmission;

/// <summary>The order of a patient's stays: by admission, then discharge, then claim id, so ties break the same way everywhere.</summary>
public sealed class StayOrder : IComparer<Stay>
{
    public static StayOrder Instance { get; } = new();

    public int Compare(Stay? x, Stay? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byAdmission = x.Admission.CompareTo(y.Admission);
        if (byAdmission != 0)
        {
            return byAdmission;
        }

        var byDischarge = x.Discharge.CompareTo(y.Discharge);
        return byDischarge != 0 ? byDischarge : string.CompareOrdinal(x.ClaimId, y.ClaimId);
    }
}
