//! Decisions that hold: consensus as a deliberate act (draft, record, the
//! lines rounding crosses, made without a late assessor), a knock-out in
//! twijfel that the panel decides, and withdrawing a submission.

use crate::common;

use common::{assessment, dossier_with, rubric, score, when};
use leidraad_core::audit::{self, Field};
use leidraad_core::consensus::{self, Chair, Line};
use leidraad_core::dossier::{ApplicationId, Consensus, Dossier, Round, Verdict};
use leidraad_core::edit::{self, EditError, Target};
use leidraad_core::exact::Exact;
use leidraad_core::panel::{self, Flag};
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::scoring::{self, Missing, Status};
use leidraad_core::store;

fn app(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

fn id(s: &str) -> CriterionId {
    s.into()
}

fn chair(round: Round) -> Chair {
    Chair {
        application: app("A01"),
        round,
        by: "Voorzitter".into(),
    }
}

/// A01 scored 50, 50 and 49 in round 1: the exact mean is 149/3 = 49.67,
/// below 50; the assessors differ on one criterion only.
fn just_below_fifty() -> (Rubric, Dossier) {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[50, 50, 49]);
    (r, d)
}

fn total(r: &Rubric, d: &Dossier, round: Round) -> (Option<Exact>, Status) {
    let eval = scoring::evaluate(r, d, round);
    let a = eval.get(&app("A01")).unwrap();
    (a.total, a.status)
}

/// Give every agreed value of the draft its motivation.
fn motivate_all(r: &Rubric, d: &mut Dossier, c: &Chair) {
    for id in consensus::missing_motivations(d, &c.application, c.round) {
        consensus::set_motivation(r, d, c, &id, "Panel: zo besproken.", when()).unwrap();
    }
}

#[test]
fn a_consensus_draft_counts_in_no_total_or_status_until_the_chair_records_it() {
    let (r, mut d) = just_below_fifty();
    let before = total(&r, &d, Round::One);
    assert_eq!(
        before,
        (Some(Exact::new(149, 3)), Status::BelowThreshold),
        "the exact mean, below 50"
    );
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    let draft = d.consensus_for(&app("A01"), Round::One).unwrap();
    assert!(draft.draft, "the proposal taken over is a draft");
    assert!(!draft.is_empty());
    assert_eq!(total(&r, &d, Round::One), before, "a draft does not count");
    // Kept in the dossier: it survives a save and a load.
    let loaded = store::parse_dossier(&store::to_ron(&d), "d.ron", &r).unwrap();
    assert!(loaded.consensus_for(&app("A01"), Round::One).unwrap().draft);
    assert_eq!(total(&r, &loaded, Round::One), before);

    consensus::record(&r, &mut d, &c, when()).unwrap();
    let recorded = d.consensus_for(&app("A01"), Round::One).unwrap();
    assert!(!recorded.draft);
    assert_eq!(
        total(&r, &d, Round::One),
        (Some(Exact::whole(50)), Status::Invited),
        "recorded, the rounded consensus counts"
    );
}

#[test]
fn recording_a_consensus_is_refused_naming_each_value_without_a_motivation() {
    let (r, mut d) = just_below_fifty();
    let c = chair(Round::One);
    assert_eq!(
        consensus::record(&r, &mut d, &c, when()),
        Err(EditError::NoDraft(app("A01"), Round::One)),
        "nothing agreed, nothing to record"
    );
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    consensus::set_motivation(&r, &mut d, &c, &id("KO1"), "Voldaan: p. 4.", when()).unwrap();
    let missing = consensus::missing_motivations(&d, &app("A01"), Round::One);
    let Err(EditError::Unmotivated(named)) = consensus::record(&r, &mut d, &c, when()) else {
        panic!("recorded without motivations");
    };
    assert_eq!(named, missing);
    assert!(named.contains(&id("KO2")) && named.contains(&id("C2")));
    assert!(!named.contains(&id("KO1")), "KO1 has its motivation");
    let message = EditError::Unmotivated(named).to_string();
    assert!(
        message.contains("KO2") && message.contains("C11"),
        "{message}"
    );
    assert!(d.consensus[0].draft, "a refused record leaves the draft");
}

#[test]
fn rounding_that_moves_the_total_across_the_threshold_is_reported_before_recording() {
    let (r, mut d) = just_below_fifty();
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    let eval = scoring::evaluate(&r, &d, Round::One);
    let found = consensus::crossings(&r, &d, &eval, &app("A01"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, Line::Threshold(50));
    assert_eq!(found[0].exact, Exact::new(149, 3));
    assert_eq!(found[0].agreed, Exact::whole(50));

    // 60, 60, 59: rounding moves the total too, but across no line.
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[60, 60, 59]);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    let eval = scoring::evaluate(&r, &d, Round::One);
    assert_eq!(consensus::crossings(&r, &d, &eval, &app("A01")), vec![]);
}

#[test]
fn rounding_across_the_award_line_of_round_two_is_reported() {
    let r = rubric();
    let ids = ["A01", "A02", "A03", "A04", "A05"];
    let mut d = dossier_with(&r, &ids);
    for other in &ids[1..] {
        score(&mut d, &r, other, Round::One, &[70]);
    }
    score(&mut d, &r, "A01", Round::One, &[70]);
    // Round 2: A02..A04 at 80, A05 at 60; A01 at 60, 60, 59 (59.67).
    for (other, t) in [("A02", 80), ("A03", 80), ("A04", 80), ("A05", 60)] {
        score(&mut d, &r, other, Round::Two, &[t]);
    }
    score(&mut d, &r, "A01", Round::Two, &[60, 60, 59]);
    let c = chair(Round::Two);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    let eval = scoring::evaluate(&r, &d, Round::Two);
    assert_eq!(
        eval.status_of(&app("A05")),
        Some(Status::Awarded),
        "A05 holds the fourth place while A01's draft does not count"
    );
    let found = consensus::crossings(&r, &d, &eval, &app("A01"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, Line::Award(Exact::whole(60)));
    assert_eq!(
        (found[0].exact, found[0].agreed),
        (Exact::new(179, 3), Exact::whole(60))
    );
}

#[test]
fn editing_a_recorded_consensus_makes_it_a_draft_that_counts_again_once_recorded_anew() {
    let (r, mut d) = just_below_fifty();
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert_eq!(total(&r, &d, Round::One).1, Status::Invited);
    consensus::set_motivation(&r, &mut d, &c, &id("C2"), "Nader bekeken.", when()).unwrap();
    assert!(d.consensus[0].draft, "an edit reopens it");
    assert_eq!(
        total(&r, &d, Round::One),
        (Some(Exact::new(149, 3)), Status::BelowThreshold),
        "reopened, it counts no more"
    );
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert_eq!(total(&r, &d, Round::One).1, Status::Invited);
}

#[test]
fn recording_is_one_log_entry_and_a_file_that_differs_from_it_is_refused() {
    let (r, mut d) = just_below_fifty();
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    let n = d.audit.len();
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert_eq!(d.audit.len(), n + 1, "recording is one entry");
    let e = d.audit.last().unwrap();
    assert_eq!(
        (e.field, e.subject.as_str(), e.by.as_str(), e.old.as_str()),
        (Field::Submitted, audit::CONSENSUS, "Voorzitter", "")
    );
    assert_eq!(e.new, when().to_rfc3339());
    assert!(audit::accounts_for(&d).is_ok());
    // Recording again changes nothing.
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert_eq!(d.audit.len(), n + 1);
    // Turned back into a draft by hand: refused on load.
    let mut hand = d.clone();
    hand.consensus[0].draft = true;
    assert!(audit::accounts_for(&hand).is_err());
    // A reopened draft marked recorded by hand: refused too.
    consensus::set_motivation(&r, &mut d, &c, &id("C2"), "Anders.", when()).unwrap();
    assert!(audit::accounts_for(&d).is_ok());
    let mut hand = d.clone();
    hand.consensus[0].draft = false;
    let err = store::parse_dossier(&store::to_ron(&hand), "d.ron", &r).unwrap_err();
    assert!(err.to_string().contains("consensus"), "{err}");
}

#[test]
fn a_consensus_without_a_draft_marker_from_an_older_file_counts_as_before() {
    let (r, mut d) = just_below_fifty();
    let mut c = Consensus::new(&app("A01"), Round::One);
    let mut s = d.assessments[0].criteria[&id("C2")].clone();
    s.value = Some(leidraad_core::dossier::Value::Points(10));
    let before = total(&r, &d, Round::One).0.unwrap();
    let own = d
        .assessments
        .iter()
        .map(|a| a.criteria[&id("C2")].value.clone());
    let own: Vec<u32> = own
        .map(|v| r.criterion("C2").unwrap().points(&v.unwrap()))
        .collect();
    c.criteria.insert(id("C2"), s);
    d.consensus.push(c);
    let text = store::to_ron(&d);
    assert!(
        !text.contains("draft"),
        "no marker written for a recorded one"
    );
    let loaded = store::parse_dossier(&text, "d.ron", &r).unwrap();
    let mean = Exact::new(own.iter().map(|p| i64::from(*p)).sum(), 3);
    assert_eq!(
        total(&r, &loaded, Round::One).0.unwrap(),
        before - mean + Exact::whole(10)
    );
    assert!(
        consensus::made_without(&loaded, &app("A01"), Round::One).is_empty(),
        "an older consensus does not say whose work it had"
    );
}

#[test]
fn a_consensus_recorded_before_a_late_submission_is_flagged_as_made_without_that_assessor() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[50, 50]);
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert!(consensus::made_without(&d, &app("A01"), Round::One).is_empty());
    assert!(
        !panel::disagreements(&r, &d, Round::One)
            .iter()
            .any(|f| matches!(f, Flag::MadeWithout { .. }))
    );
    // A third assessor's work arrives late (as an import would bring it).
    d.ensure_assessor("X3");
    d.assessments
        .push(assessment(&r, "A01", "X3", Round::One, 40));
    assert_eq!(
        consensus::made_without(&d, &app("A01"), Round::One),
        vec!["X3".to_string()]
    );
    let flags = panel::disagreements(&r, &d, Round::One);
    assert!(
        matches!(&flags[0], Flag::MadeWithout { application, assessors } if application == &app("A01") && assessors == &vec!["X3".to_string()]),
        "worst first: {flags:?}"
    );
    // Recorded anew, it is made with everyone.
    consensus::set_motivation(&r, &mut d, &c, &id("C2"), "Met X3 besproken.", when()).unwrap();
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert!(consensus::made_without(&d, &app("A01"), Round::One).is_empty());
}

fn doubting(r: &Rubric, d: &mut Dossier, who: &str, motivation: &str) -> Result<(), EditError> {
    let t = Target {
        application: app("A01"),
        assessor: who.into(),
        round: Round::One,
    };
    let mut a = assessment(r, "A01", who, Round::One, 70);
    a.submitted = None;
    d.ensure_assessor(who);
    d.assessments.push(a);
    edit::set_verdict(r, d, &t, &id("KO3"), Verdict::Doubt, when())?;
    edit::set_ko_motivation(r, d, &t, &id("KO3"), motivation, when())?;
    edit::submit(r, d, &t, when())
}

#[test]
fn an_assessor_may_submit_a_knockout_in_twijfel_only_with_its_motivation() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let refused = doubting(&r, &mut d, "Anna", "");
    let Err(EditError::Incomplete(missing)) = refused else {
        panic!("submitted a twijfel without motivation: {refused:?}");
    };
    assert_eq!(missing, vec![Missing::NoMotivation(id("KO3"))]);

    let mut d = dossier_with(&r, &["A01"]);
    doubting(
        &r,
        &mut d,
        "Anna",
        "Niet duidelijk of het veiligheidsteam er komt.",
    )
    .unwrap();
    assert!(d.assessments[0].is_submitted());
    let summary = scoring::summarize(&r, &d.assessments[0]);
    assert!(summary.may_submit());
    assert_eq!(summary.panel_decides().collect::<Vec<_>>(), [&id("KO3")]);
}

#[test]
fn a_knockout_in_twijfel_leaves_the_application_to_the_panel_until_its_consensus() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70]);
    doubting(&r, &mut d, "Anna", "Twijfel over het veiligheidsteam.").unwrap();
    let eval = scoring::evaluate(&r, &d, Round::One);
    let a = eval.get(&app("A01")).unwrap();
    assert_eq!(a.status, Status::Incomplete);
    assert_eq!(a.missing, vec![Missing::KoSplit(id("KO3"))]);
    assert!(a.waits_only_for_panel(), "KO: panel beslist");
    assert_eq!(a.panel_decides().collect::<Vec<_>>(), [&id("KO3")]);
    let flags = panel::disagreements(&r, &d, Round::One);
    assert!(
        flags
            .iter()
            .any(|f| matches!(f, Flag::KoDoubt { ko, .. } if ko == &id("KO3"))),
        "{flags:?}"
    );
    assert!(!flags.iter().any(|f| matches!(f, Flag::KoSplit { .. })));
    // The panel decides KO3 and records it.
    let c = chair(Round::One);
    consensus::set_verdict(&r, &mut d, &c, &id("KO3"), Verdict::Met, when()).unwrap();
    assert_eq!(total(&r, &d, Round::One).1, Status::Incomplete, "a draft");
    consensus::set_motivation(&r, &mut d, &c, &id("KO3"), "Wordt ingericht.", when()).unwrap();
    consensus::record(&r, &mut d, &c, when()).unwrap();
    assert_eq!(total(&r, &d, Round::One).1, Status::Invited);
}

#[test]
fn the_round_two_proposal_for_a_knockout_starts_from_the_recorded_round_one_consensus() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70, 70]);
    common::set_ko(&mut d, "A01", "X2", Round::One, "KO3", Verdict::NotMet);
    let c1 = chair(Round::One);
    consensus::set_verdict(&r, &mut d, &c1, &id("KO3"), Verdict::Met, when()).unwrap();
    consensus::set_motivation(&r, &mut d, &c1, &id("KO3"), "Voldaan.", when()).unwrap();
    // Round 2: both assessors now say niet voldaan on KO3.
    score(&mut d, &r, "A01", Round::Two, &[70, 70]);
    common::set_ko(&mut d, "A01", "X1", Round::Two, "KO3", Verdict::NotMet);
    common::set_ko(&mut d, "A01", "X2", Round::Two, "KO3", Verdict::NotMet);
    consensus::record(&r, &mut d, &c1, when()).unwrap();
    let p = consensus::proposal(&r, &d, &app("A01"), Round::Two);
    assert_eq!(p.knockouts[&id("KO3")], Verdict::Met);
    assert!(p.from_round_one.contains(&id("KO3")));
    assert_eq!(
        p.knockouts[&id("KO1")],
        Verdict::Met,
        "the others: majority"
    );
    assert!(!p.from_round_one.contains(&id("KO1")));
}

#[test]
fn a_draft_round_one_consensus_is_no_starting_point_for_round_two() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70, 70]);
    let c1 = chair(Round::One);
    consensus::set_verdict(&r, &mut d, &c1, &id("KO3"), Verdict::NotMet, when()).unwrap();
    score(&mut d, &r, "A01", Round::Two, &[70, 70]);
    let p = consensus::proposal(&r, &d, &app("A01"), Round::Two);
    assert_eq!(p.knockouts[&id("KO3")], Verdict::Met);
    assert!(p.from_round_one.is_empty());
}

fn anna() -> Target {
    Target {
        application: app("A01"),
        assessor: "X1".into(),
        round: Round::One,
    }
}

#[test]
fn a_withdrawn_submission_counts_no_more_and_is_logged_with_its_reason() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[40, 60]);
    assert_eq!(total(&r, &d, Round::One).0, Some(Exact::whole(50)));
    edit::withdraw(
        &mut d,
        &anna(),
        "Verkeerde versie van het plan gelezen.",
        when(),
    )
    .unwrap();
    assert!(!d.assessments[0].is_submitted());
    assert_eq!(
        total(&r, &d, Round::One),
        (Some(Exact::whole(60)), Status::Invited),
        "only X2 counts"
    );
    let reason = d
        .audit
        .iter()
        .find(|e| e.field == Field::Assessment)
        .expect("the withdrawal is logged");
    assert_eq!(
        (
            reason.by.as_str(),
            reason.subject.as_str(),
            reason.new.as_str()
        ),
        (
            "X1",
            "X1",
            "ingetrokken: Verkeerde versie van het plan gelezen."
        )
    );
    let undone = d.audit.last().unwrap();
    assert_eq!((undone.field, undone.new.as_str()), (Field::Submitted, ""));
    // The log says "not submitted": the file loads against it.
    assert!(audit::accounts_for(&d).is_ok());
    let loaded = store::parse_dossier(&store::to_ron(&d), "d.ron", &r).unwrap();
    assert!(!loaded.assessments[0].is_submitted());
    // Submitted again by hand, without the log: refused.
    let mut hand = d.clone();
    hand.assessments[0].submitted = Some(when());
    assert!(audit::accounts_for(&hand).is_err());
    // The assessor may change it and submit again.
    edit::submit(&r, &mut d, &anna(), when()).unwrap();
    assert_eq!(total(&r, &d, Round::One).0, Some(Exact::whole(50)));
}

#[test]
fn withdrawing_needs_a_reason_and_a_submission() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[40]);
    let before = d.clone();
    assert_eq!(
        edit::withdraw(&mut d, &anna(), "  ", when()),
        Err(EditError::Empty("the reason"))
    );
    assert_eq!(d, before, "refused, nothing changed");
    let other = Target {
        assessor: "Nobody".into(),
        ..anna()
    };
    assert_eq!(
        edit::withdraw(&mut d, &other, "reden", when()),
        Err(EditError::NotSubmitted)
    );
}

#[test]
fn withdrawing_is_refused_once_the_panel_recorded_consensus_and_allowed_on_a_draft() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[40, 60]);
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    let mut drafted = d.clone();
    edit::withdraw(&mut drafted, &anna(), "Nog niet vastgelegd.", when()).unwrap();
    consensus::record(&r, &mut d, &c, when()).unwrap();
    let before = d.clone();
    let refused = edit::withdraw(&mut d, &anna(), "Te laat.", when());
    assert!(
        matches!(&refused, Err(EditError::ConsensusRecorded { application, round: Round::One, .. }) if application == &app("A01")),
        "{refused:?}"
    );
    let message = refused.unwrap_err().to_string();
    assert!(message.contains("can no longer be withdrawn"), "{message}");
    assert_eq!(d, before);
}

#[test]
fn a_submission_withdrawn_in_a_package_is_imported_until_the_panel_records_consensus() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[40, 60]);
    let later = when() + chrono::Duration::hours(1);
    let mut package = panel::issue_package(&r, &mut d, "X1", Round::One, None, when()).unwrap();
    edit::withdraw(&mut package, &anna(), "Bijlage gemist.", later).unwrap();
    let result = package.clone();
    let mut imported = d.clone();
    panel::import_result(&r, &mut imported, &result, "Staf", later).unwrap();
    let a = imported.assessment(&app("A01"), "X1", Round::One).unwrap();
    assert!(!a.is_submitted());
    assert!(imported.audit.iter().any(|e| e.field == Field::Assessment
        && e.subject == "X1"
        && e.new == "ingetrokken: Bijlage gemist."));
    assert!(audit::accounts_for(&imported).is_ok());
    assert_eq!(total(&r, &imported, Round::One).0, Some(Exact::whole(60)));
    // A result from before the withdrawal is older work: it cannot submit
    // the assessment again.
    let mut stale = result.clone();
    *stale.assessment_mut(&app("A01"), "X1", Round::One).unwrap() =
        d.assessment(&app("A01"), "X1", Round::One).unwrap().clone();
    let mut again = imported.clone();
    assert!(matches!(
        panel::import_result(&r, &mut again, &stale, "Staf", later),
        Err(panel::PanelError::Older { .. })
    ));
    // After the panel recorded consensus the withdrawal is refused.
    let c = chair(Round::One);
    consensus::start_from_proposal(&r, &mut d, &c, when()).unwrap();
    motivate_all(&r, &mut d, &c);
    consensus::record(&r, &mut d, &c, when()).unwrap();
    let before = d.clone();
    assert!(matches!(
        panel::import_result(&r, &mut d, &result, "Staf", later),
        Err(panel::PanelError::WithdrawnAfterConsensus { .. })
    ));
    assert_eq!(d, before);
}
