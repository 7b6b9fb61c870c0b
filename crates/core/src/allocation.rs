//! The budget over the awarded applications of round 2: proposals (equal
//! shares, proportional to the requested amounts, proportional to a scale
//! figure), a check of any allocation (also one made by hand), and the
//! recorded allocation in the dossier.
//!
//! Whole euros in exact integer arithmetic. A proportional share is rounded
//! down; the euros left over go one each to the largest remainders, equal
//! remainders to the better rank first (the largest-remainder method).
//! Which applications are awarded comes from `scoring::evaluate`.

use crate::dossier::join_ids as join;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::dossier::{ApplicationId, Decision, DecisionKind, Dossier, Round, ScaleData};
use crate::exact::Exact;
use crate::rubric::Rubric;
use crate::scoring::{self, Evaluation, Status};

/// A figure of a region's size that money can follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScaleFigure {
    Inhabitants,
    YoungPeople,
    Municipalities,
}

impl ScaleFigure {
    pub const ALL: [ScaleFigure; 3] = [
        ScaleFigure::Inhabitants,
        ScaleFigure::YoungPeople,
        ScaleFigure::Municipalities,
    ];

    pub fn of(self, scale: &ScaleData) -> Option<u64> {
        match self {
            ScaleFigure::Inhabitants => scale.inhabitants,
            ScaleFigure::YoungPeople => scale.young_people,
            ScaleFigure::Municipalities => scale.municipalities.map(u64::from),
        }
    }

    fn code(self) -> &'static str {
        match self {
            ScaleFigure::Inhabitants => "inhabitants",
            ScaleFigure::YoungPeople => "young_people",
            ScaleFigure::Municipalities => "municipalities",
        }
    }
}

/// How an allocation was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The same amount for every awarded application.
    Equal,
    /// In proportion to the requested amounts, never above a request.
    Requested,
    /// In proportion to the final round-2 total (the leidraad: "het aantal
    /// toegekende punten wordt bij de selectie en toekenning van de
    /// financiële middelen meegenomen").
    Points,
    /// In proportion to a scale figure.
    Scale(ScaleFigure),
    /// Amounts entered by hand.
    Manual,
}

impl Rule {
    pub const PROPOSALS: [Rule; 6] = [
        Rule::Equal,
        Rule::Requested,
        Rule::Points,
        Rule::Scale(ScaleFigure::Inhabitants),
        Rule::Scale(ScaleFigure::YoungPeople),
        Rule::Scale(ScaleFigure::Municipalities),
    ];

    /// The code stored in the dossier (`DecisionKind::Allocation::rule`).
    pub fn code(self) -> String {
        match self {
            Rule::Equal => "equal".into(),
            Rule::Requested => "requested".into(),
            Rule::Points => "points".into(),
            Rule::Scale(f) => format!("scale:{}", f.code()),
            Rule::Manual => "manual".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Rule> {
        [Rule::Manual]
            .into_iter()
            .chain(Rule::PROPOSALS)
            .find(|r| r.code() == code)
    }
}

/// An awarded application that shares in the budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: ApplicationId,
    pub region: String,
    /// Place in the round-2 ranking (ties for remainders go to the lower
    /// number).
    pub rank: u32,
    /// The final round-2 total.
    pub total: Exact,
    pub requested: Option<u64>,
    pub scale: ScaleData,
}

/// The awarded applications of round 2, by rank, as `scoring::evaluate`
/// says (none while the ranking is provisional: see [`candidates`]).
pub fn recipients(rubric: &Rubric, dossier: &Dossier) -> Vec<Recipient> {
    let eval = scoring::evaluate(rubric, dossier, Round::Two);
    from_evaluation(dossier, &eval, false)
}

/// The applications a proposal divides over: the awarded ones, or while
/// the round-2 ranking is provisional, the ones that would be awarded if
/// it were final (a proposal over them says it is provisional).
pub fn candidates(dossier: &Dossier, eval: &Evaluation) -> Vec<Recipient> {
    from_evaluation(dossier, eval, true)
}

fn from_evaluation(dossier: &Dossier, eval: &Evaluation, provisional: bool) -> Vec<Recipient> {
    eval.applications
        .iter()
        .filter(|a| {
            a.status == Status::Awarded
                || provisional
                    && a.status == Status::Provisional
                    && a.would_be == Some(Status::Awarded)
        })
        .map(|a| {
            let app = dossier.application(&a.id);
            Recipient {
                id: a.id.clone(),
                region: a.region.clone(),
                rank: a.rank.unwrap_or(u32::MAX),
                total: a.total.unwrap_or(Exact::ZERO),
                requested: app.and_then(|x| x.requested_eur),
                scale: app.map(|x| x.scale.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    #[error("no application is awarded in round 2")]
    NoRecipients,
    #[error("no requested amount for {}", join(.0))]
    MissingRequest(Vec<ApplicationId>),
    #[error("no scale figure for {}", join(.0))]
    MissingFigure(Vec<ApplicationId>),
    #[error("the scale figures add up to 0")]
    ZeroWeight,
    #[error("the allocation of EUR {total} is above the budget of EUR {budget}")]
    OverBudget { total: u64, budget: u64 },
    #[error("{} is not awarded in round 2", .0)]
    NotAwarded(ApplicationId),
    #[error("above the requested amount without a motivation: {}", join(.0))]
    AboveRequestUnmotivated(Vec<ApplicationId>),
    #[error("an allocation needs a motivation")]
    NoMotivation,
    #[error(transparent)]
    Decision(crate::panel::DecisionError),
}

impl From<crate::session::ReadOnlyError> for AllocationError {
    fn from(e: crate::session::ReadOnlyError) -> AllocationError {
        AllocationError::Decision(e.into())
    }
}

/// A proposed allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub rule: Rule,
    /// Per recipient, in the order of the recipients.
    pub amounts: Vec<(ApplicationId, u64)>,
    /// The sum of the amounts.
    pub total: u64,
    /// What is left of the budget (only when every request is met).
    pub unallocated: u64,
}

impl Proposal {
    pub fn map(&self) -> BTreeMap<ApplicationId, u64> {
        self.amounts.iter().cloned().collect()
    }
}

/// Split `budget` in proportion to `weights` (all > 0 in sum), each share
/// at most its cap; a share that would pass its cap gets the cap and the
/// rest is divided over the others again. Floors first, then one euro each
/// to the largest remainders, equal remainders in the order of the slice
/// (by rank). Returns the amounts and what could not be placed (only when
/// every cap is reached).
pub fn apportion(budget: u64, weights: &[u64], caps: &[Option<u64>]) -> (Vec<u64>, u64) {
    let n = weights.len();
    let mut amount = vec![0u64; n];
    let mut fixed = vec![false; n];
    let mut left = budget;
    loop {
        let active: Vec<usize> = (0..n).filter(|&i| !fixed[i]).collect();
        let weight: u128 = active.iter().map(|&i| u128::from(weights[i])).sum();
        if active.is_empty() || weight == 0 {
            return (amount, left);
        }
        // Any share at or above its cap is fixed at the cap; then divide
        // again, since the others' shares grow.
        let capped: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| {
                caps[i].is_some_and(|c| {
                    u128::from(left) * u128::from(weights[i]) >= u128::from(c) * weight
                })
            })
            .collect();
        if !capped.is_empty() {
            for i in capped {
                let c = caps[i].unwrap_or(0);
                amount[i] = c;
                fixed[i] = true;
                left -= c;
            }
            continue;
        }
        let mut rest: Vec<(u128, usize)> = Vec::with_capacity(active.len());
        let mut placed = 0u64;
        for &i in &active {
            let exact = u128::from(left) * u128::from(weights[i]);
            let share = (exact / weight) as u64;
            amount[i] = share;
            placed += share;
            rest.push((exact % weight, i));
        }
        let mut remainder = left - placed;
        // Largest remainder first; equal remainders by position (rank).
        rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(r, i) in &rest {
            if remainder == 0 {
                break;
            }
            // A share with no fraction is exact; a euro more would favour it
            // (and could pass a cap). Only when every share is exact and
            // euros remain can that not happen: floors sum to `left` then.
            if r == 0 {
                break;
            }
            amount[i] += 1;
            remainder -= 1;
        }
        debug_assert_eq!(remainder, 0);
        return (amount, 0);
    }
}

/// The proposal of a rule over the recipients (not for `Rule::Manual`).
/// The totals as whole numbers in the same proportion, exactly: each
/// total times the least common multiple of the denominators.
fn points_weights(recipients: &[Recipient]) -> Vec<u64> {
    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 { a } else { gcd(b, a % b) }
    }
    let lcm = recipients.iter().fold(1u64, |l, r| {
        let d = r.total.denom().unsigned_abs().max(1);
        l / gcd(l, d) * d
    });
    recipients
        .iter()
        .map(|r| {
            let (n, d) = (
                r.total.numer().max(0) as u64,
                r.total.denom().unsigned_abs().max(1),
            );
            n.saturating_mul(lcm / d)
        })
        .collect()
}

pub fn propose(
    budget: u64,
    recipients: &[Recipient],
    rule: Rule,
) -> Result<Proposal, AllocationError> {
    if recipients.is_empty() {
        return Err(AllocationError::NoRecipients);
    }
    // Never more than requested, whatever the rule, where a request is
    // known.
    let caps: Vec<Option<u64>> = recipients.iter().map(|r| r.requested).collect();
    let weights: Vec<u64> = match rule {
        Rule::Equal | Rule::Manual => vec![1; recipients.len()],
        Rule::Requested => {
            let missing: Vec<ApplicationId> = recipients
                .iter()
                .filter(|r| r.requested.is_none())
                .map(|r| r.id.clone())
                .collect();
            if !missing.is_empty() {
                return Err(AllocationError::MissingRequest(missing));
            }
            recipients
                .iter()
                .map(|r| r.requested.unwrap_or(0))
                .collect()
        }
        Rule::Points => points_weights(recipients),
        Rule::Scale(f) => {
            let missing: Vec<ApplicationId> = recipients
                .iter()
                .filter(|r| f.of(&r.scale).is_none())
                .map(|r| r.id.clone())
                .collect();
            if !missing.is_empty() {
                return Err(AllocationError::MissingFigure(missing));
            }
            recipients
                .iter()
                .map(|r| f.of(&r.scale).unwrap_or(0))
                .collect()
        }
    };
    if weights.iter().all(|&w| w == 0) {
        if rule == Rule::Requested {
            // Nothing requested: nothing to give.
            let amounts = recipients.iter().map(|r| (r.id.clone(), 0)).collect();
            return Ok(Proposal {
                rule,
                amounts,
                total: 0,
                unallocated: budget,
            });
        }
        return Err(AllocationError::ZeroWeight);
    }
    let (amounts, unallocated) = apportion(budget, &weights, &caps);
    let total = amounts.iter().fold(0u64, |t, &a| t.saturating_add(a));
    Ok(Proposal {
        rule,
        amounts: recipients
            .iter()
            .map(|r| r.id.clone())
            .zip(amounts)
            .collect(),
        total,
        unallocated,
    })
}

/// What an allocation comes to, before it is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub total: u64,
    pub budget: u64,
    /// Budget minus total; negative when above the budget.
    pub remainder: i128,
    /// Recipients whose amount is above their requested amount.
    pub above_request: Vec<ApplicationId>,
    /// Amounts for applications that are not awarded.
    pub not_awarded: Vec<ApplicationId>,
}

impl Check {
    pub fn over_budget(&self) -> bool {
        self.remainder < 0
    }
}

/// Sum an allocation against the budget and the requests.
pub fn check(
    budget: u64,
    recipients: &[Recipient],
    amounts: &BTreeMap<ApplicationId, u64>,
) -> Check {
    // Saturating: amounts near the largest whole number must not wrap
    // around to a small total that passes the budget check.
    let total: u64 = amounts.values().fold(0u64, |t, &a| t.saturating_add(a));
    let above_request = recipients
        .iter()
        .filter(|r| {
            r.requested
                .is_some_and(|req| amounts.get(&r.id).is_some_and(|&a| a > req))
        })
        .map(|r| r.id.clone())
        .collect();
    let not_awarded = amounts
        .keys()
        .filter(|id| !recipients.iter().any(|r| &r.id == *id))
        .cloned()
        .collect();
    Check {
        total,
        budget,
        remainder: i128::from(budget) - i128::from(total),
        above_request,
        not_awarded,
    }
}

/// Record an allocation in the dossier as a round-2 decision. Refused:
/// above the budget, an amount for an application that is not awarded, no
/// motivation, or an amount above a request when the motivation is empty.
pub fn record(
    rubric: &Rubric,
    dossier: &mut Dossier,
    amounts: BTreeMap<ApplicationId, u64>,
    rule: Rule,
    motivation: &str,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), AllocationError> {
    let eval = scoring::evaluate(rubric, dossier, Round::Two);
    if !eval.is_final {
        return Err(AllocationError::Decision(
            crate::decide::DecisionError::Provisional(eval.pending),
        ));
    }
    let recipients = from_evaluation(dossier, &eval, false);
    if recipients.is_empty() {
        return Err(AllocationError::NoRecipients);
    }
    let c = check(rubric.process.budget_eur, &recipients, &amounts);
    if let Some(id) = c.not_awarded.first() {
        return Err(AllocationError::NotAwarded(id.clone()));
    }
    if c.over_budget() {
        return Err(AllocationError::OverBudget {
            total: c.total,
            budget: c.budget,
        });
    }
    let motivation = motivation.trim();
    if motivation.is_empty() {
        return Err(if c.above_request.is_empty() {
            AllocationError::NoMotivation
        } else {
            AllocationError::AboveRequestUnmotivated(c.above_request)
        });
    }
    let mut amounts = amounts;
    for r in &recipients {
        amounts.entry(r.id.clone()).or_insert(0);
    }
    crate::panel::record_decision(
        rubric,
        dossier,
        Decision {
            round: Round::Two,
            kind: DecisionKind::Allocation {
                amounts,
                rule: rule.code(),
            },
            motivation: motivation.to_string(),
            by: by.to_string(),
            at: Some(at),
            basis: Default::default(),
        },
    )
    .map_err(AllocationError::Decision)
}

/// The allocation recorded last, with its index in `Dossier::decisions`.
pub fn recorded(dossier: &Dossier) -> Option<(usize, &Decision)> {
    dossier
        .decisions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, d)| matches!(d.kind, DecisionKind::Allocation { .. }))
}

#[cfg(test)]
mod overflow_tests {
    use super::*;

    /// Issue "Nothing lost, nothing forged", point 7: amounts of u64::MAX
    /// and 1 summed to 0 in a release build and passed the budget check.
    #[test]
    fn amounts_near_the_largest_number_are_over_budget_not_zero() {
        let amounts: BTreeMap<ApplicationId, u64> = [
            (ApplicationId::from("A01"), u64::MAX),
            (ApplicationId::from("A02"), 1),
        ]
        .into();
        let c = check(4_000_000, &[], &amounts);
        assert_eq!(c.total, u64::MAX);
        assert!(c.over_budget());
    }
}
