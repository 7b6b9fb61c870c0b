//! The recorded decisions against the ranking as it stands now
//! (`../shared/formats.md` §3, `../shared/leidraad.md` §3): a decision
//! holds only for the situation it was taken in. Each is `current` (it
//! applies), `stale` (the ranking moved under it: it is not applied, and
//! every face says so) or `revoked` (withdrawn by a later decision, or
//! replaced by a later decision of the same kind).
//!
//! The evaluation of round 2 applies the current ones in this order:
//! waivers (who may take part in the award line), the award count (where
//! the line lies), the tie break (who of a tied group at the line is
//! awarded); then it marks the ranking provisional while an invited
//! application is incomplete, and last it holds the allocation to the
//! awarded set.

pub(crate) use crate::dossier::join_ids as join;

use serde::Serialize;

use crate::dossier::{ApplicationId, Decision, DecisionKind, Dossier, Round};
use crate::nl;

/// Where a recorded decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionState {
    Current,
    Stale,
    Revoked,
}

impl DecisionState {
    /// The code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            DecisionState::Current => "current",
            DecisionState::Stale => "stale",
            DecisionState::Revoked => "revoked",
        }
    }
}

/// One recorded decision and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionStatus {
    /// Its index in `Dossier::decisions`.
    pub index: usize,
    pub round: Round,
    pub state: DecisionState,
    /// Why it is stale or revoked, in words (Dutch); empty when current.
    pub why: String,
}

impl DecisionStatus {
    fn current(index: usize, round: Round) -> DecisionStatus {
        DecisionStatus {
            index,
            round,
            state: DecisionState::Current,
            why: String::new(),
        }
    }

    pub fn is_current(&self) -> bool {
        self.state == DecisionState::Current
    }
}

/// The kind of a decision as formats.md §3 names it.
pub fn kind_code(kind: &DecisionKind) -> &'static str {
    match kind {
        DecisionKind::TieBreak { .. } => "tie_break",
        DecisionKind::AwardCount(_) => "award_count",
        DecisionKind::Allocation { .. } => "allocation",
        DecisionKind::ThresholdWaiver { .. } => "threshold_waiver",
        DecisionKind::Revoke { .. } => "revoke",
    }
}

/// The applications a decision concerns.
pub fn applications(dossier: &Dossier, decision: &Decision) -> Vec<ApplicationId> {
    match &decision.kind {
        DecisionKind::TieBreak { group, .. } => group.iter().cloned().collect(),
        DecisionKind::Allocation { amounts, .. } => amounts.keys().cloned().collect(),
        DecisionKind::ThresholdWaiver { application } => vec![application.clone()],
        DecisionKind::AwardCount(_) => decision.basis.in_line.iter().cloned().collect(),
        DecisionKind::Revoke { decision } => dossier
            .decisions
            .get(*decision)
            .map(|d| applications(dossier, d))
            .unwrap_or_default(),
    }
}

/// What makes two decisions "the same decision taken again": a later one
/// with the same key replaces an earlier one.
#[derive(PartialEq, Eq)]
enum Key<'a> {
    TieBreak(Round),
    AwardCount(Round),
    Allocation(Round),
    Waiver(Round, &'a ApplicationId),
    Revoke(usize),
}

fn key(d: &Decision, index: usize) -> Key<'_> {
    match &d.kind {
        DecisionKind::TieBreak { .. } => Key::TieBreak(d.round),
        DecisionKind::AwardCount(_) => Key::AwardCount(d.round),
        DecisionKind::Allocation { .. } => Key::Allocation(d.round),
        DecisionKind::ThresholdWaiver { application } => Key::Waiver(d.round, application),
        DecisionKind::Revoke { .. } => Key::Revoke(index),
    }
}

/// The decisions of one round before the ranking is looked at: revoked or
/// replaced ones settled, the others waiting for the evaluation to say
/// whether they still fit.
pub(super) struct Ledger<'d> {
    pub statuses: Vec<DecisionStatus>,
    decisions: &'d [Decision],
}

impl<'d> Ledger<'d> {
    pub fn new(dossier: &'d Dossier, round: Round) -> Ledger<'d> {
        let decisions = &dossier.decisions[..];
        let mut statuses: Vec<DecisionStatus> = decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.round == round)
            .map(|(i, d)| DecisionStatus::current(i, d.round))
            .collect();
        // Revocations first: a revoked decision is withdrawn, whatever
        // else holds for it.
        let revoked_by = |target: usize| {
            decisions
                .iter()
                .enumerate()
                .find_map(|(i, d)| match d.kind {
                    DecisionKind::Revoke { decision } if decision == target && i > target => {
                        Some((i, d))
                    }
                    _ => None,
                })
        };
        for s in &mut statuses {
            let d = &decisions[s.index];
            if let Some((by, revoke)) = revoked_by(s.index) {
                s.state = DecisionState::Revoked;
                s.why = nl::why::revoked(by, &revoke.motivation);
                continue;
            }
            let later = decisions
                .iter()
                .enumerate()
                .skip(s.index + 1)
                .filter(|(i, other)| key(other, *i) == key(d, s.index) && revoked_by(*i).is_none())
                .map(|(i, _)| i)
                .next_back();
            if let Some(by) = later {
                s.state = DecisionState::Revoked;
                s.why = nl::why::replaced(by);
            }
        }
        Ledger {
            statuses,
            decisions,
        }
    }

    /// The decisions still in play (not revoked or replaced) that match.
    pub fn active<'a, T>(
        &'a self,
        f: impl Fn(&'d Decision) -> Option<T> + 'a,
    ) -> impl Iterator<Item = (usize, T)> + 'a {
        self.statuses
            .iter()
            .filter(|s| s.is_current())
            .filter_map(move |s| f(&self.decisions[s.index]).map(|t| (s.index, t)))
    }

    pub fn decision(&self, index: usize) -> &'d Decision {
        &self.decisions[index]
    }

    /// Mark a decision stale, saying why.
    pub fn stale(&mut self, index: usize, why: String) {
        if let Some(s) = self.statuses.iter_mut().find(|s| s.index == index) {
            s.state = DecisionState::Stale;
            s.why = why;
        }
    }
}
