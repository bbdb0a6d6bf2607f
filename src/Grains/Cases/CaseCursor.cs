using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitoring.Cases;

/// <summary>
/// Where a page of the case list ended: the last case's sort values and id, so the next page starts after it however
/// many cases were opened meanwhile. Opaque to clients (base64url text).
/// </summary>
public sealed record CaseCursor(decimal AmountAtStake, DateTimeOffset OpenedAt, string CaseId, int Risk = 0)
{
    public static CaseCursor After(InspectionCase last) => new(last.AmountAtStake, last.OpenedAt, last.CaseId, CaseEvidence.RiskOf(last.Severity));

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{AmountAtStake}|{OpenedAt.UtcTicks}|{CaseId}|{Risk}")));

    public static CaseCursor? Decode(string text)
    {
        try
        {
            // The case id may not hold '|'; a cursor of before the risk order has three parts.
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            var risk = 0;
            return parts.Length is 3 or 4
                && (parts.Length == 3 || int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out risk))
                && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && parts[2].Length > 0
                    ? new CaseCursor(amount, new DateTimeOffset(ticks, TimeSpan.Zero), parts[2], risk)
                    : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="c"/> comes after this cursor in <paramref name="sort"/> order.</summary>
    public bool Precedes(InspectionCase c, CaseSort sort) => sort switch
    {
        CaseSort.Amount => c.AmountAtStake < AmountAtStake || (c.AmountAtStake == AmountAtStake && string.CompareOrdinal(c.CaseId, CaseId) > 0),
        CaseSort.Age => c.OpenedAt > OpenedAt || (c.OpenedAt == OpenedAt && string.CompareOrdinal(c.CaseId, CaseId) > 0),
        CaseSort.Risk => CaseEvidence.RiskOf(c.Severity) is var r && (r < Risk || (r == Risk && (c.AmountAtStake < AmountAtStake
            || (c.AmountAtStake == AmountAtStake && string.CompareOrdinal(c.CaseId, CaseId) > 0)))),
        _ => c.OpenedAt < OpenedAt || (c.OpenedAt == OpenedAt && string.CompareOrdinal(c.CaseId, CaseId) < 0),
    };
}
