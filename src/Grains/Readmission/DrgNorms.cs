namespace Monitoring.Readmission;

/// <summary>
/// Running per-DRG means of the stays a window holds: a stay is added when settled and taken out when reversed, so
/// the norm a pair is judged against is the one its place had at that moment, with no catalogue to keep in step.
/// </summary>
public sealed class DrgNorms
{
    private readonly Dictionary<string, Sums> _byDrg = new(StringComparer.Ordinal);

    public int Count => _byDrg.Count;

    public DrgNorm? For(string? drgCode) =>
        drgCode is not null && _byDrg.TryGetValue(drgCode, out var sums) && sums.Cases > 0
            ? new DrgNorm(sums.Cases, (double)sums.Days / sums.Cases, decimal.Round(sums.Cost / sums.Cases, 2))
            : null;

    public void Add(Stay stay) => Change(stay, +1);

    public void Remove(Stay stay) => Change(stay, -1);

    private void Change(Stay stay, int sign)
    {
        if (stay.DrgCode is not { } drg)
        {
            return;
        }

        _byDrg.TryGetValue(drg, out var sums);
        sums = new Sums(sums.Cases + sign, sums.Days + (sign * stay.LengthOfStay), sums.Cost + (sign * stay.TotalCost));
        if (sums.Cases <= 0)
        {
            _byDrg.Remove(drg);
        }
        else
        {
            _byDrg[drg] = sums;
        }
    }

    private readonly record struct Sums(int Cases, long Days, decimal Cost);
}
