using Monitoring.Readmission;

namespace Monitoring.Benchmarks;

/// <summary>
/// Resident memory of the split-hospitalization window per patient held: fills one <see cref="StayWindow"/> with
/// realistic ids (1–2 stays a patient) and reads the managed heap before and after, after full collections.
/// </summary>
public static class ReadmissionMemoryBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var patients = BenchmarkArgs.Int(args, "--patients", 500_000);
        var perPatient = StayWindowFootprint.Measure(patients);
        Console.WriteLine($"readmission window: {patients:N0} patients held");
        Console.WriteLine($"bytes per patient : {perPatient,10:N0} (target <= 1,024)");
        return Task.FromResult(0);
    }
}
