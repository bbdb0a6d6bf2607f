using Monitoring.Cases;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

public sealed class CaseWorkflowTests
{
    /// <summary>
    /// Who may make which move in which situation, written out by hand from the workflow (not derived from the
    /// code): every pair not listed must be refused.
    /// </summary>
    private static readonly Dictionary<(string Situation, string Actor), string[]> Legal = new()
    {
        // Reassigning is the owner's or a supervisor's (a regulator, a region inspector) move: a county inspector who
        // does not own the case cannot give it to itself, nor anyone else (issue 25, item 3).
        [("open", "owner")] = ["take", "note"],
        [("open", "other-inspector")] = ["take", "note"],
        [("open", "region-inspector")] = ["take", "assign", "note"],
        [("open", "regulator")] = ["assign", "note"],
        [("assigned", "owner")] = ["assign", "ask-hospital", "review", "note"],
        [("assigned", "other-inspector")] = ["note"],
        [("assigned", "region-inspector")] = ["assign", "note"],
        [("assigned", "regulator")] = ["assign", "note"],
        [("awaiting-hospital", "owner")] = ["assign", "review", "note"],
        [("awaiting-hospital", "other-inspector")] = ["note"],
        [("awaiting-hospital", "region-inspector")] = ["assign", "note"],
        [("awaiting-hospital", "regulator")] = ["assign", "note"],
        [("awaiting-hospital", "own-hospital")] = ["answer"],
        [("under-review", "owner")] = ["assign", "ask-hospital", "confirm", "dismiss", "note"],
        [("under-review", "other-inspector")] = ["note"],
        [("under-review", "region-inspector")] = ["assign", "note"],
        [("under-review", "regulator")] = ["assign", "note"],
        [("confirmed", "own-hospital")] = ["appeal"],
        [("appealed", "region-inspector")] = ["decide-appeal", "note"],
    };

    private static readonly string[] Situations =
    [
        "open", "assigned", "awaiting-hospital", "under-review", "confirmed", "confirmed-appeal-period-over", "confirmed-after-appeal",
        "dismissed", "appealed", "withdrawn",
    ];

    private static readonly string[] InspectorsWhoMayNote = ["owner", "other-inspector", "region-inspector", "regulator"];

    private static string[] Expected(string situation, string actor) =>
        Legal.TryGetValue((situation, actor), out var moves) ? moves
        : situation is "confirmed" or "confirmed-appeal-period-over" or "confirmed-after-appeal" or "dismissed" or "appealed" or "withdrawn"
            && InspectorsWhoMayNote.Contains(actor) ? ["note"]
        : [];

    public static TheoryData<string, string, string> EveryMove()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var situation in Situations)
        {
            foreach (var actor in Actors.Keys)
            {
                foreach (var action in CaseActions.Requestable)
                {
                    data.Add(situation, actor, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_is_made_or_refused_as_the_workflow_says(string situation, string actor, string action)
    {
        var before = In(situation);
        var move = CaseWorkflow.Apply(before, Complete(action), Actors[actor], Now, SettlementNow, CaseRules.Default);
        var legal = Expected(situation, actor).Contains(action);

        Assert.Equal(legal ? CaseMoveKind.Moved : CaseMoveKind.Refused, move.Kind);
        if (legal)
        {
            var entry = Assert.Single(move.Case!.History);
            Assert.Equal((action, before.Status, move.Case.Status, Actors[actor].Name), (entry.Action, entry.FromStatus, entry.ToStatus, entry.Actor));
        }
        else
        {
            Assert.Contains(action, move.Error);
            Assert.Equal(Expected(situation, actor).Order(), move.Allowed.Order());
        }
    }

    [Theory]
    [InlineData("open", CaseActions.Take, CaseStatus.Assigned)]
    [InlineData("assigned", CaseActions.AskHospital, CaseStatus.AwaitingHospital)]
    [InlineData("assigned", CaseActions.Review, CaseStatus.UnderReview)]
    [InlineData("awaiting-hospital", CaseActions.Review, CaseStatus.UnderReview)]
    [InlineData("under-review", CaseActions.AskHospital, CaseStatus.AwaitingHospital)]
    [InlineData("under-review", CaseActions.Confirm, CaseStatus.Confirmed)]
    [InlineData("under-review", CaseActions.Dismiss, CaseStatus.Dismissed)]
    [InlineData("under-review", CaseActions.Note, CaseStatus.UnderReview)]
    public void An_inspectors_move_leads_to_its_status(string situation, string action, string status)
    {
        var move = CaseWorkflow.Apply(In(situation), Complete(action), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(status, move.Case!.Status);
    }

    [Fact]
    public void A_supervisor_assigning_an_open_case_makes_it_assigned() =>
        Assert.Equal(CaseStatus.Assigned, CaseWorkflow.Apply(In("open"), Complete(CaseActions.Assign), Regulator, Now, SettlementNow, CaseRules.Default).Case!.Status);

    [Fact]
    public void A_second_inspector_cannot_make_itself_owner_by_assigning_itself_and_so_cannot_decide()
    {
        var assignItself = CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Assign, Assignee: OtherInspector.Name), OtherInspector, Now,
            SettlementNow, CaseRules.Default);

        Assert.Equal(CaseMoveKind.Refused, assignItself.Kind);
        Assert.Contains("owner or a supervisor", assignItself.Error);
        Assert.Equal(CaseMoveKind.Refused,
            CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Confirm, Amount: 1m), OtherInspector, Now, SettlementNow, CaseRules.Default).Kind);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("region-inspector")]
    [InlineData("regulator")]
    public void The_owner_or_a_supervisor_reassigns_and_the_history_records_who_to_whom(string actor)
    {
        var move = CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Assign, Assignee: "insp-c"), Actors[actor], Now, SettlementNow, CaseRules.Default);

        Assert.Equal("insp-c", move.Case!.Owner);
        var line = move.Case.History[^1];
        Assert.Equal((CaseActions.Assign, Actors[actor].Name, "insp-c", true), (line.Action, line.Actor, line.Assignee, line.Internal));
    }

    [Fact]
    public void Taking_makes_the_taker_the_owner_and_assigning_names_the_assignee()
    {
        Assert.Equal("insp-b", CaseWorkflow.Apply(In("open"), Complete(CaseActions.Take), OtherInspector, Now, SettlementNow, CaseRules.Default).Case!.Owner);
        Assert.Equal("insp-b", CaseWorkflow.Apply(In("assigned"), Complete(CaseActions.Assign), Regulator, Now, SettlementNow, CaseRules.Default).Case!.Owner);
    }

    [Fact]
    public void Asking_the_hospital_sets_its_answer_date_and_answering_moves_the_case_to_review()
    {
        var asked = CaseWorkflow.Apply(In("assigned"), Complete(CaseActions.AskHospital), Owner, Now, SettlementNow, CaseRules.Default).Case!;
        Assert.Equal(Now + CaseRules.Default.AnswerPeriod, asked.AnswerDueAt);

        var answered = CaseWorkflow.Apply(asked, Complete(CaseActions.Answer), OwnHospital, Now, SettlementNow, CaseRules.Default).Case!;
        Assert.Equal(CaseStatus.UnderReview, answered.Status);
        Assert.Null(answered.AnswerDueAt);
        Assert.Equal(["病案首页-001.pdf"], answered.History[^1].Documents);
    }

    [Fact]
    public void Confirming_books_the_recovery_as_negative_fund_pay_at_the_settlement_time()
    {
        var move = CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Confirm, Amount: 4321.09m), Owner, Now, SettlementNow, CaseRules.Default);

        Assert.Equal(new LedgerBooking("recovery/C-test/1", -4321.09m, SettlementNow, "recovery"), move.Booking);
        Assert.Equal(4321.09m, move.Case!.Recovered);
        Assert.Equal(new CaseDecision(CaseStatus.Confirmed, 4321.09m, "", "insp-a", "county:530922", Now), move.Case.Decision);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("12345.68")]
    [InlineData("100.001")]
    public void A_recovery_must_be_positive_to_the_fen_and_at_most_the_amount_at_stake(string amount)
    {
        var move = CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Confirm, Amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            Owner, Now, SettlementNow, CaseRules.Default);

        Assert.Equal(CaseMoveKind.Invalid, move.Kind);
        Assert.Contains("amount", move.Error);
    }

    [Fact]
    public void The_whole_amount_at_stake_may_be_recovered()
    {
        var move = CaseWorkflow.Apply(In("under-review"), new CaseCommand(CaseActions.Confirm, Amount: 12_345.67m), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseMoveKind.Moved, move.Kind);
    }

    [Theory]
    [InlineData(CaseActions.Dismiss, "under-review", "reason")]
    [InlineData(CaseActions.AskHospital, "assigned", "question")]
    [InlineData(CaseActions.Note, "assigned", "text")]
    public void A_move_that_needs_words_is_refused_as_bad_input_without_them(string action, string situation, string word)
    {
        var move = CaseWorkflow.Apply(In(situation), new CaseCommand(action, Note: "  "), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseMoveKind.Invalid, move.Kind);
        Assert.Contains(word, move.Error);
    }

    [Fact]
    public void An_unknown_action_is_bad_input_naming_the_actions()
    {
        var move = CaseWorkflow.Apply(In("open"), new CaseCommand("close"), Owner, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseMoveKind.Invalid, move.Kind);
        Assert.Contains("decide-appeal", move.Error);
    }

    [Fact]
    public void Overturning_on_appeal_books_the_recovery_back_and_upholding_books_nothing()
    {
        var overturned = CaseWorkflow.Apply(In("appealed"), new CaseCommand(CaseActions.DecideAppeal, Note: "records support both stays", Outcome: CaseActions.Overturn),
            RegionInspector, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseStatus.Dismissed, overturned.Case!.Status);
        Assert.Equal(new LedgerBooking("recovery/C-test/2", 1000m, SettlementNow, "appeal-overturned"), overturned.Booking);
        Assert.Equal(0m, overturned.Case.Recovered);

        var upheld = CaseWorkflow.Apply(In("appealed"), Complete(CaseActions.DecideAppeal), RegionInspector, Now, SettlementNow, CaseRules.Default);
        Assert.Equal(CaseStatus.Confirmed, upheld.Case!.Status);
        Assert.Null(upheld.Booking);
        Assert.Equal(1000m, upheld.Case.Recovered);
    }

    [Fact]
    public void A_region_inspectors_decision_is_reviewed_by_the_admin()
    {
        var appealed = In("appealed") with { Decision = In("appealed").Decision! with { ByScope = "region:530900" } };

        Assert.Equal(CaseMoveKind.Refused, CaseWorkflow.Apply(appealed, Complete(CaseActions.DecideAppeal), RegionInspector, Now, SettlementNow, CaseRules.Default).Kind);
        Assert.Equal(CaseMoveKind.Moved, CaseWorkflow.Apply(appealed, Complete(CaseActions.DecideAppeal), Admin, Now, SettlementNow, CaseRules.Default).Kind);
    }

    [Fact]
    public void A_second_appeal_and_a_late_appeal_are_refused_saying_why()
    {
        Assert.Contains("already appealed", CaseWorkflow.Apply(In("confirmed-after-appeal"), Complete(CaseActions.Appeal), OwnHospital, Now, SettlementNow, CaseRules.Default).Error);
        Assert.Contains("appeal period", CaseWorkflow.Apply(In("confirmed-appeal-period-over"), Complete(CaseActions.Appeal), OwnHospital, Now, SettlementNow, CaseRules.Default).Error);
    }

    [Fact]
    public void The_appeal_period_comes_from_the_rules()
    {
        var longer = CaseRules.Default with { AppealPeriod = TimeSpan.FromDays(30) };
        Assert.Equal(CaseMoveKind.Moved, CaseWorkflow.Apply(In("confirmed-appeal-period-over"), Complete(CaseActions.Appeal), OwnHospital, Now, SettlementNow, longer).Kind);
    }

    [Fact]
    public void A_non_owner_is_told_to_take_the_case_first()
    {
        var move = CaseWorkflow.Apply(In("under-review"), Complete(CaseActions.Confirm), OtherInspector, Now, SettlementNow, CaseRules.Default);
        Assert.Contains("only the inspector who owns the case", move.Error);
    }

    [Theory]
    [InlineData("open", true)]
    [InlineData("assigned", true)]
    [InlineData("awaiting-hospital", true)]
    [InlineData("under-review", true)]
    [InlineData("confirmed", false)]
    [InlineData("dismissed", false)]
    [InlineData("appealed", false)]
    [InlineData("withdrawn", false)]
    public void A_withdrawn_finding_closes_only_an_undecided_case(string situation, bool closes)
    {
        var withdrawn = CaseWorkflow.Withdraw(In(situation), "claim-reversed", Now);
        Assert.Equal(closes, withdrawn is not null);
        if (withdrawn is not null)
        {
            Assert.Equal(CaseStatus.Withdrawn, withdrawn.Status);
            Assert.Equal(("withdraw", "system", "claim-reversed", false), (withdrawn.History[^1].Action, withdrawn.History[^1].Actor, withdrawn.History[^1].Note, withdrawn.History[^1].Internal));
        }
    }

    [Fact]
    public void The_whole_way_leaves_one_history_line_per_move_and_never_changes_an_earlier_one()
    {
        (CaseActor Actor, CaseCommand Command)[] steps =
        [
            (Owner, new CaseCommand(CaseActions.Take)),
            (Owner, new CaseCommand(CaseActions.Note, Note: "internal: compare with the ward roster")),
            (Owner, new CaseCommand(CaseActions.AskHospital, Note: "why was the patient discharged on day 2?")),
            (OwnHospital, new CaseCommand(CaseActions.Answer, Note: "the patient asked to leave", Documents: ["出院记录.pdf"])),
            (Owner, new CaseCommand(CaseActions.Confirm, Note: "no record of a request to leave", Amount: 6000m)),
            (OwnHospital, new CaseCommand(CaseActions.Appeal, Note: "signed request attached", Documents: ["申请书.pdf"])),
            (RegionInspector, new CaseCommand(CaseActions.DecideAppeal, Note: "the request is signed and dated", Outcome: CaseActions.Overturn)),
        ];
        var c = Opened();
        var at = Now;
        foreach (var (actor, command) in steps)
        {
            at = at.AddHours(1);
            var before = c;
            var move = CaseWorkflow.Apply(c, command, actor, at, SettlementNow, CaseRules.Default);
            Assert.True(move.Kind == CaseMoveKind.Moved, move.Error);
            c = move.Case!;
            Assert.Equal(before.History, c.History[..^1]);
            Assert.Equal((before.History.Length + 1, at, actor.Name, command.Action, command.Note), (c.History[^1].Seq, c.History[^1].At, c.History[^1].Actor, c.History[^1].Action, c.History[^1].Note));
        }

        Assert.Equal(
            [
                "open→assigned", "assigned→assigned", "assigned→awaiting-hospital", "awaiting-hospital→under-review", "under-review→confirmed",
                "confirmed→appealed", "appealed→dismissed",
            ],
            c.History.Select(e => $"{e.FromStatus}→{e.ToStatus}"));
        Assert.Equal([-6000m, 6000m], c.Bookings.Select(b => b.FundPaid));
    }

    [Fact]
    public void A_case_is_overdue_past_its_decision_date_or_its_answer_date_until_it_is_decided()
    {
        Assert.False(In("assigned").IsOverdue(Now));
        Assert.True(In("assigned").IsOverdue(In("assigned").DueAt.AddMinutes(1)));
        Assert.True(In("awaiting-hospital").IsOverdue(In("awaiting-hospital").AnswerDueAt!.Value.AddMinutes(1)));
        Assert.False(In("confirmed").IsOverdue(In("confirmed").DueAt.AddDays(100)));
    }
}
