using System.Security.Claims;
using Monitoring.Dashboard.Security;

namespace Monitoring.Dashboard.Tests.Security;

public sealed class TokenShapeTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void One_role_with_a_matching_scope_is_well_formed()
    {
        Assert.Null(TokenShape.Problem(Principal(("role", "hospital"), ("scope", "hospital:H53092200001"))));
        Assert.Null(TokenShape.Problem(Principal(("role", "admin"))));
    }

    [Fact]
    public void Two_roles_are_refused()
    {
        Assert.Equal("the token carries 2 roles; exactly one is allowed",
            TokenShape.Problem(Principal(("role", "hospital"), ("role", "admin"), ("scope", "hospital:H53092200001"))));
    }

    [Fact]
    public void Unknown_role_or_mismatched_scope_is_refused()
    {
        Assert.StartsWith("the token's role and scope do not parse", TokenShape.Problem(Principal(("role", "auditor"))));
        Assert.StartsWith("the token's role and scope do not parse", TokenShape.Problem(Principal(("role", "hospital"), ("scope", "county:530922"))));
        Assert.Equal("the token carries 0 roles; exactly one is allowed", TokenShape.Problem(Principal(("scope", "county:530922"))));
    }
}
