using Monitoring.Readmission;
using static Monitoring.Grains.Tests.Readmission.TestStays;

namespace Monitoring.Grains.Tests.Readmission;

public sealed class StayWindowTests
{
    private const string Patient = "P-1a2b3c4d";

    private static StayWindow Window() => new(new ReadmissionThresholds());

    private static string[] Keys(IEnumerable<SuspiciousPair> pairs) => [.. pairs.Select(p => p.PairKey)];

    [Fact]
    public void Settle_finds_the_pair_when_the_first_stay_arrives_second()
    {
        var window = Window();
        Assert.True(window.Settle(Patient, Stay("B", 10, 14)).IsEmpty);

        var changes = window.Settle(Patient, Stay("A", 0, 5));

        Assert.Equal(["A>B"], Keys(changes.Raised));
        Assert.Empty(changes.Withdrawn);
    }

    [Fact]
    public void Settle_of_a_chain_of_three_pairs_each_with_the_next()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));
        window.Settle(Patient, Stay("B", 10, 14));
        window.Settle(Patient, Stay("C", 20, 24));

        Assert.Equal(["A>B", "B>C"], Keys(window.PairsOf(Patient)));
    }

    [Fact]
    public void Settle_of_a_stay_between_a_pair_withdraws_it_and_raises_two()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));
        window.Settle(Patient, Stay("C", 18, 20));

        var changes = window.Settle(Patient, Stay("B", 10, 14));

        Assert.Equal(["A>B", "B>C"], Keys(changes.Raised));
        Assert.Equal(["A>C"], Keys(changes.Withdrawn));
    }

    [Fact]
    public void Settle_of_a_claim_already_held_changes_nothing()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));
        window.Settle(Patient, Stay("B", 10, 14));

        Assert.True(window.Settle(Patient, Stay("B", 10, 14)).IsEmpty);
        Assert.Equal(2, window.Stays);
    }

    [Fact]
    public void Settle_keeps_patients_apart()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));

        Assert.True(window.Settle("P-99999999", Stay("B", 10, 14)).IsEmpty);
        Assert.Equal(2, window.Patients);
    }

    [Fact]
    public void Reverse_withdraws_the_pairs_the_stay_was_in()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));
        window.Settle(Patient, Stay("B", 10, 14));

        var changes = window.Reverse(Patient, "B");

        Assert.Equal(["A>B"], Keys(changes.Withdrawn));
        Assert.Empty(changes.Raised);
        Assert.Equal((1, 1), (window.Patients, window.Stays));
    }

    [Fact]
    public void Reverse_of_the_middle_stay_raises_the_first_with_the_third()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));
        window.Settle(Patient, Stay("B", 10, 14));
        window.Settle(Patient, Stay("C", 18, 20));

        var changes = window.Reverse(Patient, "B");

        Assert.Equal(["A>C"], Keys(changes.Raised));
        Assert.Equal(["A>B", "B>C"], Keys(changes.Withdrawn));
    }

    [Fact]
    public void Reverse_of_an_unknown_claim_changes_nothing()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));

        Assert.True(window.Reverse(Patient, "Z").IsEmpty);
        Assert.True(window.Reverse("P-unknown", "A").IsEmpty);
    }

    [Fact]
    public void Reverse_of_the_last_stay_forgets_the_patient()
    {
        var window = Window();
        window.Settle(Patient, Stay("A", 0, 5));

        window.Reverse(Patient, "A");

        Assert.Equal((0, 0), (window.Patients, window.Stays));
    }

    [Fact]
    public void Evict_drops_only_stays_discharged_before_retention_and_grace()
    {
        var window = Window();
        window.Settle("P-old", Stay("OLD", 0, 2));
        window.Settle("P-edge", Stay("EDGE", 0, 3));
        // Watermark day 70: the cutoff is 70 - 60 - 7 = day 3; a stay discharged that day is kept.
        var watermark = Day0.AddDays(70);

        var dropped = window.Evict(watermark);

        Assert.Equal(1, dropped);
        Assert.Empty(window.StaysOf("P-old"));
        Assert.Single(window.StaysOf("P-edge"));
        Assert.Equal((1, 1), (window.Patients, window.Stays));
    }

    [Fact]
    public void Evict_leaves_the_pairs_of_the_stays_it_keeps()
    {
        var window = Window();
        window.Settle(Patient, Stay("OLD", 0, 1, diagnosis: "K35.800", drg: "GB21"));
        window.Settle(Patient, Stay("A", 60, 62));
        window.Settle(Patient, Stay("B", 65, 68));

        window.Evict(Day0.AddDays(70));

        Assert.Equal(["A>B"], Keys(window.PairsOf(Patient)));
        Assert.Equal(2, window.Stays);
    }

    [Fact]
    public void Evict_keeps_the_norms_so_when_it_runs_changes_no_judgement()
    {
        var window = Window();
        window.Settle("P-old", Stay("OLD", 0, 2));

        window.Evict(Day0.AddDays(200));

        Assert.Equal(1, window.Norms.For("ES23")?.Cases);
    }

    [Fact]
    public void Same_stays_in_any_order_end_with_the_same_pairs()
    {
        Stay[] stays = [Stay("A", 0, 5), Stay("B", 10, 14), Stay("C", 18, 20), Stay("D", 25, 27, "K35.800", "GB21"), Stay("E", 29, 30)];
        var orders = Permutations(stays).ToList();

        var results = orders.Select(order =>
        {
            var window = Window();
            foreach (var stay in order)
            {
                window.Settle(Patient, stay);
            }

            return string.Join(",", Keys(window.PairsOf(Patient)));
        }).Distinct().ToList();

        Assert.Equal(120, orders.Count);
        Assert.Equal(["A>B,B>C"], results);
    }

    [Fact]
    public void Raised_and_withdrawn_pairs_add_up_to_the_pairs_held_whatever_the_order()
    {
        Stay[] stays = [Stay("A", 0, 5), Stay("B", 10, 14), Stay("C", 18, 20), Stay("D", 22, 23)];
        foreach (var order in Permutations(stays))
        {
            var window = Window();
            var open = new HashSet<string>();
            foreach (var stay in order)
            {
                var changes = window.Settle(Patient, stay);
                open.ExceptWith(Keys(changes.Withdrawn));
                open.UnionWith(Keys(changes.Raised));
            }

            Assert.Equal(["A>B", "B>C", "C>D"], open.Order());
        }
    }

    [Fact]
    public void Pair_is_judged_against_the_norm_before_its_own_stay_is_counted()
    {
        var window = Window();
        for (var i = 0; i < 9; i++)
        {
            window.Settle($"P-other{i}", Stay($"N{i}", 0, 10));
        }

        window.Settle(Patient, Stay("A", 20, 22));
        var pair = Assert.Single(window.Settle(Patient, Stay("B", 30, 40)).Raised);

        // Nine others and the first stay; the second, being judged, is not yet in.
        Assert.Equal(10, pair.Finding.Norm?.Cases);
        Assert.Contains("short-first-stay", pair.Finding.AggravationCodes);
        Assert.Equal(11, window.Norms.For("ES23")?.Cases);
    }

    private static IEnumerable<Stay[]> Permutations(Stay[] stays) =>
        stays.Length <= 1
            ? [stays]
            : stays.SelectMany((stay, i) => Permutations([.. stays[..i], .. stays[(i + 1)..]]).Select(rest => (Stay[])[stay, .. rest]));
}
