using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Silo.Demo;

/// <summary>
/// A fund year of inpatient settlements (结算清单) for the demo scenario, as <c>claim-event.schema.json</c> events in
/// settlement-time order, from 1 January to 31 December (China time). Pure and deterministic: the same scenario, seed
/// and count give the same events, byte for byte, every time <see cref="Claims"/> is enumerated.
/// <para>
/// Each hospital gets a share of the cases in proportion to what it is to spend (budget × spending factor) over what
/// its case mix costs the fund per case, and its cases fall into months by its county's monthly profile. Amounts are
/// then scaled per hospital and month so that each month adds up to its share of the planned spend whatever the
/// count: a thin stream has dearer cases, not smaller budgets, and a hospital on budget is on pace all year, so the
/// only alerts are the planted ones. About one settlement in 200 is later reversed (冲销) and settled again, corrected.
/// </para>
/// </summary>
public sealed class DemoClaimStream
{
    public const int MinimumClaims = 1_000;
    public const int MaximumClaims = 2_000_000;

    private const string SettledAtFormat = "yyyy-MM-dd'T'HH:mm:sszzz";
    private const string DateFormat = "yyyy-MM-dd";
    private const double ReversalRate = 0.005;

    /// <summary>Cost noise around a group's mean: county case costs spread about ±20% (lognormal, mean 1).</summary>
    private const double CostSpread = 0.2;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly DemoScenario _scenario;
    private readonly int _seed;
    private readonly int _claimsPerYear;

    public DemoClaimStream(DemoScenario scenario, int seed, int claimsPerYear)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(claimsPerYear, MinimumClaims);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(claimsPerYear, MaximumClaims);
        _scenario = scenario;
        _seed = seed;
        _claimsPerYear = claimsPerYear;
    }

    public int FundYear => _scenario.Registry.FundYear;

    /// <summary>Midnight of 1 January of the fund year, China time: where the stream's clock starts.</summary>
    public DateTimeOffset YearStart => new(FundYear, 1, 1, 0, 0, 0, ChinaOffset);

    /// <summary>Midnight of the next 1 January: no event is settled at or after it.</summary>
    public DateTimeOffset YearEnd => YearStart.AddYears(1);

    public static DateTimeOffset SettledAtOf(JsonObject claim) =>
        DateTimeOffset.ParseExact((string)claim["settledAt"]!, SettledAtFormat, CultureInfo.InvariantCulture);

    /// <summary>The year's events, settlements and reversals, with <c>settledAt</c> never decreasing.</summary>
    public IEnumerable<JsonObject> Claims()
    {
        var institutions = _scenario.Institutions;
        var plan = YearPlan.Make(_scenario, _claimsPerYear, new Random(_seed));
        var random = new Random(unchecked((_seed * 7919) + 1));
        var writer = new CaseWriter(institutions, random);
        var yearEnd = YearEnd.DateTime.Ticks;

        // Reversals and their corrections fall due later than the settlement that caused them; they wait here in time order.
        var later = new PriorityQueue<JsonObject, (long Ticks, long Order)>();
        long order = 0;

        foreach (var slot in plan.Slots)
        {
            while (later.TryPeek(out var due, out var at) && at.Ticks <= slot.Ticks)
            {
                later.Dequeue();
                yield return due;
            }

            var claim = writer.Settlement(slot, plan.ScaleOf(slot));
            if (random.NextDouble() < ReversalRate)
            {
                var reversedAt = Day(slot.Ticks).AddDays(random.Next(2, 31)).Add(WorkingTime(random)).Ticks;
                if (reversedAt < yearEnd)
                {
                    later.Enqueue(writer.Reversal(claim, slot.Hospital, reversedAt), (reversedAt, order++));
                    var correctedAt = reversedAt + TimeSpan.FromHours(1 + (47 * random.NextDouble())).Ticks;
                    if (correctedAt < yearEnd)
                    {
                        later.Enqueue(writer.Correction(claim, slot, correctedAt), (correctedAt, order++));
                    }
                }
            }

            yield return claim;
        }

        while (later.TryDequeue(out var due, out _))
        {
            yield return due;
        }
    }

    private static DateTime Day(long ticks) => new DateTime(ticks).Date;

    /// <summary>Agencies settle in office hours, 08:00 to 21:00.</summary>
    private static TimeSpan WorkingTime(Random random) => TimeSpan.FromHours(8) + TimeSpan.FromSeconds(random.Next(13 * 3600));

    /// <summary>One planned case: when it is settled (China local ticks), where, and what it costs before scaling.</summary>
    private readonly record struct Slot(
        long Ticks, int Order, int Hospital, int Adrg, int Severity, int Stay, bool Employee, decimal NaturalCost, decimal FundShare);

    /// <summary>The year's cases in settlement order, and each hospital's monthly scale from natural to planned amounts.</summary>
    private sealed class YearPlan
    {
        private readonly decimal[][] _scale;

        private YearPlan(List<Slot> slots, decimal[][] scale)
        {
            Slots = slots;
            _scale = scale;
        }

        public List<Slot> Slots { get; }

        public decimal ScaleOf(Slot slot) => _scale[slot.Hospital][new DateTime(slot.Ticks).Month - 1];

        public static YearPlan Make(DemoScenario scenario, int claimsPerYear, Random random)
        {
            var year = scenario.Registry.FundYear;
            var institutions = scenario.Institutions;
            var profiles = scenario.Registry.Regions.SelectMany(r => r.Counties)
                .ToDictionary(c => c.CountyId, c => c.MonthlyProfile ?? Enumerable.Repeat(1m / 12, 12).ToList());
            var mixes = institutions.Select(i => HospitalMix.Of(i.Hospital.Level, i.Kind)).ToArray();
            var targets = institutions.Select(i => i.PlannedSpend).ToArray();
            var counts = Apportion(claimsPerYear, targets.Select((t, h) => t / mixes[h].ExpectedFundPerCase).ToArray());
            var days = Enumerable.Range(1, 12).Select(m => DayWeights(year, m)).ToArray();

            var slots = new List<Slot>(claimsPerYear);
            var scale = new decimal[institutions.Count][];
            for (var h = 0; h < institutions.Count; h++)
            {
                var level = institutions[h].Hospital.Level;
                var profile = profiles[institutions[h].CountyId].ToArray();
                var months = Apportion(counts[h], profile);
                var natural = new decimal[12];
                for (var m = 0; m < 12; m++)
                {
                    for (var k = 0; k < months[m]; k++)
                    {
                        var adrgIndex = mixes[h].Pick(random);
                        var adrg = DrgCatalogue.All[adrgIndex];
                        var severity = PickSeverity(adrg, random);
                        var expectedStay = adrg.MeanStay * DrgCatalogue.StayFactor(severity);
                        var stay = Math.Max(1, (int)Math.Round(expectedStay * (0.6 + (0.8 * random.NextDouble()))));
                        var employee = random.NextDouble() >= FundShares.ResidentShare(level);
                        var shape = (0.6 + (0.4 * stay / expectedStay)) * LogNormal(random);
                        var cost = decimal.Round(
                            adrg.BaseCost * DrgCatalogue.LevelCostFactor(level) * DrgCatalogue.SeverityFactor(severity) * (decimal)shape, 2);
                        var share = FundShares.Draw(level, employee, random);
                        var settledAt = SettlementTime(year, m + 1, days[m], random);
                        slots.Add(new Slot(settledAt.Ticks, slots.Count, h, adrgIndex, severity, stay, employee, cost, share));
                        natural[m] += cost * share;
                    }
                }

                scale[h] = MonthlyScale(targets[h], profile, natural);
            }

            slots.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Order.CompareTo(b.Order));
            return new YearPlan(slots, scale);
        }

        /// <summary>
        /// Scales each month's natural amounts to the month's share of the target. A month without cases (a thin stream,
        /// a small hospital) passes its share on to the next month that has some, or back to the last one that had.
        /// </summary>
        private static decimal[] MonthlyScale(decimal target, decimal[] profile, decimal[] natural)
        {
            var scale = new decimal[12];
            var carried = 0m;
            var last = -1;
            for (var m = 0; m < 12; m++)
            {
                carried += target * profile[m];
                if (natural[m] > 0)
                {
                    scale[m] = carried / natural[m];
                    carried = 0;
                    last = m;
                }
            }

            if (last >= 0 && carried > 0)
            {
                scale[last] += carried / natural[last];
            }

            return scale;
        }

        /// <summary>Splits a whole number by weights (largest remainder), so the parts add up exactly.</summary>
        private static int[] Apportion(int total, IReadOnlyList<decimal> weights)
        {
            var sum = weights.Sum();
            var exact = weights.Select(w => sum == 0 ? 0m : total * w / sum).ToArray();
            var parts = exact.Select(e => (int)decimal.Floor(e)).ToArray();
            var left = total - parts.Sum();
            foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
            {
                parts[i]++;
            }

            return parts;
        }

        private static int PickSeverity(Adrg adrg, Random random)
        {
            var draw = random.NextDouble();
            foreach (var severity in adrg.Severities)
            {
                draw -= DrgCatalogue.SeverityShare(adrg.Severities, severity);
                if (draw < 0)
                {
                    return severity;
                }
            }

            return adrg.Severities[^1];
        }

        private static double LogNormal(Random random)
        {
            // Box–Muller; the -σ²/2 keeps the mean at 1 so the noise does not move a hospital's spend.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Exp((CostSpread * normal) - (CostSpread * CostSpread / 2));
        }

        /// <summary>Fewer settlements at weekends: wards discharge, and agencies settle, mostly on working days.</summary>
        private static double[] DayWeights(int year, int month) =>
            Enumerable.Range(1, DateTime.DaysInMonth(year, month))
                .Select(d => new DateTime(year, month, d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0)
                .ToArray();

        private static DateTime SettlementTime(int year, int month, double[] dayWeights, Random random)
        {
            var draw = random.NextDouble() * dayWeights.Sum();
            var day = 0;
            while (day < dayWeights.Length - 1 && (draw -= dayWeights[day]) >= 0)
            {
                day++;
            }

            return new DateTime(year, month, day + 1).Add(WorkingTime(random));
        }
    }

    /// <summary>Which groups a hospital treats, how often, and what a case costs the fund on average before scaling.</summary>
    private sealed class HospitalMix
    {
        private readonly double[] _cumulative;

        private HospitalMix(double[] cumulative, decimal expectedFundPerCase)
        {
            _cumulative = cumulative;
            ExpectedFundPerCase = expectedFundPerCase;
        }

        public decimal ExpectedFundPerCase { get; }

        public static HospitalMix Of(int level, InstitutionKind kind)
        {
            // A level-3 hospital takes the county's harder surgery: referrals weigh its mix toward operations.
            var weights = DrgCatalogue.All
                .Select(a => level < a.MinimumLevel ? 0 : a.Mix.For(kind) * (level == 3 && a.IsSurgical ? 1.6 : 1.0))
                .ToArray();
            var total = weights.Sum();
            var cumulative = new double[weights.Length];
            var running = 0.0;
            var expected = 0m;
            for (var i = 0; i < weights.Length; i++)
            {
                running += weights[i] / total;
                cumulative[i] = running;
                expected += (decimal)(weights[i] / total) * DrgCatalogue.MeanCost(DrgCatalogue.All[i]);
            }

            return new HospitalMix(cumulative, expected * DrgCatalogue.LevelCostFactor(level) * FundShares.Expected(level));
        }

        public int Pick(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            index = index < 0 ? ~index : index;
            return Math.Min(index, _cumulative.Length - 1);
        }
    }

    /// <summary>
    /// The share of a case's total cost the pooled fund pays (统筹基金支付比例). 城乡居民医保 (resident) pays less than
    /// 职工医保 (employee), and both pay more at lower levels, to steer patients to primary care (分级诊疗); rural
    /// counties' inpatients are mostly residents, the more so at township centres.
    /// </summary>
    private static class FundShares
    {
        private const double Spread = 0.03;

        public static double ResidentShare(int level) => level switch { 1 => 0.85, 2 => 0.72, _ => 0.65 };

        public static decimal Draw(int level, bool employee, Random random) =>
            decimal.Round(Base(employee) + LevelStep(level) + (decimal)(Spread * ((2 * random.NextDouble()) - 1)), 4);

        public static decimal Expected(int level)
        {
            var resident = (decimal)ResidentShare(level);
            return (resident * Base(false)) + ((1 - resident) * Base(true)) + LevelStep(level);
        }

        private static decimal Base(bool employee) => employee ? 0.72m : 0.63m;

        private static decimal LevelStep(int level) => level switch { 1 => 0.04m, 2 => 0m, _ => -0.03m };
    }

    /// <summary>Writes the events of planned cases: ids, patients, dates, doctors, diagnoses and amounts.</summary>
    private sealed class CaseWriter(IReadOnlyList<DemoInstitution> institutions, Random random)
    {
        private readonly int[] _settlements = new int[institutions.Count];
        private readonly int[] _reversals = new int[institutions.Count];
        private readonly List<string> _departments = [];

        public JsonObject Settlement(Slot slot, decimal scale)
        {
            var institution = institutions[slot.Hospital];
            var hospital = institution.Hospital;
            var adrg = DrgCatalogue.All[slot.Adrg];
            var settledAt = new DateTimeOffset(new DateTime(slot.Ticks), ChinaOffset);
            var discharge = DateOnly.FromDateTime(settledAt.DateTime).AddDays(-random.Next(1, 5));
            var admission = discharge.AddDays(-slot.Stay);
            var department = DepartmentOf(adrg, institution.Kind);
            var principal = Pick(adrg.Diagnoses);
            var totalCost = decimal.Round(slot.NaturalCost * scale, 2);
            var fundPaid = decimal.Round(totalCost * slot.FundShare, 2);

            return new JsonObject
            {
                ["claimId"] = ClaimId('S', settledAt, hospital.HospitalId, ++_settlements[slot.Hospital]),
                ["kind"] = "settlement",
                ["settledAt"] = settledAt.ToString(SettledAtFormat, CultureInfo.InvariantCulture),
                ["patientId"] = string.Create(CultureInfo.InvariantCulture, $"P-{random.NextInt64(0x1_0000_0000):x8}"),
                ["hospitalId"] = hospital.HospitalId,
                ["insuranceType"] = slot.Employee ? "employee" : "resident",
                ["admissionDate"] = admission.ToString(DateFormat, CultureInfo.InvariantCulture),
                ["dischargeDate"] = discharge.ToString(DateFormat, CultureInfo.InvariantCulture),
                ["dischargeDisposition"] = Disposition(slot.Severity),
                ["department"] = department,
                ["doctorId"] = DoctorOf(hospital.HospitalId, hospital.Level, department),
                ["principalDiagnosis"] = principal,
                ["secondaryDiagnoses"] = Strings(SecondaryDiagnoses(adrg, slot.Severity, principal)),
                ["procedures"] = Strings(adrg.IsSurgical ? [Pick(adrg.Procedures)] : []),
                ["drgCode"] = adrg.DrgCode(slot.Severity),
                ["drgWeight"] = adrg.WeightOf(slot.Severity),
                ["paymentMethod"] = "drg",
                ["totalCost"] = totalCost,
                ["fundPaid"] = fundPaid,
            };
        }

        public JsonObject Reversal(JsonObject settlement, int hospitalIndex, long ticks)
        {
            var at = new DateTimeOffset(new DateTime(ticks), ChinaOffset);
            return new JsonObject
            {
                ["claimId"] = ClaimId('R', at, institutions[hospitalIndex].Hospital.HospitalId, ++_reversals[hospitalIndex]),
                ["kind"] = "reversal",
                ["reversesClaimId"] = (string)settlement["claimId"]!,
                ["settledAt"] = at.ToString(SettledAtFormat, CultureInfo.InvariantCulture),
            };
        }

        /// <summary>The same stay settled again after the reversal; an audit usually takes something off.</summary>
        public JsonObject Correction(JsonObject settlement, Slot slot, long ticks)
        {
            var at = new DateTimeOffset(new DateTime(ticks), ChinaOffset);
            var totalCost = decimal.Round((decimal)settlement["totalCost"]! * (decimal)(0.85 + (0.13 * random.NextDouble())), 2);
            var correction = (JsonObject)settlement.DeepClone();
            correction["claimId"] = ClaimId('S', at, institutions[slot.Hospital].Hospital.HospitalId, ++_settlements[slot.Hospital]);
            correction["settledAt"] = at.ToString(SettledAtFormat, CultureInfo.InvariantCulture);
            correction["totalCost"] = totalCost;
            correction["fundPaid"] = decimal.Round(totalCost * slot.FundShare, 2);
            return correction;
        }

        private List<string> SecondaryDiagnoses(Adrg adrg, int severity, string principal)
        {
            var (comorbid, cc, mcc) = adrg.IsObstetric
                ? (DrgCatalogue.ObstetricComorbidities, DrgCatalogue.ObstetricComplications, DrgCatalogue.ObstetricMajorComplications)
                : (DrgCatalogue.Comorbidities, DrgCatalogue.Complications, DrgCatalogue.MajorComplications);
            var chosen = new List<string>();
            if (adrg.Accompanying.Count > 0)
            {
                chosen.Add(Pick(adrg.Accompanying));
            }

            // The severity digit is what the secondary diagnoses justify: an MCC for 1, a CC for 3, neither for 5.
            switch (severity)
            {
                case 1:
                    chosen.Add(Pick(mcc));
                    AddIf(0.5, cc);
                    break;
                case 3:
                    chosen.Add(Pick(cc));
                    AddIf(0.2, cc);
                    break;
                case 9:
                    AddIf(0.3, cc);
                    break;
            }

            var extra = random.Next(3);
            for (var i = 0; i < extra; i++)
            {
                chosen.Add(Pick(comorbid));
            }

            return chosen.Where(d => d != principal).Distinct().ToList();

            void AddIf(double probability, IReadOnlyList<string> pool)
            {
                if (random.NextDouble() < probability)
                {
                    chosen.Add(Pick(pool));
                }
            }
        }

        /// <summary>离院方式: nearly all go home on the doctor's order; a few are transferred, leave against advice, or die.</summary>
        private string Disposition(int severity)
        {
            if (severity == 1 && random.NextDouble() < 0.03)
            {
                return "5";
            }

            return random.NextDouble() switch
            {
                < 0.92 => "1",
                < 0.95 => "2",
                < 0.96 => "3",
                < 0.99 => "4",
                _ => "9",
            };
        }

        /// <summary>A township centre has a ward for medicine, one for surgery and one for women, not specialist departments.</summary>
        private static string DepartmentOf(Adrg adrg, InstitutionKind kind) => kind switch
        {
            InstitutionKind.Township when adrg.IsObstetric || adrg.Code[0] == 'N' => "妇产科",
            InstitutionKind.Township when adrg.IsSurgical => "外科",
            InstitutionKind.Township => "内科",
            _ => adrg.Department,
        };

        /// <summary>医保医师代码: the hospital's digits and a number; each department has a few attending doctors, more at higher levels.</summary>
        private string DoctorOf(string hospitalId, int level, string department)
        {
            var index = _departments.IndexOf(department);
            if (index < 0)
            {
                _departments.Add(department);
                index = _departments.Count - 1;
            }

            var doctors = level switch { 1 => 2, 2 => 5, _ => 8 };
            return string.Create(CultureInfo.InvariantCulture, $"D{hospitalId[1..]}{(index * 10) + random.Next(1, doctors + 1):D3}");
        }

        /// <summary>S (settlement) or R (reversal), the settlement date, the hospital's digits and its running number: unique by construction.</summary>
        private static string ClaimId(char prefix, DateTimeOffset at, string hospitalId, int number) =>
            string.Create(CultureInfo.InvariantCulture, $"{prefix}{at:yyyyMMdd}{hospitalId[1..]}{number:D6}");

        private string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];

        private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }
}
