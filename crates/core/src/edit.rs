//! Changes to a dossier, each validated against the rubric: the one door
//! through which the GUI (and every later face) changes scores, so that an
//! impossible value never gets in and submitted work is never changed
//! behind an assessor's back.

use chrono::{DateTime, Utc};

use crate::audit::{self, Entry, Field};
use crate::dossier::{
    ApplicationId, Assessment, Carried, Dossier, Evidence, KoJudgement, Round, ScoreError, Value,
    Verdict, validate_value,
};
use crate::rubric::{CriterionId, Rubric};
use crate::scoring::{self, Missing};
use crate::store::limits;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Score(#[from] ScoreError),
    #[error("unknown application {0}")]
    UnknownApplication(ApplicationId),
    #[error("unknown knock-out criterion {0}")]
    UnknownKnockout(CriterionId),
    #[error("{0} may not be scored in round 2: round 1 did not invite it")]
    NotInvited(ApplicationId),
    #[error("this assessor declared a conflict of interest for {0}")]
    Conflict(ApplicationId),
    #[error("this assessment was submitted on {0}; it can no longer be changed")]
    Submitted(DateTime<Utc>),
    #[error("the assessment is not complete")]
    Incomplete(Vec<Missing>),
    #[error("an application with id {0} exists already")]
    DuplicateApplication(ApplicationId),
    #[error("{0} is empty")]
    Empty(&'static str),
    /// The dossier is open read-only (another window holds its lock).
    #[error("the dossier is open read-only; no change is accepted")]
    ReadOnly,
    #[error(
        "{0}: the other assessors' work is hidden until your own assessment is submitted; consensus needs it"
    )]
    Blind(ApplicationId),
    /// Recording a consensus needs a motivation beside every agreed value.
    #[error("the consensus cannot be recorded: no motivation for {}", join_ids(.0))]
    Unmotivated(Vec<CriterionId>),
    #[error("{0}, round {1}: there is no consensus draft to record")]
    NoDraft(ApplicationId, Round),
    /// A submission may be withdrawn only until the panel records consensus.
    #[error(
        "{application}, round {round}: the panel recorded consensus on {at}; the submission can no longer be withdrawn"
    )]
    ConsensusRecorded {
        application: ApplicationId,
        round: Round,
        at: String,
    },
    #[error("this assessment has not been submitted; there is nothing to withdraw")]
    NotSubmitted,
}

fn join_ids(ids: &[CriterionId]) -> String {
    ids.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl From<crate::session::ReadOnlyError> for EditError {
    fn from(_: crate::session::ReadOnlyError) -> EditError {
        EditError::ReadOnly
    }
}

/// Refuse a text beyond its limit (see `store::limits`, docs/limits.md).
pub(crate) fn limit(what: &str, value: &str, max: usize) -> Result<(), EditError> {
    let n = value.chars().take(max + 1).count();
    if n > max {
        return Err(ScoreError::TooLong {
            what: what.to_string(),
            length: value.chars().count(),
            max,
        }
        .into());
    }
    Ok(())
}

/// Which assessment an edit is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    pub application: ApplicationId,
    pub assessor: String,
    pub round: Round,
}

/// The assessment for `target`, created (as a draft) when it does not exist
/// yet. Round 2 only for applications that round 1 invited.
fn draft<'a>(
    rubric: &Rubric,
    dossier: &'a mut Dossier,
    target: &Target,
    now: DateTime<Utc>,
) -> Result<&'a mut Assessment, EditError> {
    if dossier.application(&target.application).is_none() {
        return Err(EditError::UnknownApplication(target.application.clone()));
    }
    if dossier.has_conflict(&target.assessor, &target.application) {
        return Err(EditError::Conflict(target.application.clone()));
    }
    let exists = dossier
        .assessment(&target.application, &target.assessor, target.round)
        .is_some();
    if !exists {
        limit("the assessor's name", &target.assessor, limits::NAME)?;
        let known = dossier.assessors.iter().any(|a| a.name == target.assessor);
        if !known && dossier.assessors.len() >= limits::ASSESSORS {
            return Err(ScoreError::TooMany {
                what: "assessors",
                max: limits::ASSESSORS,
            }
            .into());
        }
        if !scoring::may_score(rubric, dossier, &target.application, target.round) {
            return Err(EditError::NotInvited(target.application.clone()));
        }
        dossier.ensure_assessor(&target.assessor);
        let mut a = Assessment::new(&target.application, &target.assessor, target.round);
        a.created = Some(now);
        let copied = target.round == Round::Two && carry_round_one(dossier, &mut a, now);
        dossier.assessments.push(a);
        if copied {
            audit::record(
                dossier,
                Entry::new(now, &target.assessor, Field::Assessment)
                    .on(&target.application, Some(Round::Two))
                    .subject(&target.assessor)
                    .change("", "kopie van ronde 1"),
            );
        }
    }
    let a = dossier
        .assessment_mut(&target.application, &target.assessor, target.round)
        .expect("present");
    match a.submitted {
        Some(at) => Err(EditError::Submitted(at)),
        None => Ok(a),
    }
}

/// Create the draft for `target` when it does not exist yet (in round 2
/// with the copy of the assessor's round-1 work), without changing a value:
/// what the window does when an assessor opens round 2.
pub fn start(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    draft(rubric, dossier, target, now).map(|_| ())
}

/// Round 2 starts from a copy of the assessor's submitted round-1 work:
/// every value and motivation, each marked as carried (to be confirmed or
/// changed). Returns whether there was anything to copy.
fn carry_round_one(dossier: &Dossier, a: &mut Assessment, now: DateTime<Utc>) -> bool {
    let Some(one) = dossier
        .assessment(&a.application, &a.assessor, Round::One)
        .filter(|one| one.is_submitted())
    else {
        return false;
    };
    for (id, j) in &one.knockouts {
        let mut j = j.clone();
        j.carried = Carried {
            round_one: Some(j.verdict),
            ..Carried::default()
        };
        j.updated = Some(now);
        a.knockouts.insert(id.clone(), j);
    }
    for (id, c) in &one.criteria {
        let mut c = c.clone();
        c.carried = Carried {
            round_one: c.value.clone(),
            ..Carried::default()
        };
        c.updated = Some(now);
        a.criteria.insert(id.clone(), c);
    }
    true
}

/// Change the assessment for `target` (created as a draft when needed) and
/// log every field that changed.
fn change(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    now: DateTime<Utc>,
    f: impl FnOnce(&mut Assessment) -> Result<(), EditError>,
) -> Result<(), EditError> {
    let a = draft(rubric, dossier, target, now)?;
    let before = a.clone();
    f(a)?;
    let after = a.clone();
    let template = Entry::new(now, &target.assessor, Field::Score)
        .on(&target.application, Some(target.round))
        .subject(&target.assessor);
    for e in audit::diff(&template, Some((&before).into()), Some((&after).into())) {
        audit::record(dossier, e);
    }
    Ok(())
}

pub fn set_verdict(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    ko: &CriterionId,
    verdict: Verdict,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if rubric.knockout(ko.as_str()).is_none() {
        return Err(EditError::UnknownKnockout(ko.clone()));
    }
    change(rubric, dossier, target, now, |a| {
        let j = a
            .knockouts
            .entry(ko.clone())
            .or_insert_with(KoJudgement::default);
        j.verdict = verdict;
        j.carried.confirmed |= j.carried.round_one.is_some();
        j.updated = Some(now);
        Ok(())
    })
}

pub fn set_ko_motivation(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    ko: &CriterionId,
    motivation: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if rubric.knockout(ko.as_str()).is_none() {
        return Err(EditError::UnknownKnockout(ko.clone()));
    }
    limit(
        &format!("the motivation of {ko}"),
        motivation,
        limits::MOTIVATION,
    )?;
    change(rubric, dossier, target, now, |a| {
        let j = a
            .knockouts
            .entry(ko.clone())
            .or_insert_with(KoJudgement::default);
        j.motivation = motivation.to_string();
        j.updated = Some(now);
        Ok(())
    })
}

/// Set (or with `None` clear) a criterion's value. For a per-item criterion
/// pass `Value::Items` with the items given so far.
pub fn set_value(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    criterion: &CriterionId,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if let Some(v) = &value {
        validate_value(rubric, criterion, v)?;
    } else if rubric.criterion(criterion.as_str()).is_none() {
        return Err(ScoreError::UnknownCriterion(criterion.to_string()).into());
    }
    change(rubric, dossier, target, now, |a| {
        let s = a.criteria.entry(criterion.clone()).or_default();
        s.value = value;
        s.carried.confirmed |= s.carried.round_one.is_some();
        s.updated = Some(now);
        Ok(())
    })
}

/// Set one item of a per-item criterion (`None` clears it).
pub fn set_item(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    criterion: &CriterionId,
    item: &str,
    points: Option<u32>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let current = dossier
        .assessment(&target.application, &target.assessor, target.round)
        .and_then(|a| a.value(criterion));
    let value = Value::with_item(current, item, points);
    set_value(rubric, dossier, target, criterion, value, now)
}

pub fn set_motivation(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    criterion: &CriterionId,
    motivation: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if rubric.criterion(criterion.as_str()).is_none() {
        return Err(ScoreError::UnknownCriterion(criterion.to_string()).into());
    }
    limit(
        &format!("the motivation of {criterion}"),
        motivation,
        limits::MOTIVATION,
    )?;
    change(rubric, dossier, target, now, |a| {
        let s = a.criteria.entry(criterion.clone()).or_default();
        s.motivation = motivation.to_string();
        s.updated = Some(now);
        Ok(())
    })
}

pub fn set_evidence(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    criterion: &CriterionId,
    evidence: Evidence,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if rubric.criterion(criterion.as_str()).is_none() {
        return Err(ScoreError::UnknownCriterion(criterion.to_string()).into());
    }
    limit("the document", &evidence.document, limits::NAME)?;
    limit("the page", &evidence.page, limits::NAME)?;
    limit("the quote", &evidence.quote, limits::MOTIVATION)?;
    change(rubric, dossier, target, now, |a| {
        let s = a.criteria.entry(criterion.clone()).or_default();
        s.evidence = evidence;
        s.updated = Some(now);
        Ok(())
    })
}

/// Submit an assessment: refused, with the list of what is missing, while a
/// criterion is unscored, a KO is open, or a motivation is empty. A KO in
/// twijfel may be submitted (with its motivation): the panel decides it.
pub fn submit(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    change(rubric, dossier, target, now, |a| {
        let summary = scoring::summarize(rubric, a);
        if !summary.may_submit() {
            return Err(EditError::Incomplete(summary.blocking().cloned().collect()));
        }
        a.submitted = Some(now);
        Ok(())
    })
}

/// Withdraw a submitted assessment, with a reason: it is a draft again and
/// counts no more. Allowed until the panel has recorded consensus (not a
/// draft) on that application in that round. Logged twice: the reason,
/// and the submission undone (so the log follows "not submitted").
pub fn withdraw(
    dossier: &mut Dossier,
    target: &Target,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if dossier.application(&target.application).is_none() {
        return Err(EditError::UnknownApplication(target.application.clone()));
    }
    if reason.trim().is_empty() {
        return Err(EditError::Empty("the reason"));
    }
    limit("the reason", reason, limits::MOTIVATION)?;
    let Some(a) = dossier.assessment(&target.application, &target.assessor, target.round) else {
        return Err(EditError::NotSubmitted);
    };
    if !a.is_submitted() {
        return Err(EditError::NotSubmitted);
    }
    if let Some(c) = dossier.recorded_consensus_for(&target.application, target.round)
        && !c.is_empty()
    {
        return Err(EditError::ConsensusRecorded {
            application: target.application.clone(),
            round: target.round,
            at: c
                .recorded
                .map_or_else(String::new, |t| t.format("%d-%m-%Y %H:%M").to_string()),
        });
    }
    let a = dossier
        .assessment_mut(&target.application, &target.assessor, target.round)
        .expect("present");
    let before = a.clone();
    a.submitted = None;
    a.withdrawn = Some(now);
    let after = a.clone();
    let template = Entry::new(now, &target.assessor, Field::Assessment)
        .on(&target.application, Some(target.round))
        .subject(&target.assessor);
    audit::record(
        dossier,
        template
            .clone()
            .change("ingediend", format!("{WITHDRAWN}: {}", reason.trim())),
    );
    let mut template = template;
    template.field = Field::Score;
    for e in audit::diff(&template, Some((&before).into()), Some((&after).into())) {
        audit::record(dossier, e);
    }
    Ok(())
}

/// The start of the log text of a withdrawal (followed by the reason).
pub const WITHDRAWN: &str = "ingetrokken";

/// Round 2: keep a value copied from round 1 (a knock-out or a criterion).
pub fn confirm(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    id: &CriterionId,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    change(rubric, dossier, target, now, |a| {
        if let Some(j) = a.knockouts.get_mut(id) {
            j.carried.confirmed = true;
            j.updated = Some(now);
        } else if let Some(s) = a.criteria.get_mut(id) {
            s.carried.confirmed = true;
            s.updated = Some(now);
        } else {
            return Err(ScoreError::UnknownCriterion(id.to_string()).into());
        }
        Ok(())
    })
}

/// Round 2: why a value differs from round 1.
pub fn set_why_changed(
    rubric: &Rubric,
    dossier: &mut Dossier,
    target: &Target,
    id: &CriterionId,
    why: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    limit(
        &format!("the reason for the change of {id}"),
        why,
        limits::MOTIVATION,
    )?;
    change(rubric, dossier, target, now, |a| {
        if rubric.knockout(id.as_str()).is_some() {
            let j = a.knockouts.entry(id.clone()).or_default();
            j.carried.why_changed = why.to_string();
            j.updated = Some(now);
        } else if rubric.criterion(id.as_str()).is_some() {
            let s = a.criteria.entry(id.clone()).or_default();
            s.carried.why_changed = why.to_string();
            s.updated = Some(now);
        } else {
            return Err(ScoreError::UnknownCriterion(id.to_string()).into());
        }
        Ok(())
    })
}

/// Add a new application; its id must be new and region non-empty.
pub fn add_application(
    dossier: &mut Dossier,
    application: crate::dossier::Application,
) -> Result<(), EditError> {
    if application.id.0.trim().is_empty() {
        return Err(EditError::Empty("the application id"));
    }
    if application.region.trim().is_empty() {
        return Err(EditError::Empty("the region"));
    }
    if dossier.application(&application.id).is_some() {
        return Err(EditError::DuplicateApplication(application.id));
    }
    limit("the application id", &application.id.0, limits::ID)?;
    limit("the region", &application.region, limits::NAME)?;
    limit("the plan title", &application.plan_title, limits::NAME)?;
    limit("the contact", &application.contact, limits::NAME)?;
    if dossier.applications.len() >= limits::APPLICATIONS {
        return Err(ScoreError::TooMany {
            what: "applications",
            max: limits::APPLICATIONS,
        }
        .into());
    }
    dossier.applications.push(application);
    Ok(())
}

/// The next free application id of the form `A01`, `A02`, ...
pub fn next_application_id(dossier: &Dossier) -> ApplicationId {
    (1..)
        .map(|n| ApplicationId(format!("A{n:02}")))
        .find(|id| dossier.application(id).is_none())
        .expect("a free id")
}
