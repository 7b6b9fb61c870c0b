//! The panel's consensus for an application in a round, and what happens
//! between the rounds (interviews and addenda). Every change here is
//! validated against the rubric and logged in the audit log.
//!
//! The chair starts from a [`Proposal`]: per criterion the exact mean of
//! the submitted assessors' points, rounded half up to a value the scale
//! allows; per knock-out the majority verdict (none on a tie).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::audit::{self, CONSENSUS, Entry, Field};
use crate::dossier::{
    Addendum, ApplicationId, Consensus, Dossier, Interview, Round, ScoreError, Value, Verdict,
    validate_value,
};
use crate::edit::{EditError, limit};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};
use crate::scoring;
use crate::store::limits;

/// Who records consensus for which application and round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chair {
    pub application: ApplicationId,
    pub round: Round,
    /// The chair's name (for the log).
    pub by: String,
}

/// Change the consensus of `chair`'s application and round (created when
/// needed) and log every field that changed.
fn change(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    now: DateTime<Utc>,
    f: impl FnOnce(&mut Consensus) -> Result<(), EditError>,
) -> Result<(), EditError> {
    if dossier.application(&chair.application).is_none() {
        return Err(EditError::UnknownApplication(chair.application.clone()));
    }
    if dossier.has_conflict(&chair.by, &chair.application) {
        return Err(EditError::Conflict(chair.application.clone()));
    }
    if !scoring::may_score(rubric, dossier, &chair.application, chair.round) {
        return Err(EditError::NotInvited(chair.application.clone()));
    }
    // Blind scoring: consensus is made from everyone's work, so the chair
    // must be allowed to see it.
    if !crate::panel::may_see_others(dossier, &chair.by, &chair.application, chair.round) {
        return Err(EditError::Blind(chair.application.clone()));
    }
    let at = match dossier
        .consensus
        .iter()
        .position(|c| c.application == chair.application && c.round == chair.round)
    {
        Some(at) => at,
        None => {
            dossier
                .consensus
                .push(Consensus::new(&chair.application, chair.round));
            dossier.consensus.len() - 1
        }
    };
    let before = dossier.consensus[at].clone();
    let mut after = before.clone();
    f(&mut after)?;
    after.recorded_by = chair.by.clone();
    after.recorded = Some(now);
    let template = Entry::new(now, &chair.by, Field::Score)
        .on(&chair.application, Some(chair.round))
        .subject(CONSENSUS);
    let entries = audit::diff(&template, Some((&before).into()), Some((&after).into()));
    if entries.is_empty() {
        return Ok(());
    }
    dossier.consensus[at] = after;
    for e in entries {
        audit::record(dossier, e);
    }
    Ok(())
}

/// Set (or with `None` withdraw) the agreed value of a criterion.
pub fn set_value(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    criterion: &CriterionId,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    match &value {
        Some(v) => validate_value(rubric, criterion, v)?,
        None if rubric.criterion(criterion.as_str()).is_none() => {
            return Err(ScoreError::UnknownCriterion(criterion.to_string()).into());
        }
        None => {}
    }
    change(rubric, dossier, chair, now, |c| {
        let s = c.criteria.entry(criterion.clone()).or_default();
        s.value = value;
        s.updated = Some(now);
        if s.value.is_none() && s.motivation.is_empty() {
            c.criteria.remove(criterion);
        }
        Ok(())
    })
}

/// Set one agreed item of a per-item criterion (`None` withdraws it).
pub fn set_item(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    criterion: &CriterionId,
    item: &str,
    points: Option<u32>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let current = dossier
        .consensus_for(&chair.application, chair.round)
        .and_then(|c| c.criteria.get(criterion))
        .and_then(|s| s.value.as_ref());
    let value = Value::with_item(current, item, points);
    set_value(rubric, dossier, chair, criterion, value, now)
}

/// Set the agreed verdict of a knock-out; `Open` withdraws it.
pub fn set_verdict(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    ko: &CriterionId,
    verdict: Verdict,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if rubric.knockout(ko.as_str()).is_none() {
        return Err(EditError::UnknownKnockout(ko.clone()));
    }
    change(rubric, dossier, chair, now, |c| {
        let j = c.knockouts.entry(ko.clone()).or_default();
        j.verdict = verdict;
        j.updated = Some(now);
        if j.verdict == Verdict::Open && j.motivation.is_empty() {
            c.knockouts.remove(ko);
        }
        Ok(())
    })
}

/// The panel's motivation for a criterion or a knock-out.
pub fn set_motivation(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    id: &CriterionId,
    motivation: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    limit(
        &format!("the motivation of {id}"),
        motivation,
        limits::MOTIVATION,
    )?;
    let is_ko = rubric.knockout(id.as_str()).is_some();
    if !is_ko && rubric.criterion(id.as_str()).is_none() {
        return Err(ScoreError::UnknownCriterion(id.to_string()).into());
    }
    change(rubric, dossier, chair, now, |c| {
        if is_ko {
            let j = c.knockouts.entry(id.clone()).or_default();
            j.motivation = motivation.to_string();
            j.updated = Some(now);
        } else {
            let s = c.criteria.entry(id.clone()).or_default();
            s.motivation = motivation.to_string();
            s.updated = Some(now);
        }
        Ok(())
    })
}

/// Where the chair starts: per criterion the rounded mean of the submitted
/// assessors (with the exact mean beside it), per knock-out the majority.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    pub knockouts: BTreeMap<CriterionId, Verdict>,
    pub criteria: BTreeMap<CriterionId, ProposedValue>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedValue {
    pub value: Value,
    /// The exact mean of the assessors' points.
    pub mean: Exact,
}

/// Round half up, in whole numbers: (2n + d) / 2d.
fn round_half_up(x: Exact) -> u32 {
    let (n, d) = (x.numer(), x.denom());
    u32::try_from((2 * n + d).div_euclid(2 * d)).unwrap_or(0)
}

pub fn proposal(rubric: &Rubric, dossier: &Dossier, app: &ApplicationId, round: Round) -> Proposal {
    let submitted: Vec<_> = dossier
        .assessments_for(app, round)
        .filter(|a| a.is_submitted())
        .collect();
    let mut out = Proposal::default();
    if submitted.is_empty() {
        return out;
    }
    for ko in &rubric.knockouts {
        let met = submitted
            .iter()
            .filter(|a| a.verdict(&ko.id) == Verdict::Met)
            .count();
        let not = submitted
            .iter()
            .filter(|a| a.verdict(&ko.id) == Verdict::NotMet)
            .count();
        let half = submitted.len();
        if 2 * met > half {
            out.knockouts.insert(ko.id.clone(), Verdict::Met);
        } else if 2 * not > half {
            out.knockouts.insert(ko.id.clone(), Verdict::NotMet);
        }
    }
    for c in rubric.criteria() {
        let values: Vec<&Value> = submitted.iter().filter_map(|a| a.value(&c.id)).collect();
        if values.len() != submitted.len() {
            continue;
        }
        let Some(mean) = Exact::mean(values.iter().map(|v| i64::from(c.points(v)))) else {
            continue;
        };
        let value = match &c.scale {
            Scale::YesNo { .. } => {
                let yes = values.iter().filter(|v| ***v == Value::Yes).count();
                if 2 * yes > values.len() {
                    Value::Yes
                } else if 2 * yes < values.len() {
                    Value::No
                } else {
                    continue;
                }
            }
            Scale::Range { .. } | Scale::Points { .. } => {
                if values.iter().all(|v| **v == Value::NotAddressed) {
                    Value::NotAddressed
                } else {
                    let (min, max) = c.scale.bounds();
                    Value::Points(round_half_up(mean).clamp(min, max))
                }
            }
            Scale::Items { items, max_each } => {
                let mut agreed = BTreeMap::new();
                for item in items {
                    let given: Vec<i64> = values
                        .iter()
                        .filter_map(|v| match v {
                            Value::Items(m) => m.get(&item.id).map(|p| i64::from(*p)),
                            _ => None,
                        })
                        .collect();
                    if given.len() == values.len()
                        && let Some(m) = Exact::mean(given)
                    {
                        agreed.insert(item.id.clone(), round_half_up(m).min(*max_each));
                    }
                }
                Value::Items(agreed)
            }
        };
        out.criteria
            .insert(c.id.clone(), ProposedValue { value, mean });
    }
    out
}

/// Fill every criterion and knock-out that has no consensus value yet from
/// the proposal (logged as the chair's changes). Values already agreed stay.
pub fn start_from_proposal(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let p = proposal(rubric, dossier, &chair.application, chair.round);
    change(rubric, dossier, chair, now, |c| {
        for (id, v) in &p.knockouts {
            let j = c.knockouts.entry(id.clone()).or_default();
            if j.verdict == Verdict::Open {
                j.verdict = *v;
                j.updated = Some(now);
            }
        }
        for (id, v) in &p.criteria {
            let s = c.criteria.entry(id.clone()).or_default();
            if s.value.is_none() {
                s.value = Some(v.value.clone());
                s.updated = Some(now);
            }
        }
        Ok(())
    })
}

/// What the consensus still lacks: a motivation beside each agreed value.
pub fn missing_motivations(
    dossier: &Dossier,
    app: &ApplicationId,
    round: Round,
) -> Vec<CriterionId> {
    let Some(c) = dossier.consensus_for(app, round) else {
        return Vec::new();
    };
    let kos = c
        .knockouts
        .iter()
        .filter(|(_, j)| j.verdict != Verdict::Open && j.motivation.trim().is_empty());
    let crit = c
        .criteria
        .iter()
        .filter(|(_, s)| s.value.is_some() && s.motivation.trim().is_empty());
    kos.map(|(id, _)| id.clone())
        .chain(crit.map(|(id, _)| id.clone()))
        .collect()
}

/// Record (or replace) the interview with an invited applicant.
pub fn record_interview(
    rubric: &Rubric,
    dossier: &mut Dossier,
    interview: Interview,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let app = interview.application.clone();
    if dossier.application(&app).is_none() {
        return Err(EditError::UnknownApplication(app));
    }
    if !scoring::may_score(rubric, dossier, &app, Round::Two) {
        return Err(EditError::NotInvited(app));
    }
    limit("the interview notes", &interview.notes, limits::MOTIVATION)?;
    for p in &interview.participants {
        limit("a participant", p, limits::NAME)?;
    }
    let text = |i: &Interview| {
        let confidence = i
            .confidence
            .map(|c| format!("; vertrouwen na het gesprek: {}", crate::nl::confidence(c)))
            .unwrap_or_default();
        format!(
            "{}; {}; {}{confidence}",
            i.date.format("%d-%m-%Y"),
            i.participants.join(", "),
            i.notes
        )
    };
    let old = dossier
        .interviews
        .iter()
        .find(|i| i.application == app)
        .map(text)
        .unwrap_or_default();
    let mut interview = interview;
    interview.recorded_by = by.to_string();
    interview.recorded = Some(now);
    let new = text(&interview);
    dossier.interviews.retain(|i| i.application != app);
    dossier.interviews.push(interview);
    audit::record(
        dossier,
        Entry::new(now, by, Field::Interview)
            .on(&app, None)
            .change(old, new),
    );
    Ok(())
}

/// Register an addendum received from an applicant.
pub fn register_addendum(
    rubric: &Rubric,
    dossier: &mut Dossier,
    addendum: Addendum,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let app = addendum.application.clone();
    if dossier.application(&app).is_none() {
        return Err(EditError::UnknownApplication(app));
    }
    if !scoring::may_score(rubric, dossier, &app, Round::Two) {
        return Err(EditError::NotInvited(app));
    }
    if addendum.document.trim().is_empty() {
        return Err(EditError::Empty("the document"));
    }
    limit("the document", &addendum.document, limits::NAME)?;
    limit("the note", &addendum.note, limits::MOTIVATION)?;
    let new = format!(
        "{} ({})",
        addendum.document,
        addendum.received.format("%d-%m-%Y")
    );
    dossier.addenda.push(Addendum {
        recorded_by: by.to_string(),
        recorded: Some(now),
        ..addendum
    });
    audit::record(
        dossier,
        Entry::new(now, by, Field::Addendum)
            .on(&app, None)
            .change("", new),
    );
    Ok(())
}
