namespace Monitoring.Cases;

/// <summary>Inspection cases (<c>Monitoring:Cases</c>): which findings open a case by themselves, and the periods of the work.</summary>
public sealed class CasesOptions
{
    public const string Section = "Monitoring:Cases";

    /// <summary>Claim-level findings, each worth a case of its own.</summary>
    public static readonly string[] DefaultAutoOpenKinds = ["split-hospitalization", "upcoding", "low-threshold-admission"];

    /// <summary>Alert kinds that open a case by themselves; unset means <see cref="DefaultAutoOpenKinds"/>.</summary>
    /// <remarks>Null by default because the configuration binder adds to an initialised array instead of replacing it.</remarks>
    public string[]? AutoOpenKinds { get; set; }

    /// <summary>Days from opening to when a decision is due.</summary>
    public int DecisionDays { get; set; } = 30;

    /// <summary>Days a hospital has to answer once asked.</summary>
    public int AnswerDays { get; set; } = 10;

    /// <summary>Days after a decision within which the hospital may appeal (申诉期).</summary>
    public int AppealDays { get; set; } = 15;

    /// <summary>How often each silo looks for decisions whose money is not yet in the ledger.</summary>
    public TimeSpan BookingCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> EffectiveAutoOpenKinds => AutoOpenKinds ?? DefaultAutoOpenKinds;

    public bool IsValid =>
        DecisionDays is > 0 and <= 366 && AnswerDays is > 0 and <= 366 && AppealDays is > 0 and <= 366
        && BookingCheckInterval > TimeSpan.Zero
        && EffectiveAutoOpenKinds.All(k => !string.IsNullOrWhiteSpace(k));

    public CaseRules Rules => new(TimeSpan.FromDays(DecisionDays), TimeSpan.FromDays(AnswerDays), TimeSpan.FromDays(AppealDays));
}

/// <summary>The periods the workflow reads, as plain values for the pure rule.</summary>
public sealed record CaseRules(TimeSpan DecisionPeriod, TimeSpan AnswerPeriod, TimeSpan AppealPeriod)
{
    public static CaseRules Default { get; } = new CasesOptions().Rules;
}
