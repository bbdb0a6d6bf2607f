using Monitoring.Dashboard.Security;

namespace Monitoring.Dashboard.Tests.Security;

public sealed class SigningKeysTests
{
    [Fact]
    public void Embedded_mode_without_a_key_uses_the_development_key()
    {
        var key = SigningKeys.Resolve(new AuthOptions(), durable: false);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(SigningKeys.Development), key.Key);
    }

    [Fact]
    public void Durable_mode_refuses_a_missing_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(new AuthOptions(), durable: true));
        Assert.StartsWith("Monitoring:Auth:SigningKey is not set", error.Message);
    }

    [Fact]
    public void Durable_mode_refuses_the_development_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(new AuthOptions { SigningKey = SigningKeys.Development }, durable: true));
        Assert.Contains("public development key", error.Message);
    }

    [Fact]
    public void Short_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(new AuthOptions { SigningKey = "short" }, durable: false));
        Assert.Contains("at least 32", error.Message);
    }
}
