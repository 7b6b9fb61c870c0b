//! Properties that hold for any scores: totals stay within the rubric and
//! are the sum of their parts; the ranking is sorted and a permutation; a
//! failed knock-out is never invited or awarded.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use leidraad_core::dossier::{
    Application, ApplicationId, Assessment, CriterionScore, Dossier, KoJudgement, Round, Value,
    Verdict,
};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{Rubric, Scale};
use leidraad_core::scoring::{Status, evaluate, summarize};
use proptest::prelude::*;

/// A value for a criterion drawn from its whole scale.
fn value_strategy(scale: &Scale) -> BoxedStrategy<Option<Value>> {
    let v: BoxedStrategy<Value> = match scale.clone() {
        Scale::YesNo { .. } => prop_oneof![Just(Value::Yes), Just(Value::No)].boxed(),
        Scale::Range {
            min,
            max,
            not_addressed,
            ..
        } => {
            let points = (min..=max).prop_map(Value::Points);
            if not_addressed {
                prop_oneof![4 => points, 1 => Just(Value::NotAddressed)].boxed()
            } else {
                points.boxed()
            }
        }
        Scale::Points { max, .. } => (0..=max).prop_map(Value::Points).boxed(),
        Scale::Items { items, max_each } => {
            let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            proptest::collection::vec(0..=max_each, ids.len())
                .prop_map(move |ns| Value::Items(ids.iter().cloned().zip(ns).collect()))
                .boxed()
        }
    };
    // Mostly scored, sometimes not.
    prop_oneof![9 => v.prop_map(Some), 1 => Just(None)].boxed()
}

fn verdict_strategy() -> impl Strategy<Value = Verdict> {
    prop_oneof![
        12 => Just(Verdict::Met),
        1 => Just(Verdict::NotMet),
        1 => Just(Verdict::Doubt),
        1 => Just(Verdict::Open),
    ]
}

#[derive(Debug, Clone)]
struct Scores {
    verdicts: Vec<Verdict>,
    values: Vec<Option<Value>>,
}

fn scores_strategy(rubric: &Rubric) -> BoxedStrategy<Scores> {
    let values: Vec<BoxedStrategy<Option<Value>>> = rubric
        .criteria()
        .map(|c| value_strategy(&c.scale))
        .collect();
    (
        proptest::collection::vec(verdict_strategy(), rubric.knockouts.len()),
        values,
    )
        .prop_map(|(verdicts, values)| Scores { verdicts, values })
        .boxed()
}

fn build(rubric: &Rubric, app: &str, assessor: &str, round: Round, s: &Scores) -> Assessment {
    let mut a = Assessment::new(&ApplicationId::from(app), assessor, round);
    for (ko, v) in rubric.knockouts.iter().zip(&s.verdicts) {
        a.knockouts.insert(
            ko.id.clone(),
            KoJudgement {
                verdict: *v,
                motivation: "m".into(),
                updated: None,
                carried: Default::default(),
            },
        );
    }
    for (c, v) in rubric.criteria().zip(&s.values) {
        a.criteria.insert(
            c.id.clone(),
            CriterionScore {
                value: v.clone(),
                motivation: "m".into(),
                ..Default::default()
            },
        );
    }
    a.submitted = Some(when());
    a
}

/// A dossier of up to 12 applications with 1-3 assessors each, both rounds.
fn dossier_strategy() -> impl Strategy<Value = Dossier> {
    let r = rubric();
    let per_app = proptest::collection::vec(scores_strategy(&r), 1..=3);
    proptest::collection::vec((per_app.clone(), per_app), 1..=12).prop_map(move |apps| {
        let mut d = Dossier::new("prop", &r);
        for (i, (round1, round2)) in apps.iter().enumerate() {
            let id = format!("A{:02}", i + 1);
            d.applications
                .push(Application::new(&id, &format!("Regio {i}")));
            for (j, s) in round1.iter().enumerate() {
                d.assessments
                    .push(build(&r, &id, &format!("X{j}"), Round::One, s));
            }
            for (j, s) in round2.iter().enumerate() {
                d.assessments
                    .push(build(&r, &id, &format!("X{j}"), Round::Two, s));
            }
        }
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_total_never_exceeds_the_rubric_total_and_is_the_sum_of_its_parts(
        s in scores_strategy(&rubric())
    ) {
        let r = rubric();
        let a = build(&r, "A01", "X", Round::One, &s);
        let sum = summarize(&r, &a);
        prop_assert!(sum.total <= Exact::from(r.total));
        let groups: Exact = sum.groups.iter().map(|g| g.total).sum();
        prop_assert_eq!(sum.total, groups);
        for g in &sum.groups {
            prop_assert!(g.total <= Exact::from(g.cap));
        }
        // And the sum of the values' own points, criterion by criterion.
        let direct: u32 = r
            .criteria()
            .filter_map(|c| a.value(&c.id).map(|v| leidraad_core::dossier::points(&r, &c.id, v)))
            .sum();
        prop_assert_eq!(sum.total, Exact::from(direct));
    }

    #[test]
    fn the_ranking_is_sorted_and_a_permutation(d in dossier_strategy()) {
        let r = rubric();
        for round in Round::ALL {
            let e = evaluate(&r, &d, round);
            let ids: BTreeSet<&ApplicationId> = e.applications.iter().map(|a| &a.id).collect();
            let all: BTreeSet<&ApplicationId> = d.applications.iter().map(|a| &a.id).collect();
            prop_assert_eq!(ids, all);
            prop_assert_eq!(e.applications.len(), d.applications.len());
            let ranked: Vec<_> = e.applications.iter().take_while(|a| a.rank.is_some()).collect();
            let unranked: Vec<_> = e.applications.iter().skip(ranked.len()).collect();
            prop_assert!(unranked.iter().all(|a| a.rank.is_none() && !a.status.is_ranked()));
            prop_assert!(unranked.windows(2).all(|w| w[0].id < w[1].id));
            for (i, a) in ranked.iter().enumerate() {
                prop_assert_eq!(a.rank, Some(i as u32 + 1));
            }
            for w in ranked.windows(2) {
                prop_assert!(w[0].total >= w[1].total);
                if w[0].total == w[1].total {
                    prop_assert!(w[0].id < w[1].id);
                }
            }
            let awarded = e.applications.iter().filter(|a| a.status == Status::Awarded).count();
            prop_assert!(awarded as u32 <= e.award_count);
        }
    }

    #[test]
    fn a_failed_knockout_is_never_invited_or_awarded(d in dossier_strategy()) {
        let r = rubric();
        for round in Round::ALL {
            let e = evaluate(&r, &d, round);
            for a in &e.applications {
                if !a.failed_ko.is_empty() {
                    prop_assert!(
                        matches!(a.status, Status::Rejected | Status::NotInvited),
                        "{:?}", a.status
                    );
                }
                if matches!(a.status, Status::Invited | Status::Awarded | Status::Tie) {
                    prop_assert!(a.failed_ko.is_empty());
                    prop_assert!(a.missing.is_empty());
                    prop_assert!(a.total.unwrap() >= Exact::from(e.threshold));
                }
            }
        }
    }

    #[test]
    fn the_final_score_is_the_exact_mean_of_the_assessors(
        totals in proptest::collection::vec(0u32..=100, 1..=5)
    ) {
        let r = rubric();
        let mut d = dossier_with(&r, &["A01"]);
        score(&mut d, &r, "A01", Round::One, &totals);
        let e = evaluate(&r, &d, Round::One);
        let got = e.applications[0].total.unwrap();
        let sum: u32 = totals.iter().sum();
        prop_assert_eq!(got, Exact::new(i64::from(sum), totals.len() as i64));
        let invited = e.applications[0].status == Status::Invited;
        prop_assert_eq!(invited, sum >= 50 * totals.len() as u32);
    }
}

#[test]
fn scale_strategies_cover_every_criterion() {
    // Guards the strategies above against a rubric change that adds a
    // scale type they do not draw from.
    let r = rubric();
    let kinds: BTreeMap<&str, usize> = r.criteria().fold(BTreeMap::new(), |mut m, c| {
        let k = match c.scale {
            Scale::YesNo { .. } => "yesno",
            Scale::Range { .. } => "range",
            Scale::Items { .. } => "items",
            Scale::Points { .. } => "points",
        };
        *m.entry(k).or_default() += 1;
        m
    });
    assert_eq!(kinds.len(), 4, "{kinds:?}");
}
