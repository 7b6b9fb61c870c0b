//! One assessor's own assessment on its own: the live verdict of the
//! scoring screen, and whether an application may be scored in a round.

use crate::dossier::{ApplicationId, Assessment, Dossier, Round, Value, Verdict};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};

use super::finals::{failed_knockouts, finals};
use super::reading::{Index, Scratch};
use super::totals::group_totals;
use super::{CriterionFinal, GroupTotal, Missing, Status, evaluate};

/// Where one assessor's own assessment stands: the live verdict of the
/// scoring screen, and the check before it may be submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub round: Round,
    /// Sum of the criteria scored so far.
    pub total: Exact,
    pub total_cap: u32,
    pub groups: Vec<GroupTotal>,
    pub failed_ko: Vec<CriterionId>,
    /// What must be done before the assessment may be submitted.
    pub missing: Vec<Missing>,
    pub knockouts_judged: usize,
    pub knockouts_count: usize,
    pub criteria_scored: usize,
    pub criteria_count: usize,
    pub standing: Standing,
}

/// The one line that says where a plan stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// A KO is judged niet voldaan: the application is rejected.
    Rejected(Vec<CriterionId>),
    /// Still being scored: the total so far.
    InProgress,
    BelowThreshold,
    /// At or above the threshold: invited (round 1) or in the running for an
    /// award (round 2).
    AtOrAboveThreshold,
}

impl Summary {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// What keeps the assessment from being submitted: everything missing
    /// but a KO in twijfel, which the assessor may hand to the panel (its
    /// motivation is required like any other).
    pub fn blocking(&self) -> impl Iterator<Item = &Missing> {
        self.missing
            .iter()
            .filter(|m| !matches!(m, Missing::KoDoubt(_)))
    }

    /// Whether the assessment may be submitted: nothing [`Self::blocking`].
    pub fn may_submit(&self) -> bool {
        self.blocking().next().is_none()
    }

    /// The KOs this assessor leaves to the panel (twijfel).
    pub fn panel_decides(&self) -> impl Iterator<Item = &CriterionId> {
        self.missing.iter().filter_map(|m| match m {
            Missing::KoDoubt(id) => Some(id),
            _ => None,
        })
    }
}

/// A per-item value is complete when every item has a score.
fn value_is_complete(scale: &Scale, value: &Value) -> bool {
    match (scale, value) {
        (Scale::Items { items, .. }, Value::Items(m)) => {
            items.iter().all(|i| m.contains_key(&i.id))
        }
        _ => true,
    }
}

fn rubric_position(rubric: &Rubric, m: &Missing) -> usize {
    let Some(id) = m.criterion() else { return 0 };
    rubric
        .knockouts
        .iter()
        .map(|k| &k.id)
        .chain(rubric.criteria().map(|c| &c.id))
        .position(|x| x == id)
        .map_or(usize::MAX, |p| p + 1)
}

/// How far an assessment is: (knock-outs judged, knock-outs, criteria
/// completely scored, criteria). The counts of [`summarize`], without the
/// totals: cheap enough for a list of a thousand.
pub fn progress(rubric: &Rubric, assessment: &Assessment) -> (usize, usize, usize, usize) {
    let judged = rubric
        .knockouts
        .iter()
        .filter(|k| assessment.verdict(&k.id) != Verdict::Open)
        .count();
    let (mut scored, mut count) = (0, 0);
    for c in rubric.criteria() {
        count += 1;
        if assessment
            .value(&c.id)
            .is_some_and(|v| value_is_complete(&c.scale, v))
        {
            scored += 1;
        }
    }
    (judged, rubric.knockouts.len(), scored, count)
}

/// Summarize one assessment on its own.
pub fn summarize(rubric: &Rubric, assessment: &Assessment) -> Summary {
    let index = Index::new(rubric);
    let mut scratch = Scratch::new(rubric);
    scratch.fill(rubric, &index, &[assessment]);
    let f = finals(rubric, &index, &mut scratch, None, None);
    let mut missing: Vec<Missing> = f.missing;
    for ko in &rubric.knockouts {
        let j = assessment.knockouts.get(&ko.id);
        if j.is_some_and(|j| j.verdict.needs_motivation() && j.motivation.trim().is_empty()) {
            missing.push(Missing::NoMotivation(ko.id.clone()));
        }
    }
    for c in rubric.criteria() {
        let s = assessment.criteria.get(&c.id);
        if s.is_some_and(|s| s.value.is_some() && s.motivation.trim().is_empty()) {
            missing.push(Missing::NoMotivation(c.id.clone()));
        }
    }
    // Round 2: each value copied from round 1 is confirmed or changed, and a
    // change says why.
    for ko in &rubric.knockouts {
        if let Some(j) = assessment.knockouts.get(&ko.id)
            && let Some(was) = j.carried.round_one
        {
            if !j.carried.confirmed {
                missing.push(Missing::Unconfirmed(ko.id.clone()));
            } else if j.verdict != was && j.carried.why_changed.trim().is_empty() {
                missing.push(Missing::NoReason(ko.id.clone()));
            }
        }
    }
    for c in rubric.criteria() {
        if let Some(s) = assessment.criteria.get(&c.id)
            && let Some(was) = &s.carried.round_one
        {
            if !s.carried.confirmed {
                missing.push(Missing::Unconfirmed(c.id.clone()));
            } else if s.value.as_ref() != Some(was) && s.carried.why_changed.trim().is_empty() {
                missing.push(Missing::NoReason(c.id.clone()));
            }
        }
    }
    // A criterion left unscored by this assessor reads better as "not scored".
    for m in missing.iter_mut() {
        if let Missing::UnscoredBy(id, _) = m {
            *m = Missing::Unscored(id.clone());
        }
    }
    // Reading order: the knock-outs, then the criteria, as the rubric has them.
    missing.sort_by_key(|m| (rubric_position(rubric, m), m.clone()));
    missing.dedup();
    let failed_ko = failed_knockouts(&f.knockouts);
    // The running total counts what is scored, item by item for C4.
    let partial: Vec<CriterionFinal> = rubric
        .criteria()
        .zip(f.criteria)
        .map(|(c, mut cf)| {
            if cf.value.is_none()
                && let Some(v) = assessment.value(&c.id)
            {
                cf.value = Some(Exact::from(c.points(v)));
            }
            cf
        })
        .collect();
    let groups = group_totals(rubric, &scratch.group_ids, &partial);
    let total: Exact = groups.iter().map(|g| g.total).sum();
    let scored = rubric
        .criteria()
        .filter(|c| {
            assessment
                .value(&c.id)
                .is_some_and(|v| value_is_complete(&c.scale, v))
        })
        .count();
    let judged = rubric
        .knockouts
        .iter()
        .filter(|k| assessment.verdict(&k.id) != Verdict::Open)
        .count();
    let threshold = rubric.process.threshold(assessment.round);
    let all_scored = scored == rubric.criteria().count();
    let standing = if !failed_ko.is_empty() {
        Standing::Rejected(failed_ko.clone())
    } else if !all_scored {
        Standing::InProgress
    } else if total < Exact::from(threshold) {
        Standing::BelowThreshold
    } else {
        Standing::AtOrAboveThreshold
    };
    Summary {
        round: assessment.round,
        total,
        total_cap: rubric.total,
        groups,
        failed_ko,
        missing,
        knockouts_judged: judged,
        knockouts_count: rubric.knockouts.len(),
        criteria_scored: scored,
        criteria_count: rubric.criteria().count(),
        standing,
    }
}

/// Whether an application may be scored in a round: round 2 only for the
/// applications that round 1 invited.
pub fn may_score(rubric: &Rubric, dossier: &Dossier, app: &ApplicationId, round: Round) -> bool {
    round_open(dossier, app, round, || {
        evaluate(rubric, dossier, Round::One).status_of(app) == Some(Status::Invited)
    })
}

/// The rule of when an application may be scored in a round, with round
/// 1's invitation asked of `invited` only when it matters (a fresh
/// evaluation in [`may_score`], the session's current one in
/// `Session::may_score`): round 1 is open for every application of the
/// dossier, round 2 for what round 1 invited. A round-2 package holds only
/// what round 1 invited; its own copy of round 1 is one assessor's and
/// cannot say so again.
pub fn round_open(
    dossier: &Dossier,
    app: &ApplicationId,
    round: Round,
    invited: impl FnOnce() -> bool,
) -> bool {
    let round_two_package = dossier
        .package
        .as_ref()
        .is_some_and(|p| p.round == Round::Two);
    match round {
        Round::Two if !round_two_package => invited(),
        _ => dossier.application(app).is_some(),
    }
}
