using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.Statistics;

public sealed class QuantileSketchTests
{
    [Fact]
    public void Median_is_within_the_relative_error_of_the_true_median()
    {
        var sketch = new QuantileSketch();
        for (var i = 1; i <= 1001; i++)
        {
            sketch.Add(i * 10.0);
        }

        // true median: 5,010
        Assert.InRange(sketch.Median!.Value, 5010 * (1 - QuantileSketch.RelativeError), 5010 * (1 + QuantileSketch.RelativeError));
    }

    [Fact]
    public void Remove_takes_a_reversed_amount_back_out()
    {
        var sketch = new QuantileSketch();
        sketch.Add(100);
        sketch.Add(200);
        sketch.Add(90_000);
        sketch.Remove(90_000);
        sketch.Add(150);

        Assert.Equal(3, sketch.Count);
        Assert.InRange(sketch.Median!.Value, 148.5, 151.5);
    }

    [Fact]
    public void Merge_gives_the_distribution_of_both()
    {
        var a = new QuantileSketch();
        var b = new QuantileSketch();
        a.Add(10);
        a.Add(20);
        b.Add(30);
        b.Add(40);
        b.Add(50);
        a.Merge(b);

        Assert.Equal(5, a.Count);
        Assert.InRange(a.Median!.Value, 29.7, 30.3);
        Assert.Equal(3, b.Count);
    }

    [Fact]
    public void Empty_sketch_has_no_median_and_refuses_nonsense()
    {
        var sketch = new QuantileSketch();

        Assert.Null(sketch.Median);
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(-1));
    }

    [Fact]
    public void Zero_amounts_count_below_every_positive_one()
    {
        var sketch = new QuantileSketch();
        sketch.Add(0);
        sketch.Add(0);
        sketch.Add(500);

        Assert.Equal(0, sketch.Median);
    }
}
