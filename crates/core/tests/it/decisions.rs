//! The rules of `../shared/leidraad.md` §3 on decisions, each test named
//! after the rule it states: round 2 is provisional while an invited
//! application is incomplete; a decision holds only for the situation it
//! was taken in (stale otherwise, never applied silently); decisions are
//! revoked or replaced by later decisions, never deleted; a waiver lets one
//! application below the minimum be ranked for award.

use std::collections::{BTreeMap, BTreeSet};

use leidraad_core::allocation::{self, AllocationError, Rule};
use leidraad_core::decide::{self, DecisionError};
use leidraad_core::dossier::{ApplicationId, DecisionKind, Dossier, Round};
use leidraad_core::interchange;
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring::{DecisionState, Status, decision_states, evaluate};

use crate::common::*;

fn app(id: &str) -> ApplicationId {
    ApplicationId::from(id)
}

fn ids(list: &[&str]) -> BTreeSet<ApplicationId> {
    list.iter().map(|i| app(i)).collect()
}

/// Invited after round 1 (60 each), scored in round 2 as given.
fn round_two(r: &Rubric, totals: &[(&str, &[u32])]) -> Dossier {
    let names: Vec<&str> = totals.iter().map(|(a, _)| *a).collect();
    let mut d = dossier_with(r, &names);
    for (a, t) in totals {
        score(&mut d, r, a, Round::One, &[60]);
        score(&mut d, r, a, Round::Two, t);
    }
    d
}

/// A04 and A05 tie at 60 for the fourth place.
fn tied(r: &Rubric) -> Dossier {
    round_two(
        r,
        &[
            ("A01", &[80]),
            ("A02", &[70]),
            ("A03", &[75]),
            ("A04", &[60]),
            ("A05", &[60]),
            ("A06", &[55]),
        ],
    )
}

fn record(r: &Rubric, d: &mut Dossier, kind: DecisionKind) -> Result<(), DecisionError> {
    decide::record_decision(
        r,
        d,
        decide::decision(kind, "Besproken in het panel.", "Panel", when()),
    )
}

fn state(r: &Rubric, d: &Dossier, index: usize) -> (DecisionState, String) {
    let s = decision_states(r, d)
        .into_iter()
        .find(|s| s.index == index)
        .expect("a state for every decision");
    (s.state, s.why)
}

#[test]
fn round_two_is_provisional_while_an_invited_application_is_incomplete() {
    let r = rubric();
    let mut d = tied(&r);
    // A07 was invited after round 1 but has nothing submitted in round 2.
    d.applications
        .push(dossier_with(&r, &["A07"]).applications.remove(0));
    score(&mut d, &r, "A07", Round::One, &[60]);
    let e = evaluate(&r, &d, Round::Two);
    assert!(!e.is_final);
    assert_eq!(e.pending, vec![app("A07")]);
    assert!(
        e.applications
            .iter()
            .all(|a| !matches!(a.status, Status::Awarded | Status::NotAwarded | Status::Tie)),
        "nobody is awarded, not awarded or tied while provisional"
    );
    let a1 = e.get(&app("A01")).unwrap();
    assert_eq!(
        (a1.status, a1.would_be),
        (Status::Provisional, Some(Status::Awarded))
    );
    let json: serde_json::Value =
        serde_json::from_str(&interchange::ranking::to_json(&r, &e)).unwrap();
    assert_eq!(json["final"], false);
    assert_eq!(json["pending"], serde_json::json!(["A07"]));
    assert_eq!(json["applications"][0]["status"], "provisional");

    // Once A07 is scored, the ranking is final and the line is drawn.
    score(&mut d, &r, "A07", Round::Two, &[50]);
    let e = evaluate(&r, &d, Round::Two);
    assert!(e.is_final && e.pending.is_empty());
    assert_eq!(e.status_of(&app("A01")), Some(Status::Awarded));
}

#[test]
fn round_one_is_always_final() {
    let r = rubric();
    let mut d = tied(&r);
    d.applications
        .push(dossier_with(&r, &["A07"]).applications.remove(0));
    let e = evaluate(&r, &d, Round::One);
    assert!(e.is_final);
    assert!(e.pending.is_empty());
}

#[test]
fn no_tie_break_and_no_allocation_over_a_provisional_ranking() {
    let r = rubric();
    let mut d = tied(&r);
    d.applications
        .push(dossier_with(&r, &["A07"]).applications.remove(0));
    score(&mut d, &r, "A07", Round::One, &[60]);
    let tie = DecisionKind::TieBreak {
        group: ids(&["A04", "A05"]),
        awarded: ids(&["A05"]),
    };
    assert_eq!(
        record(&r, &mut d, tie),
        Err(DecisionError::Provisional(vec![app("A07")]))
    );
    let refused = allocation::record(
        &r,
        &mut d,
        BTreeMap::from([(app("A01"), 1_000_000)]),
        Rule::Manual,
        "Gelijk verdeeld.",
        "Panel",
        when(),
    );
    assert_eq!(
        refused,
        Err(AllocationError::Decision(DecisionError::Provisional(vec![
            app("A07")
        ])))
    );
    assert!(d.decisions.is_empty());
}

#[test]
fn a_late_score_makes_a_recorded_tie_break_and_allocation_stale_and_neither_is_applied() {
    let r = rubric();
    let mut d = tied(&r);
    record(
        &r,
        &mut d,
        DecisionKind::TieBreak {
            group: ids(&["A04", "A05"]),
            awarded: ids(&["A05"]),
        },
    )
    .unwrap();
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A05")), Some(Status::Awarded));
    let p = allocation::propose(
        r.process.budget_eur,
        &allocation::recipients(&r, &d),
        Rule::Equal,
    )
    .unwrap();
    allocation::record(
        &r,
        &mut d,
        p.map(),
        Rule::Equal,
        "Gelijke delen.",
        "Panel",
        when(),
    )
    .unwrap();
    assert_eq!(state(&r, &d, 0).0, DecisionState::Current);
    assert_eq!(state(&r, &d, 1).0, DecisionState::Current);

    // A late assessor of A04 (a legitimate import): A04 now has 62 on
    // average and is awarded outright; no tie is left.
    d.ensure_assessor("X2");
    d.assessments
        .push(assessment(&r, "A04", "X2", Round::Two, 64));
    let e = evaluate(&r, &d, Round::Two);
    assert!(e.ties.is_empty(), "{:?}", e.ties);
    let (tie, why_tie) = state(&r, &d, 0);
    let (money, why_money) = state(&r, &d, 1);
    assert_eq!(tie, DecisionState::Stale);
    assert!(why_tie.contains("A04, A05"), "{why_tie}");
    assert_eq!(money, DecisionState::Stale);
    assert!(why_money.contains("A04"), "{why_money}");
    // Not applied: A05 is not awarded by a decision that no longer fits.
    assert_eq!(e.status_of(&app("A05")), Some(Status::NotAwarded));
    assert_eq!(e.get(&app("A05")).unwrap().decision, None);
    assert_eq!(e.stale().count(), 2);

    // formats.md §3.
    let json: serde_json::Value = serde_json::from_str(&interchange::decisions::to_json(
        &d,
        &decision_states(&r, &d),
    ))
    .unwrap();
    assert_eq!(json["decisions"][0]["kind"], "tie_break");
    assert_eq!(json["decisions"][0]["state"], "stale");
    assert_eq!(json["decisions"][1]["kind"], "allocation");
    assert_eq!(json["decisions"][1]["state"], "stale");
    assert!(!json["decisions"][1]["why"].as_str().unwrap().is_empty());
}

#[test]
fn a_tie_break_for_a_group_that_changed_is_stale_and_the_group_is_tied_again() {
    let r = rubric();
    let mut d = tied(&r);
    record(
        &r,
        &mut d,
        DecisionKind::TieBreak {
            group: ids(&["A04", "A05"]),
            awarded: ids(&["A04"]),
        },
    )
    .unwrap();
    // A06 rises to 60 and joins the tie.
    d.assessments
        .retain(|a| !(a.application == app("A06") && a.round == Round::Two));
    score(&mut d, &r, "A06", Round::Two, &[60]);
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.ties[0].members, vec![app("A04"), app("A05"), app("A06")]);
    assert!(
        ["A04", "A05", "A06"]
            .iter()
            .all(|a| e.status_of(&app(a)) == Some(Status::Tie))
    );
    let (s, why) = state(&r, &d, 0);
    assert_eq!(s, DecisionState::Stale);
    assert!(why.contains("A04, A05, A06"), "{why}");
}

#[test]
fn a_revoked_decision_no_longer_applies_and_says_by_which_decision() {
    let r = rubric();
    let mut d = tied(&r);
    record(
        &r,
        &mut d,
        DecisionKind::TieBreak {
            group: ids(&["A04", "A05"]),
            awarded: ids(&["A04"]),
        },
    )
    .unwrap();
    assert_eq!(
        decide::record_decision(
            &r,
            &mut d,
            decide::decision(DecisionKind::Revoke { decision: 0 }, "  ", "Panel", when())
        ),
        Err(DecisionError::NoMotivation)
    );
    record(&r, &mut d, DecisionKind::Revoke { decision: 0 }).unwrap();
    let (s, why) = state(&r, &d, 0);
    assert_eq!(s, DecisionState::Revoked);
    assert!(why.contains("besluit 2"), "{why}");
    assert_eq!(
        evaluate(&r, &d, Round::Two).status_of(&app("A04")),
        Some(Status::Tie)
    );
    // Kept, never deleted; and not revoked twice.
    assert_eq!(d.decisions.len(), 2);
    assert_eq!(
        record(&r, &mut d, DecisionKind::Revoke { decision: 0 }),
        Err(DecisionError::AlreadyRevoked(0))
    );
    assert_eq!(
        record(&r, &mut d, DecisionKind::Revoke { decision: 7 }),
        Err(DecisionError::NoSuchDecision(7))
    );
}

#[test]
fn a_later_decision_of_the_same_kind_replaces_the_earlier_one() {
    let r = rubric();
    let mut d = tied(&r);
    record(&r, &mut d, DecisionKind::AwardCount(5)).unwrap();
    record(&r, &mut d, DecisionKind::AwardCount(3)).unwrap();
    let (s, why) = state(&r, &d, 0);
    assert_eq!(s, DecisionState::Revoked);
    assert!(why.contains("vervangen door besluit 2"), "{why}");
    assert_eq!(evaluate(&r, &d, Round::Two).award_count, 3);
}

#[test]
fn an_award_count_is_stale_once_other_applications_stand_in_its_award_line() {
    let r = rubric();
    let mut d = tied(&r);
    record(&r, &mut d, DecisionKind::AwardCount(5)).unwrap();
    assert_eq!(
        d.decisions[0].basis.in_line,
        ids(&["A01", "A02", "A03", "A04", "A05"])
    );
    assert_eq!(evaluate(&r, &d, Round::Two).award_count, 5);
    // A06 overtakes A04: the five in the line are not the five of the
    // decision any more, and the rubric's count applies again.
    d.assessments
        .retain(|a| !(a.application == app("A06") && a.round == Round::Two));
    score(&mut d, &r, "A06", Round::Two, &[66]);
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(state(&r, &d, 0).0, DecisionState::Stale);
    assert_eq!(e.award_count, r.process.award_count);
}

#[test]
fn a_waiver_lets_one_application_below_the_minimum_be_ranked_for_award() {
    let r = rubric();
    let mut d = round_two(
        &r,
        &[
            ("A01", &[80]),
            ("A02", &[70]),
            ("A03", &[48]),
            ("A04", &[45]),
        ],
    );
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A03")), Some(Status::BelowThreshold));
    let waive = |a: &str| DecisionKind::ThresholdWaiver {
        application: app(a),
    };
    assert!(matches!(
        record(&r, &mut d, waive("A01")),
        Err(DecisionError::NotBelowThreshold { .. })
    ));
    record(&r, &mut d, waive("A03")).unwrap();
    assert_eq!(d.decisions[0].basis.total, "48");
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A03")), Some(Status::Awarded));
    assert_eq!(e.get(&app("A03")).unwrap().waiver, Some(0));
    assert_eq!(e.status_of(&app("A04")), Some(Status::BelowThreshold));

    // Its total changes: the waiver was given for 48, not for 46.
    d.assessments
        .retain(|a| !(a.application == app("A03") && a.round == Round::Two));
    score(&mut d, &r, "A03", Round::Two, &[46]);
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A03")), Some(Status::BelowThreshold));
    let (s, why) = state(&r, &d, 0);
    assert_eq!(s, DecisionState::Stale);
    assert!(why.contains("46,00") && why.contains("48,00"), "{why}");
}

#[test]
fn decisions_other_than_a_revocation_concern_round_two() {
    let r = rubric();
    let mut d = tied(&r);
    let mut one = decide::decision(DecisionKind::AwardCount(5), "Vijf.", "Panel", when());
    one.round = Round::One;
    assert_eq!(
        decide::record_decision(&r, &mut d, one),
        Err(DecisionError::WrongRound(Round::One))
    );
}

#[test]
fn the_points_proposal_gives_more_to_a_higher_total_within_every_request() {
    let r = rubric();
    let d = round_two(
        &r,
        &[
            ("A01", &[80]),
            ("A02", &[70]),
            ("A03", &[75]),
            ("A04", &[60]),
        ],
    );
    let mut d = d;
    for (id, req) in [
        ("A01", 1_500_000),
        ("A02", 900_000),
        ("A03", 1_400_000),
        ("A04", 1_300_000),
    ] {
        d.applications
            .iter_mut()
            .find(|a| a.id == app(id))
            .unwrap()
            .requested_eur = Some(req);
    }
    let e = evaluate(&r, &d, Round::Two);
    let rec = allocation::candidates(&d, &e);
    let p = allocation::propose(4_000_000, &rec, Rule::Points).unwrap();
    let got: BTreeMap<ApplicationId, u64> = p.map();
    // 285 points in all; A02's share (70/285 of 4M = 982,456) is above
    // its request and is capped at 900,000; the rest goes by points.
    assert_eq!(got[&app("A02")], 900_000);
    assert!(got[&app("A01")] > got[&app("A03")]);
    assert!(got[&app("A03")] > got[&app("A04")]);
    for r in &rec {
        assert!(got[&r.id] <= r.requested.unwrap(), "{}", r.id);
    }
    assert_eq!(p.total + p.unallocated, 4_000_000);
    assert_eq!(got.values().sum::<u64>(), p.total);
}

/// The situation a decision was taken in is part of what was decided: a
/// file whose basis was edited by hand (to make a stale decision look
/// current) is refused on load, like any change without its log entry.
#[test]
fn a_decisions_basis_edited_in_the_file_is_refused_on_load() {
    let r = rubric();
    let mut d = tied(&r);
    record(&r, &mut d, DecisionKind::AwardCount(5)).unwrap();
    let text = leidraad_core::store::to_ron(&d);
    leidraad_core::store::parse_dossier(&text, "d.ron", &r).expect("as recorded, it loads");
    let mut forged = d.clone();
    forged.decisions[0].basis.in_line.remove(&app("A05"));
    forged.decisions[0].basis.in_line.insert(app("A06"));
    let err =
        leidraad_core::store::parse_dossier(&leidraad_core::store::to_ron(&forged), "d.ron", &r)
            .unwrap_err()
            .to_string();
    assert!(err.contains("decision 1"), "{err}");
}
