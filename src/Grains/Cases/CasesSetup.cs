using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Cases;

/// <summary>
/// Inspection cases in a host: the options, the opener, the desk and the money. Findings open cases as the door delivers
/// stored alerts, whatever detector raised them: a new claim-level finding needs only its kind in
/// <c>Monitoring:Cases:AutoOpenKinds</c>.
/// </summary>
public static class CasesSetup
{
    public static IServiceCollection AddInspectionCases(this IServiceCollection services)
    {
        services.AddOptions<CasesOptions>().BindConfiguration(CasesOptions.Section)
            .Validate(o => o.IsValid, "Monitoring:Cases needs DecisionDays, AnswerDays and AppealDays of 1..366, a BookingCheckInterval above zero and no empty AutoOpenKinds")
            .ValidateOnStart();
        services.AddSingleton<CaseOpener>();
        services.AddSingleton<RecoveryLedger>();
        services.AddSingleton<CaseDesk>();
        return services;
    }
}
