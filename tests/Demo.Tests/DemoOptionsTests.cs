using System.ComponentModel.DataAnnotations;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

public sealed class DemoOptionsTests
{
    private static List<ValidationResult> Validate(DemoOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(Validate(new DemoOptions()));
    }

    [Fact]
    public void Negative_and_zero_settings_are_refused()
    {
        var refused = Validate(new DemoOptions { YearMinutes = -1, ClaimsPerYear = 0, BatchInterval = TimeSpan.FromSeconds(-1), FundYear = 0 });

        Assert.Equal(
            [nameof(DemoOptions.BatchInterval), nameof(DemoOptions.ClaimsPerYear), nameof(DemoOptions.FundYear), nameof(DemoOptions.YearMinutes)],
            refused.SelectMany(r => r.MemberNames).Order());
    }
}
