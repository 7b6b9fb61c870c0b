//! The self-check for applicants: a region tests its own draft plan against
//! the leidraad before submitting. Region-free: the document holds no
//! assessor names, no other regions and no ranking; only the applicant's own
//! answers to the checklist, the knock-outs, the criteria and the budget.
//!
//! The estimated total is the engine's: the self-scores become one
//! assessment and `scoring::summarize` adds them up. Nothing here sums
//! points.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dossier::{
    ApplicationId, Assessment, CriterionScore, KoJudgement, Round, ScoreError, Value, Verdict,
    validate_value,
};
use crate::error::{LoadError, Location};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, RubricRef};
use crate::scoring::{self, Summary};
use crate::store::{self, SaveError};

/// The self-check file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The file extension the GUI proposes.
pub const EXTENSION: &str = "ron";

/// The applicant's answer to a knock-out question.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum KoAnswer {
    /// Not answered yet.
    #[default]
    Open,
    /// The plan makes it plausible.
    Plausible,
    /// The plan does not make it plausible.
    NotPlausible,
    /// The applicant does not know.
    DontKnow,
}

impl KoAnswer {
    pub const ALL: [KoAnswer; 3] = [
        KoAnswer::Plausible,
        KoAnswer::NotPlausible,
        KoAnswer::DontKnow,
    ];

    /// The verdict an assessor would give on this answer.
    fn verdict(self) -> Verdict {
        match self {
            KoAnswer::Open => Verdict::Open,
            KoAnswer::Plausible => Verdict::Met,
            KoAnswer::NotPlausible => Verdict::NotMet,
            KoAnswer::DontKnow => Verdict::Doubt,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KoCheck {
    pub answer: KoAnswer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfScore {
    /// None: not yet scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The budget as the plan states it, in whole euros.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The amount per calendar year.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub years: BTreeMap<i32, u64>,
    /// The total the plan states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_contribution: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<u64>,
}

/// One self-check of one draft plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheck {
    pub format_version: u32,
    /// The rubric the self-check is made against (None in a blank template
    /// made without one; set on save).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<RubricRef>,
    /// The applicant's own working title of the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The date to hold the deadline against; None: the day of the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Ids of the rubric's documents that are ready.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub documents: BTreeSet<String>,
    /// The rubric's signatories who have signed.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub signatures: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub knockouts: BTreeMap<CriterionId, KoCheck>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub criteria: BTreeMap<CriterionId, SelfScore>,
    #[serde(default)]
    pub budget: Budget,
    /// The draft plan, with its text, for the passages per knock-out (see
    /// [`SelfCheck::ko_passages`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::document::Document>,
}

/// A knock-out the plan risks, with what must be made plausible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KoRisk {
    pub id: CriterionId,
    pub name: String,
    pub answer: KoAnswer,
    pub note: String,
    pub plausible: Vec<String>,
}

/// A criterion where points are to be gained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gain {
    pub id: CriterionId,
    pub name: String,
    pub cap: u32,
    /// The self-score's points; None when not yet scored.
    pub points: Option<u32>,
    /// Cap minus the self-score (the whole cap when not scored).
    pub gain: u32,
    pub guidance: Option<String>,
    /// The scale with its anchor words, as the leidraad gives them:
    /// "1 (beperkte verbinding) tot 6 (stevige verbinding)".
    pub scale: Option<String>,
    /// The applicant's own note on the criterion.
    pub note: String,
}

/// A scale with its anchor words, where the leidraad gives them.
fn scale_words(scale: &crate::rubric::Scale) -> Option<String> {
    match scale {
        crate::rubric::Scale::Range {
            min,
            max,
            anchors: Some(a),
            ..
        } => Some(format!("{min} ({}) tot {max} ({})", a.low, a.high)),
        _ => None,
    }
}

/// A finding on the submission or the budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    DocumentMissing {
        id: String,
        name: String,
    },
    SignatureMissing(String),
    DeadlinePassed {
        deadline: NaiveDate,
        date: NaiveDate,
    },
    /// The amounts per year do not add up to the stated total.
    YearsDoNotAddUp {
        sum: u64,
        stated: u64,
    },
    /// Own contribution plus requested contribution is not the stated total.
    PartsDoNotAddUp {
        own: u64,
        requested: u64,
        stated: u64,
    },
    YearOutsideWindow {
        year: i32,
        amount: u64,
        window: (i32, i32),
    },
    /// The request is more than the whole tranche's budget.
    RequestAboveBudget {
        requested: u64,
        budget: u64,
    },
    NoStatedTotal,
    /// No budget at all: KO8 asks a project budget with its financial
    /// underpinning, own contribution and requested contribution.
    NoBudget,
    /// A budget without the own contribution (KO8: "eigen bijdrage").
    NoOwnContribution,
    /// A budget without the requested contribution.
    NoRequest,
}

/// The result of a self-check, in reading order: the knock-out risks, the
/// estimated total, the points to gain, the findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Not plausible first, then don't know, then unanswered; in the
    /// rubric's order within each.
    pub ko_risks: Vec<KoRisk>,
    /// The engine's summary of the self-scores as one assessment (round 1).
    pub summary: Summary,
    pub threshold: u32,
    /// Largest gain first; the rubric's order among equals.
    pub gains: Vec<Gain>,
    /// Submission findings (documents, signatures, deadline), then budget.
    pub findings: Vec<Finding>,
    /// The date the deadline is held against.
    pub date: NaiveDate,
    pub deadline: NaiveDate,
}

impl Outcome {
    pub fn total(&self) -> Exact {
        self.summary.total
    }

    /// Whether any knock-out is answered "niet aannemelijk".
    pub fn rejected(&self) -> bool {
        self.ko_risks
            .iter()
            .any(|r| r.answer == KoAnswer::NotPlausible)
    }
}

impl SelfCheck {
    /// A blank self-check against `rubric`.
    pub fn new(rubric: &Rubric) -> SelfCheck {
        SelfCheck {
            format_version: FORMAT_VERSION,
            rubric: Some(rubric.reference()),
            ..SelfCheck::default()
        }
    }

    pub fn answer(&self, ko: &CriterionId) -> KoAnswer {
        self.knockouts.get(ko).map_or(KoAnswer::Open, |k| k.answer)
    }

    pub fn value(&self, criterion: &CriterionId) -> Option<&Value> {
        self.criteria.get(criterion).and_then(|s| s.value.as_ref())
    }

    /// Set a self-score, validated against the criterion's scale; None
    /// clears it.
    pub fn set_value(
        &mut self,
        rubric: &Rubric,
        criterion: &CriterionId,
        value: Option<Value>,
    ) -> Result<(), ScoreError> {
        if let Some(v) = &value {
            validate_value(rubric, criterion, v)?;
        } else if rubric.criterion(criterion.as_str()).is_none() {
            return Err(ScoreError::UnknownCriterion(criterion.to_string()));
        }
        self.criteria.entry(criterion.clone()).or_default().value = value;
        Ok(())
    }

    /// The self-check as one assessment, for the engine.
    pub fn as_assessment(&self) -> Assessment {
        let mut a = Assessment::new(&ApplicationId::from("zelftoets"), "", Round::One);
        for (id, k) in &self.knockouts {
            a.knockouts.insert(
                id.clone(),
                KoJudgement {
                    verdict: k.answer.verdict(),
                    motivation: k.note.clone(),
                    updated: None,
                    carried: Default::default(),
                },
            );
        }
        for (id, s) in &self.criteria {
            a.criteria.insert(
                id.clone(),
                CriterionScore {
                    value: s.value.clone(),
                    motivation: s.note.clone(),
                    ..CriterionScore::default()
                },
            );
        }
        a
    }

    /// The result, with the deadline held against `self.date` or `today`.
    pub fn outcome(&self, rubric: &Rubric, today: NaiveDate) -> Outcome {
        let summary = scoring::summarize(rubric, &self.as_assessment());

        let mut ko_risks: Vec<(u8, usize, KoRisk)> = Vec::new();
        for (i, ko) in rubric.knockouts.iter().enumerate() {
            let answer = self.answer(&ko.id);
            let order = match answer {
                KoAnswer::Plausible => continue,
                KoAnswer::NotPlausible => 0,
                KoAnswer::DontKnow => 1,
                KoAnswer::Open => 2,
            };
            ko_risks.push((
                order,
                i,
                KoRisk {
                    id: ko.id.clone(),
                    name: ko.name.clone(),
                    answer,
                    note: self
                        .knockouts
                        .get(&ko.id)
                        .map(|k| k.note.clone())
                        .unwrap_or_default(),
                    plausible: ko.plausible.clone(),
                },
            ));
        }
        ko_risks.sort_by_key(|(order, i, _)| (*order, *i));

        let mut gains: Vec<Gain> = rubric
            .criteria()
            .map(|c| {
                let points = self.value(&c.id).map(|v| c.points(v).min(c.cap));
                Gain {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    cap: c.cap,
                    points,
                    gain: c.cap - points.unwrap_or(0),
                    guidance: c.guidance.clone(),
                    scale: scale_words(&c.scale),
                    note: self
                        .criteria
                        .get(&c.id)
                        .map(|s| s.note.trim().to_string())
                        .unwrap_or_default(),
                }
            })
            .filter(|g| g.gain > 0)
            .collect();
        // Stable: the rubric's order among equal gains.
        gains.sort_by_key(|g| std::cmp::Reverse(g.gain));

        let p = &rubric.process;
        let date = self.date.unwrap_or(today);
        let mut findings = Vec::new();
        for doc in &p.documents {
            if !self.documents.contains(&doc.id) {
                findings.push(Finding::DocumentMissing {
                    id: doc.id.clone(),
                    name: doc.name.clone(),
                });
            }
        }
        for s in &p.signatories {
            if !self.signatures.contains(s) {
                findings.push(Finding::SignatureMissing(s.clone()));
            }
        }
        if date > p.deadline {
            findings.push(Finding::DeadlinePassed {
                deadline: p.deadline,
                date,
            });
        }
        findings.extend(self.budget.findings(p.spending_years, p.budget_eur));

        Outcome {
            ko_risks: ko_risks.into_iter().map(|(_, _, r)| r).collect(),
            summary,
            threshold: p.interview_threshold,
            gains,
            findings,
            date,
            deadline: p.deadline,
        }
    }

    /// The self-check as RON text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .depth_limit(6)
            .struct_names(true);
        let mut text = ron::ser::to_string_pretty(self, config).expect("a self-check serialises");
        text.push('\n');
        text
    }

    /// Save atomically; the previous version becomes `NAME.bak`.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        store::write_atomic(path, self.to_ron().as_bytes(), true)
    }

    pub fn load(path: &Path, rubric: &Rubric) -> Result<SelfCheck, LoadError> {
        let text = store::read_text(path)?;
        SelfCheck::parse(&text, &path.display().to_string(), rubric)
    }

    /// Parse and validate against `rubric`; `file` names it in messages.
    pub fn parse(text: &str, file: &str, rubric: &Rubric) -> Result<SelfCheck, LoadError> {
        #[derive(Deserialize)]
        #[serde(rename = "SelfCheck")]
        struct VersionProbe {
            #[serde(default)]
            format_version: u32,
        }
        let probe: VersionProbe = crate::error::from_ron(text, file)?;
        crate::error::check_version(
            text,
            file,
            "self-check",
            probe.format_version,
            FORMAT_VERSION,
        )?;
        let check: SelfCheck = crate::error::from_ron(text, file)?;
        check.validate(text, file, rubric)?;
        Ok(check)
    }

    fn validate(&self, text: &str, file: &str, rubric: &Rubric) -> Result<(), LoadError> {
        if let Some(r) = &self.rubric
            && r.hash != rubric.hash()
        {
            return Err(LoadError::at(
                file,
                Location::of_field(text, "rubric"),
                format!(
                    "made against the rubric {} {} ({}), not the one in use ({} {})",
                    r.id,
                    r.version,
                    crate::rubric::short_hash(&r.hash),
                    rubric.id,
                    rubric.version
                ),
            ));
        }
        let p = &rubric.process;
        for doc in &self.documents {
            if !p.documents.iter().any(|d| &d.id == doc) {
                let known: Vec<&str> = p.documents.iter().map(|d| d.id.as_str()).collect();
                return Err(LoadError::at(
                    file,
                    Location::of_id(text, doc),
                    format!(
                        "unknown document {doc:?}; the documents are {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        for s in &self.signatures {
            if !p.signatories.contains(s) {
                return Err(LoadError::at(
                    file,
                    Location::of_id(text, s),
                    format!(
                        "unknown signatory {s:?}; the signatories are {}",
                        p.signatories.join(", ")
                    ),
                ));
            }
        }
        for id in self.knockouts.keys() {
            if rubric.knockout(id.as_str()).is_none() {
                return Err(LoadError::at(
                    file,
                    Location::of_id(text, id.as_str()),
                    format!("{id}: unknown knock-out"),
                ));
            }
        }
        for (id, s) in &self.criteria {
            let result = match &s.value {
                Some(v) => validate_value(rubric, id, v),
                None if rubric.criterion(id.as_str()).is_none() => {
                    Err(ScoreError::UnknownCriterion(id.to_string()))
                }
                None => Ok(()),
            };
            if let Err(e) = result {
                return Err(LoadError::at(
                    file,
                    Location::of_id(text, id.as_str()),
                    e.to_string(),
                ));
            }
        }
        Ok(())
    }
}

impl Budget {
    /// The sum of the amounts per year (euros, not points).
    pub fn years_sum(&self) -> u64 {
        self.years.values().fold(0u64, |a, b| a.saturating_add(*b))
    }

    /// What does not add up, and the years outside the spending window.
    pub fn findings(&self, window: (i32, i32), budget: u64) -> Vec<Finding> {
        let mut out = Vec::new();
        let empty =
            self.years.is_empty() && self.own_contribution.is_none() && self.requested.is_none();
        if empty && self.stated_total.is_none() {
            out.push(Finding::NoBudget);
            return out;
        }
        if self.own_contribution.is_none() {
            out.push(Finding::NoOwnContribution);
        }
        if self.requested.is_none() {
            out.push(Finding::NoRequest);
        }
        match self.stated_total {
            None if !empty => out.push(Finding::NoStatedTotal),
            None => {}
            Some(stated) => {
                if !self.years.is_empty() && self.years_sum() != stated {
                    out.push(Finding::YearsDoNotAddUp {
                        sum: self.years_sum(),
                        stated,
                    });
                }
                if let (Some(own), Some(requested)) = (self.own_contribution, self.requested)
                    && own.saturating_add(requested) != stated
                {
                    out.push(Finding::PartsDoNotAddUp {
                        own,
                        requested,
                        stated,
                    });
                }
            }
        }
        for (year, amount) in &self.years {
            if *amount > 0 && !(window.0..=window.1).contains(year) {
                out.push(Finding::YearOutsideWindow {
                    year: *year,
                    amount: *amount,
                    window,
                });
            }
        }
        if let Some(requested) = self.requested
            && requested > budget
        {
            out.push(Finding::RequestAboveBudget { requested, budget });
        }
        out
    }
}

/// What the draft plan says on one knock-out: the passages found, best
/// first. The tool finds passages; it does not judge them.
#[derive(Debug, Clone, PartialEq)]
pub struct KoPassages {
    pub id: CriterionId,
    pub name: String,
    pub found: crate::passages::Found,
}

impl KoPassages {
    /// No passage holds a search term of the knock-out: a knock-out risk.
    pub fn nothing_found(&self) -> bool {
        !self.found.found
    }

    /// The passages that say the matter is not (yet) the case: red flags.
    pub fn negated(&self) -> impl Iterator<Item = &crate::passages::Passage> {
        self.found
            .passages
            .iter()
            .filter(|p| p.negated && !p.terms.is_empty())
    }
}

/// How many passages per knock-out the self-check shows.
pub const KO_PASSAGES: usize = 3;

impl SelfCheck {
    /// Per knock-out, the passages of the draft plan that speak to it;
    /// empty without a plan.
    pub fn ko_passages(&self, rubric: &Rubric) -> Vec<KoPassages> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        let index = crate::passages::Index::new(&plan.pages, plan.paged);
        rubric
            .knockouts
            .iter()
            .filter_map(|ko| {
                let query = crate::passages::Query::for_criterion(rubric, ko.id.as_str())?;
                Some(KoPassages {
                    id: ko.id.clone(),
                    name: ko.name.clone(),
                    found: index.search(&query, KO_PASSAGES),
                })
            })
            .collect()
    }
}
