using Monitoring.Registry;
using Monitoring.Testing;

namespace Monitoring.Grains.Tests.Registry;

public sealed class RegistryParserTests
{
    [Fact]
    public void Contract_example_registry_is_accepted_and_indexed()
    {
        var parsed = RegistryParser.Parse(ContractFiles.Read("examples/registry.json"));
        Assert.Empty(parsed.Errors);
        var registry = FundRegistry.From(parsed.Document!, 1);
        Assert.Equal(new HospitalPlacement("H53092200001", "530922", "530900", "YX-TIGHT"), registry.PlacementOf("H53092200001"));
        Assert.Null(registry.PlacementOf("H53092200201")!.AllianceId);
        Assert.Equal(4, registry.HospitalsOfAlliance("YX-TIGHT").Count());
        Assert.Equal(6, registry.HospitalsOfCounty("530922").Count());
    }

    [Fact]
    public void Every_problem_is_listed_with_its_path()
    {
        var parsed = RegistryParser.Parse("""
            {"fundYear":2026,"regions":[{"regionId":"5309","name":"r","counties":[{"countyId":"530922","name":"c","annualBudget":-1,
              "monthlyProfile":[0.5,0.5,0.5,0,0,0,0,0,0,0,0,0],
              "alliances":[{"allianceId":"A","name":"a","type":"medium","annualBudget":1}],
              "hospitals":[{"hospitalId":"H53092200001","name":"h","level":4,"allianceId":"B","annualBudget":1},
                           {"hospitalId":"H53092200001","name":"h2","level":1,"allianceId":null,"annualBudget":null}]}]}]}
            """);
        Assert.Null(parsed.Document);
        string[] expected =
        [
            "regions[0].regionId \"5309\" must be a 6-digit division code",
            "regions[0].counties[0].annualBudget -1 is negative",
            "regions[0].counties[0].monthlyProfile sums to 1.5",
            "regions[0].counties[0].alliances[0].type \"medium\" must be tight or loose",
            "regions[0].counties[0].hospitals[0].level 4 must be 1, 2 or 3",
            "regions[0].counties[0].hospitals[0].allianceId \"B\" is not an alliance of county 530922",
            "regions[0].counties[0].hospitals[1]: hospital H53092200001 appears more than once",
        ];
        foreach (var error in expected)
        {
            Assert.Contains(parsed.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, parsed.Errors.Count);
    }

    [Fact]
    public void Missing_required_field_is_refused()
    {
        var parsed = RegistryParser.Parse("""{"regions":[]}""");
        Assert.Null(parsed.Document);
        Assert.Contains("fundYear", Assert.Single(parsed.Errors));
    }

    [Fact]
    public void Not_json_is_refused()
    {
        Assert.Null(RegistryParser.Parse("budget: lots").Document);
    }

    [Theory]
    [InlineData("\t=HYPERLINK(\"http://example.test\")", "regions[0].counties[0].hospitals[0].name contains a control character (U+0009)")]
    [InlineData("\r云县人民医院", "regions[0].counties[0].hospitals[0].name contains a control character (U+000D)")]
    [InlineData("云县\u0000医院", "regions[0].counties[0].hospitals[0].name contains a control character (U+0000)")]
    [InlineData(" ＝1+1", "regions[0].counties[0].hospitals[0].name starts with whitespace")]
    public void A_name_with_a_control_character_or_leading_whitespace_is_refused_with_its_path(string name, string error)
    {
        var json = ContractFiles.Read("examples/registry.json").Replace("\"云县人民医院\"", System.Text.Json.JsonSerializer.Serialize(name), StringComparison.Ordinal);

        var parsed = RegistryParser.Parse(json);

        Assert.Null(parsed.Document);
        Assert.Contains(parsed.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }
}
