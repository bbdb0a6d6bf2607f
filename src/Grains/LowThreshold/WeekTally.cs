namespace Monitoring.LowThreshold;

/// <summary>One settled week of a hospital: its judged stays, the short and cheap among them, per DRG, and which they were.</summary>
public sealed class WeekTally(int week)
{
    public int Week { get; } = week;

    /// <summary>Stays judged (their DRG's median was known): the share's denominator.</summary>
    public int Stays { get; private set; }

    /// <summary>Stays found short and cheap: the share's numerator.</summary>
    public int ShortAndCheap { get; private set; }

    /// <summary>Per DRG code: stays judged and short, cheap ones, for the case-mix adjusted comparison with peers.</summary>
    public Dictionary<string, DrgCount> ByDrg { get; } = new(StringComparer.Ordinal);

    public List<ShortCheapExample> Examples { get; } = [];

    public void Count(string drgCode, bool shortAndCheap, int sign)
    {
        Stays += sign;
        ShortAndCheap += shortAndCheap ? sign : 0;
        var count = ByDrg.GetValueOrDefault(drgCode);
        count = new DrgCount(count.Stays + sign, count.ShortAndCheap + (shortAndCheap ? sign : 0));
        if (count.Stays <= 0)
        {
            ByDrg.Remove(drgCode);
        }
        else
        {
            ByDrg[drgCode] = count;
        }
    }
}

/// <summary>Stays of one DRG and how many of them were short and cheap.</summary>
[GenerateSerializer, Immutable]
public readonly record struct DrgCount([property: Id(0)] int Stays, [property: Id(1)] int ShortAndCheap);
