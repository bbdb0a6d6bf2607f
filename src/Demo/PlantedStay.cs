namespace Monitoring.Demo;

/// <summary>
/// What planting fixed of a stay that a background case draws by chance: the patient, the dates, the principal
/// diagnosis, how the patient left, and whether the settlement is later reversed.
/// </summary>
/// <param name="Episode">the planted pattern it belongs to (<see cref="PlantedEpisode.Id"/>)</param>
/// <param name="Position">its place in the patient's stays of that pattern, in admission order</param>
internal sealed record PlantedStay(
    int Episode,
    int Position,
    string PatientId,
    DateOnly Admission,
    DateOnly Discharge,
    string PrincipalDiagnosis,
    string Disposition,
    PlannedReversal Reversal = PlannedReversal.None);
