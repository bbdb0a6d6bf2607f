using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Alerts;
using Monitoring.Dashboard.Push;

namespace Monitoring.Dashboard.Tests.Push;

public sealed class FindingsTallyTests
{
    private static Alert Of(string kind, int n) => new()
    {
        AlertId = $"{kind}/{n}", Kind = kind, Severity = AlertSeverity.Warning, Transition = AlertTransition.Raised,
        SubjectLevel = "hospital", SubjectId = "H1", CountyId = "530922", RaisedAt = DateTimeOffset.UnixEpoch,
        AsOf = DateTimeOffset.UnixEpoch, MessageZh = "", MessageEn = "", EvidenceJson = "{}",
    };

    [Fact]
    public void A_minute_is_counted_by_kind_then_starts_again()
    {
        var tally = new FindingsTally(NullLogger<FindingsTally>.Instance, TimeProvider.System);
        tally.Raised([Of("upcoding", 1), Of("split-hospitalization", 2), Of("split-hospitalization", 3)]);
        tally.Withdrawn(1);

        Assert.Equal("3 alerts raised (split-hospitalization 2, upcoding 1), 1 withdrawn", tally.TakeMinute());
        Assert.Null(tally.TakeMinute());
    }
}
