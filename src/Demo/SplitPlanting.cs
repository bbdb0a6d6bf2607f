using System.Globalization;

namespace Monitoring.Demo;

/// <summary>
/// Plants split hospitalization (分解住院: one episode of care billed as two DRG cases by discharging a patient and
/// readmitting them within days, at the same hospital or inside the same alliance) into a planned year, with the
/// legitimate readmissions that look like it. Background patients are random per case, so they never pair; a planted
/// pattern takes existing cases of the right hospitals and settlement days and gives them one patient, fitting dates, a
/// diagnosis and a discharge disposition. Settlement times never move and each hospital's month is scaled to its plan
/// afterwards, so the year's spend and pace are what they were without planting.
/// <para>
/// Split episodes, about one per 285 cases (0.7% of stays): two stays at one hospital or at two members of one
/// alliance, the second admitted 0–2, 3–7 or 8–15 days after the first's discharge (a third of each), for the same
/// ADRG; a quarter with the second stay settled first (the first held back up to 30 days, as agencies do); a fifth
/// with the first stay ended against medical advice (离院方式 4); one in ten a chain of three stays; one in twelve with
/// a claim later reversed (冲销), half of those settled again corrected. Look-alikes, about as many stays: chemotherapy
/// cycles (Z51.1), dialysis runs (Z49), transfers on medical order to a hospital outside the alliance, readmissions for
/// an unrelated diagnosis, readmissions 16–25 days on, readmissions in another county, and stays ending in death.
/// </para>
/// </summary>
internal sealed class SplitPlanting
{
    /// <summary>The rates are per this many cases, and scale with the year's size.</summary>
    private const double Per = 20_000;

    private const int SplitEpisodes = 70;
    private const int ChemotherapySeries = 6;
    private const int DialysisSeries = 4;
    private const int Transfers = 10;
    private const int UnrelatedReadmissions = 10;
    private const int LateReadmissions = 8;
    private const int OtherCountyReadmissions = 8;
    private const int Deaths = 6;

    /// <summary>How many candidate cases to try before giving a pattern up: a thin year may have no fitting case.</summary>
    private const int Attempts = 40;

    private static readonly int ChemotherapyAdrg = IndexOf("RU1");
    private static readonly int DialysisAdrg = IndexOf("LL1");

    private readonly DemoScenario _scenario;
    private readonly List<CaseSlot> _slots;
    private readonly Random _random;
    private readonly int _year;
    private readonly HospitalMix[] _mixes;
    private readonly string[] _places;
    private readonly List<int>[] _byHospital;
    private readonly bool[] _taken;
    private readonly HashSet<string> _patients = [];
    private readonly List<PlantedEpisode> _episodes = [];
    private readonly List<PlantedRateHospital> _rateHospitals = [];

    /// <param name="slots">the year's cases in the order they were made (a slot's index is its <see cref="CaseSlot.Order"/>)</param>
    public SplitPlanting(DemoScenario scenario, List<CaseSlot> slots, Random random)
    {
        _scenario = scenario;
        _slots = slots;
        _random = random;
        _year = scenario.Registry.FundYear;
        _mixes = scenario.Institutions.Select(i => HospitalMix.Of(i.Hospital.Level, i.Kind)).ToArray();
        _places = scenario.Institutions.Select(i => i.Hospital.AllianceId ?? i.Hospital.HospitalId).ToArray();
        _byHospital = scenario.Institutions.Select(_ => new List<int>()).ToArray();
        foreach (var slot in slots.OrderBy(s => s.Ticks).ThenBy(s => s.Order))
        {
            _byHospital[slot.Hospital].Add(slot.Order);
        }

        _taken = new bool[slots.Count];
    }

    private IReadOnlyList<DemoInstitution> Institutions => _scenario.Institutions;

    public IReadOnlyList<PlantedEpisode> Plant()
    {
        var scale = _slots.Count / Per;
        for (var i = 0; i < Count(SplitEpisodes, scale); i++)
        {
            Try(() => SplitEpisode(i));
        }

        Repeat(ChemotherapySeries, scale, () => Series(LookAlikeKind.Chemotherapy, ChemotherapyAdrg, "Z51.100", cycleDays: (14, 21), stay: (2, 5)));
        Repeat(DialysisSeries, scale, () => Series(LookAlikeKind.Dialysis, DialysisAdrg, "Z49.100", cycleDays: (5, 12), stay: (1, 3)));
        Repeat(Transfers, scale, Transfer);
        Repeat(UnrelatedReadmissions, scale, UnrelatedReadmission);
        Repeat(LateReadmissions, scale, () => Readmission(LookAlikeKind.OutsideWindow, interval: (16, 25), otherCounty: false));
        Repeat(OtherCountyReadmissions, scale, () => Readmission(LookAlikeKind.OtherCounty, interval: (0, 15), otherCounty: true));
        Repeat(Deaths, scale, Death);
        PlantRateHospitals();
        return _episodes;
    }

    /// <summary>The hospitals planted to split deliberately, and the small centres whose rate wanders by chance.</summary>
    public IReadOnlyList<PlantedRateHospital> RateHospitals => _rateHospitals;

    /// <summary>
    /// 再入院率 at the hospital level: four hospitals that from an onset between February and April split deliberately,
    /// adding episodes at the same hospital until their rate of rule pairs is a multiple of the background's — a level-2
    /// general hospital with about a twentieth of the prefecture's cases (some 10,000 a year at 200,000) at three times,
    /// a level-2 TCM hospital at five, a level-2 private hospital at ten and a level-1 private hospital at fifteen (the
    /// smaller the hospital, the more it must split before its own numbers can show it) — and two small township
    /// centres whose ordinary pairs bunch by chance: four episodes within a month, a rate many times the year's for a
    /// few weeks, as a centre of a few hundred discharges shows now and then without splitting anything.
    /// </summary>
    private void PlantRateHospitals()
    {
        var counts = _byHospital.Select(b => b.Count).ToArray();
        int Pick(Func<int, bool> fits, Func<int, double>? closeness = null)
        {
            var candidates = Enumerable.Range(0, Institutions.Count).Where(h => fits(h) && _rateHospitals.All(r => r.Index != h)).ToList();
            return closeness is null ? candidates[_random.Next(candidates.Count)] : candidates.OrderBy(closeness).First();
        }

        var general = Pick(h => Institutions[h].Hospital.Level == 2 && Institutions[h].Kind == InstitutionKind.General,
            h => Math.Abs(counts[h] - (_slots.Count / 20.0)));
        var tcm = Pick(h => Institutions[h].Hospital.Level == 2 && Institutions[h].Kind == InstitutionKind.Tcm);
        var privateTwo = Pick(h => Institutions[h].Hospital.Level == 2 && Institutions[h].Kind == InstitutionKind.Private);
        var privateOne = Pick(h => Institutions[h].Hospital.Level == 1 && Institutions[h].Kind == InstitutionKind.Private);
        foreach (var (hospital, ratio) in new[] { (general, 3.0), (tcm, 5.0), (privateTwo, 10.0), (privateOne, 15.0) })
        {
            var onset = new DateOnly(_year, 2, 1).AddDays(_random.Next(60));
            var after = _byHospital[hospital].Count(s => Day(s) >= onset);
            var wanted = (int)Math.Round((ratio - 1) * after * SplitEpisodes / Per);
            var planted = 0;
            for (var i = 0; i < wanted; i++)
            {
                for (var attempt = 0; attempt < Attempts; attempt++)
                {
                    if (SplitEpisode(i, hospital, onset))
                    {
                        planted++;
                        break;
                    }
                }
            }

            Add(hospital, onset, planted, splits: true, ratio);
        }

        var townships = Enumerable.Range(0, Institutions.Count).Where(h => Institutions[h].Kind == InstitutionKind.Township).OrderBy(h => counts[h]).ToList();
        foreach (var hospital in new[] { townships[_random.Next(townships.Count / 2)], townships[(townships.Count / 2) + _random.Next(townships.Count / 2)] })
        {
            var onset = new DateOnly(_year, 3, 1).AddDays(_random.Next(150));
            var planted = 0;
            for (var i = 0; i < 4; i++)
            {
                for (var attempt = 0; attempt < Attempts; attempt++)
                {
                    if (SplitEpisode(i, hospital, onset, onset.AddDays(30)))
                    {
                        planted++;
                        break;
                    }
                }
            }

            Add(hospital, onset, planted, splits: false, ratio: 1);
        }
    }

    private void Add(int hospital, DateOnly onset, int episodes, bool splits, double ratio)
    {
        var h = Institutions[hospital].Hospital;
        _rateHospitals.Add(new PlantedRateHospital(hospital, h.HospitalId, h.Name, h.Level, _byHospital[hospital].Count, onset, episodes, splits, ratio));
    }

    private static int Count(int per20000, double scale) => Math.Max(1, (int)Math.Round(per20000 * scale));

    private void Repeat(int per20000, double scale, Func<bool> plant)
    {
        for (var i = 0; i < Count(per20000, scale); i++)
        {
            Try(plant);
        }
    }

    private void Try(Func<bool> plant)
    {
        for (var attempt = 0; attempt < Attempts && !plant(); attempt++)
        {
        }
    }

    /// <summary>
    /// Two stays (or a chain of three) of one patient for one ADRG at one place. Everything is planned first and
    /// written only when every stay has found its case, so a pattern that does not fit leaves no trace.
    /// </summary>
    /// <param name="hospital">the hospital the episode is planted at, first and second stay alike; any hospital when null</param>
    /// <param name="from">with <paramref name="hospital"/>, the first stay is settled on or after this day...</param>
    /// <param name="through">...and on or before this one</param>
    private bool SplitEpisode(int index, int? hospital = null, DateOnly? from = null, DateOnly? through = null)
    {
        var band = (index % 3) switch { 0 => (0, 2), 1 => (3, 7), _ => (8, 15) };
        var crossMember = hospital is null && _random.NextDouble() < 0.35;
        var secondFirst = _random.NextDouble() < 0.25;
        var chain = !secondFirst && _random.NextDouble() < 0.1;
        var againstAdvice = _random.NextDouble() < 0.2;
        var reversal = !chain && _random.NextDouble() < 1.0 / 12 ? (_random.NextDouble() < 0.5 ? PlannedReversal.Reversed : PlannedReversal.ReversedAndCorrected) : PlannedReversal.None;

        int first;
        if (hospital is { } at)
        {
            if (FirstCaseOf(at, from ?? new DateOnly(_year, 1, 20), through ?? new DateOnly(_year, 11, 16)) is not { } found)
            {
                return false;
            }

            first = found;
        }
        else if (!FirstCase(h => !crossMember || Members(h).Count > 0, out first))
        {
            return false;
        }

        var hospitalA = _slots[first].Hospital;
        var hospitalB = crossMember ? Members(hospitalA)[_random.Next(Members(hospitalA).Count)] : hospitalA;
        if (EpisodeAdrg(first, hospitalB) is not { } adrg)
        {
            return false;
        }

        var interval = _random.Next(band.Item1, band.Item2 + 1);
        var (firstAdmission, firstDischarge) = DatesBefore(first, lag: (1, 4));
        var wantedStay = Math.Max(1, (int)Math.Round(DrgCatalogue.All[adrg].MeanStay * (0.5 + (0.5 * _random.NextDouble()))));
        int second;
        DateOnly secondAdmission = firstDischarge.AddDays(interval), secondDischarge;
        if (secondFirst)
        {
            // The second stay is settled before the first: look for its case up to ten days before the first's
            // settlement, then hold the first back as long as that takes (at most 30 days after its discharge).
            var firstSettled = Day(first);
            if (Find(hospitalB, firstSettled.AddDays(-10), firstSettled, firstSettled.AddDays(-3), before: _slots[first].Ticks) is not { } found)
            {
                return false;
            }

            second = found;
            var lag = _random.Next(1, 4);
            var stay = Math.Min(wantedStay, 8);
            secondDischarge = Day(second).AddDays(-lag);
            secondAdmission = secondDischarge.AddDays(-stay);
            firstDischarge = secondAdmission.AddDays(-interval);
            var held = firstSettled.DayNumber - firstDischarge.DayNumber;
            if (held > 30 || held < 1)
            {
                return false;
            }

            firstAdmission = firstDischarge.AddDays(-Math.Max(1, _slots[first].Stay));
        }
        else if (Follow(hospitalB, secondAdmission, wantedStay, after: _slots[first].Ticks) is { } followed)
        {
            (second, secondDischarge) = followed;
        }
        else
        {
            return false;
        }

        var stays = new List<(int Slot, DateOnly Admission, DateOnly Discharge)>
        {
            (first, firstAdmission, firstDischarge),
            (second, secondAdmission, secondDischarge),
        };
        if (chain)
        {
            var thirdAdmission = secondDischarge.AddDays(_random.Next(band.Item1, band.Item2 + 1));
            if (Follow(hospitalA, thirdAdmission, wantedStay, after: _slots[second].Ticks) is not { } third)
            {
                return false;
            }

            stays.Add((third.Slot, thirdAdmission, third.Discharge));
        }

        if (stays.Any(s => _taken[s.Slot]) || stays.Select(s => s.Slot).Distinct().Count() != stays.Count)
        {
            return false;
        }

        var shape = (crossMember ? PlantedSplitShape.CrossMember : 0)
            | (secondFirst ? PlantedSplitShape.SecondSettledFirst : 0)
            | (chain ? PlantedSplitShape.Chain : 0)
            | (againstAdvice ? PlantedSplitShape.NonMedicalDischarge : 0);
        var episode = Begin(shape, lookAlike: null);
        var patient = NewPatient();
        var diagnosis = Pick(DrgCatalogue.All[adrg].Diagnoses);
        var reversed = reversal == PlannedReversal.None ? -1 : _random.Next(stays.Count);
        for (var position = 0; position < stays.Count; position++)
        {
            var (slot, admission, discharge) = stays[position];
            // Mostly the same diagnosis again; sometimes another of the group, which the ADRG still ties to the first.
            var principal = position == 0 || _random.NextDouble() < 0.7 ? diagnosis : Pick(DrgCatalogue.All[adrg].Diagnoses);
            var disposition = position == 0 && againstAdvice ? "4" : "1";
            Write(slot, adrg, new PlantedStay(episode, position, patient, admission, discharge, principal, disposition,
                position == reversed ? reversal : PlannedReversal.None));
        }

        return true;
    }

    /// <summary>Planned treatment in cycles at one hospital of level 2 or more: chemotherapy, dialysis.</summary>
    private bool Series(LookAlikeKind kind, int adrg, string diagnosis, (int Min, int Max) cycleDays, (int Min, int Max) stay)
    {
        var adrgEntry = DrgCatalogue.All[adrg];
        if (!FirstCase(h => Institutions[h].Kind == InstitutionKind.General && Institutions[h].Hospital.Level >= adrgEntry.MinimumLevel, out var first, latestDay: 220))
        {
            return false;
        }

        var hospital = _slots[first].Hospital;
        var firstStay = _random.Next(stay.Min, stay.Max + 1);
        var lag = _random.Next(1, 5);
        var discharge = Day(first).AddDays(-lag);
        var stays = new List<(int Slot, DateOnly Admission, DateOnly Discharge)> { (first, discharge.AddDays(-firstStay), discharge) };
        var cycles = _random.Next(3, 7);
        while (stays.Count < cycles)
        {
            var admission = stays[^1].Admission.AddDays(_random.Next(cycleDays.Min, cycleDays.Max + 1));
            if (admission <= stays[^1].Discharge
                || Follow(hospital, admission, _random.Next(stay.Min, stay.Max + 1), after: _slots[stays[^1].Slot].Ticks, maxStay: stay.Max) is not { } next
                || stays.Any(s => s.Slot == next.Slot))
            {
                break;
            }

            stays.Add((next.Slot, admission, next.Discharge));
        }

        if (stays.Count < 2)
        {
            return false;
        }

        var episode = Begin(0, kind);
        var patient = NewPatient();
        for (var position = 0; position < stays.Count; position++)
        {
            Write(stays[position].Slot, adrg, new PlantedStay(episode, position, patient, stays[position].Admission, stays[position].Discharge, diagnosis, "1"));
        }

        return true;
    }

    /// <summary>转院: the first hospital sends the patient on by medical order to one outside its alliance.</summary>
    private bool Transfer()
    {
        if (!FirstCase(_ => true, out var first))
        {
            return false;
        }

        var from = _slots[first].Hospital;
        var adrg = _slots[first].Adrg;
        var targets = Enumerable.Range(0, Institutions.Count)
            .Where(h => _places[h] != _places[from] && Treats(h, adrg) && Institutions[h].Hospital.Level >= Institutions[from].Hospital.Level)
            .ToList();
        if (targets.Count == 0 || Planned(adrg))
        {
            return false;
        }

        return Pair(LookAlikeKind.Transfer, first, targets[_random.Next(targets.Count)], adrg, interval: (0, 1), firstDisposition: "2");
    }

    /// <summary>The same patient back at the same hospital within days, for a different category and group altogether.</summary>
    private bool UnrelatedReadmission()
    {
        if (!FirstCase(_ => true, out var first))
        {
            return false;
        }

        var hospital = _slots[first].Hospital;
        var firstAdrg = DrgCatalogue.All[_slots[first].Adrg];
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var other = _mixes[hospital].Pick(_random);
            var otherAdrg = DrgCatalogue.All[other];
            var categories = firstAdrg.Diagnoses.Select(Category).ToHashSet();
            if (otherAdrg.Code != firstAdrg.Code && !otherAdrg.Diagnoses.Any(d => categories.Contains(Category(d))) && !Planned(other) && !otherAdrg.IsObstetric)
            {
                return Pair(LookAlikeKind.UnrelatedDiagnosis, first, hospital, other, interval: (0, 15), firstDisposition: "1");
            }
        }

        return false;
    }

    /// <summary>The same patient readmitted for the same diagnosis, too late for the window, or in another county.</summary>
    private bool Readmission(LookAlikeKind kind, (int Min, int Max) interval, bool otherCounty)
    {
        if (!FirstCase(_ => true, out var first))
        {
            return false;
        }

        var hospital = _slots[first].Hospital;
        var adrg = _slots[first].Adrg;
        var second = hospital;
        if (otherCounty)
        {
            var elsewhere = Enumerable.Range(0, Institutions.Count)
                .Where(h => Institutions[h].CountyId != Institutions[hospital].CountyId && Treats(h, adrg))
                .ToList();
            if (elsewhere.Count == 0)
            {
                return false;
            }

            second = elsewhere[_random.Next(elsewhere.Count)];
        }

        return !Planned(adrg) && Pair(kind, first, second, adrg, interval, firstDisposition: "1");
    }

    /// <summary>A stay that ends in death (离院方式 5) and nothing after it: the case a pair must never start from.</summary>
    private bool Death()
    {
        if (!FirstCase(_ => true, out var first) || _slots[first].Severity != 1)
        {
            return false;
        }

        var (admission, discharge) = DatesBefore(first, lag: (1, 4));
        var episode = Begin(0, LookAlikeKind.Death);
        var adrg = DrgCatalogue.All[_slots[first].Adrg];
        Write(first, _slots[first].Adrg, new PlantedStay(episode, 0, NewPatient(), admission, discharge, Pick(adrg.Diagnoses), "5"));
        return true;
    }

    /// <summary>A look-alike of two stays: the first on its own case, the second <paramref name="interval"/> days on.</summary>
    private bool Pair(LookAlikeKind kind, int first, int secondHospital, int secondAdrg, (int Min, int Max) interval, string firstDisposition)
    {
        var (admission, discharge) = DatesBefore(first, lag: (1, 4));
        var secondAdmission = discharge.AddDays(_random.Next(interval.Min, interval.Max + 1));
        var wantedStay = Math.Max(1, (int)Math.Round(DrgCatalogue.All[secondAdrg].MeanStay * (0.5 + (0.5 * _random.NextDouble()))));
        if (Follow(secondHospital, secondAdmission, wantedStay, after: _slots[first].Ticks) is not { } second || second.Slot == first)
        {
            return false;
        }

        var episode = Begin(0, kind);
        var patient = NewPatient();
        var firstAdrg = _slots[first].Adrg;
        var diagnosis = Pick(DrgCatalogue.All[firstAdrg].Diagnoses);
        Write(first, firstAdrg, new PlantedStay(episode, 0, patient, admission, discharge, diagnosis, firstDisposition));
        var secondDiagnosis = secondAdrg == firstAdrg ? diagnosis : Pick(DrgCatalogue.All[secondAdrg].Diagnoses);
        Write(second.Slot, secondAdrg, new PlantedStay(episode, 1, patient, secondAdmission, second.Discharge, secondDiagnosis, "1"));
        return true;
    }

    /// <summary>
    /// An untaken case settled late enough in the year for a pattern to follow it (by <paramref name="latestDay"/> of
    /// the year, from 20 January), at a hospital the pattern can use, drawn in proportion to hospitals' case counts.
    /// </summary>
    private bool FirstCase(Func<int, bool> usable, out int slot, int latestDay = 320)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            slot = _random.Next(_slots.Count);
            var dayOfYear = Day(slot).DayOfYear;
            if (!_taken[slot] && dayOfYear >= 20 && dayOfYear <= latestDay && usable(_slots[slot].Hospital))
            {
                return true;
            }
        }

        slot = -1;
        return false;
    }

    /// <summary>An untaken case of the hospital settled between the two days (inclusive), at random; null when there is none.</summary>
    private int? FirstCaseOf(int hospital, DateOnly from, DateOnly through)
    {
        var cases = _byHospital[hospital].Where(s => !_taken[s] && Day(s) >= from && Day(s) <= through).ToList();
        return cases.Count == 0 ? null : cases[_random.Next(cases.Count)];
    }

    /// <summary>The ADRG both stays of a split episode can carry: the first case's own if the second hospital treats it.</summary>
    private int? EpisodeAdrg(int first, int secondHospital)
    {
        var firstHospital = _slots[first].Hospital;
        var adrg = _slots[first].Adrg;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (Treats(firstHospital, adrg) && Treats(secondHospital, adrg) && !Planned(adrg) && !DrgCatalogue.All[adrg].IsObstetric)
            {
                return adrg;
            }

            adrg = _mixes[firstHospital].Pick(_random);
        }

        return null;
    }

    /// <summary>
    /// The case of a stay admitted on <paramref name="admission"/> at <paramref name="hospital"/>: an untaken case settled
    /// 1–4 days after a discharge that leaves a stay of 1 to <paramref name="maxStay"/> days, as near the wanted stay as
    /// the cases allow, and settled after <paramref name="after"/>.
    /// </summary>
    private (int Slot, DateOnly Discharge)? Follow(int hospital, DateOnly admission, int wantedStay, long after, int maxStay = 30)
    {
        var wanted = Math.Min(wantedStay, maxStay);
        if (Find(hospital, admission.AddDays(2), admission.AddDays(maxStay + 4), admission.AddDays(wanted + 2), after: after) is not { } slot)
        {
            return null;
        }

        var settled = Day(slot).DayNumber - admission.DayNumber;
        var lag = _random.Next(Math.Max(1, settled - maxStay), Math.Min(4, settled - 1) + 1);
        return (slot, admission.AddDays(settled - lag));
    }

    /// <summary>The untaken case of the hospital settled between the two days (inclusive) nearest the wanted day.</summary>
    private int? Find(int hospital, DateOnly earliest, DateOnly latest, DateOnly wanted, long after = long.MinValue, long before = long.MaxValue)
    {
        int? best = null;
        var bestDistance = int.MaxValue;
        foreach (var slot in _byHospital[hospital])
        {
            var day = Day(slot);
            if (day > latest)
            {
                break;
            }

            if (day < earliest || _taken[slot] || _slots[slot].Ticks <= after || _slots[slot].Ticks >= before)
            {
                continue;
            }

            var distance = Math.Abs(day.DayNumber - wanted.DayNumber);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (slot, distance);
            }
        }

        return best;
    }

    /// <summary>Discharged 1–4 days before the case is settled, after the case's own length of stay.</summary>
    private (DateOnly Admission, DateOnly Discharge) DatesBefore(int slot, (int Min, int Max) lag)
    {
        var discharge = Day(slot).AddDays(-_random.Next(lag.Min, lag.Max + 1));
        return (discharge.AddDays(-Math.Max(1, _slots[slot].Stay)), discharge);
    }

    /// <summary>The other members of the hospital's alliance that share cases with it; none outside an alliance.</summary>
    private List<int> Members(int hospital) =>
        Institutions[hospital].Hospital.AllianceId is { } alliance
            ? Enumerable.Range(0, Institutions.Count).Where(h => h != hospital && Institutions[h].Hospital.AllianceId == alliance).ToList()
            : [];

    private bool Treats(int hospital, int adrg) =>
        Institutions[hospital].Hospital.Level >= DrgCatalogue.All[adrg].MinimumLevel && DrgCatalogue.All[adrg].Mix.For(Institutions[hospital].Kind) > 0;

    private static bool Planned(int adrg) => adrg == ChemotherapyAdrg || adrg == DialysisAdrg;

    private int Begin(PlantedSplitShape shape, LookAlikeKind? lookAlike)
    {
        _episodes.Add(new PlantedEpisode(_episodes.Count, shape, lookAlike));
        return _episodes.Count - 1;
    }

    /// <summary>Takes the case for the planted stay, recast for the stay's group when the group is not the case's own.</summary>
    private void Write(int slot, int adrg, PlantedStay stay)
    {
        var current = _slots[slot];
        var level = Institutions[current.Hospital].Hospital.Level;
        var recast = current.Adrg == adrg ? current : YearPlan.Recast(current, level, adrg, _random);
        _slots[slot] = recast with { Planted = stay };
        _taken[slot] = true;
    }

    private string NewPatient()
    {
        string patient;
        do
        {
            patient = string.Create(CultureInfo.InvariantCulture, $"P-{_random.NextInt64(0x1_0000_0000):x8}");
        }
        while (!_patients.Add(patient));

        return patient;
    }

    private DateOnly Day(int slot) => DateOnly.FromDateTime(new DateTime(_slots[slot].Ticks));

    private string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];

    private static string Category(string diagnosis) => diagnosis[..3];

    private static int IndexOf(string code) => DrgCatalogue.All.Select((a, i) => (a, i)).Single(p => p.a.Code == code).i;
}
