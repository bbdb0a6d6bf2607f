using System.Text;
using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Testing;

namespace Monitoring.Grains.Tests.Claims;

/// <summary>Events at the edges of what the ledger can hold: text, amounts, ids, extra properties, settlement time.</summary>
public sealed class EdgeInputTests
{
    private static readonly HashSet<string> Registered = ["H53092200001"];
    private static readonly DateTimeOffset Settled = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly SettlementWindow March2026 = new(2026, Settled.AddHours(1), TimeSpan.FromDays(1));

    private static string Valid(string id = "e-1") =>
        TestClaims.Settlement(id, "H53092200001", Settled, new DateOnly(2026, 3, 1), 100.00m, 200.00m);

    private static ClaimVerdict Validate(string json, SettlementWindow? window = null) =>
        ClaimValidator.Validate(JsonDocument.Parse(json).RootElement, Registered.Contains, window ?? March2026);

    private static ClaimVerdict Validate(byte[] utf8) =>
        ClaimValidator.Validate(JsonDocument.Parse(utf8).RootElement, Registered.Contains, March2026);

    private static string Errors(ClaimVerdict verdict) => string.Join(" | ", verdict.Errors);

    [Fact]
    public void Valid_event_inside_the_window_is_valid()
    {
        Assert.True(Validate(Valid()).IsValid);
    }

    [Theory]
    [InlineData("{\"remark\":\"a\\u0000b\"}", "$.remark contains a NUL character")]
    [InlineData("{\"a\\u0000\":1}", "a property name under $ contains a NUL character")]
    [InlineData("{\"remark\":\"\\ud83d\"}", "$.remark is not valid text")]
    [InlineData("{\"remark\":\"x\\udc00\"}", "$.remark is not valid text")]
    [InlineData("{\"tags\":[\"ok\",\"\\u0000\"]}", "$.tags[1] contains a NUL character")]
    public void Text_that_cannot_be_stored_is_named_where_it_is(string json, string expected)
    {
        Assert.StartsWith(expected, StorableText.Problem(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Invalid_utf8_bytes_in_a_string_are_refused_not_thrown()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid().Replace("\"P-0001\"", "\"P-a001\""));
        bytes[Array.IndexOf(bytes, (byte)'a', Encoding.UTF8.GetBytes(Valid()).Length / 2)] = 0xC3;
        var verdict = Validate(bytes);

        Assert.False(verdict.IsValid);
        Assert.Contains("invalid UTF-8", Errors(verdict));
    }

    [Fact]
    public void Paired_surrogates_are_text()
    {
        Assert.Null(StorableText.Problem(JsonDocument.Parse("{\"remark\":\"\\ud83d\\ude00 病\"}").RootElement));
    }

    [Theory]
    [InlineData("1e-30", 30)]
    [InlineData("12.50", 1)]
    [InlineData("12.345", 3)]
    [InlineData("1500e-2", 0)]
    [InlineData("1501e-3", 3)]
    [InlineData("0.000", 0)]
    [InlineData("0e-50", 0)]
    [InlineData("1.5E+1", 0)]
    [InlineData("100", 0)]
    public void Decimal_places_are_read_from_the_number_as_written(string number, int places)
    {
        Assert.Equal(places, FenAmount.DecimalPlaces(JsonDocument.Parse(number).RootElement));
    }

    [Theory]
    [InlineData("1e-30")]
    [InlineData("0.001")]
    [InlineData("100.005")]
    public void Amount_finer_than_a_fen_is_refused(string amount)
    {
        var verdict = Validate(Valid().Replace("\"fundPaid\":100.00", $"\"fundPaid\":{amount}"));

        Assert.Contains($"fundPaid {amount} has more than 2 decimal places", Errors(verdict));
    }

    [Theory]
    [InlineData("claimId", "   ", "claimId is blank")]
    [InlineData("claimId", " e-1", "claimId \" e-1\" has leading or trailing whitespace")]
    [InlineData("patientId", "\\t", "patientId is blank")]
    public void Blank_or_padded_ids_are_refused(string field, string value, string expected)
    {
        var json = field == "claimId"
            ? Valid().Replace("\"claimId\":\"e-1\"", $"\"claimId\":\"{value}\"")
            : Valid().Replace("\"patientId\":\"P-0001\"", $"\"patientId\":\"{value}\"");

        Assert.Contains(expected, Errors(Validate(json)));
    }

    [Fact]
    public void Small_extra_properties_are_kept_and_large_ones_refused()
    {
        Assert.True(Validate(Valid().Replace("}", ",\"remark\":\"复查\",\"batchNo\":7}")).IsValid);

        var huge = Validate(Valid().Replace("}", $",\"remark\":\"{new string('x', ClaimValidator.MaxExtraBytes)}\"}}"));
        Assert.Contains("extra properties beyond the contract's fields take", Errors(huge));

        var many = string.Concat(Enumerable.Range(0, ClaimValidator.MaxExtraProperties + 1).Select(i => $",\"x{i}\":1"));
        Assert.Contains($"{ClaimValidator.MaxExtraProperties + 1} extra properties", Errors(Validate(Valid().Replace("}", many + "}"))));
    }

    [Fact]
    public void Overlong_code_in_a_code_list_is_refused()
    {
        var json = Valid().Replace("}", $",\"secondaryDiagnoses\":[\"{new string('J', 33)}\"]}}");

        Assert.Contains("secondaryDiagnoses[0] must be 1 to 32 characters long", Errors(Validate(json)));
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00Z", "budget year 10000")]
    [InlineData("0001-01-02T00:00:00+08:00", "budget year 0001")]
    [InlineData("1900-06-01T00:00:00+08:00", "budget year 1900")]
    [InlineData("2027-01-05T10:00:00+08:00", "budget year 2027")]
    [InlineData("2025-12-31T16:30:00Z", "budget year 2026")] // 00:30 on 1 Jan 2026 in China: inside, but days ahead
    public void Settlement_outside_the_fund_year_or_ahead_of_the_clock_is_refused(string settledAt, string expected)
    {
        var window = new SettlementWindow(2026, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
        var refusal = window.Refusal("settledAt", DateTimeOffset.Parse(settledAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(refusal);
        if (expected == "budget year 2026")
        {
            Assert.Contains("30.7 days ahead of the agency's clock", refusal);
        }
        else
        {
            Assert.Contains(expected + ", outside fund year 2026", refusal);
        }
    }

    [Fact]
    public void Settlement_within_the_skew_allowance_is_inside_the_window()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));
        var window = new SettlementWindow(2026, now, TimeSpan.FromDays(1));

        Assert.Null(window.Refusal("settledAt", now.AddHours(23)));
        Assert.NotNull(window.Refusal("settledAt", now.AddHours(25)));
        Assert.Null(window.Refusal("settledAt", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.NotNull(window.Refusal("settledAt", new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Reading_back_from_the_ledger_ignores_the_window()
    {
        var json = Valid().Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), "2025-06-01T10:00:00+08:00");

        Assert.True(ClaimValidator.Validate(JsonDocument.Parse(json).RootElement, _ => true).IsValid);
        Assert.False(Validate(json).IsValid);
    }
}
