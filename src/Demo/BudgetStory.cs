namespace Monitoring.Demo;

/// <summary>What a planted fund does with its budget over the demo year (<see cref="BudgetPlanting"/>).</summary>
public enum BudgetStory
{
    /// <summary>Spends on pace until a date, then about 30% more from it on (a new ward, a new DRG coding habit).</summary>
    StepsUp,

    /// <summary>Runs hot in the first quarter (a flu season, a backlog after the festival), then spends below pace and recovers.</summary>
    RunsHotEarlyThenRecovers,

    /// <summary>A whole county on pace for eight months, then a surge from September that overruns its budget in December.</summary>
    OverrunsLate,
}
