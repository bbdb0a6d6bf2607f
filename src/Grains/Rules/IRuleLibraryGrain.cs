namespace Monitoring.Rules;

/// <summary>The rule library's single authority (key 0): every change goes through it, and it tells every silo's <see cref="RuleBook"/>.</summary>
public interface IRuleLibraryGrain : IGrainWithIntegerKey
{
    Task<RuleLibrary> GetAsync();

    Task<RuleReply> DraftAsync(RuleDraft draft);

    Task<RuleReply> PublishAsync(string ruleId, int version, string by, string reason);

    Task<RuleReply> RetireAsync(string ruleId, int version, string by, string reason);

    /// <summary>Registers a silo's rule book (again every few seconds) and hands it the library as it stands.</summary>
    Task<RuleLibrary> SubscribeAsync(SiloAddress silo, IRuleBookObserver book);
}

/// <summary>A silo's cached view of the library, told of every change.</summary>
public interface IRuleBookObserver : IGrainObserver
{
    Task UpdateAsync(RuleLibrary library);
}

[GenerateSerializer, Immutable]
public sealed record RuleDraft(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string Scope,
    [property: Id(2)] DateOnly EffectiveFrom,
    [property: Id(3)] Dictionary<string, decimal> Parameters,
    [property: Id(4)] string By,
    [property: Id(5)] string Reason,
    [property: Id(6)] string? RegionOfScope);

/// <summary>What a change did: the version it made or changed, or the errors (field → message) that refused it.</summary>
[GenerateSerializer, Immutable]
public sealed record RuleReply(
    [property: Id(0)] int? Version,
    [property: Id(1)] RuleError[] Errors,
    [property: Id(2)] bool NotFound,
    [property: Id(3)] long Revision);

[GenerateSerializer, Immutable]
public sealed record RuleError([property: Id(0)] string Field, [property: Id(1)] string Message);
