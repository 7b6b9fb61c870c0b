//! How firm the round-2 ranking is: would the awarded set change if any one
//! assessor's total of one application moved by ±1 or ±2 points, or if any
//! one assessor were left out of round 2?
//!
//! Every what-if is a modified copy of the dossier evaluated by
//! `scoring::evaluate`; nothing here ranks on its own. A shifted total is
//! made by changing that assessor's scores (a criterion without a consensus
//! value, within its scale), and the change is checked with the rubric's own
//! points. To stay fast on large dossiers, a shift is tried only for an
//! application whose total lies within 2 points of the award line or the
//! threshold (a shift of one assessor by at most 2 points moves the final
//! total by at most 2), and it is evaluated on a copy that holds only the
//! applications that can matter: the award count plus two at the top (and
//! any tied with them), plus the shifted one. Applications further down
//! keep their places below all of them, so the awarded set of the copy is
//! the awarded set of the whole; whether the shifted one crosses the
//! threshold depends on its own total only. A test checks this against
//! trying every shift on the whole dossier.

use std::collections::{BTreeMap, BTreeSet};

use crate::dossier::{
    ApplicationId, Assessment, CriterionScore, Dossier, KoJudgement, Round, Value,
};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};
use crate::scoring::{self, Evaluation, Status};

/// The shifts tried, in points on one assessor's total.
pub const SHIFTS: [i32; 4] = [-2, -1, 1, 2];

/// One what-if.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// One assessor's total of one application moved by `delta` points.
    Shift {
        application: ApplicationId,
        assessor: String,
        delta: i32,
    },
    /// One assessor's round-2 assessments left out.
    LeaveOut { assessor: String },
}

/// A what-if that changes the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub change: Change,
    pub awarded_after: BTreeSet<ApplicationId>,
    /// Applications that go from awarded to not (or the reverse, or into or
    /// out of a tie at the award line).
    pub crossed_award: Vec<ApplicationId>,
    /// Applications that go from below the threshold to at or above it, or
    /// the reverse.
    pub crossed_threshold: Vec<ApplicationId>,
}

impl Finding {
    pub fn changes_award(&self) -> bool {
        !self.crossed_award.is_empty()
    }
}

/// The sensitivity of the round-2 ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub awarded: BTreeSet<ApplicationId>,
    /// The what-ifs tried (shifts that a scale allows, and leave-outs).
    pub tried: usize,
    /// The what-ifs that change an award or a threshold crossing.
    pub findings: Vec<Finding>,
    /// Regions that could cross the award line, by id.
    pub award_crossers: BTreeSet<ApplicationId>,
    /// Regions that could cross the threshold.
    pub threshold_crossers: BTreeSet<ApplicationId>,
}

impl Report {
    /// Whether the awarded set stays the same under every what-if.
    pub fn is_stable(&self) -> bool {
        self.award_crossers.is_empty()
    }
}

/// Where an application stands with respect to the award line.
fn award_side(s: Status) -> u8 {
    match s {
        Status::Awarded => 2,
        Status::Tie => 1,
        _ => 0,
    }
}

fn below(s: Status) -> bool {
    s == Status::BelowThreshold
}

fn awarded_set(e: &Evaluation) -> BTreeSet<ApplicationId> {
    e.applications
        .iter()
        .filter(|a| a.status == Status::Awarded)
        .map(|a| a.id.clone())
        .collect()
}

/// Compare an evaluation after a change with the one before.
fn compare(
    before: &BTreeMap<ApplicationId, Status>,
    after: &Evaluation,
    change: Change,
) -> Option<Finding> {
    let mut crossed_award = Vec::new();
    let mut crossed_threshold = Vec::new();
    for a in &after.applications {
        let Some(&old) = before.get(&a.id) else {
            continue;
        };
        if award_side(old) != award_side(a.status) {
            crossed_award.push(a.id.clone());
        }
        let ranked_both = old.is_ranked() && a.status.is_ranked();
        if ranked_both && below(old) != below(a.status) {
            crossed_threshold.push(a.id.clone());
        }
    }
    if crossed_award.is_empty() && crossed_threshold.is_empty() {
        return None;
    }
    Some(Finding {
        change,
        awarded_after: awarded_set(after),
        crossed_award,
        crossed_threshold,
    })
}

/// Analyse the round-2 ranking of `dossier`.
pub fn analyse(rubric: &Rubric, dossier: &Dossier) -> Report {
    let base = scoring::evaluate(rubric, dossier, Round::Two);
    let before: BTreeMap<ApplicationId, Status> = base
        .applications
        .iter()
        .map(|a| (a.id.clone(), a.status))
        .collect();
    let mut findings = Vec::new();
    let mut tried = 0;

    // The lines: the threshold, and the totals on either side of the award
    // line among the applications at or above the threshold.
    let threshold = Exact::from(base.threshold);
    let eligible: Vec<Exact> = base
        .applications
        .iter()
        .filter(|a| a.status.is_ranked() && a.status != Status::BelowThreshold)
        .filter_map(|a| a.total)
        .collect();
    let k = base.award_count as usize;
    let mut lines = vec![threshold];
    if k > 0 && eligible.len() > k {
        lines.push(eligible[k - 1]);
        lines.push(eligible[k]);
    }
    let reach = Exact::from(2u32);
    let near = |t: Exact| lines.iter().any(|&l| t >= l - reach && t <= l + reach);

    // The applications that decide the award line besides the shifted one:
    // the award count plus one of the others, and whoever ties with the
    // last of them, are all at or above the (award count + 2)-th eligible
    // total (or, when not that many are eligible, everyone within reach of
    // the threshold). Anyone further down stays below them whatever one
    // shift does.
    let top_floor = if k > 0 && eligible.len() > k + 1 {
        // With the shifted one taken out, the first k + 1 of the others
        // (and any tied with the last of them) are at or above this.
        eligible[k + 1]
    } else {
        threshold - reach
    };
    let top: BTreeSet<&ApplicationId> = base
        .applications
        .iter()
        .filter(|a| a.status.is_ranked() && a.total.is_some_and(|t| t >= top_floor))
        .map(|a| &a.id)
        .collect();
    // Shifts are tried only where a total lies within reach of a line.
    let candidates: Vec<&ApplicationId> = base
        .applications
        .iter()
        .filter(|a| a.status.is_ranked() && a.total.is_some_and(near))
        .map(|a| &a.id)
        .collect();
    let mut universe_ids = top.clone();
    universe_ids.extend(candidates.iter().copied());
    let universe = restrict(dossier, &universe_ids);

    for id in candidates {
        // The top and this application: its own threshold crossing and the
        // award line are decided by these alone.
        let mut ids = top.clone();
        ids.insert(id);
        let mut reduced = restrict(&universe, &ids);
        let assessors: Vec<String> = reduced
            .assessments_for(id, Round::Two)
            .filter(|a| a.is_submitted())
            .map(|a| a.assessor.clone())
            .collect();
        for assessor in assessors {
            let Some(original) = reduced.assessment(id, &assessor, Round::Two).cloned() else {
                continue;
            };
            for delta in SHIFTS {
                // Shift in place, evaluate, and put the assessment back.
                if !shift(rubric, &mut reduced, id, &assessor, delta) {
                    continue;
                }
                tried += 1;
                let after = scoring::evaluate(rubric, &reduced, Round::Two);
                if let Some(a) = reduced.assessment_mut(id, &assessor, Round::Two) {
                    *a = original.clone();
                }
                let change = Change::Shift {
                    application: id.clone(),
                    assessor: assessor.clone(),
                    delta,
                };
                findings.extend(compare(&before, &after, change));
            }
        }
    }

    let names: BTreeSet<&str> = dossier
        .assessments
        .iter()
        .filter(|a| a.round == Round::Two && a.is_submitted())
        .map(|a| a.assessor.as_str())
        .collect();
    // Leaving an assessor out can change any application that was invited
    // (its total, or whether it is complete); the others stay not invited.
    let invited: BTreeSet<&ApplicationId> = base
        .applications
        .iter()
        .filter(|a| a.status != Status::NotInvited)
        .map(|a| &a.id)
        .collect();
    let scoring_copy = restrict(dossier, &invited);
    for name in names {
        let mut copy = scoring_copy.clone();
        copy.assessments
            .retain(|a| !(a.round == Round::Two && a.assessor == name));
        tried += 1;
        let after = scoring::evaluate(rubric, &copy, Round::Two);
        let change = Change::LeaveOut {
            assessor: name.to_string(),
        };
        findings.extend(compare(&before, &after, change));
    }

    let award_crossers = findings
        .iter()
        .flat_map(|f| f.crossed_award.iter().cloned())
        .collect();
    let threshold_crossers = findings
        .iter()
        .flat_map(|f| f.crossed_threshold.iter().cloned())
        .collect();
    Report {
        awarded: awarded_set(&base),
        tried,
        findings,
        award_crossers,
        threshold_crossers,
    }
}

/// An assessment as scoring reads it: values, verdicts and submission,
/// without the motivations and evidence (much cheaper to copy).
fn for_scoring(a: &Assessment) -> Assessment {
    Assessment {
        application: a.application.clone(),
        assessor: a.assessor.clone(),
        round: a.round,
        knockouts: a
            .knockouts
            .iter()
            .map(|(id, k)| {
                (
                    id.clone(),
                    KoJudgement {
                        verdict: k.verdict,
                        motivation: String::new(),
                        updated: None,
                        carried: Default::default(),
                    },
                )
            })
            .collect(),
        criteria: a
            .criteria
            .iter()
            .map(|(id, c)| {
                (
                    id.clone(),
                    CriterionScore {
                        value: c.value.clone(),
                        ..CriterionScore::default()
                    },
                )
            })
            .collect(),
        submitted: a.submitted,
        created: None,
        withdrawn: None,
    }
}

/// A copy of the dossier for scoring only: the given applications (and
/// all the decisions, which name applications by id), and of the
/// assessments only what scoring reads.
fn restrict(dossier: &Dossier, keep: &BTreeSet<&ApplicationId>) -> Dossier {
    Dossier {
        format_version: dossier.format_version,
        id: dossier.id.clone(),
        issued: Vec::new(),
        title: dossier.title.clone(),
        rubric: dossier.rubric.clone(),
        assessors: dossier.assessors.clone(),
        applications: dossier
            .applications
            .iter()
            .filter(|a| keep.contains(&a.id))
            .cloned()
            .collect(),
        assessments: dossier
            .assessments
            .iter()
            .filter(|a| keep.contains(&a.application))
            .map(for_scoring)
            .collect(),
        consensus: dossier
            .consensus
            .iter()
            .filter(|c| keep.contains(&c.application))
            .cloned()
            .collect(),
        decisions: dossier.decisions.clone(),
        conflicts: dossier.conflicts.clone(),
        package: dossier.package.clone(),
        // Not read by scoring.
        staff: Vec::new(),
        interviews: Vec::new(),
        addenda: Vec::new(),
        audit: Vec::new(),
    }
}

/// Move one assessor's round-2 total of one application by `delta` points,
/// one point at a time, each on a criterion that has no consensus value
/// (where the assessor's score counts). False, and nothing changed, when
/// the scales do not allow it.
pub fn shift(
    rubric: &Rubric,
    dossier: &mut Dossier,
    app: &ApplicationId,
    assessor: &str,
    delta: i32,
) -> bool {
    let agreed: BTreeSet<CriterionId> = dossier
        .recorded_consensus_for(app, Round::Two)
        .map(|c| {
            c.criteria
                .iter()
                .filter(|(_, s)| s.value.is_some())
                .map(|(id, _)| id.clone())
                .collect()
        })
        .unwrap_or_default();
    let Some(slot) = dossier.assessment_mut(app, assessor, Round::Two) else {
        return false;
    };
    // Work on a copy: a shift that cannot be made in full changes nothing.
    let mut a = slot.clone();
    let step = delta.signum();
    for _ in 0..delta.unsigned_abs() {
        let mut moved = false;
        for c in rubric.criteria() {
            if agreed.contains(&c.id) {
                continue;
            }
            let Some(old) = a.value(&c.id).cloned() else {
                continue;
            };
            if let Some(new) = step_value(rubric, c, &old, step) {
                if let Some(s) = a.criteria.get_mut(&c.id) {
                    s.value = Some(new);
                }
                moved = true;
                break;
            }
        }
        if !moved {
            return false;
        }
    }
    *slot = a;
    true
}

/// The value one point up or down from `old` on criterion `c`, if the scale
/// has one; checked with the criterion's own points.
fn step_value(
    rubric: &Rubric,
    c: &crate::rubric::Criterion,
    old: &Value,
    step: i32,
) -> Option<Value> {
    let target = i64::from(c.points(old)) + i64::from(step);
    let candidates: Vec<Value> = match (&c.scale, old) {
        (Scale::Range { .. } | Scale::Points { .. }, Value::Points(v)) => {
            let n = i64::from(*v) + i64::from(step);
            let mut out = Vec::new();
            if n >= 0 {
                out.push(Value::Points(n as u32));
            }
            if n == 0 {
                out.push(Value::NotAddressed);
            }
            out
        }
        (Scale::Range { .. } | Scale::Points { .. }, Value::NotAddressed) if step > 0 => {
            vec![Value::Points(1)]
        }
        (Scale::Items { items, .. }, Value::Items(given)) => items
            .iter()
            .filter_map(|item| {
                let now = i64::from(given.get(&item.id).copied().unwrap_or(0));
                let n = now + i64::from(step);
                (n >= 0).then(|| {
                    let mut m = given.clone();
                    m.insert(item.id.clone(), n as u32);
                    Value::Items(m)
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    candidates.into_iter().find(|v| {
        crate::dossier::validate_value(rubric, &c.id, v).is_ok() && i64::from(c.points(v)) == target
    })
}
