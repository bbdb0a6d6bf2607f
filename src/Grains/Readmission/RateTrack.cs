namespace Monitoring.Readmission;

/// <summary>
/// Where one hospital's readmission-rate test stands after the days judged so far (<see cref="ReadmissionRateTest"/>):
/// the evidence that its pairs run above what its discharges lead one to expect, the run that evidence rests on, and,
/// while an alert stands, the evidence that it is back to what is expected.
/// </summary>
/// <param name="Statistic">the Poisson CUSUM for "pairs at the shift ratio times expected"; 0 when nothing points to it</param>
/// <param name="Onset">the first day of the current run above zero: the estimate of when the excess began</param>
/// <param name="RunPairs">suspect pairs counted since the onset</param>
/// <param name="RunExpected">pairs the reference rate expected from the hospital's discharges since the onset</param>
/// <param name="RunDischarges">discharges since the onset</param>
/// <param name="ClearStatistic">while raised, the CUSUM for "back to expected" against "still at the shift"</param>
/// <param name="Raised">a rate alert stands</param>
/// <param name="JudgedThrough">the last day judged; days are judged in order, each once</param>
/// <param name="RaisedAlertId">the standing alert's id, so that its clearing can resolve it</param>
[GenerateSerializer, Immutable]
public sealed record RateTrack(
    [property: Id(0)] double Statistic,
    [property: Id(1)] DateOnly? Onset,
    [property: Id(2)] long RunPairs,
    [property: Id(3)] double RunExpected,
    [property: Id(4)] long RunDischarges,
    [property: Id(5)] double ClearStatistic,
    [property: Id(6)] bool Raised,
    [property: Id(7)] DateOnly? JudgedThrough,
    [property: Id(8)] string? RaisedAlertId)
{
    // A fresh instance each time: a stored grain state whose default was a shared instance was seen to be filled in
    // place on activation (see LowThresholdState).
    public static RateTrack Quiet => new(0, null, 0, 0, 0, 0, false, null, null);

    /// <summary>Pairs observed over pairs expected in the run; 1 when nothing is expected or seen.</summary>
    public double RunRatio => RunExpected > 0 ? RunPairs / RunExpected : RunPairs == 0 ? 1 : double.PositiveInfinity;
}
