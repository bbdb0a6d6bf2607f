namespace Monitoring.Readmission;

/// <summary>
/// A by-hand check of how much memory a window costs per patient held (the target is 1 KB with half a million
/// patients). Run it from a scratch test or a console; it is no unit test because the figure depends on the runtime.
/// </summary>
public static class StayWindowFootprint
{
    /// <summary>Bytes of managed heap per patient for a window of <paramref name="patients"/> patients with one or two stays each.</summary>
    public static double Measure(int patients)
    {
        var random = new Random(20260315);
        string[] hospitals = [.. Enumerable.Range(0, 40).Select(i => $"H530921{i:D5}")];
        string[] diagnoses = [.. Enumerable.Range(0, 2000).Select(i => $"{(char)('A' + (i % 26))}{i % 100:D2}.{i % 1000:D3}")];
        string[] drgs = [.. Enumerable.Range(0, 600).Select(i => $"{(char)('A' + (i % 26))}{(char)('A' + (i / 26 % 26))}{i % 100:D2}")];
        var start = new DateOnly(2026, 1, 1);
        // Everything but the window is made before the first reading, so the difference is the window alone.
        var input = new List<(string PatientId, string ClaimId, string Hospital, DateOnly Admission, int Days, string Diagnosis, string Drg, decimal Cost)>();
        for (var p = 0; p < patients; p++)
        {
            var patientId = $"P-{random.Next():x8}";
            var stays = 1 + random.Next(2);
            for (var s = 0; s < stays; s++)
            {
                var hospital = hospitals[random.Next(hospitals.Length)];
                var admission = start.AddDays(random.Next(60));
                input.Add((patientId, $"S20260315{hospital}{p * 2 + s:D6}", hospital, admission, 1 + random.Next(14),
                    diagnoses[random.Next(diagnoses.Length)], drgs[random.Next(drgs.Length)], Math.Round((decimal)random.NextDouble() * 30_000, 2)));
            }
        }

        var settledAt = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var window = new StayWindow(new ReadmissionThresholds());
        foreach (var (patientId, claimId, hospital, admission, days, diagnosis, drg, cost) in input)
        {
            // Claim ids and patient ids arrive as new strings with every claim, as they would from deserialisation.
            var stay = new Stay(new string(claimId.AsSpan()), new string(hospital.AsSpan()), admission, admission.AddDays(days),
                settledAt, '1', new string(diagnosis.AsSpan()), new string(drg.AsSpan()), cost, decimal.Round(cost * 0.7m, 2), window.Codes);
            window.Settle(new string(patientId.AsSpan()), stay);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(input);
        GC.KeepAlive(window);
        return (double)(after - before) / window.Patients;
    }
}
