//! The budget over the awarded applications: proposals, checks and the
//! recorded allocation.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use leidraad_core::allocation::{self, AllocationError, Recipient, Rule, ScaleFigure};
use leidraad_core::dossier::{ApplicationId, DecisionKind, Dossier, Round, ScaleData};
use leidraad_core::rubric::Rubric;

fn rec(id: &str, rank: u32, requested: Option<u64>, inhabitants: Option<u64>) -> Recipient {
    Recipient {
        id: ApplicationId::from(id),
        region: format!("Regio {id}"),
        rank,
        total: leidraad_core::exact::Exact::whole(i64::from(100 - rank.min(100))),
        requested,
        scale: ScaleData {
            municipalities: None,
            inhabitants,
            young_people: None,
        },
    }
}

fn amounts(p: &allocation::Proposal) -> Vec<u64> {
    p.amounts.iter().map(|(_, a)| *a).collect()
}

/// (budget, weights, caps, expected amounts, expected unplaced)
type Case = (
    u64,
    &'static [u64],
    &'static [Option<u64>],
    &'static [u64],
    u64,
);

#[test]
fn apportion_table() {
    // (budget, weights, caps, expected amounts, expected unplaced)
    let cases: &[Case] = &[
        // Even split.
        (4_000_000, &[1, 1, 1, 1], &[None; 4], &[1_000_000; 4], 0),
        // 10 over 3: one euro left, to the best rank (equal remainders).
        (10, &[1, 1, 1], &[None; 3], &[4, 3, 3], 0),
        // 11 over 3: two euros left, to ranks 1 and 2.
        (11, &[1, 1, 1], &[None; 3], &[4, 4, 3], 0),
        // Largest remainder wins over rank: 100 * 1/6 = 16.67, 100 * 2/6 =
        // 33.33, 100 * 3/6 = 50: floors 16+33+50 = 99; the euro goes to the
        // 0.67 remainder.
        (100, &[1, 2, 3], &[None; 3], &[17, 33, 50], 0),
        // A cap that binds: the rest is divided over the others again.
        (100, &[1, 1, 1], &[Some(10), None, None], &[10, 45, 45], 0),
        // Every cap reached: the rest stays unplaced.
        (100, &[1, 1], &[Some(30), Some(20)], &[30, 20], 50),
        // A cap that binds first; the others' 30.5 each round to 31 (the
        // better rank, at its cap) and 30.
        (
            90,
            &[1, 1, 1],
            &[Some(29), Some(31), None],
            &[29, 31, 30],
            0,
        ),
        // A cap reached only after redistribution: 60 / 3 = 20 each, the
        // first capped at 19; then 41 / 2 = 20.5 passes the second's 20.
        (
            60,
            &[1, 1, 1],
            &[Some(19), Some(20), None],
            &[19, 20, 21],
            0,
        ),
        // Nothing to divide.
        (0, &[5, 7], &[None, None], &[0, 0], 0),
    ];
    for (n, (budget, weights, caps, expected, unplaced)) in cases.iter().enumerate() {
        let (got, left) = allocation::apportion(*budget, weights, caps);
        assert_eq!(&got[..], *expected, "case {n}");
        assert_eq!(left, *unplaced, "case {n}");
        assert_eq!(got.iter().sum::<u64>() + left, *budget, "case {n}: sum");
        for (i, cap) in caps.iter().enumerate() {
            if let Some(c) = cap {
                assert!(got[i] <= *c, "case {n}: cap of {i}");
            }
        }
    }
}

#[test]
fn proposals_sum_to_the_budget_and_respect_requests() {
    let budget = 4_000_000;
    let r = vec![
        rec("A01", 1, Some(1_150_000), Some(412_300)),
        rec("A02", 2, Some(950_000), Some(276_800)),
        rec("A06", 3, Some(1_250_000), Some(188_400)),
        rec("A04", 4, Some(800_000), Some(231_600)),
    ];
    // Equal shares, but never more than requested: A02 (950,000) and A04
    // (800,000) are capped and the 2,250,000 they leave is shared equally
    // by A01 and A06.
    let equal = allocation::propose(budget, &r, Rule::Equal).unwrap();
    assert_eq!(amounts(&equal), [1_125_000, 950_000, 1_125_000, 800_000]);
    assert_eq!(equal.total, budget);

    // Requests add up to 4,150,000: each gets 4,000,000 / 4,150,000 of its
    // request, rounded, never more than asked.
    let req = allocation::propose(budget, &r, Rule::Requested).unwrap();
    assert_eq!(req.total, budget);
    assert_eq!(req.unallocated, 0);
    for ((_, a), rc) in req.amounts.iter().zip(&r) {
        assert!(*a <= rc.requested.unwrap());
    }
    // 1,150,000 * 4,000,000 / 4,150,000 = 1,108,433.73 -> 1,108,434 (the
    // remainders .73, .27 (A02 915,662.65), .47 and .13 decide).
    assert_eq!(amounts(&req), [1_108_434, 915_663, 1_204_819, 771_084]);

    let scale = allocation::propose(budget, &r, Rule::Scale(ScaleFigure::Inhabitants)).unwrap();
    assert_eq!(scale.total, budget);
    // A01 has the most inhabitants and gets the most.
    assert_eq!(scale.amounts[0].1, *amounts(&scale).iter().max().unwrap());
}

#[test]
fn requests_below_the_budget_are_met_in_full_and_the_rest_is_shown() {
    let r = vec![
        rec("A01", 1, Some(1_000_000), None),
        rec("A02", 2, Some(500_000), None),
    ];
    let p = allocation::propose(4_000_000, &r, Rule::Requested).unwrap();
    assert_eq!(amounts(&p), [1_000_000, 500_000]);
    assert_eq!(p.unallocated, 2_500_000);
}

#[test]
fn missing_figures_are_refused_by_name() {
    let r = vec![rec("A01", 1, Some(10), None), rec("A02", 2, None, Some(5))];
    assert_eq!(
        allocation::propose(100, &r, Rule::Requested),
        Err(AllocationError::MissingRequest(vec!["A02".into()]))
    );
    assert_eq!(
        allocation::propose(100, &r, Rule::Scale(ScaleFigure::Inhabitants)),
        Err(AllocationError::MissingFigure(vec!["A01".into()]))
    );
    assert_eq!(
        allocation::propose(100, &[], Rule::Equal),
        Err(AllocationError::NoRecipients)
    );
}

#[test]
fn rule_codes_round_trip() {
    for rule in Rule::PROPOSALS.into_iter().chain([Rule::Manual]) {
        assert_eq!(Rule::from_code(&rule.code()), Some(rule));
    }
    assert_eq!(Rule::from_code("lottery"), None);
}

fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let d = leidraad_core::store::parse_dossier(
        include_str!("../../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &rubric,
    )
    .unwrap();
    (rubric, d)
}

#[test]
fn recipients_are_the_awarded_applications_of_round_two() {
    let (rubric, d) = example();
    let ids: Vec<String> = allocation::recipients(&rubric, &d)
        .into_iter()
        .map(|r| r.id.0.to_string())
        .collect();
    // A04 and A07 are tied at the award line: neither is awarded yet.
    assert_eq!(ids, ["A01", "A02", "A06"]);
}

#[test]
fn recording_refuses_over_budget_unmotivated_excess_and_strangers() {
    let (rubric, mut d) = example();
    let at = Utc.with_ymd_and_hms(2022, 10, 1, 12, 0, 0).unwrap();
    let map = |v: &[(&str, u64)]| -> BTreeMap<ApplicationId, u64> {
        v.iter()
            .map(|(i, a)| (ApplicationId::from(*i), *a))
            .collect()
    };
    let budget = rubric.process.budget_eur;
    assert_eq!(
        allocation::record(
            &rubric,
            &mut d,
            map(&[("A01", budget), ("A02", 1)]),
            Rule::Manual,
            "te veel",
            "",
            at
        ),
        Err(AllocationError::OverBudget {
            total: budget + 1,
            budget
        })
    );
    assert_eq!(
        allocation::record(
            &rubric,
            &mut d,
            map(&[("A04", 1)]),
            Rule::Manual,
            "x",
            "",
            at
        ),
        Err(AllocationError::NotAwarded("A04".into()))
    );
    // A01 asked 1,500,000.
    assert_eq!(
        allocation::record(
            &rubric,
            &mut d,
            map(&[("A01", 1_600_000)]),
            Rule::Manual,
            " ",
            "",
            at
        ),
        Err(AllocationError::AboveRequestUnmotivated(vec!["A01".into()]))
    );
    assert!(d.decisions.is_empty(), "nothing recorded on a refusal");
    allocation::record(
        &rubric,
        &mut d,
        map(&[("A01", 1_600_000), ("A02", 900_000)]),
        Rule::Manual,
        "Lindewaard neemt de regionale coördinatie op zich.",
        "Panel",
        at,
    )
    .unwrap();
    let (_, dec) = allocation::recorded(&d).unwrap();
    assert_eq!(dec.round, Round::Two);
    match &dec.kind {
        DecisionKind::Allocation { amounts, rule } => {
            assert_eq!(rule, "manual");
            // Every recipient is listed, A06 with 0.
            assert_eq!(
                amounts,
                &map(&[("A01", 1_600_000), ("A02", 900_000), ("A06", 0)])
            );
        }
        other => panic!("{other:?}"),
    }
    // The allocation survives a save and load, and the ranking report shows it.
    let text = leidraad_core::store::to_ron(&d);
    let back = leidraad_core::store::parse_dossier(&text, "x.ron", &rubric).unwrap();
    assert_eq!(back.decisions, d.decisions);
    let pdf = leidraad_report::ranking_report(
        &rubric,
        &d,
        Round::Two,
        chrono::NaiveDate::from_ymd_opt(2022, 10, 1).unwrap(),
    );
    assert!(pdf.is_ok());
}
