namespace Monitoring.Demo;

/// <summary>Readmissions that look like split hospitalization and are not: what the rule must leave alone.</summary>
public enum LookAlikeKind
{
    /// <summary>Chemotherapy cycles (Z51.1) every 14–21 days at one hospital: planned treatment.</summary>
    Chemotherapy,

    /// <summary>Dialysis runs (Z49) at one hospital: planned treatment.</summary>
    Dialysis,

    /// <summary>A transfer on medical order (disposition 2) to a hospital outside the first one's alliance.</summary>
    Transfer,

    /// <summary>A readmission at the same hospital for another ICD-10 category and another ADRG.</summary>
    UnrelatedDiagnosis,

    /// <summary>A readmission for the same diagnosis 16–25 days after discharge, outside the 15-day window.</summary>
    OutsideWindow,

    /// <summary>A readmission for the same diagnosis in another county.</summary>
    OtherCounty,

    /// <summary>A stay ending in death (disposition 5), followed by nothing.</summary>
    Death,
}
