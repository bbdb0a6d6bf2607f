namespace Monitoring.Claims;

/// <summary>
/// Which settlement times an outside feed may send: inside the fund year the registry in force budgets (read on
/// the China clock, as budget time is), and not further ahead of the agency's clock than <see cref="MaxAhead"/>.
/// Budget time is settlement time, so a single claim dated next year, or weeks ahead, would otherwise move every
/// account it touches to that date: its pace judged against a year that has not happened, alerts skipped or
/// spuriously cleared. A claim proves that its own settlement happened, never that the calendar moved; so one that
/// lies outside the window is refused with the reason, and a feed can correct and resend it.
/// </summary>
/// <param name="FundYear">The calendar year the registry in force budgets.</param>
/// <param name="AgencyNow">The agency's clock: now, for a live feed; the simulated now, for the demo's replay.</param>
/// <param name="MaxAhead">How far ahead of that clock a settlement may be dated (clock skew between systems).</param>
public sealed record SettlementWindow(int FundYear, DateTimeOffset AgencyNow, TimeSpan MaxAhead)
{
    /// <summary>Why this settlement time is outside the window, or null when it is inside.</summary>
    public string? Refusal(string field, DateTimeOffset settledAt)
    {
        // Compared in ticks first: 9999-12-31T23:00Z has no China-clock date, and converting it would throw.
        var chinaTicks = settledAt.UtcTicks + BudgetClock.ChinaOffset.Ticks;
        var year = chinaTicks >= DateTime.MaxValue.Ticks ? 10_000 : new DateTime(chinaTicks).Year;
        if (year != FundYear)
        {
            return $"{field} {settledAt:yyyy-MM-dd'T'HH:mm:ssK} is in budget year {(year > 9999 ? "10000" : year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))}, outside fund year {FundYear} of the registry in force; a claim counts against the budget of its own year (结算时间不在当前基金年度 {FundYear} 内)";
        }

        var ahead = settledAt - AgencyNow;
        if (ahead > MaxAhead)
        {
            return $"{field} {settledAt:yyyy-MM-dd'T'HH:mm:ssK} is {FormatAhead(ahead)} ahead of the agency's clock ({AgencyNow.ToOffset(BudgetClock.ChinaOffset):yyyy-MM-dd'T'HH:mm:ssK}); at most {FormatAhead(MaxAhead)} is allowed for clock skew (结算时间晚于当前时间)";
        }

        return null;
    }

    private static string FormatAhead(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.#} days" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0.#} minutes";
}
