//! What an evaluation hands out: the result types, statuses and what is
//! missing.

use std::sync::Arc;

use serde::Serialize;

use crate::dossier::{ApplicationId, Round, Verdict};
use crate::exact::Exact;
use crate::rubric::CriterionId;

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
    /// Round 2 while an invited application is still incomplete: ranked,
    /// but nobody is awarded or not awarded yet (see `Evaluation::is_final`).
    Provisional,
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
            Status::Provisional => "provisional",
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
    /// Round 2: a value copied from round 1 is neither confirmed nor changed.
    Unconfirmed(CriterionId),
    /// Round 2: the value differs from round 1 and says not why.
    NoReason(CriterionId),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::NoAssessments => write!(f, "no submitted assessment"),
            Missing::KoOpen(id) => write!(f, "{id}: verdict open"),
            Missing::KoDoubt(id) => write!(f, "{id}: twijfel, the panel decides"),
            Missing::KoSplit(id) => write!(f, "{id}: assessors differ, panel must decide"),
            Missing::Unscored(id) => write!(f, "{id}: not scored"),
            Missing::UnscoredBy(id, who) => write!(f, "{id}: not scored by {who}"),
            Missing::NoMotivation(id) => write!(f, "{id}: no motivation"),
            Missing::Unconfirmed(id) => write!(f, "{id}: round-1 value not confirmed"),
            Missing::NoReason(id) => write!(f, "{id}: changed since round 1 without a reason"),
        }
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
            | Missing::NoMotivation(id)
            | Missing::Unconfirmed(id)
            | Missing::NoReason(id) => Some(id),
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    /// Shared: each result holds one per group.
    pub id: Arc<str>,
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
    /// The submitted assessors (shared: a dossier has a few, each named in
    /// thousands of results).
    pub assessor_names: Vec<Arc<str>>,
    /// Each submitted assessor's own points per criterion (None: not
    /// scored): `criterion * assessors + assessor`. See `assessor_points`.
    #[serde(skip)]
    pub points: Vec<Option<u32>>,
    pub knockouts: Vec<KoFinal>,
    pub criteria: Vec<CriterionFinal>,
    pub groups: Vec<GroupTotal>,
    pub missing: Vec<Missing>,
    /// Index into `Dossier::decisions` of a tie decision that settled this
    /// application's place.
    pub decision: Option<usize>,
    /// While the ranking is provisional: the status it would have if it
    /// were final (awarded, not awarded or tie), for a face that says
    /// "voorlopig toegekend".
    pub would_be: Option<Status>,
    /// Index into `Dossier::decisions` of the threshold waiver that lets
    /// this application below the minimum take part in the award line.
    pub waiver: Option<usize>,
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
    /// Round 2: false while an application invited after round 1 is still
    /// incomplete (its total could still change who is awarded). Always
    /// true in round 1.
    #[serde(rename = "final")]
    pub is_final: bool,
    /// The incomplete invited applications that keep round 2 provisional.
    pub pending: Vec<ApplicationId>,
    /// The recorded decisions of this round and where each stands now.
    pub decisions: Vec<super::DecisionStatus>,
}

impl AppResult {
    /// The knock-outs the panel must decide before this result is complete:
    /// an assessor's twijfel, or assessors who differ ("KO: panel beslist").
    pub fn panel_decides(&self) -> impl Iterator<Item = &CriterionId> {
        self.missing.iter().filter_map(|m| match m {
            Missing::KoDoubt(id) | Missing::KoSplit(id) => Some(id),
            _ => None,
        })
    }

    /// Whether the panel's decision on knock-outs is all that is missing.
    pub fn waits_only_for_panel(&self) -> bool {
        self.panel_decides().next().is_some()
            && self
                .missing
                .iter()
                .all(|m| matches!(m, Missing::KoDoubt(_) | Missing::KoSplit(_)))
    }

    /// Each submitted assessor's own points on one criterion, by name.
    pub fn assessor_points<'a>(
        &'a self,
        c: &CriterionFinal,
    ) -> impl Iterator<Item = (&'a str, Option<u32>)> + 'a {
        let n = self.assessor_names.len();
        let at = self.criteria.iter().position(|f| f.id == c.id).unwrap_or(0) * n;
        self.assessor_names
            .iter()
            .map(|name| &**name)
            .zip(self.points.get(at..at + n).unwrap_or(&[]).iter().copied())
    }
}

impl Evaluation {
    pub fn get(&self, id: &ApplicationId) -> Option<&AppResult> {
        self.applications.iter().find(|a| &a.id == id)
    }

    pub fn status_of(&self, id: &ApplicationId) -> Option<Status> {
        self.get(id).map(|a| a.status)
    }

    /// Where recorded decision `index` stands, if it belongs to this round.
    pub fn decision(&self, index: usize) -> Option<&super::DecisionStatus> {
        self.decisions.iter().find(|d| d.index == index)
    }

    /// The stale decisions of this round.
    pub fn stale(&self) -> impl Iterator<Item = &super::DecisionStatus> {
        self.decisions
            .iter()
            .filter(|d| d.state == super::DecisionState::Stale)
    }

    /// The awarded applications (none while the ranking is provisional).
    pub fn awarded(&self) -> impl Iterator<Item = &AppResult> {
        self.applications
            .iter()
            .filter(|a| a.status == Status::Awarded)
    }
}
