namespace Monitoring.Readmission;

/// <summary>Signs that make a readmission look more like one episode billed twice; any of them raises the severity a step.</summary>
[Flags]
public enum SplitAggravation
{
    None = 0,

    /// <summary>The first stay ended against medical advice (disposition 4): a discharge on paper that the patient "chose".</summary>
    NonMedicalAdviceDischarge = 1,

    /// <summary>The first stay was much shorter than its DRG's usual stay: cut short to be continued.</summary>
    ShortFirstStay = 2,

    /// <summary>Both stays together cost no more than one usual stay of the first's DRG: one episode's care, two payments.</summary>
    CombinedCostWithinOneStay = 4,
}
