//! Recording the panel's decisions: a tie settled, the award count, the
//! allocation, a threshold waiver, a revocation. Each is checked against
//! the ranking as it stands, given the situation it is taken in (its
//! [`Basis`]), and logged; none is ever deleted (`../shared/leidraad.md`
//! §3, "Rules the product adds"). Where each stands later is
//! `scoring::decision_states`.

use crate::dossier::join_ids as join;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::audit::{self, Entry, Field};
use crate::dossier::{ApplicationId, Basis, Decision, DecisionKind, Dossier, Round};
use crate::rubric::Rubric;
use crate::scoring::{self, DecisionState, Status};

/// Why a decision was refused. Nothing is recorded then.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    /// No group of equal totals with exactly these members is cut by the
    /// award line now (the ranking moved, or the group never existed).
    #[error("round {round}: no tie of exactly {group} at the award line now")]
    NoSuchTie { round: Round, group: String },
    #[error("{0} is not in the tied group")]
    NotInGroup(ApplicationId),
    /// As many of the group must be awarded as there are places left.
    #[error("choose {places} of the tied group, not {chosen}")]
    Count { places: u32, chosen: usize },
    #[error("the award count must be at least 1")]
    NoAwards,
    #[error("a decision needs a motivation")]
    NoMotivation,
    /// Round 2 is provisional: an invited application is incomplete, so
    /// who is awarded can still change.
    #[error(
        "the round-2 ranking is provisional ({} not complete): a tie break or an allocation cannot be recorded over it",
        join(.0)
    )]
    Provisional(Vec<ApplicationId>),
    /// Tie breaks, award counts, allocations and waivers concern round 2.
    #[error("this decision concerns round 2, not round {0}")]
    WrongRound(Round),
    #[error("{0} is not an application of this dossier")]
    UnknownApplication(ApplicationId),
    /// A waiver only for an application that is complete, not rejected
    /// and below the round-2 minimum now.
    #[error("{application} is not below the round-2 minimum now (it is {status})")]
    NotBelowThreshold {
        application: ApplicationId,
        status: &'static str,
    },
    /// A revocation names a recorded decision that is not revoked yet.
    #[error("there is no decision {0} to revoke")]
    NoSuchDecision(usize),
    #[error("decision {0} is already revoked")]
    AlreadyRevoked(usize),
    #[error(transparent)]
    ReadOnly(#[from] crate::session::ReadOnlyError),
}

/// Record a decision and log it, after checking the rules every decision
/// keeps: a motivation; a tie break only over a final round-2 ranking and
/// for a group of equal totals that the award line cuts through now,
/// awarding exactly as many of it as there are places; an award count of
/// at least one; a waiver only for an application below the minimum now; a
/// revocation only of a decision that stands. (An allocation is checked
/// further by `allocation::record`.) The decision's basis is filled in here.
pub fn record_decision(
    rubric: &Rubric,
    dossier: &mut Dossier,
    decision: Decision,
) -> Result<(), DecisionError> {
    check(rubric, dossier, &decision)?;
    let mut decision = decision;
    decision.motivation = decision.motivation.trim().to_string();
    decision.basis = basis(rubric, dossier, &decision);
    let at = decision.at.unwrap_or_else(crate::dossier::now);
    decision.at = Some(at);
    let by = decision.by.clone();
    let entry = Entry::new(at, &by, Field::Decision).change("", audit::decision_text(&decision));
    let entry = Entry {
        round: Some(decision.round),
        ..entry
    };
    dossier.decisions.push(decision);
    audit::record(dossier, entry);
    Ok(())
}

/// The situation a decision is taken in, where the decision does not name
/// it itself.
fn basis(rubric: &Rubric, dossier: &Dossier, decision: &Decision) -> Basis {
    match &decision.kind {
        DecisionKind::AwardCount(_) => {
            // Who is in the award line under the new count.
            let mut trial = dossier.clone();
            trial.decisions.push(Decision {
                basis: Basis::default(),
                ..decision.clone()
            });
            let eval = scoring::evaluate(rubric, &trial, decision.round);
            Basis {
                in_line: eval
                    .applications
                    .iter()
                    .filter(|a| {
                        matches!(
                            a.would_be.unwrap_or(a.status),
                            Status::Awarded | Status::Tie
                        )
                    })
                    .map(|a| a.id.clone())
                    .collect(),
                total: String::new(),
            }
        }
        DecisionKind::ThresholdWaiver { application } => {
            let eval = scoring::evaluate(rubric, dossier, decision.round);
            Basis {
                in_line: BTreeSet::new(),
                total: eval
                    .get(application)
                    .and_then(|a| a.total)
                    .map(|t| t.to_fraction())
                    .unwrap_or_default(),
            }
        }
        _ => Basis::default(),
    }
}

fn check(rubric: &Rubric, dossier: &Dossier, decision: &Decision) -> Result<(), DecisionError> {
    let round_two = || {
        if decision.round == Round::Two {
            Ok(())
        } else {
            Err(DecisionError::WrongRound(decision.round))
        }
    };
    match &decision.kind {
        DecisionKind::TieBreak { group, awarded } => {
            round_two()?;
            let eval = scoring::evaluate(rubric, dossier, decision.round);
            if !eval.is_final {
                return Err(DecisionError::Provisional(eval.pending));
            }
            let tie = eval
                .ties
                .iter()
                .find(|t| t.members.iter().collect::<BTreeSet<_>>() == group.iter().collect())
                .ok_or_else(|| DecisionError::NoSuchTie {
                    round: decision.round,
                    group: join(group),
                })?;
            if let Some(outside) = awarded.iter().find(|a| !group.contains(*a)) {
                return Err(DecisionError::NotInGroup(outside.clone()));
            }
            if awarded.len() != tie.places as usize {
                return Err(DecisionError::Count {
                    places: tie.places,
                    chosen: awarded.len(),
                });
            }
        }
        DecisionKind::AwardCount(0) => return Err(DecisionError::NoAwards),
        DecisionKind::AwardCount(_) => round_two()?,
        DecisionKind::Allocation { .. } => {
            round_two()?;
            let eval = scoring::evaluate(rubric, dossier, decision.round);
            if !eval.is_final {
                return Err(DecisionError::Provisional(eval.pending));
            }
        }
        DecisionKind::ThresholdWaiver { application } => {
            round_two()?;
            if dossier.application(application).is_none() {
                return Err(DecisionError::UnknownApplication(application.clone()));
            }
            let eval = scoring::evaluate(rubric, dossier, decision.round);
            let status = eval.status_of(application).unwrap_or(Status::Incomplete);
            if status != Status::BelowThreshold {
                return Err(DecisionError::NotBelowThreshold {
                    application: application.clone(),
                    status: crate::nl::status(status),
                });
            }
        }
        DecisionKind::Revoke { decision: target } => {
            let Some(revoked) = dossier.decisions.get(*target) else {
                return Err(DecisionError::NoSuchDecision(*target));
            };
            if matches!(revoked.kind, DecisionKind::Revoke { .. }) {
                return Err(DecisionError::NoSuchDecision(*target));
            }
            let states = scoring::decision_states(rubric, dossier);
            if states
                .iter()
                .any(|s| s.index == *target && s.state == DecisionState::Revoked)
            {
                return Err(DecisionError::AlreadyRevoked(*target));
            }
        }
    }
    if decision.motivation.trim().is_empty() {
        return Err(DecisionError::NoMotivation);
    }
    Ok(())
}

/// Settle the tie group `number` of `round` as it stands now: `awarded` of
/// its members are awarded. The rules of [`record_decision`] apply.
#[allow(clippy::too_many_arguments)]
pub fn break_tie(
    rubric: &Rubric,
    dossier: &mut Dossier,
    round: Round,
    number: u32,
    awarded: BTreeSet<ApplicationId>,
    motivation: &str,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), DecisionError> {
    let eval = scoring::evaluate(rubric, dossier, round);
    let Some(tie) = eval.ties.iter().find(|t| t.number == number) else {
        return Err(DecisionError::NoSuchTie {
            round,
            group: format!("#{number}"),
        });
    };
    record_decision(
        rubric,
        dossier,
        Decision {
            round,
            kind: DecisionKind::TieBreak {
                group: tie.members.iter().cloned().collect(),
                awarded,
            },
            motivation: motivation.to_string(),
            by: by.to_string(),
            at: Some(at),
            basis: Basis::default(),
        },
    )
}

/// A decision of `kind` for round 2, by `by` now, ready to record.
pub fn decision(kind: DecisionKind, motivation: &str, by: &str, at: DateTime<Utc>) -> Decision {
    Decision {
        round: Round::Two,
        kind,
        motivation: motivation.to_string(),
        by: by.to_string(),
        at: Some(at),
        basis: Basis::default(),
    }
}
