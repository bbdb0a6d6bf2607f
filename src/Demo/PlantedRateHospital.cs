namespace Monitoring.Demo;

/// <summary>
/// A hospital the demo year plants for the readmission-rate test (再入院率): one that from <paramref name="Onset"/> splits
/// deliberately, adding <paramref name="Episodes"/> split episodes at itself until its rate of rule pairs is about
/// <paramref name="Ratio"/> times the background's (<paramref name="Splits"/>), or a small township centre whose
/// ordinary pairs bunch by chance: <paramref name="Episodes"/> episodes within a month from the onset, no splitting.
/// </summary>
/// <param name="Index">its place in the scenario's institutions</param>
/// <param name="Cases">its settlements in the year</param>
public sealed record PlantedRateHospital(
    int Index,
    string HospitalId,
    string Name,
    int Level,
    int Cases,
    DateOnly Onset,
    int Episodes,
    bool Splits,
    double Ratio);
