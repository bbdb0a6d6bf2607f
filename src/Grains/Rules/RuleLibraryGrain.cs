using Microsoft.Extensions.Logging;

namespace Monitoring.Rules;

/// <summary>
/// The rule library's one writer: folds the stored history on activation (seeding it from the start-up options the
/// first time), stores each accepted change before it takes it, then tells every silo's rule book. A book that misses
/// the news catches up when it next subscribes (every few seconds).
/// </summary>
public sealed partial class RuleLibraryGrain(IRuleStore store, RuleBook seed, TimeProvider clock, ILogger<RuleLibraryGrain> logger)
    : Grain, IRuleLibraryGrain
{
    private readonly Dictionary<SiloAddress, IRuleBookObserver> _books = [];
    private RuleLibrary _library = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var history = await store.LoadAsync(cancellationToken);
        if (history.Length == 0)
        {
            history = seed.SeedEvents(clock.GetUtcNow());
            await store.AppendAsync(history, cancellationToken);
        }

        _library = history.Aggregate(seed.Empty, (library, e) => library.Apply(e));
    }

    public Task<RuleLibrary> GetAsync() => Task.FromResult(_library);

    public Task<RuleReply> DraftAsync(RuleDraft d) =>
        TakeAsync(_library.Draft(d.RuleId, d.Scope, d.EffectiveFrom, d.Parameters, d.By, clock.GetUtcNow(), d.Reason, d.RegionOfScope));

    public Task<RuleReply> PublishAsync(string ruleId, int version, string by, string reason) =>
        TakeAsync(_library.Publish(ruleId, version, by, clock.GetUtcNow(), reason));

    public Task<RuleReply> RetireAsync(string ruleId, int version, string by, string reason) =>
        TakeAsync(_library.Retire(ruleId, version, by, clock.GetUtcNow(), reason));

    public Task<RuleLibrary> SubscribeAsync(SiloAddress silo, IRuleBookObserver book)
    {
        _books[silo] = book;
        return Task.FromResult(_library);
    }

    private async Task<RuleReply> TakeAsync(RuleOutcome outcome)
    {
        if (!outcome.Accepted)
        {
            return new RuleReply(null, [.. outcome.Errors.Select(e => new RuleError(e.Field, e.Message))], outcome.NotFound, _library.Revision);
        }

        await store.AppendAsync([outcome.Event!]);
        _library = outcome.Library!;
        await TellBooksAsync();
        return new RuleReply(outcome.Event!.Version, [], false, _library.Revision);
    }

    // Awaited, so that a publish that returns has reached every silo that answers; one that does not is dropped and
    // catches up on its next subscription.
    private async Task TellBooksAsync()
    {
        var library = _library;
        var told = await Task.WhenAll(_books.Select(async book =>
        {
            try
            {
                await book.Value.UpdateAsync(library).WaitAsync(TimeSpan.FromSeconds(5));
                return (book.Key, Ok: true);
            }
            catch (Exception e)
            {
                LogBookUnreachable(logger, e, book.Key);
                return (book.Key, Ok: false);
            }
        }));
        foreach (var (silo, ok) in told)
        {
            if (!ok)
            {
                _books.Remove(silo);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rule book of silo {Silo} did not take the library's change; it catches up when it next subscribes")]
    private static partial void LogBookUnreachable(ILogger logger, Exception exception, SiloAddress silo);
}
