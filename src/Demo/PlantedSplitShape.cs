namespace Monitoring.Demo;

/// <summary>How a planted split pair is made; a pair at one hospital, settled in order and standing has no flag.</summary>
[Flags]
public enum PlantedSplitShape
{
    SameHospital = 0,

    /// <summary>The two stays are at two members of one alliance (医共体).</summary>
    CrossMember = 1,

    /// <summary>The later stay was settled first: the first stay's settlement was held back up to a month.</summary>
    SecondSettledFirst = 2,

    /// <summary>The first stay ended in 非医嘱离院 (discharge disposition 4).</summary>
    NonMedicalDischarge = 4,

    /// <summary>One of two pairs of a chain of three stays.</summary>
    Chain = 8,

    /// <summary>A claim of the pair was reversed and not settled again: the pair no longer stands.</summary>
    Reversed = 16,

    /// <summary>The pair stands on a corrected re-settlement of a reversed claim.</summary>
    Corrected = 32,
}
