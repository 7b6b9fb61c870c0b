//! The one place where totals, KO verdicts, statuses and the ranking are
//! computed. Every face of the product (CLI, GUI, PDF) reads from
//! [`evaluate`] and [`summarize`]; none computes a total of its own.
//!
//! Pure functions over a rubric and a dossier, in exact arithmetic.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dossier::{
    ApplicationId, Assessment, Consensus, DecisionKind, Dossier, Round, Value, Verdict, points,
};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};

/// Where an application stands in a round (`../shared/formats.md` §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Incomplete,
    Rejected,
    NotInvited,
    BelowThreshold,
    Invited,
    Awarded,
    NotAwarded,
    Tie,
}

impl Status {
    /// The code used in JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            Status::Incomplete => "incomplete",
            Status::Rejected => "rejected",
            Status::NotInvited => "not_invited",
            Status::BelowThreshold => "below_threshold",
            Status::Invited => "invited",
            Status::Awarded => "awarded",
            Status::NotAwarded => "not_awarded",
            Status::Tie => "tie",
        }
    }

    /// Whether an application with this status takes a place in the ranking.
    pub fn is_ranked(self) -> bool {
        !matches!(
            self,
            Status::Incomplete | Status::Rejected | Status::NotInvited
        )
    }
}

/// Why an assessment or an application is not complete.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Missing {
    /// No submitted assessment (and no full consensus) in this round.
    NoAssessments,
    KoOpen(CriterionId),
    KoDoubt(CriterionId),
    /// Assessors differ on a KO and the panel has not decided.
    KoSplit(CriterionId),
    Unscored(CriterionId),
    /// A submitted assessor left this criterion unscored.
    UnscoredBy(CriterionId, String),
    NoMotivation(CriterionId),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::NoAssessments => write!(f, "no submitted assessment"),
            Missing::KoOpen(id) => write!(f, "{id}: verdict open"),
            Missing::KoDoubt(id) => write!(f, "{id}: verdict twijfel"),
            Missing::KoSplit(id) => write!(f, "{id}: assessors differ, panel must decide"),
            Missing::Unscored(id) => write!(f, "{id}: not scored"),
            Missing::UnscoredBy(id, who) => write!(f, "{id}: not scored by {who}"),
            Missing::NoMotivation(id) => write!(f, "{id}: no motivation"),
        }
    }
}

/// The final value of one KO in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KoFinal {
    pub id: CriterionId,
    /// Met or NotMet when decided; Open or Doubt otherwise.
    pub verdict: Verdict,
    pub from_consensus: bool,
}

/// The final value of one weighted criterion in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionFinal {
    pub id: CriterionId,
    /// None while it cannot be computed (unscored somewhere).
    #[serde(skip)]
    pub value: Option<Exact>,
    pub cap: u32,
    pub from_consensus: bool,
    /// The submitted assessors' own points, by name (for spread and charts).
    pub by_assessor: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    pub id: String,
    #[serde(skip)]
    pub total: Exact,
    pub cap: u32,
}

/// One application's result in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppResult {
    pub id: ApplicationId,
    pub region: String,
    pub rank: Option<u32>,
    /// The final total; None while a criterion has no final value.
    #[serde(skip)]
    pub total: Option<Exact>,
    pub status: Status,
    pub failed_ko: Vec<CriterionId>,
    pub tie_group: Option<u32>,
    /// Whether any consensus value counts in this round.
    pub consensus: bool,
    /// Number of submitted assessments in this round.
    pub assessors: u32,
    pub knockouts: Vec<KoFinal>,
    pub criteria: Vec<CriterionFinal>,
    pub groups: Vec<GroupTotal>,
    pub missing: Vec<Missing>,
    /// Index into `Dossier::decisions` of a tie decision that settled this
    /// application's place.
    pub decision: Option<usize>,
}

/// A group of equal totals that the award line cuts through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieGroup {
    pub number: u32,
    pub members: Vec<ApplicationId>,
    #[serde(skip)]
    pub total: Exact,
    /// How many of the group can still be awarded.
    pub places: u32,
    /// The decision that settled it, if one is recorded.
    pub decision: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub round: Round,
    /// The threshold that applies in this round: the interview threshold in
    /// round 1, the award minimum in round 2.
    pub threshold: u32,
    pub award_count: u32,
    /// Sorted as `../shared/formats.md` §2: ranked by total (then id), then
    /// the unranked by id.
    pub applications: Vec<AppResult>,
    pub ties: Vec<TieGroup>,
}

impl Evaluation {
    pub fn get(&self, id: &ApplicationId) -> Option<&AppResult> {
        self.applications.iter().find(|a| &a.id == id)
    }

    pub fn status_of(&self, id: &ApplicationId) -> Option<Status> {
        self.get(id).map(|a| a.status)
    }
}

/// The finals of a set of assessments plus an optional consensus.
struct Finals {
    knockouts: Vec<KoFinal>,
    criteria: Vec<CriterionFinal>,
    missing: Vec<Missing>,
}

fn finals(rubric: &Rubric, assessments: &[&Assessment], consensus: Option<&Consensus>) -> Finals {
    let mut missing = Vec::new();
    let knockouts = rubric
        .knockouts
        .iter()
        .map(|ko| {
            let agreed = consensus
                .and_then(|c| c.knockouts.get(&ko.id))
                .map(|j| j.verdict)
                .filter(|v| matches!(v, Verdict::Met | Verdict::NotMet));
            let (verdict, from_consensus) = match agreed {
                Some(v) => (v, true),
                None => {
                    let verdicts: BTreeSet<Verdict> =
                        assessments.iter().map(|a| a.verdict(&ko.id)).collect();
                    let v = match verdicts.len() {
                        0 => Verdict::Open,
                        1 => *verdicts.first().expect("one verdict"),
                        _ if verdicts.contains(&Verdict::Open) => Verdict::Open,
                        _ => Verdict::Doubt,
                    };
                    match v {
                        Verdict::Open => missing.push(Missing::KoOpen(ko.id.clone())),
                        Verdict::Doubt if verdicts.len() > 1 => {
                            missing.push(Missing::KoSplit(ko.id.clone()))
                        }
                        Verdict::Doubt => missing.push(Missing::KoDoubt(ko.id.clone())),
                        _ => {}
                    }
                    (v, false)
                }
            };
            KoFinal {
                id: ko.id.clone(),
                verdict,
                from_consensus,
            }
        })
        .collect();

    let criteria = rubric
        .criteria()
        .map(|c| {
            let agreed = consensus
                .and_then(|k| k.criteria.get(&c.id))
                .and_then(|s| s.value.as_ref());
            let mut by_assessor = BTreeMap::new();
            let mut complete = true;
            for a in assessments {
                match a.value(&c.id) {
                    Some(v) if value_is_complete(&c.scale, v) => {
                        by_assessor.insert(a.assessor.clone(), points(rubric, &c.id, v));
                    }
                    _ => complete = false,
                }
            }
            let (value, from_consensus) = match (&c.scale, agreed) {
                (Scale::Items { items, .. }, agreed) => {
                    // Per item: the consensus item where agreed, otherwise the
                    // exact mean of the assessors' item scores.
                    let agreed_items = match agreed {
                        Some(Value::Items(m)) => Some(m),
                        _ => None,
                    };
                    let mut sum = Exact::ZERO;
                    let mut any_consensus = false;
                    let mut ok = true;
                    for item in items {
                        if let Some(n) = agreed_items.and_then(|m| m.get(&item.id)) {
                            sum = sum + Exact::from(*n);
                            any_consensus = true;
                            continue;
                        }
                        let scores: Option<Vec<i64>> = assessments
                            .iter()
                            .map(|a| match a.value(&c.id) {
                                Some(Value::Items(m)) => m.get(&item.id).map(|n| i64::from(*n)),
                                _ => None,
                            })
                            .collect();
                        match scores.and_then(Exact::mean) {
                            Some(mean) => sum = sum + mean,
                            None => ok = false,
                        }
                    }
                    (ok.then(|| sum.min(Exact::from(c.cap))), any_consensus)
                }
                (_, Some(v)) => (Some(Exact::from(points(rubric, &c.id, v))), true),
                (_, None) => {
                    let mean = if complete {
                        Exact::mean(by_assessor.values().map(|n| i64::from(*n)))
                    } else {
                        None
                    };
                    (mean, false)
                }
            };
            if value.is_none() {
                if assessments.is_empty() {
                    missing.push(Missing::Unscored(c.id.clone()));
                } else {
                    for a in assessments {
                        let done = a
                            .value(&c.id)
                            .is_some_and(|v| value_is_complete(&c.scale, v));
                        if !done {
                            missing.push(Missing::UnscoredBy(c.id.clone(), a.assessor.clone()));
                        }
                    }
                }
            }
            CriterionFinal {
                id: c.id.clone(),
                value,
                cap: c.cap,
                from_consensus,
                by_assessor,
            }
        })
        .collect();
    Finals {
        knockouts,
        criteria,
        missing,
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

fn group_totals(rubric: &Rubric, criteria: &[CriterionFinal]) -> Vec<GroupTotal> {
    rubric
        .groups
        .iter()
        .map(|g| GroupTotal {
            id: g.id.clone(),
            total: g
                .criteria
                .iter()
                .filter_map(|c| criteria.iter().find(|f| f.id == c.id).and_then(|f| f.value))
                .sum(),
            cap: g.criteria.iter().map(|c| c.cap).sum(),
        })
        .collect()
}

/// The award count in force for a round: the rubric's, unless the panel
/// recorded another (the last such decision counts).
pub fn award_count(rubric: &Rubric, dossier: &Dossier, round: Round) -> u32 {
    dossier
        .decisions
        .iter()
        .rev()
        .filter(|d| d.round == round)
        .find_map(|d| match d.kind {
            DecisionKind::AwardCount(n) => Some(n),
            _ => None,
        })
        .unwrap_or(rubric.process.award_count)
}

/// Evaluate every application of the dossier in one round.
pub fn evaluate(rubric: &Rubric, dossier: &Dossier, round: Round) -> Evaluation {
    let invited: Option<BTreeSet<ApplicationId>> = match round {
        Round::One => None,
        Round::Two => Some(
            evaluate(rubric, dossier, Round::One)
                .applications
                .into_iter()
                .filter(|a| a.status == Status::Invited)
                .map(|a| a.id)
                .collect(),
        ),
    };
    let threshold = match round {
        Round::One => rubric.process.interview_threshold,
        Round::Two => rubric.process.award_minimum,
    };
    let threshold_exact = Exact::from(threshold);
    let award_count = award_count(rubric, dossier, round);

    // Index assessments and consensus once: a dossier may hold tens of
    // thousands of assessments.
    let mut submitted: BTreeMap<&ApplicationId, Vec<&Assessment>> = BTreeMap::new();
    for a in dossier
        .assessments
        .iter()
        .filter(|a| a.round == round && a.is_submitted())
    {
        submitted.entry(&a.application).or_default().push(a);
    }
    let consensus: BTreeMap<&ApplicationId, &Consensus> = dossier
        .consensus
        .iter()
        .filter(|c| c.round == round)
        .map(|c| (&c.application, c))
        .collect();

    let mut results: Vec<AppResult> = dossier
        .applications
        .iter()
        .map(|app| {
            let assessments = submitted.get(&app.id).map(Vec::as_slice).unwrap_or(&[]);
            let agreed = consensus.get(&app.id).copied();
            let f = finals(rubric, assessments, agreed);
            let mut missing = f.missing;
            if assessments.is_empty() && !missing.is_empty() {
                missing.insert(0, Missing::NoAssessments);
            }
            let failed_ko: Vec<CriterionId> = f
                .knockouts
                .iter()
                .filter(|k| k.verdict == Verdict::NotMet)
                .map(|k| k.id.clone())
                .collect();
            let total = f.criteria.iter().map(|c| c.value).sum::<Option<Exact>>();
            let status = if invited.as_ref().is_some_and(|inv| !inv.contains(&app.id)) {
                Status::NotInvited
            } else if !failed_ko.is_empty() {
                Status::Rejected
            } else if !missing.is_empty() {
                Status::Incomplete
            } else if total.is_some_and(|t| t < threshold_exact) {
                Status::BelowThreshold
            } else {
                match round {
                    Round::One => Status::Invited,
                    // Settled below, when the award line is drawn.
                    Round::Two => Status::NotAwarded,
                }
            };
            let consensus_counts = f.knockouts.iter().any(|k| k.from_consensus)
                || f.criteria.iter().any(|c| c.from_consensus);
            AppResult {
                id: app.id.clone(),
                region: app.region.clone(),
                rank: None,
                groups: group_totals(rubric, &f.criteria),
                total,
                status,
                failed_ko,
                tie_group: None,
                consensus: consensus_counts,
                assessors: assessments.len() as u32,
                knockouts: f.knockouts,
                criteria: f.criteria,
                missing,
                decision: None,
            }
        })
        .collect();

    // Ranked first by total (highest first), equal totals by id; then the
    // unranked by id.
    results.sort_by(|a, b| {
        b.status
            .is_ranked()
            .cmp(&a.status.is_ranked())
            .then_with(|| match a.status.is_ranked() {
                true => b.total.cmp(&a.total),
                false => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut rank = 0;
    for r in results.iter_mut().filter(|r| r.status.is_ranked()) {
        rank += 1;
        r.rank = Some(rank);
    }

    let mut ties = Vec::new();
    if round == Round::Two {
        draw_award_line(dossier, award_count, &mut results, &mut ties);
    }

    Evaluation {
        round,
        threshold,
        award_count,
        applications: results,
        ties,
    }
}

/// Award the `award_count` highest totals at or above the minimum. Equal
/// totals that the line cuts through become a tie group, settled only by a
/// recorded decision for exactly that group.
fn draw_award_line(
    dossier: &Dossier,
    award_count: u32,
    results: &mut [AppResult],
    ties: &mut Vec<TieGroup>,
) {
    // Eligible results are the leading run of NotAwarded (already sorted).
    let eligible: Vec<usize> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Status::NotAwarded)
        .map(|(i, _)| i)
        .collect();
    let places = award_count as usize;
    if places == 0 {
        return;
    }
    if eligible.len() <= places {
        for &i in &eligible {
            results[i].status = Status::Awarded;
        }
        return;
    }
    let line_total = results[eligible[places - 1]].total;
    let cut = results[eligible[places]].total == line_total;
    if !cut {
        for &i in eligible.iter().take(places) {
            results[i].status = Status::Awarded;
        }
        return;
    }
    let above: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| results[i].total > line_total)
        .collect();
    let group: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| results[i].total == line_total)
        .collect();
    for &i in &above {
        results[i].status = Status::Awarded;
    }
    let free = (places - above.len()) as u32;
    let members: BTreeSet<ApplicationId> = group.iter().map(|&i| results[i].id.clone()).collect();
    let decision = dossier
        .decisions
        .iter()
        .enumerate()
        .rev()
        .find_map(|(n, d)| match &d.kind {
            DecisionKind::TieBreak { group, awarded }
                if d.round == Round::Two
                    && *group == members
                    && awarded.len() as u32 == free
                    && awarded.is_subset(group) =>
            {
                Some((n, awarded))
            }
            _ => None,
        });
    for &i in &group {
        match decision {
            Some((n, awarded)) => {
                results[i].status = if awarded.contains(&results[i].id) {
                    Status::Awarded
                } else {
                    Status::NotAwarded
                };
                results[i].decision = Some(n);
            }
            None => {
                results[i].status = Status::Tie;
                results[i].tie_group = Some(1);
            }
        }
    }
    ties.push(TieGroup {
        number: 1,
        members: members.into_iter().collect(),
        total: line_total.unwrap_or(Exact::ZERO),
        places: free,
        decision: decision.map(|(n, _)| n),
    });
}

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
}

impl Missing {
    /// The knock-out or criterion this is about, if any.
    pub fn criterion(&self) -> Option<&CriterionId> {
        match self {
            Missing::NoAssessments => None,
            Missing::KoOpen(id)
            | Missing::KoDoubt(id)
            | Missing::KoSplit(id)
            | Missing::Unscored(id)
            | Missing::UnscoredBy(id, _)
            | Missing::NoMotivation(id) => Some(id),
        }
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

/// Summarize one assessment on its own.
pub fn summarize(rubric: &Rubric, assessment: &Assessment) -> Summary {
    let f = finals(rubric, &[assessment], None);
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
    // A criterion left unscored by this assessor reads better as "not scored".
    for m in missing.iter_mut() {
        if let Missing::UnscoredBy(id, _) = m {
            *m = Missing::Unscored(id.clone());
        }
    }
    // Reading order: the knock-outs, then the criteria, as the rubric has them.
    missing.sort_by_key(|m| (rubric_position(rubric, m), m.clone()));
    missing.dedup();
    let failed_ko: Vec<CriterionId> = f
        .knockouts
        .iter()
        .filter(|k| k.verdict == Verdict::NotMet)
        .map(|k| k.id.clone())
        .collect();
    // The running total counts what is scored, item by item for C4.
    let partial: Vec<CriterionFinal> = rubric
        .criteria()
        .zip(f.criteria)
        .map(|(c, mut cf)| {
            if cf.value.is_none()
                && let Some(v) = assessment.value(&c.id)
            {
                cf.value = Some(Exact::from(points(rubric, &c.id, v)));
            }
            cf
        })
        .collect();
    let groups = group_totals(rubric, &partial);
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
    let threshold = match assessment.round {
        Round::One => rubric.process.interview_threshold,
        Round::Two => rubric.process.award_minimum,
    };
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
    match round {
        Round::One => dossier.application(app).is_some(),
        Round::Two => evaluate(rubric, dossier, Round::One).status_of(app) == Some(Status::Invited),
    }
}
