using System.Text.Json;
using Monitoring.Claims;

namespace Monitoring.Grains.Tests.Claims;

public sealed class ClaimFingerprintTests
{
    private static byte[] Of(string json) => ClaimFingerprint.Of(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Key_order_whitespace_and_trailing_zeros_do_not_change_the_fingerprint()
    {
        var a = Of("""{"claimId":"S1","fundPaid":1000,"codes":["A","B"]}""");
        var b = Of("""{ "codes" : [ "A", "B" ], "fundPaid" : 1000.00, "claimId" : "S1" }""");
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_changed_amount_changes_the_fingerprint()
    {
        Assert.NotEqual(Of("""{"claimId":"S1","fundPaid":1000}"""), Of("""{"claimId":"S1","fundPaid":1000.01}"""));
    }

    [Fact]
    public void Array_order_is_content()
    {
        Assert.NotEqual(Of("""{"codes":["A","B"]}"""), Of("""{"codes":["B","A"]}"""));
    }
}
