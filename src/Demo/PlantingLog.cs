using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>Follows the planted stays as the stream emits them, and turns them into the pairs and look-alikes they make.</summary>
internal sealed class PlantingLog
{
    private readonly List<(PlantedStay Stay, JsonObject Claim, bool Reversed, JsonObject? Correction)> _stays = [];

    public PlantedSplits Result { get; private set; } = new([], []);

    public void Settled(PlantedStay stay, JsonObject claim, bool reversed, JsonObject? correction) =>
        _stays.Add((stay, claim, reversed, correction));

    public void Finish(IReadOnlyList<PlantedEpisode> episodes)
    {
        var pairs = new List<PlantedSplitPair>();
        var lookAlikes = new List<PlantedLookAlike>();
        foreach (var group in _stays.GroupBy(s => s.Stay.Episode).OrderBy(g => g.Key))
        {
            var episode = episodes[group.Key];
            var stays = group.OrderBy(s => s.Stay.Position).ToList();
            if (episode.LookAlike is { } kind)
            {
                lookAlikes.Add(new PlantedLookAlike(kind, [.. stays.SelectMany(Ids)]));
                continue;
            }

            foreach (var (first, second) in stays.Zip(stays.Skip(1)))
            {
                var interval = second.Stay.Admission.DayNumber - first.Stay.Discharge.DayNumber;
                var shape = episode.Shape & ~(first.Stay.Position == 0 ? 0 : PlantedSplitShape.NonMedicalDischarge);
                if (!first.Reversed && !second.Reversed)
                {
                    pairs.Add(new PlantedSplitPair(Id(first.Claim), Id(second.Claim), interval, shape));
                    continue;
                }

                // The pair as first settled no longer stands; a corrected re-settlement is a stay of its own again.
                pairs.Add(new PlantedSplitPair(Id(first.Claim), Id(second.Claim), interval, shape | PlantedSplitShape.Reversed));
                var firstNow = first.Reversed ? first.Correction : first.Claim;
                var secondNow = second.Reversed ? second.Correction : second.Claim;
                if (firstNow is not null && secondNow is not null)
                {
                    pairs.Add(new PlantedSplitPair(Id(firstNow), Id(secondNow), interval, shape | PlantedSplitShape.Corrected));
                }
            }
        }

        Result = new PlantedSplits(pairs, lookAlikes);
    }

    private static IEnumerable<string> Ids((PlantedStay Stay, JsonObject Claim, bool Reversed, JsonObject? Correction) stay) =>
        stay.Correction is null ? [Id(stay.Claim)] : [Id(stay.Claim), Id(stay.Correction)];

    private static string Id(JsonObject claim) => (string)claim["claimId"]!;
}
