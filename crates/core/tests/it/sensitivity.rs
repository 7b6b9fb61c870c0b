//! Sensitivity of the round-2 ranking on crafted dossiers.

use crate::common;

use common::{dossier_with, rubric, score};
use leidraad_core::dossier::{ApplicationId, Dossier, Round};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring;
use leidraad_core::sensitivity::{self, Change};

fn ids(v: &[&str]) -> std::collections::BTreeSet<ApplicationId> {
    v.iter().map(|s| ApplicationId::from(*s)).collect()
}

/// Every application invited in round 1 and scored in round 2 by X1..X3.
fn crafted(rubric: &Rubric, round2: &[(&str, [u32; 3])]) -> Dossier {
    let apps: Vec<&str> = round2.iter().map(|(id, _)| *id).collect();
    let mut d = dossier_with(rubric, &apps);
    for (id, totals) in round2 {
        score(&mut d, rubric, id, Round::One, &[70, 70, 70]);
        score(&mut d, rubric, id, Round::Two, totals);
    }
    d
}

#[test]
fn one_point_at_the_award_line_flips_the_award() {
    let r = rubric();
    let d = crafted(
        &r,
        &[
            ("A1", [80, 80, 80]),
            ("A2", [75, 75, 75]),
            ("A3", [70, 70, 70]),
            ("A4", [60, 60, 60]),
            // 59.67: one point from one assessor ties it with A4.
            ("A5", [60, 60, 59]),
        ],
    );
    let rep = sensitivity::analyse(&r, &d);
    assert_eq!(rep.awarded, ids(&["A1", "A2", "A3", "A4"]));
    assert!(!rep.is_stable());
    assert_eq!(rep.award_crossers, ids(&["A4", "A5"]));
    assert!(rep.threshold_crossers.is_empty());
    // A5 one point up by X3 makes a tie at the award line.
    let f = rep
        .findings
        .iter()
        .find(|f| {
            f.change
                == Change::Shift {
                    application: "A5".into(),
                    assessor: "X3".into(),
                    delta: 1,
                }
        })
        .expect("the +1 on A5 is a finding");
    assert_eq!(f.awarded_after, ids(&["A1", "A2", "A3"]));
    // Far from the line nothing moves; leaving out X3 (who gave A5 the
    // lower score) makes A5 60 too.
    for f in &rep.findings {
        match &f.change {
            Change::Shift { application, .. } => {
                assert!(["A4", "A5"].contains(&application.0.as_ref()), "{f:?}")
            }
            Change::LeaveOut { assessor } => assert_eq!(assessor, "X3"),
        }
    }
    assert!(rep.findings.iter().any(|f| f.change
        == Change::LeaveOut {
            assessor: "X3".into()
        }));
}

#[test]
fn a_gap_of_more_than_two_points_per_assessor_cannot_flip_the_award() {
    let r = rubric();
    let d = crafted(
        &r,
        &[
            ("A1", [90, 90, 90]),
            ("A2", [88, 88, 88]),
            ("A3", [85, 85, 85]),
            ("A4", [80, 80, 80]),
            // Within 2 of the line, so shifts are tried, but 2 points from one
            // of three assessors is 0.67 on the total.
            ("A5", [78, 78, 78]),
            // Exactly on the threshold: one point down drops it below.
            ("A6", [50, 50, 50]),
        ],
    );
    let rep = sensitivity::analyse(&r, &d);
    assert!(rep.is_stable(), "{:?}", rep.findings);
    assert!(rep.award_crossers.is_empty());
    assert_eq!(rep.threshold_crossers, ids(&["A6"]));
    // A4, A5 and A6: 3 assessors x 4 shifts each, plus 3 leave-outs.
    assert_eq!(rep.tried, 3 * 3 * 4 + 3);
}

#[test]
fn leaving_out_one_assessor_can_flip_the_award() {
    let r = rubric();
    let d = crafted(
        &r,
        &[
            ("A1", [90, 90, 90]),
            ("A2", [88, 88, 88]),
            ("A3", [85, 85, 85]),
            ("A4", [61, 61, 61]),
            // 60 with all three; 65 without X1 or without X2.
            ("A5", [50, 50, 80]),
        ],
    );
    let rep = sensitivity::analyse(&r, &d);
    let flips: Vec<&Change> = rep
        .findings
        .iter()
        .filter(|f| f.changes_award())
        .map(|f| &f.change)
        .collect();
    assert_eq!(
        flips,
        [
            &Change::LeaveOut {
                assessor: "X1".into()
            },
            &Change::LeaveOut {
                assessor: "X2".into()
            }
        ]
    );
    assert_eq!(rep.award_crossers, ids(&["A4", "A5"]));
}

#[test]
fn the_example_tie_is_sensitive() {
    let r = rubric();
    let d = leidraad_core::store::parse_dossier(
        include_str!("../../../../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &r,
    )
    .unwrap();
    let rep = sensitivity::analyse(&r, &d);
    assert!(!rep.is_stable());
    assert!(rep.award_crossers.contains(&ApplicationId::from("A04")));
    assert!(rep.award_crossers.contains(&ApplicationId::from("A07")));
}

#[test]
fn a_shift_moves_the_assessors_total_by_exactly_that_much_or_not_at_all() {
    let r = rubric();
    for total in [0, 1, 5, 37, 50, 99, 100] {
        for delta in sensitivity::SHIFTS {
            let mut d = dossier_with(&r, &["A1"]);
            score(&mut d, &r, "A1", Round::Two, &[total]);
            let id = ApplicationId::from("A1");
            let moved = sensitivity::shift(&r, &mut d, &id, "X1", delta);
            let a = d.assessment(&id, "X1", Round::Two).unwrap();
            let now = scoring::summarize(&r, a).total;
            let want = i64::from(total) + i64::from(delta);
            if moved {
                assert_eq!(now, Exact::whole(want), "{total} {delta:+}");
            } else {
                assert_eq!(
                    now,
                    Exact::whole(i64::from(total)),
                    "unchanged when refused"
                );
            }
            if !(0..=100).contains(&want) {
                assert!(!moved, "{total} {delta:+}: outside 0..=100");
            }
            // Scores in the middle of their scales can always move; a total
            // of 5 is only C1 = ja, which moves by 5 or not at all.
            if [37, 50, 99].contains(&total) && (0..=100).contains(&want) {
                assert!(moved, "{total} {delta:+}");
            }
            if total == 5 && delta < 0 {
                assert!(!moved);
            }
        }
    }
}

/// The pruned analysis finds exactly what trying every shift of every
/// assessor on every application of the whole dossier finds.
#[test]
fn pruning_agrees_with_trying_every_shift_on_the_whole_dossier() {
    let r = rubric();
    let mut found = 0;
    let mut award_found = 0;
    for seed in [7, 2022, 3, 11, 19] {
        let d = leidraad_core::synthetic::dossier(&r, 40, 3, seed);
        let base = scoring::evaluate(&r, &d, Round::Two);
        let before: std::collections::BTreeMap<_, _> = base
            .applications
            .iter()
            .map(|a| (a.id.clone(), a.status))
            .collect();
        let side = |s: scoring::Status| match s {
            scoring::Status::Awarded => 2,
            scoring::Status::Tie => 1,
            _ => 0,
        };
        let mut expected = Vec::new();
        for a in base.applications.iter().filter(|a| a.status.is_ranked()) {
            for name in &a.assessor_names {
                for delta in sensitivity::SHIFTS {
                    let mut copy = d.clone();
                    if !sensitivity::shift(&r, &mut copy, &a.id, name, delta) {
                        continue;
                    }
                    let after = scoring::evaluate(&r, &copy, Round::Two);
                    let award = after
                        .applications
                        .iter()
                        .any(|x| side(before[&x.id]) != side(x.status));
                    award_found += usize::from(award);
                    let changed = award
                        || after.applications.iter().any(|x| {
                            let old = before[&x.id];
                            old.is_ranked()
                                && x.status.is_ranked()
                                && (old == scoring::Status::BelowThreshold)
                                    != (x.status == scoring::Status::BelowThreshold)
                        });
                    if changed {
                        expected.push(Change::Shift {
                            application: a.id.clone(),
                            assessor: name.to_string(),
                            delta,
                        });
                    }
                }
            }
        }
        let rep = sensitivity::analyse(&r, &d);
        let mut got: Vec<Change> = rep
            .findings
            .iter()
            .map(|f| f.change.clone())
            .filter(|c| matches!(c, Change::Shift { .. }))
            .collect();
        got.sort();
        expected.sort();
        found += expected.len();
        assert_eq!(got, expected, "seed {seed}");
    }
    assert!(found > 0, "the data has findings to compare");
    assert!(award_found > 0, "and some of them move the award line");
}
