namespace Monitoring.Claims;

/// <summary>The result of judging one event alone: the claim, or the reasons it is refused.</summary>
public sealed record ClaimVerdict(ClaimEvent? Claim, IReadOnlyList<string> Errors)
{
    public bool IsValid => Claim is not null && Errors.Count == 0;

    public static ClaimVerdict Valid(ClaimEvent claim) => new(claim, []);

    public static ClaimVerdict Invalid(IReadOnlyList<string> errors) => new(null, errors);
}
