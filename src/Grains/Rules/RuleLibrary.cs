namespace Monitoring.Rules;

/// <summary>
/// 规则库: the rules, their versions and which version is in force for a county on a settlement date. Plain,
/// immutable data: every change returns a new library and the event that records it, so the grain only stores the
/// event and keeps the new library. <see cref="Revision"/> counts the events folded in.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleLibrary
{
    /// <summary>The scope of the seeded defaults: every region, until a region publishes its own.</summary>
    public const string EveryRegion = "region:*";

    [Id(0)] public required RuleDefinition[] Rules { get; init; }
    [Id(1)] public required RuleVersion[] Versions { get; init; }
    [Id(2)] public long Revision { get; init; }

    public RuleDefinition? Rule(string ruleId) => Array.Find(Rules, r => r.RuleId == ruleId);

    public IEnumerable<RuleVersion> VersionsOf(string ruleId) => Versions.Where(v => v.RuleId == ruleId);

    public RuleVersion? Version(string ruleId, int version) => Array.Find(Versions, v => v.RuleId == ruleId && v.Version == version);

    /// <summary>
    /// The version that judges claims of <paramref name="countyId"/> settled on <paramref name="day"/>: the county's
    /// own if it has one in force that day, else its region's, else the seeded default. Of several in force, the one
    /// with the latest effective date, then the latest version, wins.
    /// </summary>
    public RuleVersion InForce(string ruleId, string countyId, string? regionId, DateOnly day) =>
        InForceFor(ruleId, $"county:{countyId}", day)
        ?? (regionId is null ? null : InForceFor(ruleId, $"region:{regionId}", day))
        ?? InForceFor(ruleId, EveryRegion, day)
        ?? throw new InvalidOperationException($"rule {ruleId} has no seeded version");

    private RuleVersion? InForceFor(string ruleId, string scope, DateOnly day)
    {
        RuleVersion? best = null;
        foreach (var v in Versions)
        {
            if (v.RuleId == ruleId && v.Scope == scope && v.Judges && v.EffectiveFrom <= day
                && (best is null || (v.EffectiveFrom, v.Version).CompareTo((best.EffectiveFrom, best.Version)) > 0))
            {
                best = v;
            }
        }

        return best;
    }

    /// <summary>The library with no history yet: the rules of the catalogue, each with its seeded default.</summary>
    public static RuleLibrary Seeded(RuleDefinition[] rules, IEnumerable<RuleEvent> seeds) =>
        seeds.Aggregate(new RuleLibrary { Rules = rules, Versions = [] }, (library, e) => library.Apply(e));

    /// <summary>
    /// A draft of <paramref name="ruleId"/> for <paramref name="scope"/>: the parameters given over those in force for
    /// that scope on <paramref name="effectiveFrom"/>; refused with one error per bad parameter.
    /// </summary>
    public RuleOutcome Draft(string ruleId, string scope, DateOnly effectiveFrom, IReadOnlyDictionary<string, decimal> parameters,
        string by, DateTimeOffset at, string reason, string? regionOfScope)
    {
        if (Rule(ruleId) is not { } rule)
        {
            return RuleOutcome.Refused(("ruleId", $"no rule {ruleId}"));
        }

        var errors = new List<(string, string)>();
        if (!RuleScopes.IsScope(scope))
        {
            errors.Add(("scope", $"scope must be region:<id> or county:<id>, got \"{scope}\""));
        }

        foreach (var (name, value) in parameters)
        {
            if (rule.Parameter(name) is not { } parameter)
            {
                errors.Add(($"parameters.{name}", $"{ruleId} has no parameter {name}; it has {string.Join(", ", rule.Parameters.Select(p => p.Name))}"));
            }
            else if (parameter.Refusal(value) is { } refusal)
            {
                errors.Add(($"parameters.{name}", refusal));
            }
        }

        if (errors.Count > 0)
        {
            return RuleOutcome.Refused([.. errors]);
        }

        var basis = Basis(ruleId, scope, effectiveFrom, regionOfScope);
        var full = new Dictionary<string, decimal>(basis.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            full[name] = value;
        }

        if (RuleConstraints.Check(ruleId, full) is { Length: > 0 } broken)
        {
            return RuleOutcome.Refused([.. broken.Select(b => ($"parameters.{b.Parameter}", b.Message))]);
        }

        var e = new RuleEvent
        {
            RuleId = ruleId, Version = NextVersion(ruleId), Action = RuleActions.Draft, By = by, At = at, Reason = reason,
            Scope = scope, EffectiveFrom = effectiveFrom, Parameters = full,
        };
        return RuleOutcome.Done(this, e);
    }

    /// <summary>Publishes a draft: it judges its scope from its effective date; published versions it shadows are superseded.</summary>
    public RuleOutcome Publish(string ruleId, int version, string by, DateTimeOffset at, string reason) =>
        Version(ruleId, version) is not { } v ? RuleOutcome.Missing($"no version {version} of {ruleId}")
        // Publishing a rule no detector reads from the library would say it is in force while nothing judges by it.
        : Rule(ruleId) is { ReadAtRunTime: false } ? RuleOutcome.Refused(("ruleId", $"{ruleId} is not judged from the library yet: its detector reads the start-up options, so a published version would change nothing; a draft of it can be kept and compared"))
        : v.Status != RuleStatus.Draft ? RuleOutcome.Refused(("version", $"version {version} of {ruleId} is {v.Status}; only a draft is published"))
        : RuleOutcome.Done(this, new RuleEvent { RuleId = ruleId, Version = version, Action = RuleActions.Publish, By = by, At = at, Reason = reason });

    /// <summary>Retires a version: it judges nothing from now on, and the scope falls back to what is in force beneath it.</summary>
    public RuleOutcome Retire(string ruleId, int version, string by, DateTimeOffset at, string reason) =>
        Version(ruleId, version) is not { } v ? RuleOutcome.Missing($"no version {version} of {ruleId}")
        : v.Status == RuleStatus.Retired || v.Scope == EveryRegion ? RuleOutcome.Refused(("version", $"version {version} of {ruleId} cannot be retired ({v.Status}, {v.Scope})"))
        : RuleOutcome.Done(this, new RuleEvent { RuleId = ruleId, Version = version, Action = RuleActions.Retire, By = by, At = at, Reason = reason });

    /// <summary>Folds one stored event in.</summary>
    public RuleLibrary Apply(RuleEvent e)
    {
        var versions = e.Action switch
        {
            RuleActions.Seed or RuleActions.Draft => [.. Versions, Create(e)],
            RuleActions.Publish => PublishIn(e),
            RuleActions.Retire => [.. Versions.Select(v => v.RuleId == e.RuleId && v.Version == e.Version
                ? v with { Status = RuleStatus.Retired, History = [.. v.History, Change(e, [])] } : v)],
            _ => throw new InvalidOperationException($"unknown rule action {e.Action}"),
        };
        return this with { Versions = versions, Revision = Revision + 1 };
    }

    private RuleVersion[] PublishIn(RuleEvent e)
    {
        var published = Version(e.RuleId, e.Version)!;
        return [.. Versions.Select(v =>
            v == published ? v with { Status = RuleStatus.Published, History = [.. v.History, Change(e, [])] }
            : v.RuleId == e.RuleId && v.Scope == published.Scope && v.Status == RuleStatus.Published && v.EffectiveFrom <= published.EffectiveFrom
                ? v with { Status = RuleStatus.Superseded, History = [.. v.History, Change(e with { Action = RuleActions.Supersede, Reason = $"superseded by version {published.Version}" }, [])] }
                : v)];
    }

    private RuleVersion Create(RuleEvent e)
    {
        var basis = e.Action == RuleActions.Seed || Rule(e.RuleId) is null ? null : Basis(e.RuleId, e.Scope!, e.EffectiveFrom!.Value, null);
        var diff = e.Parameters!
            .Where(p => basis is null || !basis.Parameters.TryGetValue(p.Key, out var old) || old != p.Value)
            .Select(p => new RuleDiff(p.Key, basis is not null && basis.Parameters.TryGetValue(p.Key, out var old) ? old : null, p.Value))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToArray();
        return new RuleVersion
        {
            RuleId = e.RuleId,
            Version = e.Version,
            Scope = e.Scope!,
            EffectiveFrom = e.EffectiveFrom!.Value,
            Parameters = new Dictionary<string, decimal>(e.Parameters!, StringComparer.Ordinal),
            Status = e.Action == RuleActions.Seed ? RuleStatus.Published : RuleStatus.Draft,
            History = [Change(e, diff)],
        };
    }

    /// <summary>What a draft for a scope starts from: the version in force for that scope (or beneath it) on its date.</summary>
    private RuleVersion Basis(string ruleId, string scope, DateOnly day, string? regionOfScope) =>
        InForceFor(ruleId, scope, day)
        ?? (regionOfScope is null ? null : InForceFor(ruleId, $"region:{regionOfScope}", day))
        ?? InForceFor(ruleId, EveryRegion, day)
        ?? InForceFor(ruleId, EveryRegion, DateOnly.MaxValue)!;

    private int NextVersion(string ruleId) => VersionsOf(ruleId).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;

    private static RuleChange Change(RuleEvent e, RuleDiff[] diff) => new(e.Action, e.By, e.At, e.Reason, diff);
}

/// <summary>What a change to the library did: the event to store and the library after it, or why it was refused.</summary>
public sealed record RuleOutcome(RuleEvent? Event, RuleLibrary? Library, IReadOnlyList<(string Field, string Message)> Errors, bool NotFound = false)
{
    public bool Accepted => Event is not null;

    public static RuleOutcome Done(RuleLibrary before, RuleEvent e) => new(e, before.Apply(e), []);

    public static RuleOutcome Refused(params (string Field, string Message)[] errors) => new(null, null, errors);

    public static RuleOutcome Missing(string message) => new(null, null, [("version", message)], true);
}
