using System.Text.Json;

namespace Monitoring.Claims;

/// <summary>
/// Amounts are yuan with at most two decimals (whole 分/fen). Judged on the number as written, because a decimal
/// read of <c>1e-30</c> silently becomes a zero with 28 decimal places that later prints as such.
/// </summary>
public static class FenAmount
{
    /// <summary>How many decimal places the written number needs (trailing zeros don't count): 1e-30 needs 30, 12.50 needs 1.</summary>
    public static int DecimalPlaces(JsonElement number)
    {
        var text = number.GetRawText();
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = 0L;
        if (exponentAt >= 0 && !long.TryParse(text.AsSpan(exponentAt + 1), out exponent))
        {
            return int.MaxValue; // an exponent beyond long is nothing an amount can be
        }

        var point = mantissa.IndexOf('.');
        var integer = (point < 0 ? mantissa : mantissa[..point]).TrimStart('-');
        var fraction = point < 0 ? "" : mantissa[(point + 1)..].TrimEnd('0');
        if (integer.TrimStart('0').Length == 0 && fraction.Length == 0)
        {
            return 0; // zero is zero however it is written
        }

        if (exponent is < -1000 or > 1000)
        {
            return exponent < 0 ? int.MaxValue : 0; // far beyond any amount; the range check refuses the large ones
        }

        // Trailing zeros of the integer part absorb a negative exponent when there is no fraction: 1500e-2 is 15.
        var places = fraction.Length > 0
            ? fraction.Length - exponent
            : -exponent - (integer.Length - integer.TrimEnd('0').Length);
        return (int)Math.Clamp(places, 0, int.MaxValue);
    }
}
