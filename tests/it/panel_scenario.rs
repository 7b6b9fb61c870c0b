//! A whole panel, with only files passing between the machines: programme
//! staff make packages, three assessors score them alone and send result
//! files back, one declares a conflict, the panel settles a disagreement by
//! consensus, the invited applicants are interviewed and one sends an
//! addendum, round 2 starts from each assessor's round-1 copy, and the
//! ranking, the award and the budget follow. At the end nobody's work is
//! lost and the audit log accounts for every value in the dossier.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::{rubric, values_for_total, when};
use leidraad_core::allocation::{self, Rule};
use leidraad_core::audit::{self, Field};
use leidraad_core::consensus::{self, Chair};
use leidraad_core::dossier::{
    Addendum, Application, ApplicationId, Dossier, Interview, Round, Value, Verdict,
};
use leidraad_core::edit::{self, EditError, Target};
use leidraad_core::panel::{self, Flag, PanelError};
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::scoring::{self, Missing, Status};
use leidraad_core::store;
use leidraad_report::{self as report, SheetKind};

const ANNA: &str = "Anna Veldkamp";
const BRAM: &str = "Bram Oosterhof";
const CEES: &str = "Cees Wildeman";
const STAFF: &str = "Programmabureau";
const CHAIR: &str = "Dirk Voorzitter";

/// Invented regions: no real region gets an invented score.
const REGIONS: [(&str, &str); 6] = [
    ("A01", "Regio Duinkant"),
    ("A02", "Polderwaard"),
    ("A03", "Heidezoom"),
    ("A04", "Rivierland-Oost"),
    ("A05", "Kustmeren"),
    ("A06", "Bosrand"),
];

fn app(id: &str) -> ApplicationId {
    ApplicationId::from(id)
}

fn id(s: &str) -> CriterionId {
    s.into()
}

/// One file on one machine: written atomically, read back as the other
/// side would.
fn send(dir: &Path, name: &str, d: &Dossier) -> PathBuf {
    let path = dir.join(name);
    store::save_dossier(&path, d).unwrap();
    path
}

fn receive(path: &Path, r: &Rubric) -> Dossier {
    let text = store::read_text(path).unwrap();
    store::parse_dossier(&text, &path.display().to_string(), r).unwrap()
}

/// Score a whole application as an assessor does in the window: every KO,
/// every criterion with a motivation, then submit.
fn score(
    r: &Rubric,
    d: &mut Dossier,
    who: &str,
    application: &str,
    total: u32,
    failed_ko: Option<&str>,
    at: DateTime<Utc>,
) {
    let t = Target {
        application: app(application),
        assessor: who.into(),
        round: Round::One,
    };
    for ko in &r.knockouts {
        let verdict = if failed_ko == Some(ko.id.as_str()) {
            Verdict::NotMet
        } else {
            Verdict::Met
        };
        edit::set_verdict(r, d, &t, &ko.id, verdict, at).unwrap();
        edit::set_ko_motivation(r, d, &t, &ko.id, &format!("{who} over {}", ko.id), at).unwrap();
    }
    for (c, v) in values_for_total(r, total) {
        let c = id(&c);
        edit::set_value(r, d, &t, &c, Some(v), at).unwrap();
        edit::set_motivation(r, d, &t, &c, &format!("{who}: {c} in {application}"), at).unwrap();
    }
    edit::submit(r, d, &t, at).unwrap();
}

/// The minutes after the start of the scenario.
fn at(minutes: i64) -> DateTime<Utc> {
    when() + Duration::minutes(minutes)
}

/// The four machines: the programme office and one per assessor, each a
/// folder of its own.
struct Machines {
    office: PathBuf,
    anna_pc: PathBuf,
    bram_pc: PathBuf,
    cees_pc: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Machines {
    fn new() -> Machines {
        let tmp = tempfile::tempdir().unwrap();
        let (office, anna_pc, bram_pc, cees_pc) = (
            tmp.path().join("bureau"),
            tmp.path().join("anna"),
            tmp.path().join("bram"),
            tmp.path().join("cees"),
        );
        for d in [&office, &anna_pc, &bram_pc, &cees_pc] {
            std::fs::create_dir(d).unwrap();
        }
        Machines {
            office,
            anna_pc,
            bram_pc,
            cees_pc,
            _tmp: tmp,
        }
    }

    /// Each assessor with their machine.
    fn assessors(&self) -> [(&'static str, &Path); 3] {
        [
            (ANNA, &self.anna_pc),
            (BRAM, &self.bram_pc),
            (CEES, &self.cees_pc),
        ]
    }
}

#[test]
fn three_assessors_on_three_machines_produce_one_dossier() {
    let r = rubric();
    let m = Machines::new();
    let main = set_up(&r, &m);
    let inbox = packages_out(&r, &m, &main);
    let (results, stale_anna) = score_round_one(&r, &inbox);
    let mut dossier = import_round_one(&r, &m, &main, &results, &stale_anna);
    disagreement(&r, &dossier);
    consensus_on_a03_and_a04(&r, &mut dossier);
    interviews_and_an_addendum(&r, &mut dossier);
    let main = send(&m.office, "dossier.ron", &dossier);
    let (mut dossier, results2) = round_two(&r, &m, &main);
    award(&r, &mut dossier);
    let main = send(&m.office, "dossier.ron", &dossier);
    let dossier = receive(&main, &r);
    nobody_s_work_was_lost(&r, &dossier, results.iter().chain(&results2));
    the_audit_log_accounts_for_everything(&dossier);
}

/// The programme office sets up the dossier; its file on the office's
/// machine.
fn set_up(r: &Rubric, m: &Machines) -> PathBuf {
    let mut dossier = Dossier::new("Proeftuinen tweede tranche", r);
    // The programme bureau puts itself and the chair on the staff list:
    // they see every total; the assessors see them only after submitting.
    leidraad_core::roles::add_staff(&mut dossier, STAFF, STAFF, at(0)).unwrap();
    leidraad_core::roles::add_staff(&mut dossier, CHAIR, STAFF, at(0)).unwrap();
    for (i, region) in REGIONS {
        let mut a = Application::new(i, region);
        a.requested_eur = Some(900_000);
        edit::add_application(&mut dossier, a).unwrap();
    }
    for who in [ANNA, BRAM, CEES] {
        dossier.ensure_assessor(who);
    }
    // Cees knows people at Kustmeren: declared before the packages go out.
    panel::declare_conflict(&mut dossier, CEES, &app("A05"), "Oud-collega", at(1)).unwrap();
    send(&m.office, "dossier.ron", &dossier)
}

/// Round 1 packages out: each assessor's package on their machine.
fn packages_out(r: &Rubric, m: &Machines, main: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut inbox = Vec::new();
    // Issuing is recorded in the office's dossier.
    let mut office = receive(main, r);
    for (who, pc) in m.assessors() {
        let p = panel::issue_package(r, &mut office, who, Round::One, None, at(2)).unwrap();
        assert!(p.assessments.iter().all(|a| a.assessor == who));
        assert!(
            p.audit.is_empty(),
            "the audit log (others' scores) stays home"
        );
        inbox.push((who, send(pc, "pakket-ronde1.ron", &p)));
    }
    assert_eq!(send(&m.office, "dossier.ron", &office), main);
    let cees_pkg = receive(&inbox[2].1, r);
    assert!(
        cees_pkg.application(&app("A05")).is_none(),
        "a declared conflict leaves the application out of the package"
    );
    inbox
}

/// Each assessor scores alone: the result files (Anna, Bram, Cees) and
/// Anna's result file sent too early.
fn score_round_one(r: &Rubric, inbox: &[(&str, PathBuf)]) -> (Vec<PathBuf>, PathBuf) {
    // Round-1 totals per application: (Anna, Bram, Cees).
    let plan: [(&str, [u32; 3]); 6] = [
        ("A01", [70, 72, 74]),
        ("A02", [60, 62, 64]),
        ("A03", [40, 60, 62]), // Anna below the line, the others above
        ("A04", [55, 57, 59]), // Bram fails KO3 (below)
        ("A05", [45, 47, 0]),  // Cees has a conflict
        ("A06", [80, 82, 84]),
    ];
    let mut results = Vec::new();
    let mut stale_anna = None;
    for (k, (who, pkg)) in inbox.iter().enumerate() {
        let mut work = receive(pkg, r);
        let pc = pkg.parent().unwrap();
        for (n, (a, totals)) in plan.iter().enumerate() {
            if *who == CEES && *a == "A05" {
                // The app refuses: the application is not in the package.
                let t = Target {
                    application: app(a),
                    assessor: CEES.into(),
                    round: Round::One,
                };
                assert!(matches!(
                    edit::set_value(r, &mut work, &t, &id("C1"), Some(Value::Yes), at(3)),
                    Err(EditError::UnknownApplication(_))
                ));
                continue;
            }
            if *who == ANNA && *a == "A01" {
                // A result file sent too early, with A01 half done: it
                // will arrive after the finished one.
                let t = Target {
                    application: app(a),
                    assessor: ANNA.into(),
                    round: Round::One,
                };
                edit::set_value(r, &mut work, &t, &id("C1"), Some(Value::No), at(5)).unwrap();
                stale_anna = Some(send(pc, "resultaat-vroeg.ron", &work));
            }
            let ko = (*who == BRAM && *a == "A04").then_some("KO3");
            score(r, &mut work, who, a, totals[k], ko, at(10 + n as i64));
        }
        results.push(send(pc, "resultaat-ronde1.ron", &work));
    }
    (results, stale_anna.unwrap())
}

/// The office imports the results; again is harmless, an early, a
/// tampered and a hand-edited file are refused. The dossier, also saved.
fn import_round_one(
    r: &Rubric,
    m: &Machines,
    main: &Path,
    results: &[PathBuf],
    stale_anna: &Path,
) -> Dossier {
    let mut dossier = receive(main, r);
    for result in results {
        let report =
            panel::import_result(r, &mut dossier, &receive(result, r), STAFF, at(60)).unwrap();
        assert!(report.updated.is_empty() && report.unchanged.is_empty());
    }
    // Importing again is harmless.
    let before = dossier.clone();
    let again =
        panel::import_result(r, &mut dossier, &receive(&results[0], r), STAFF, at(61)).unwrap();
    assert_eq!(again.unchanged.len(), 6);
    assert_eq!(dossier.assessments, before.assessments);
    // The early file is older than what the dossier holds: refused, nothing
    // changes.
    let stale = receive(stale_anna, r);
    let err = panel::import_result(r, &mut dossier, &stale, STAFF, at(62)).unwrap_err();
    assert!(matches!(err, PanelError::Older { .. }), "{err}");
    assert_eq!(dossier.assessments, before.assessments);
    // A tampered file: Anna's result with one of Bram's assessments slipped in.
    let mut tampered = receive(&results[0], r);
    let mut forged = dossier
        .assessment(&app("A03"), BRAM, Round::One)
        .unwrap()
        .clone();
    forged.criteria.get_mut(&id("C1")).unwrap().value = Some(Value::Points(1));
    tampered.assessments.push(forged);
    let err = panel::import_result(r, &mut dossier, &tampered, STAFF, at(63)).unwrap_err();
    assert!(matches!(err, PanelError::OtherAssessor { .. }), "{err}");
    // A tampered file whose audit log was edited by hand does not load.
    let mut text = std::fs::read_to_string(&results[1]).unwrap();
    let first_change = text.find("new: \"voldaan\"").expect("a logged verdict");
    text.replace_range(first_change..first_change + 14, "new: \"twijfel\"");
    let err = store::parse_dossier(&text, "bram-vervalst.ron", r).unwrap_err();
    assert!(err.to_string().contains("audit log entry"), "{err}");
    assert_eq!(dossier.assessments, before.assessments);
    send(&m.office, "dossier.ron", &dossier);
    dossier
}

/// The disagreements of round 1 are flagged and wait for the panel; blind
/// scoring holds.
fn disagreement(r: &Rubric, dossier: &Dossier) {
    let flags = panel::disagreements(r, dossier, Round::One);
    assert!(matches!(&flags[0], Flag::KoSplit { application, ko, .. }
        if application == &app("A04") && ko == &id("KO3")));
    assert!(flags.iter().any(|f| matches!(f,
        Flag::ThresholdSplit { application, .. } if application == &app("A03"))));
    let r1 = scoring::evaluate(r, dossier, Round::One);
    assert!(
        r1.get(&app("A04"))
            .unwrap()
            .missing
            .contains(&Missing::KoSplit(id("KO3"))),
        "a split KO waits for the panel"
    );

    // Blind scoring: Anna has submitted A01, so she may see the others.
    assert!(panel::may_see_others(
        dossier,
        ANNA,
        &app("A01"),
        Round::One
    ));
    assert!(!panel::may_see_others(
        dossier,
        CEES,
        &app("A05"),
        Round::One
    ));
}

/// Consensus on A04 (start from the mean and the majority) and on A03;
/// the consensus sheet prints and the statuses follow.
fn consensus_on_a03_and_a04(r: &Rubric, dossier: &mut Dossier) {
    let chair = Chair {
        application: app("A04"),
        round: Round::One,
        by: CHAIR.into(),
    };
    consensus::start_from_proposal(r, dossier, &chair, at(70)).unwrap();
    let c = dossier.consensus_for(&app("A04"), Round::One).unwrap();
    assert_eq!(
        c.knockouts[&id("KO3")].verdict,
        Verdict::Met,
        "two of three"
    );
    assert!(!consensus::missing_motivations(dossier, &app("A04"), Round::One).is_empty());
    for ko in &r.knockouts {
        consensus::set_motivation(r, dossier, &chair, &ko.id, "Panel: voldaan.", at(71)).unwrap();
    }
    for crit in r.criteria() {
        consensus::set_motivation(r, dossier, &chair, &crit.id, "Panel eens.", at(71)).unwrap();
    }
    assert!(consensus::missing_motivations(dossier, &app("A04"), Round::One).is_empty());
    // A draft counts only once the chair records it.
    let draft = scoring::evaluate(r, dossier, Round::One);
    assert_eq!(draft.status_of(&app("A04")), Some(Status::Incomplete));
    consensus::record(r, dossier, &chair, at(71)).unwrap();
    // The panel settles A03 on 55: C1 agreed lower than the mean.
    let chair3 = Chair {
        application: app("A03"),
        ..chair.clone()
    };
    consensus::start_from_proposal(r, dossier, &chair3, at(72)).unwrap();
    let sheet = report::score_sheet(
        r,
        dossier,
        &SheetKind::Consensus {
            application: app("A04"),
            round: Round::One,
        },
        NaiveDate::from_ymd_opt(2022, 8, 20).unwrap(),
    )
    .unwrap();
    assert!(sheet.starts_with(b"%PDF"));

    let r1 = scoring::evaluate(r, dossier, Round::One);
    let status = |id: &str| r1.status_of(&app(id)).unwrap();
    assert_eq!(
        status("A04"),
        Status::Invited,
        "consensus lifts the KO split"
    );
    assert!(r1.get(&app("A04")).unwrap().consensus);
    assert_eq!(status("A05"), Status::BelowThreshold);
    for invited in ["A01", "A02", "A03", "A06"] {
        assert_eq!(status(invited), Status::Invited, "{invited}");
    }
}

/// The invited applicants are interviewed (not the one below the line) and
/// one sends an addendum.
fn interviews_and_an_addendum(r: &Rubric, dossier: &mut Dossier) {
    for (n, invited) in ["A01", "A02", "A03", "A04", "A06"].iter().enumerate() {
        let interview = Interview {
            application: app(invited),
            date: NaiveDate::from_ymd_opt(2022, 9, 1 + n as u32).unwrap(),
            participants: vec![ANNA.into(), BRAM.into(), "Projectleider".into()],
            notes: format!("Gesprek met {invited}"),
            confidence: None,
            recorded_by: String::new(),
            recorded: None,
        };
        consensus::record_interview(r, dossier, interview, STAFF, at(80)).unwrap();
    }
    let no_interview = Interview {
        application: app("A05"),
        date: NaiveDate::from_ymd_opt(2022, 9, 9).unwrap(),
        participants: vec![],
        notes: String::new(),
        confidence: None,
        recorded_by: String::new(),
        recorded: None,
    };
    assert!(matches!(
        consensus::record_interview(r, dossier, no_interview, STAFF, at(80)),
        Err(EditError::NotInvited(_))
    ));
    let addendum = Addendum {
        application: app("A02"),
        received: NaiveDate::from_ymd_opt(2022, 9, 15).unwrap(),
        document: "Addendum Polderwaard.pdf".into(),
        note: "Begroting aangevuld".into(),
        recorded_by: String::new(),
        recorded: None,
    };
    consensus::register_addendum(r, dossier, addendum, STAFF, at(81)).unwrap();
}

/// Round 2: packages of the invited plans; each assessor starts from their
/// own round-1 copy, confirms or changes each value; the office imports
/// the results. The dossier and the result files.
fn round_two(r: &Rubric, m: &Machines, main: &Path) -> (Dossier, Vec<PathBuf>) {
    let mut results2 = Vec::new();
    let mut office = receive(main, r);
    for (who, pc) in m.assessors() {
        let p = panel::issue_package(r, &mut office, who, Round::Two, None, at(90)).unwrap();
        let ids: Vec<&str> = p.applications.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["A01", "A02", "A03", "A04", "A06"]);
        assert_eq!(p.addenda.len(), 1, "the addendum travels with the package");
        let pkg = send(pc, "pakket-ronde2.ron", &p);
        let mut work = receive(&pkg, r);
        for a in &ids {
            score_round_two(r, &mut work, who, a);
        }
        results2.push(send(pc, "resultaat-ronde2.ron", &work));
    }
    assert_eq!(send(&m.office, "dossier.ron", &office), main);
    let mut dossier = receive(main, r);
    for result in &results2 {
        let rep =
            panel::import_result(r, &mut dossier, &receive(result, r), STAFF, at(120)).unwrap();
        assert_eq!(rep.added.len(), 5);
    }
    // The round-1 copy in a round-2 result is the same work: unchanged.
    assert_eq!(
        dossier
            .assessments
            .iter()
            .filter(|a| a.round == Round::One)
            .count(),
        17
    );
    (dossier, results2)
}

/// One application in round 2 on an assessor's machine: confirm every
/// value; Anna changes C3 of A02 and Bram C3 of A06 (with a reason), Bram
/// changes his verdict on KO3 of A04; then submit.
fn score_round_two(r: &Rubric, work: &mut Dossier, who: &str, a: &str) {
    let round_two: BTreeMap<&str, (u32, &str)> = [(ANNA, (3, "A02")), (BRAM, (1, "A06"))].into();
    let t = Target {
        application: app(a),
        assessor: who.into(),
        round: Round::Two,
    };
    // The first touch copies round 1; nothing is confirmed yet.
    edit::confirm(r, work, &t, &id("KO1"), at(100)).unwrap();
    let missing = match edit::submit(r, work, &t, at(100)) {
        Err(EditError::Incomplete(m)) => m,
        other => panic!("submit must wait for confirmation: {other:?}"),
    };
    assert!(missing.contains(&Missing::Unconfirmed(id("C1"))));
    assert!(!missing.contains(&Missing::Unconfirmed(id("KO1"))));
    for ko in &r.knockouts {
        edit::confirm(r, work, &t, &ko.id, at(101)).unwrap();
    }
    for c in r.criteria() {
        edit::confirm(r, work, &t, &c.id, at(101)).unwrap();
    }
    if let Some((c3, changed)) = round_two.get(who)
        && *changed == a
    {
        // A change needs a reason.
        edit::set_value(r, work, &t, &id("C3"), Some(Value::Points(*c3)), at(102)).unwrap();
        let refused = edit::submit(r, work, &t, at(103));
        assert!(
            matches!(&refused, Err(EditError::Incomplete(m)) if m.contains(&Missing::NoReason(id("C3")))),
            "{refused:?}"
        );
        edit::set_why_changed(r, work, &t, &id("C3"), "Addendum en gesprek", at(104)).unwrap();
    }
    if who == BRAM && a == "A04" {
        // Convinced by the interview: KO3 met after all.
        edit::set_verdict(r, work, &t, &id("KO3"), Verdict::Met, at(102)).unwrap();
        edit::set_why_changed(r, work, &t, &id("KO3"), "Gesprek: aannemelijk", at(103)).unwrap();
    }
    edit::submit(r, work, &t, at(105)).unwrap();
}

/// The ranking of round 2, the award and the budget; the ranking report
/// prints.
fn award(r: &Rubric, dossier: &mut Dossier) {
    let [_, r2] = scoring::evaluate_rounds(r, dossier);
    let rank: Vec<(&str, Status)> = r2
        .applications
        .iter()
        .filter(|a| a.rank.is_some())
        .map(|a| (a.id.0.as_str(), a.status))
        .collect();
    assert_eq!(
        rank,
        [
            ("A06", Status::Awarded),
            ("A01", Status::Awarded),
            ("A02", Status::Awarded),
            ("A04", Status::Awarded),
            ("A03", Status::NotAwarded),
        ]
    );
    let recipients = allocation::recipients(r, dossier);
    let proposal = allocation::propose(r.process.budget_eur, &recipients, Rule::Requested).unwrap();
    allocation::record(
        r,
        dossier,
        proposal.map(),
        Rule::Requested,
        "Naar verhouding van de aanvragen",
        STAFF,
        at(130),
    )
    .unwrap();
    let ranking = report::ranking_report(
        r,
        dossier,
        Round::Two,
        NaiveDate::from_ymd_opt(2022, 10, 1).unwrap(),
    )
    .unwrap();
    assert!(ranking.starts_with(b"%PDF"));
}

/// Every submitted assessment of every result file is in the dossier, as
/// sent.
fn nobody_s_work_was_lost<'a>(
    r: &Rubric,
    dossier: &Dossier,
    results: impl Iterator<Item = &'a PathBuf>,
) {
    for result in results {
        let sent = receive(result, r);
        for a in sent.assessments.iter().filter(|a| a.is_submitted()) {
            assert_eq!(
                dossier.assessment(&a.application, &a.assessor, a.round),
                Some(a),
                "{} {} round {}",
                a.application,
                a.assessor,
                a.round
            );
        }
    }
}

/// The audit log verifies, counts what happened, gives every value in the
/// dossier its last value and holds the reasons of round 2.
fn the_audit_log_accounts_for_everything(dossier: &Dossier) {
    audit::verify(dossier).unwrap();
    let log = &dossier.audit;
    let count = |f: Field| log.iter().filter(|e| e.field == f).count();
    assert_eq!(count(Field::Conflict), 1);
    assert_eq!(count(Field::Interview), 5);
    assert_eq!(count(Field::Addendum), 1);
    assert_eq!(count(Field::Decision), 1);
    // One import entry per assessment imported (17 in round 1, 15 in round 2).
    assert_eq!(
        log.iter()
            .filter(|e| e.field == Field::Import && e.new.starts_with("resultaat"))
            .count(),
        32
    );
    every_value_is_the_last_logged(dossier);
    // Round 2: the changed scores and their reasons are in the log.
    let why: Vec<_> = log
        .iter()
        .filter(|e| e.field == Field::WhyChanged)
        .map(|e| {
            (
                e.subject.as_str(),
                e.application.as_ref().unwrap().0.as_str(),
            )
        })
        .collect();
    assert_eq!(why, [(ANNA, "A02"), (BRAM, "A04"), (BRAM, "A06")]);
}

/// Every value in the dossier is the last value the log gave it.
fn every_value_is_the_last_logged(dossier: &Dossier) {
    let log = &dossier.audit;
    let last = |a: &ApplicationId, round: Round, subject: &str, c: &CriterionId, f: Field| {
        log.iter()
            .rev()
            .find(|e| {
                e.application.as_ref() == Some(a)
                    && e.round == Some(round)
                    && e.subject == subject
                    && e.criterion.as_ref() == Some(c)
                    && e.field == f
            })
            .map(|e| e.new.clone())
    };
    for a in &dossier.assessments {
        for (c, s) in &a.criteria {
            assert_eq!(
                last(&a.application, a.round, &a.assessor, c, Field::Score),
                Some(audit::value_text(s.value.as_ref())),
                "{} {} {c}",
                a.application,
                a.assessor
            );
        }
    }
    for c in &dossier.consensus {
        for (k, j) in &c.knockouts {
            assert_eq!(
                last(&c.application, c.round, audit::CONSENSUS, k, Field::Verdict),
                Some(audit::verdict_text(j.verdict))
            );
        }
        for (k, s) in &c.criteria {
            let logged = log.iter().rev().find(|e| {
                e.application.as_ref() == Some(&c.application)
                    && e.subject == audit::CONSENSUS
                    && e.criterion.as_ref() == Some(k)
                    && e.field == Field::Score
            });
            assert_eq!(
                logged.map(|e| e.new.as_str()),
                Some(audit::value_text(s.value.as_ref()).as_str())
            );
            assert!(logged.is_some_and(|e| e.by == CHAIR));
        }
    }
}
