namespace Monitoring.Readmission;

/// <summary>A hospital's readmission rate with its level (一级/二级/三级), for comparison with its peers.</summary>
public sealed record HospitalRate(string HospitalId, int Level, ReadmissionRate Rate);
