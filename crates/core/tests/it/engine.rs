//! Every rule of the leidraad, against the shipped rubric file.

use crate::common;

use std::collections::BTreeMap;

use common::*;
use leidraad_core::dossier::{
    ApplicationId, Consensus, CriterionScore, Decision, DecisionKind, KoJudgement, Round,
    ScoreError, Value, Verdict, points, validate_value,
};
use leidraad_core::edit::{self, EditError, Target};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::CriterionId;
use leidraad_core::scoring::{Missing, Standing, Status, evaluate, summarize};

fn id(s: &str) -> CriterionId {
    CriterionId::from(s)
}

fn app(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

#[test]
fn the_shipped_rubric_is_the_leidraad() {
    let r = rubric();
    assert_eq!(r.knockouts.len(), 8);
    let ids: Vec<&str> = r.knockouts.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(
        ids,
        ["KO1", "KO2", "KO3", "KO4", "KO5", "KO6", "KO7", "KO8"]
    );
    let caps: Vec<(&str, u32)> = r.criteria().map(|c| (c.id.as_str(), c.cap)).collect();
    assert_eq!(
        caps,
        [
            ("C1", 5),
            ("C2", 10),
            ("C3", 6),
            ("C4", 10),
            ("C5", 6),
            ("C6", 6),
            ("C7", 8),
            ("C8", 8),
            ("C9", 8),
            ("C10", 8),
            ("C11", 25)
        ]
    );
    assert_eq!(r.total, 100);
    let groups: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        groups,
        [
            "Stevige basis",
            "Samenwerking",
            "Brede aanpak",
            "POK middelen",
            "Arbeidsmarkt",
            "Inhoudelijke vraagstukken",
            "Algemene indruk"
        ]
    );
    let p = &r.process;
    assert_eq!(
        (p.interview_threshold, p.award_count, p.award_minimum),
        (50, 4, 50)
    );
    assert_eq!(p.budget_eur, 4_000_000);
    assert_eq!(p.deadline.to_string(), "2022-07-15");
    assert_eq!(p.spending_years, (2022, 2023));
    assert_eq!(p.documents.len(), 4);
    for c in r.criteria() {
        assert!(
            !c.text.trim().is_empty() && !c.section.trim().is_empty(),
            "{}",
            c.id
        );
    }
}

/// (criterion, accepted values, refused values with the error they give)
type ScaleCase<'a> = (&'a str, Vec<Value>, Vec<(Value, ScoreError)>);

#[test]
fn every_scale_accepts_its_bounds_and_refuses_beyond_them() {
    let r = rubric();
    let out = |c: &str, v: u32, min: u32, max: u32| ScoreError::OutOfRange {
        criterion: c.into(),
        value: v,
        min,
        max,
    };
    let table: Vec<ScaleCase<'_>> = vec![
        (
            "C1",
            vec![Value::Yes, Value::No],
            vec![(
                Value::Points(5),
                ScoreError::WrongKind {
                    criterion: "C1".into(),
                    given: "a number",
                    expected: "ja/nee",
                },
            )],
        ),
        (
            "C2",
            vec![Value::Points(1), Value::Points(10), Value::NotAddressed],
            vec![
                (Value::Points(0), out("C2", 0, 1, 10)),
                (Value::Points(11), out("C2", 11, 1, 10)),
            ],
        ),
        (
            "C3",
            vec![Value::Points(1), Value::Points(6), Value::NotAddressed],
            vec![
                (Value::Points(0), out("C3", 0, 1, 6)),
                (Value::Points(7), out("C3", 7, 1, 6)),
            ],
        ),
        (
            "C5",
            vec![Value::Points(1), Value::Points(6)],
            vec![(Value::Points(7), out("C5", 7, 1, 6))],
        ),
        (
            "C6",
            vec![Value::Points(0), Value::Points(6), Value::NotAddressed],
            vec![(Value::Points(7), out("C6", 7, 0, 6))],
        ),
        (
            "C7",
            vec![Value::Points(1), Value::Points(8), Value::NotAddressed],
            vec![(Value::Points(9), out("C7", 9, 1, 8))],
        ),
        (
            "C8",
            vec![Value::Points(8)],
            vec![(Value::Points(9), out("C8", 9, 1, 8))],
        ),
        (
            "C9",
            vec![Value::Points(8)],
            vec![(Value::Points(9), out("C9", 9, 1, 8))],
        ),
        (
            "C10",
            vec![Value::Points(8)],
            vec![(Value::Points(9), out("C10", 9, 1, 8))],
        ),
        (
            "C11",
            vec![Value::Points(0), Value::Points(25), Value::NotAddressed],
            vec![(Value::Points(26), out("C11", 26, 0, 25))],
        ),
    ];
    for (c, accepted, refused) in table {
        for v in accepted {
            assert_eq!(validate_value(&r, &id(c), &v), Ok(()), "{c} {v:?}");
        }
        for (v, e) in refused {
            assert_eq!(validate_value(&r, &id(c), &v), Err(e), "{c} {v:?}");
        }
    }
    assert!(matches!(
        validate_value(&r, &id("C12"), &Value::Points(1)),
        Err(ScoreError::UnknownCriterion(_))
    ));
}

#[test]
fn each_leefgebied_is_worth_two_points_and_c4_at_most_ten() {
    let r = rubric();
    let items = |pairs: &[(&str, u32)]| {
        Value::Items(pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect())
    };
    let all_two = items(&[
        ("financien", 2),
        ("wonen", 2),
        ("zorg", 2),
        ("gezin", 2),
        ("werk", 2),
    ]);
    assert_eq!(validate_value(&r, &id("C4"), &all_two), Ok(()));
    assert_eq!(points(&r, &id("C4"), &all_two), 10);
    assert_eq!(
        points(
            &r,
            &id("C4"),
            &items(&[("financien", 1), ("wonen", 2), ("zorg", 0)])
        ),
        3
    );
    assert_eq!(
        validate_value(&r, &id("C4"), &items(&[("wonen", 3)])),
        Err(ScoreError::OutOfRange {
            criterion: "C4.wonen".into(),
            value: 3,
            min: 0,
            max: 2
        })
    );
    assert!(matches!(
        validate_value(&r, &id("C4"), &items(&[("onderwijs", 1)])),
        Err(ScoreError::UnknownItem { .. })
    ));
}

#[test]
fn fifty_is_inclusive_and_forty_nine_is_not() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[50]);
    score(&mut d, &r, "A02", Round::One, &[49]);
    let e = evaluate(&r, &d, Round::One);
    assert_eq!(e.status_of(&app("A01")), Some(Status::Invited));
    assert_eq!(e.status_of(&app("A02")), Some(Status::BelowThreshold));
}

#[test]
fn a_mean_of_149_thirds_is_below_fifty() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[50, 50, 49]);
    let e = evaluate(&r, &d, Round::One);
    let a = e.get(&app("A01")).unwrap();
    assert_eq!(a.total, Some(Exact::new(149, 3)));
    assert_eq!(a.total.unwrap().to_decimal(), "49.66");
    assert_eq!(a.status, Status::BelowThreshold);
    assert_eq!(a.assessors, 3);
    assert!(!a.consensus);
}

#[test]
fn a_failed_knockout_rejects_whatever_the_points() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[95, 90]);
    set_ko(&mut d, "A01", "X1", Round::One, "KO2", Verdict::NotMet);
    set_ko(&mut d, "A01", "X2", Round::One, "KO2", Verdict::NotMet);
    // Even an application that is otherwise incomplete is rejected.
    score(&mut d, &r, "A02", Round::One, &[80]);
    set_ko(&mut d, "A02", "X1", Round::One, "KO8", Verdict::NotMet);
    set_ko(&mut d, "A02", "X1", Round::One, "KO3", Verdict::Doubt);
    d.assessments.last_mut().unwrap().criteria.remove(&id("C7"));
    let e = evaluate(&r, &d, Round::One);
    let a1 = e.get(&app("A01")).unwrap();
    assert_eq!(a1.status, Status::Rejected);
    assert_eq!(a1.failed_ko, vec![id("KO2")]);
    assert_eq!(a1.rank, None);
    assert_eq!(e.status_of(&app("A02")), Some(Status::Rejected));
}

#[test]
fn split_knockout_verdicts_leave_the_application_incomplete_until_consensus() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70, 70, 70]);
    set_ko(&mut d, "A01", "X2", Round::One, "KO4", Verdict::NotMet);
    let e = evaluate(&r, &d, Round::One);
    let a = e.get(&app("A01")).unwrap();
    assert_eq!(a.status, Status::Incomplete);
    assert_eq!(a.missing, vec![Missing::KoSplit(id("KO4"))]);
    assert_eq!(a.rank, None);

    let mut c = Consensus::new(&app("A01"), Round::One);
    c.knockouts.insert(
        id("KO4"),
        KoJudgement {
            verdict: Verdict::Met,
            motivation: "Verbinding met de regionale aanpak is gelegd.".into(),
            updated: None,
            carried: Default::default(),
        },
    );
    d.consensus.push(c);
    let e = evaluate(&r, &d, Round::One);
    let a = e.get(&app("A01")).unwrap();
    assert_eq!(a.status, Status::Invited);
    assert!(a.consensus);
}

#[test]
fn consensus_replaces_the_mean_for_that_criterion_only() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[60, 61]);
    // Means: 121/2. Consensus sets C11 (each assessor gave the remainder
    // of their total to C11).
    let e = evaluate(&r, &d, Round::One);
    let before = e.get(&app("A01")).unwrap().total.unwrap();
    assert_eq!(before, Exact::new(121, 2));
    let c11_mean = e.get(&app("A01")).unwrap().criteria[10].value.unwrap();
    let mut c = Consensus::new(&app("A01"), Round::One);
    c.criteria.insert(
        id("C11"),
        CriterionScore {
            value: Some(Value::Points(20)),
            motivation: "Panel".into(),
            ..Default::default()
        },
    );
    d.consensus.push(c);
    let after = evaluate(&r, &d, Round::One)
        .get(&app("A01"))
        .unwrap()
        .total
        .unwrap();
    assert_eq!(after, before - c11_mean + Exact::whole(20));
}

#[test]
fn consensus_on_one_item_replaces_that_items_mean() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[25, 26]);
    // X1 gives C4 = 2+2+2+2+0 (after C1..C3 take 21): check via finals.
    let e = evaluate(&r, &d, Round::One);
    let res = e.get(&app("A01")).unwrap();
    let c4 = res.criteria[3].clone();
    let own: Vec<(&str, Option<u32>)> = res.assessor_points(&c4).collect();
    assert_eq!(own, vec![("X1", Some(4)), ("X2", Some(5))]);
    assert_eq!(c4.value, Some(Exact::new(9, 2)));
    let mut c = Consensus::new(&app("A01"), Round::One);
    c.criteria.insert(
        id("C4"),
        CriterionScore {
            value: Some(Value::Items(BTreeMap::from([("zorg".to_string(), 2)]))),
            ..Default::default()
        },
    );
    d.consensus.push(c);
    let c4 = evaluate(&r, &d, Round::One)
        .get(&app("A01"))
        .unwrap()
        .criteria[3]
        .clone();
    // financien 2, wonen (0+1)/2 -> X1 had 4 left: 2,2,0,0,0; X2 5 left: 2,2,1,0,0.
    // zorg becomes 2 by consensus: 2 + 2 + 2 + 0 + 0 = 6.
    assert_eq!(c4.value, Some(Exact::whole(6)));
    assert!(c4.from_consensus);
}

#[test]
fn an_unscored_criterion_makes_an_assessment_incomplete() {
    let r = rubric();
    let mut a = assessment(&r, "A01", "X1", Round::One, 70);
    assert!(summarize(&r, &a).is_complete());
    a.criteria.remove(&id("C9"));
    let s = summarize(&r, &a);
    assert_eq!(s.missing, vec![Missing::Unscored(id("C9"))]);
    assert_eq!(s.standing, Standing::InProgress);
    assert_eq!(s.criteria_scored, 10);

    let mut d = dossier_with(&r, &["A01"]);
    d.assessments.push(a);
    let e = evaluate(&r, &d, Round::One);
    let res = e.get(&app("A01")).unwrap();
    assert_eq!(res.status, Status::Incomplete);
    assert_eq!(
        res.missing,
        vec![Missing::UnscoredBy(id("C9"), "X1".into())]
    );
    assert_eq!(res.total, None);
}

#[test]
fn drafts_do_not_count_and_no_assessment_is_incomplete() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let mut a = assessment(&r, "A01", "X1", Round::One, 80);
    a.submitted = None;
    d.assessments.push(a);
    let e = evaluate(&r, &d, Round::One);
    let res = e.get(&app("A01")).unwrap();
    assert_eq!(res.status, Status::Incomplete);
    assert_eq!(res.missing[0], Missing::NoAssessments);
    assert_eq!(res.assessors, 0);
}

#[test]
fn the_live_summary_says_where_the_plan_stands() {
    let r = rubric();
    let a = assessment(&r, "A01", "X1", Round::One, 47);
    let s = summarize(&r, &a);
    assert_eq!(s.total, Exact::whole(47));
    assert_eq!(s.standing, Standing::BelowThreshold);
    let groups: u32 = s.groups.iter().map(|g| g.total.numer() as u32).sum();
    assert_eq!(groups, 47);
    let a = assessment(&r, "A01", "X1", Round::One, 58);
    assert_eq!(summarize(&r, &a).standing, Standing::AtOrAboveThreshold);
    let mut a = assessment(&r, "A01", "X1", Round::One, 58);
    a.knockouts.get_mut(&id("KO2")).unwrap().verdict = Verdict::NotMet;
    assert_eq!(
        summarize(&r, &a).standing,
        Standing::Rejected(vec![id("KO2")])
    );
}

#[test]
fn motivations_are_required_before_submitting() {
    let r = rubric();
    let mut a = assessment(&r, "A01", "X1", Round::One, 60);
    a.criteria.get_mut(&id("C3")).unwrap().motivation = "  ".into();
    let ko = a.knockouts.get_mut(&id("KO5")).unwrap();
    ko.verdict = Verdict::Doubt;
    ko.motivation.clear();
    let s = summarize(&r, &a);
    assert_eq!(
        s.missing,
        vec![
            Missing::KoDoubt(id("KO5")),
            Missing::NoMotivation(id("KO5")),
            Missing::NoMotivation(id("C3")),
        ]
    );
}

/// Round-2 dossier: the given totals per application, all invited.
fn round_two(totals: &[(&str, &[u32])]) -> leidraad_core::dossier::Dossier {
    let r = rubric();
    let ids: Vec<&str> = totals.iter().map(|(a, _)| *a).collect();
    let mut d = dossier_with(&r, &ids);
    for (a, t) in totals {
        score(&mut d, &r, a, Round::One, &[60]);
        score(&mut d, &r, a, Round::Two, t);
    }
    d
}

#[test]
fn the_top_four_are_awarded() {
    let r = rubric();
    let d = round_two(&[
        ("A01", &[80]),
        ("A02", &[70]),
        ("A03", &[75]),
        ("A04", &[60]),
        ("A05", &[65]),
        ("A06", &[55]),
    ]);
    let e = evaluate(&r, &d, Round::Two);
    let order: Vec<(&str, Status, Option<u32>)> = e
        .applications
        .iter()
        .map(|a| (a.id.0.as_str(), a.status, a.rank))
        .collect();
    assert_eq!(
        order,
        vec![
            ("A01", Status::Awarded, Some(1)),
            ("A03", Status::Awarded, Some(2)),
            ("A02", Status::Awarded, Some(3)),
            ("A05", Status::Awarded, Some(4)),
            ("A04", Status::NotAwarded, Some(5)),
            ("A06", Status::NotAwarded, Some(6)),
        ]
    );
    assert!(e.ties.is_empty());
}

#[test]
fn a_tie_across_the_award_line_waits_for_a_recorded_decision() {
    let r = rubric();
    let mut d = round_two(&[
        ("A01", &[80]),
        ("A02", &[70]),
        ("A03", &[75]),
        ("A04", &[61, 59]),
        ("A05", &[60]),
        ("A06", &[55]),
    ]);
    let e = evaluate(&r, &d, Round::Two);
    let a4 = e.get(&app("A04")).unwrap();
    let a5 = e.get(&app("A05")).unwrap();
    assert_eq!((a4.status, a5.status), (Status::Tie, Status::Tie));
    assert_eq!((a4.tie_group, a5.tie_group), (Some(1), Some(1)));
    // Equal totals are ordered by id.
    assert_eq!((a4.rank, a5.rank), (Some(4), Some(5)));
    assert_eq!(e.status_of(&app("A06")), Some(Status::NotAwarded));
    assert_eq!(e.ties.len(), 1);
    assert_eq!(e.ties[0].places, 1);

    // A decision for another group does not settle it.
    d.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::TieBreak {
            group: [app("A05"), app("A06")].into(),
            awarded: [app("A05")].into(),
        },
        motivation: "Onjuiste groep".into(),
        by: "Panel".into(),
        at: None,
        basis: Default::default(),
    });
    assert_eq!(
        evaluate(&r, &d, Round::Two).status_of(&app("A05")),
        Some(Status::Tie)
    );

    d.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::TieBreak {
            group: [app("A04"), app("A05")].into(),
            awarded: [app("A05")].into(),
        },
        motivation: "Sterker bestuurlijk draagvlak in het gesprek.".into(),
        by: "Panel".into(),
        at: None,
        basis: Default::default(),
    });
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A05")), Some(Status::Awarded));
    assert_eq!(e.status_of(&app("A04")), Some(Status::NotAwarded));
    assert_eq!(e.get(&app("A04")).unwrap().tie_group, None);
    assert_eq!(e.ties[0].decision, Some(1));
}

#[test]
fn equal_totals_inside_the_award_places_are_no_tie() {
    let r = rubric();
    let d = round_two(&[
        ("A01", &[70]),
        ("A02", &[70]),
        ("A03", &[60]),
        ("A04", &[55]),
        ("A05", &[52]),
    ]);
    let e = evaluate(&r, &d, Round::Two);
    assert!(e.ties.is_empty());
    assert!(e.applications.iter().all(|a| a.tie_group.is_none()));
    assert_eq!(e.status_of(&app("A05")), Some(Status::NotAwarded));
}

#[test]
fn below_fifty_in_round_two_is_not_awarded_even_with_places_free() {
    let r = rubric();
    let d = round_two(&[("A01", &[70]), ("A02", &[49, 50])]);
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A01")), Some(Status::Awarded));
    assert_eq!(e.status_of(&app("A02")), Some(Status::BelowThreshold));
}

#[test]
fn a_recorded_award_count_changes_the_award_line() {
    let r = rubric();
    let mut d = round_two(&[
        ("A01", &[80]),
        ("A02", &[70]),
        ("A03", &[75]),
        ("A04", &[60]),
        ("A05", &[65]),
    ]);
    assert_eq!(
        evaluate(&r, &d, Round::Two).status_of(&app("A04")),
        Some(Status::NotAwarded)
    );
    d.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::AwardCount(5),
        motivation: "Vijf regio's starten in de tweede tranche.".into(),
        by: "Opdrachtgevers".into(),
        at: None,
        basis: Default::default(),
    });
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.award_count, 5);
    assert_eq!(e.status_of(&app("A04")), Some(Status::Awarded));
}

#[test]
fn only_the_invited_are_scored_in_round_two() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[70]);
    score(&mut d, &r, "A02", Round::One, &[40]);
    // A round-2 score for A02 slipped in (e.g. by hand): it does not count.
    score(&mut d, &r, "A02", Round::Two, &[90]);
    score(&mut d, &r, "A01", Round::Two, &[72]);
    let e = evaluate(&r, &d, Round::Two);
    assert_eq!(e.status_of(&app("A02")), Some(Status::NotInvited));
    assert_eq!(e.get(&app("A02")).unwrap().rank, None);
    assert_eq!(e.status_of(&app("A01")), Some(Status::Awarded));

    // Editing refuses to start a round-2 assessment for A02.
    let target = Target {
        application: app("A02"),
        assessor: "Y".into(),
        round: Round::Two,
    };
    let err = edit::set_value(
        &r,
        &mut d,
        &target,
        &id("C2"),
        Some(Value::Points(5)),
        when(),
    );
    assert_eq!(err, Err(EditError::NotInvited(app("A02"))));
}

#[test]
fn editing_refuses_impossible_values_and_changes_after_submission() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let t = Target {
        application: app("A01"),
        assessor: "Anna".into(),
        round: Round::One,
    };
    assert!(matches!(
        edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(11)), when()),
        Err(EditError::Score(ScoreError::OutOfRange { .. }))
    ));
    assert!(d.assessments.is_empty(), "a refused value creates nothing");
    edit::set_item(&r, &mut d, &t, &id("C4"), "wonen", Some(2), when()).unwrap();
    edit::set_item(&r, &mut d, &t, &id("C4"), "zorg", Some(1), when()).unwrap();
    assert!(matches!(
        edit::set_item(&r, &mut d, &t, &id("C4"), "zorg", Some(3), when()),
        Err(EditError::Score(_))
    ));
    let a = d.assessment(&app("A01"), "Anna", Round::One).unwrap();
    assert_eq!(points(&r, &id("C4"), a.value(&id("C4")).unwrap()), 3);

    let refused = edit::submit(&r, &mut d, &t, when());
    let Err(EditError::Incomplete(missing)) = refused else {
        panic!("an incomplete assessment was submitted: {refused:?}");
    };
    assert!(missing.contains(&Missing::KoOpen(id("KO1"))));
    assert!(
        missing.contains(&Missing::Unscored(id("C4"))),
        "{missing:?}"
    );
    assert!(
        missing.contains(&Missing::NoMotivation(id("C4"))),
        "{missing:?}"
    );

    // Complete it, then submit; after that it is frozen.
    let full = assessment(&r, "A01", "Anna", Round::One, 66);
    let mut full_unsubmitted = full.clone();
    full_unsubmitted.submitted = None;
    *d.assessment_mut(&app("A01"), "Anna", Round::One).unwrap() = full_unsubmitted;
    edit::submit(&r, &mut d, &t, when()).unwrap();
    assert!(matches!(
        edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(3)), when()),
        Err(EditError::Submitted(_))
    ));
}
