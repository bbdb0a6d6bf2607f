using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Testing;

namespace Monitoring.Grains.Tests.Claims;

public sealed class ClaimValidatorTests
{
    private static readonly HashSet<string> Registered = ["H53092200001", "H53092200002"];

    private static ClaimVerdict Validate(string json) =>
        ClaimValidator.Validate(JsonDocument.Parse(json).RootElement, Registered.Contains);

    public static TheoryData<string, string> InvalidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in JsonDocument.Parse(ContractFiles.Read("examples/invalid-claims.json")).RootElement.EnumerateArray())
        {
            data.Add(example.GetProperty("why").GetString()!, example.GetProperty("event").GetRawText());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Contract_invalid_examples_are_refused_with_their_own_reason(string why, string json)
    {
        var verdict = Validate(json);
        if (why == "reversal of a claim never settled")
        {
            // Well-formed on its own; the ledger refuses it (LedgerAdmissionTests) because the target does not exist.
            Assert.True(verdict.IsValid);
            return;
        }

        Assert.False(verdict.IsValid);
        var expected = why switch
        {
            "fundPaid above totalCost" => "fundPaid 1500 is above totalCost 1000",
            "discharge before admission" => "dischargeDate 2026-02-20 is before admissionDate 2026-02-25",
            "hospital not in the registry" => "hospitalId H99999999999 is not in the registry",
            "negative amount" => "totalCost -5 is negative",
            "malformed DRG code" => "drgCode \"G-15\" is malformed",
            "missing claimId" => "claimId is required",
            "settledAt not a date-time" => "settledAt \"yesterday\" is not an ISO 8601 date-time",
            "malformed insuredCountyId" => "insuredCountyId \"5309\" is malformed: expected a 6-digit county code",
            _ => throw new InvalidOperationException($"new invalid example \"{why}\": add its expected reason"),
        };
        Assert.Contains(verdict.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_valid_examples_pass()
    {
        foreach (var claim in JsonDocument.Parse(ContractFiles.Read("examples/claims.json")).RootElement.EnumerateArray())
        {
            var verdict = ClaimValidator.Validate(claim, Registered.Contains);
            Assert.True(verdict.IsValid, string.Join("; ", verdict.Errors));
        }
    }

    [Fact]
    public void Settlement_fields_are_read_into_the_claim()
    {
        var verdict = Validate("""
            {"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00+08:00","patientId":"P-1","hospitalId":"H53092200001",
             "admissionDate":"2026-02-22","dischargeDate":"2026-02-28","drgCode":"ES23","drgWeight":0.92,"totalCost":7860.50,"fundPaid":5502.35,
             "secondaryDiagnoses":["I10.X00"],"unknownExtra":1}
            """);
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Errors));
        var claim = verdict.Claim!;
        Assert.Equal(5502.35m, claim.FundPaid);
        Assert.Equal(new DateOnly(2026, 2, 28), claim.DischargeDate);
        Assert.Equal(["I10.X00"], claim.SecondaryDiagnoses);
        Assert.Equal(TimeSpan.FromHours(8), claim.SettledAt.Offset);
    }

    [Fact]
    public void Settlement_without_fund_paid_is_refused()
    {
        var verdict = Validate("""{"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00+08:00","patientId":"P-1","hospitalId":"H53092200001"}""");
        Assert.Contains(verdict.Errors, e => e.StartsWith("fundPaid is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("recovery/case-1/1")]
    [InlineData("RECOVERY/case-1/1")]
    public void Claim_id_in_the_recovery_bookings_space_is_refused(string claimId)
    {
        var verdict = Validate($$"""{"claimId":"{{claimId}}","kind":"settlement","settledAt":"2026-03-01T10:15:00+08:00","patientId":"P-1","hospitalId":"H53092200001","fundPaid":1}""");
        Assert.Contains(verdict.Errors, e => e.StartsWith("claimId may not begin with 'recovery/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Settled_at_without_offset_is_refused()
    {
        var verdict = Validate("""{"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00","patientId":"P-1","hospitalId":"H53092200001","fundPaid":1}""");
        Assert.Contains(verdict.Errors, e => e.StartsWith("settledAt \"2026-03-01T10:15:00\" is not an ISO 8601 date-time with offset", StringComparison.Ordinal));
    }

    [Fact]
    public void Amount_with_fractions_of_a_fen_is_refused()
    {
        var verdict = Validate("""{"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00Z","patientId":"P-1","hospitalId":"H53092200001","fundPaid":10.005}""");
        Assert.Contains(verdict.Errors, e => e.StartsWith("fundPaid 10.005 has more than 2 decimal places", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_an_event_is_reported()
    {
        var verdict = Validate("""{"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00Z","hospitalId":"X1","fundPaid":"12"}""");
        Assert.Equal(3, verdict.Errors.Count);
        Assert.Contains(verdict.Errors, e => e.StartsWith("patientId is required", StringComparison.Ordinal));
        Assert.Contains(verdict.Errors, e => e.StartsWith("hospitalId \"X1\" is malformed", StringComparison.Ordinal));
        Assert.Contains(verdict.Errors, e => e.StartsWith("fundPaid must be a number, not a string", StringComparison.Ordinal));
    }

    [Fact]
    public void Reversal_needs_the_claim_it_reverses()
    {
        var verdict = Validate("""{"claimId":"R1","kind":"reversal","settledAt":"2026-03-01T10:15:00+08:00"}""");
        Assert.Contains(verdict.Errors, e => e.StartsWith("reversesClaimId is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_that_is_not_an_object_is_refused()
    {
        var verdict = Validate("[1,2]");
        Assert.Equal(["event must be a JSON object, not an array (事件必须是 JSON 对象)"], verdict.Errors);
    }
}
