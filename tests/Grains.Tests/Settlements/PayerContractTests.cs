using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Settlements;

/// <summary>The payer (参保地) on its way in: read from the claim, carried onto the movement and onto a reversal's; per-head fields in the registry.</summary>
public sealed class PayerContractTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static ClaimVerdict Validate(string insured) => ClaimValidator.Validate(JsonDocument.Parse($$"""
        {"claimId":"S1","kind":"settlement","settledAt":"2026-03-01T10:15:00+08:00","patientId":"P-1","hospitalId":"H53092200001",
         "fundPaid":100{{insured}}}
        """).RootElement, _ => true);

    [Fact]
    public void Well_formed_county_outside_the_registry_is_accepted_as_insured_elsewhere()
    {
        var verdict = Validate(""","insuredCountyId":"110101" """);

        Assert.True(verdict.IsValid, string.Join("; ", verdict.Errors));
        Assert.Equal("110101", verdict.Claim!.InsuredCountyId);
    }

    [Fact]
    public void Claim_without_a_payer_reads_as_before()
    {
        Assert.Null(Validate("").Claim!.InsuredCountyId);
    }

    [Theory]
    [InlineData("\"53092\"")]
    [InlineData("530922")]
    [InlineData("\"\"")]
    public void Malformed_payer_is_refused_naming_the_field(string value)
    {
        var verdict = Validate($",\"insuredCountyId\":{value}");

        Assert.StartsWith("insuredCountyId", Assert.Single(verdict.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Reversal_carries_the_payer_of_the_settlement_it_cancels()
    {
        var settlement = new ClaimSubmission(0, new ClaimEvent
        {
            ClaimId = "A", Kind = ClaimKind.Settlement, SettledAt = March, HospitalId = "H1", PatientId = "P", FundPaid = 10, InsuredCountyId = "530923",
        }, [1], "{}");
        var reversal = new ClaimSubmission(1, new ClaimEvent { ClaimId = "R", Kind = ClaimKind.Reversal, SettledAt = March.AddDays(3), ReversesClaimId = "A" }, [2], "{}");

        var admission = LedgerAdmission.Admit([settlement, reversal], new Dictionary<string, KnownClaim>(), _ => 0);

        Assert.Equal(["530923", "530923"], admission.Appends.Select(a => a.Movement.InsuredCountyId));
    }

    [Fact]
    public void Per_head_package_needs_a_tight_alliance_a_population_and_one_per_county()
    {
        var parsed = RegistryParser.Parse("""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"r","counties":[{"countyId":"530922","name":"c","annualBudget":1,
              "insuredPopulation":0,
              "alliances":[{"allianceId":"A","name":"a","type":"loose","annualBudget":1,"perCapitaPackage":-5},
                           {"allianceId":"B","name":"b","type":"tight","annualBudget":1,"perCapitaPackage":5,"leadHospitalId":"H53092200009"}],
              "hospitals":[{"hospitalId":"H53092200001","name":"h","level":1,"allianceId":"B"}]}]}]}
            """);

        Assert.Null(parsed.Document);
        string[] expected =
        [
            "regions[0].counties[0].insuredPopulation 0 must be a positive count",
            "regions[0].counties[0].alliances[0].perCapitaPackage -5 is negative",
            "regions[0].counties[0].alliances[0].perCapitaPackage: only a tight alliance is paid per head",
            "regions[0].counties[0].alliances[1].perCapitaPackage: county 530922 already has an alliance paid per head",
            "regions[0].counties[0].alliances[1].leadHospitalId \"H53092200009\" is not a member hospital of alliance B",
        ];
        Assert.All(expected, e => Assert.Contains(parsed.Errors, error => error.StartsWith(e, StringComparison.Ordinal)));
    }

    [Fact]
    public void Registry_without_populations_serialises_as_before()
    {
        var document = RegistryParser.Parse("""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"r","counties":[{"countyId":"530922","name":"c","annualBudget":1,
              "alliances":[{"allianceId":"A","name":"a","type":"tight","annualBudget":1}],"hospitals":[]}]}]}
            """).Document!;

        var json = JsonSerializer.Serialize(document);

        Assert.DoesNotContain("insuredPopulation", json, StringComparison.Ordinal);
        Assert.DoesNotContain("perCapitaPackage", json, StringComparison.Ordinal);
    }
}
