//! The panel's consensus for an application in a round, and what happens
//! between the rounds (interviews and addenda). Every change here is
//! validated against the rubric and logged in the audit log.
//!
//! The chair starts from a [`Proposal`]: per criterion the exact mean of
//! the submitted assessors' points, rounded half up to a value the scale
//! allows; per knock-out the majority verdict (none on a tie), in round 2
//! the panel's recorded round-1 verdict where there is one.
//!
//! Consensus is a deliberate act. Every change makes the consensus a
//! *draft*: kept in the dossier (the chair can continue later), counted in
//! no total or status. Only [`record`] makes it count, and only with a
//! motivation beside every agreed value. Changing a recorded consensus
//! makes it a draft again: it stops counting at once and counts again when
//! the chair records it anew (one consensus per application and round, so
//! what counts is always exactly what the chair last recorded; the window
//! asks before it reopens a recorded consensus). Before recording,
//! [`crossings`] says where the agreed (rounded) values move the total
//! across the threshold or the award line; [`made_without`] names the
//! assessors who submitted after the consensus was recorded.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use crate::audit::{self, CONSENSUS, Entry, Field};
use crate::dossier::{
    Addendum, ApplicationId, Consensus, Dossier, Interview, Round, ScoreError, Value, Verdict,
    validate_value,
};
use crate::edit::{EditError, limit};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};
use crate::scoring::{self, Evaluation};
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
            let mut c = Consensus::new(&chair.application, chair.round);
            c.draft = true;
            dossier.consensus.push(c);
            dossier.consensus.len() - 1
        }
    };
    let before = dossier.consensus[at].clone();
    let mut after = before.clone();
    f(&mut after)?;
    // Any change is a draft until the chair records it (again).
    after.draft = true;
    after.made_with = None;
    after.recorded_by = chair.by.clone();
    after.recorded = Some(now);
    let template = Entry::new(now, &chair.by, Field::Score)
        .on(&chair.application, Some(chair.round))
        .subject(CONSENSUS);
    let entries = audit::diff(&template, Some((&before).into()), Some((&after).into()));
    if entries.is_empty() {
        if dossier.consensus[at].is_empty() && dossier.consensus[at].recorded.is_none() {
            // Created for nothing: no trace.
            dossier.consensus.remove(at);
        }
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
    /// Round 2: the knock-outs whose proposal is the panel's recorded
    /// round-1 consensus rather than the round-2 majority.
    pub from_round_one: BTreeSet<CriterionId>,
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
    // Round 2 starts each knock-out from what the panel recorded in round 1.
    let round_one = (round == Round::Two)
        .then(|| dossier.recorded_consensus_for(app, Round::One))
        .flatten();
    for ko in &rubric.knockouts {
        let agreed = round_one
            .and_then(|c| c.knockouts.get(&ko.id))
            .map(|j| j.verdict)
            .filter(|v| matches!(v, Verdict::Met | Verdict::NotMet));
        if let Some(v) = agreed {
            out.knockouts.insert(ko.id.clone(), v);
            out.from_round_one.insert(ko.id.clone());
            continue;
        }
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

/// Record the chair's draft: from now on it counts. Refused, naming them,
/// while an agreed value or verdict has no motivation; refused when there
/// is no draft with anything agreed. Logged as one entry (the consensus
/// "submitted"); the assessors whose submitted work the panel had are kept
/// (see [`made_without`]). Recording what is recorded already changes
/// nothing.
pub fn record(
    rubric: &Rubric,
    dossier: &mut Dossier,
    chair: &Chair,
    now: DateTime<Utc>,
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
    if !crate::panel::may_see_others(dossier, &chair.by, &chair.application, chair.round) {
        return Err(EditError::Blind(chair.application.clone()));
    }
    let Some(at) = dossier
        .consensus
        .iter()
        .position(|c| c.application == chair.application && c.round == chair.round)
        .filter(|&at| !dossier.consensus[at].is_empty())
    else {
        return Err(EditError::NoDraft(chair.application.clone(), chair.round));
    };
    if dossier.consensus[at].is_recorded() {
        return Ok(());
    }
    let missing = missing_motivations(dossier, &chair.application, chair.round);
    if !missing.is_empty() {
        return Err(EditError::Unmotivated(missing));
    }
    let made_with: BTreeSet<String> = dossier
        .assessments_for(&chair.application, chair.round)
        .filter(|a| a.is_submitted())
        .map(|a| a.assessor.clone())
        .collect();
    let before = dossier.consensus[at].clone();
    let mut after = before.clone();
    after.draft = false;
    after.made_with = Some(made_with);
    after.recorded_by = chair.by.clone();
    after.recorded = Some(now);
    let template = Entry::new(now, &chair.by, Field::Submitted)
        .on(&chair.application, Some(chair.round))
        .subject(CONSENSUS);
    let entries = audit::diff(&template, Some((&before).into()), Some((&after).into()));
    dossier.consensus[at] = after;
    for e in entries {
        audit::record(dossier, e);
    }
    Ok(())
}

/// The assessors who submitted their work for this application and round
/// after the panel recorded its consensus (a late import): the consensus
/// was made without them. Empty for a draft, and for a consensus from an
/// older file (it does not say whose work the panel had).
pub fn made_without(dossier: &Dossier, app: &ApplicationId, round: Round) -> Vec<String> {
    let Some(with) = dossier
        .recorded_consensus_for(app, round)
        .filter(|c| !c.is_empty())
        .and_then(|c| c.made_with.as_ref())
    else {
        return Vec::new();
    };
    dossier
        .assessments_for(app, round)
        .filter(|a| a.is_submitted() && !with.contains(&a.assessor))
        .map(|a| a.assessor.clone())
        .collect()
}

/// A line that the consensus moves the total across.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The round's threshold (`rubric.process.threshold(round)`): 50 for
    /// the interviews in round 1, the award minimum in round 2.
    Threshold(u32),
    /// Round 2: the total the application must reach to be among the
    /// awarded: the award count's highest total among the other
    /// applications that can be awarded (equal to it is a tie).
    Award(Exact),
}

/// Where rounding (or any agreed value) moves the total across a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crossing {
    pub line: Line,
    /// The exact total of the assessors' means (no consensus).
    pub exact: Exact,
    /// The total with the draft counted as it stands.
    pub agreed: Exact,
}

impl Line {
    pub fn total(self) -> Exact {
        match self {
            Line::Threshold(n) => Exact::from(n),
            Line::Award(t) => t,
        }
    }
}

/// Compare the exact total of the assessors' means with the total the
/// consensus draft would give once recorded, and say which lines it moves
/// the application across (at or above a line counts as reaching it).
/// `eval` is the current evaluation of the round (drafts do not count in
/// it); the award line is read from it. Nothing when either total cannot
/// be computed yet.
pub fn crossings(
    rubric: &Rubric,
    dossier: &Dossier,
    eval: &Evaluation,
    app: &ApplicationId,
) -> Vec<Crossing> {
    let round = eval.round;
    let (Some(exact), Some(agreed)) = totals(rubric, dossier, app, round) else {
        return Vec::new();
    };
    let threshold = rubric.process.threshold(round);
    let mut lines = vec![Line::Threshold(threshold)];
    if round == Round::Two {
        let places = eval.award_count as usize;
        let others = eval.applications.iter().filter(|r| {
            &r.id != app && r.status.is_ranked() && r.total >= Some(Exact::from(threshold))
        });
        if let Some(t) = (places > 0)
            .then(|| others.filter_map(|r| r.total).nth(places - 1))
            .flatten()
        {
            lines.push(Line::Award(t));
        }
    }
    lines
        .into_iter()
        .filter(|l| (exact >= l.total()) != (agreed >= l.total()))
        .map(|line| Crossing {
            line,
            exact,
            agreed,
        })
        .collect()
}

/// The application's total in a round without any consensus of that round
/// (the exact means), and with its consensus counted as if recorded (a
/// draft too): what recording would make of it. None where a total cannot
/// be computed yet.
pub fn totals(
    rubric: &Rubric,
    dossier: &Dossier,
    app: &ApplicationId,
    round: Round,
) -> (Option<Exact>, Option<Exact>) {
    (
        total_with(rubric, dossier, app, round, false),
        total_with(rubric, dossier, app, round, true),
    )
}

/// The application's total in a round: without any consensus of that
/// round, or with its consensus (a draft too) counted. Evaluated on a copy
/// holding only this application: its total depends on nothing else.
fn total_with(
    rubric: &Rubric,
    dossier: &Dossier,
    app: &ApplicationId,
    round: Round,
    with_draft: bool,
) -> Option<Exact> {
    let mut one = Dossier::new(&dossier.title, rubric);
    one.applications = dossier.application(app).cloned().into_iter().collect();
    one.assessments = dossier
        .assessments
        .iter()
        .filter(|a| &a.application == app)
        .cloned()
        .collect();
    one.consensus = dossier
        .consensus
        .iter()
        .filter(|c| &c.application == app && (c.round != round || with_draft))
        .cloned()
        .map(|mut c| {
            if c.round == round {
                c.draft = false;
            }
            c
        })
        .collect();
    scoring::evaluate(rubric, &one, round).get(app)?.total
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
