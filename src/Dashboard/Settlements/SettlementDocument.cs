using Monitoring.Assessment;
using Monitoring.Settlements;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// <c>GET /api/settlements/{level}/{id}</c>: an alliance's or a hospital's year of money — how it is paid, under which
/// terms, its twelve monthly pre-settlements (按月预结) and its final settlement (综合决算) with the assessment behind it.
/// </summary>
public sealed record SettlementDocument(
    string Level,
    string Id,
    string Name,
    string CountyId,
    string RegionId,
    string? AllianceType,
    string Basis,
    int FundYear,
    decimal? Budget,
    long? InsuredPopulation,
    decimal? PerCapitaPackage,
    SettlementTermsDocument Terms,
    IReadOnlyList<PreSettlementMonth> Months,
    FinalSettlement Final,
    string? AssessmentStatus)
{
    public static SettlementDocument Of(PackageStatement statement, string? assessmentStatus)
    {
        var a = statement.Account;
        var t = statement.Terms;
        return new SettlementDocument(a.Level, a.Id, a.Name, a.CountyId, a.RegionId, a.AllianceType, BasisCode(a.Basis), statement.FundYear,
            a.Budget, a.PerHead ? a.InsuredPopulation : null, a.PerCapitaPackage,
            new SettlementTermsDocument(t.AdvanceShare, t.ReserveShare, t.PrepaymentMonths, t.OutsideTreatmentFromPackage),
            statement.Months, statement.Final, assessmentStatus);
    }

    public static string BasisCode(PaymentBasis basis) => basis switch
    {
        PaymentBasis.Advance => "advance",
        PaymentBasis.AfterTheFact => "after-the-fact",
        _ => "within-package",
    };
}

/// <summary>The county's terms the statement was drawn under.</summary>
public sealed record SettlementTermsDocument(decimal AdvanceShare, decimal ReserveShare, int PrepaymentMonths, bool OutsideTreatmentFromPackage);

/// <summary><c>GET /api/assessment/{level}/{id}</c>: the live indicators and score, and for an alliance its review so far.</summary>
public sealed record AssessmentDocument(
    string Level,
    string Id,
    string Name,
    string CountyId,
    int FundYear,
    int MonthsCounted,
    decimal? Score,
    IReadOnlyList<IndicatorReading> Indicators,
    string? LeadHospitalId,
    AssessmentRecord? Review,
    decimal? DecidedScore);
