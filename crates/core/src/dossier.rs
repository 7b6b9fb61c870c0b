//! The dossier: applications, assessors, their assessments per round,
//! consensus and recorded panel decisions. Plain data; files are `store`'s,
//! totals and statuses are `scoring`'s.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::rubric::{CriterionId, Rubric, RubricRef, Scale};

/// The dossier file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The example dossier (invented regions), opened on first run and used by
/// the tests.
pub const EXAMPLE_SOURCE: &str = include_str!("../../../assets/voorbeelddossier.ron");
pub const EXAMPLE_NAME: &str = "assets/voorbeelddossier.ron";

/// The time stamps the dossier records: now, to the second.
pub fn now() -> DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(0)
}

/// Reading the time stamps of scores and assessments: the form [`now`]
/// writes (`2022-08-10T09:00:00Z`) directly, every other form through
/// chrono's RFC 3339 parser as before. A dossier of 10,000 applications
/// holds 1.5 million of them, and chrono's general parser was a tenth of
/// loading it.
pub mod stamp {
    use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
    use serde::Deserialize;

    /// For `#[serde(deserialize_with)]` on an `Option<DateTime<Utc>>`.
    pub fn option<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        Ok(Option::<Stamp>::deserialize(d)?.map(|s| s.0))
    }

    struct Stamp(DateTime<Utc>);

    impl<'de> Deserialize<'de> for Stamp {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Text;
            impl serde::de::Visitor<'_> for Text {
                type Value = Stamp;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    // chrono's words, so messages stay as they were.
                    f.write_str("an RFC 3339 formatted date and time string")
                }
                fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Stamp, E> {
                    match whole_seconds_utc(s) {
                        Some(t) => Ok(Stamp(t)),
                        None => s
                            .parse::<DateTime<FixedOffset>>()
                            .map(|t| Stamp(t.with_timezone(&Utc)))
                            .map_err(E::custom),
                    }
                }
            }
            d.deserialize_str(Text)
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly (no leap second), or None.
    pub fn whole_seconds_utc(s: &str) -> Option<DateTime<Utc>> {
        let b = s.as_bytes();
        let shape = [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'Z'),
        ];
        if b.len() != 20 || shape.iter().any(|(at, c)| b[*at] != *c) {
            return None;
        }
        let num = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(num(0, 4)?).ok()?;
        let date = NaiveDate::from_ymd_opt(year, num(5, 7)?, num(8, 10)?)?;
        let second = num(17, 19)?;
        if second > 59 {
            return None;
        }
        Some(
            date.and_hms_opt(num(11, 13)?, num(14, 16)?, second)?
                .and_utc(),
        )
    }
}

/// The reserved assessor name that marks consensus rows in CSV.
pub const CONSENSUS: &str = "CONSENSUS";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicationId(pub String);

impl fmt::Display for ApplicationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ApplicationId {
    fn from(s: &str) -> Self {
        ApplicationId(s.to_string())
    }
}

/// Eerste beoordeling (1) or definitieve beoordeling (2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Round {
    One,
    Two,
}

impl Round {
    pub const ALL: [Round; 2] = [Round::One, Round::Two];

    pub fn number(self) -> u8 {
        match self {
            Round::One => 1,
            Round::Two => 2,
        }
    }
}

impl TryFrom<u8> for Round {
    type Error = String;
    fn try_from(n: u8) -> Result<Round, String> {
        match n {
            1 => Ok(Round::One),
            2 => Ok(Round::Two),
            other => Err(format!("unknown round {other}; rounds are 1 and 2")),
        }
    }
}

impl From<Round> for u8 {
    fn from(r: Round) -> u8 {
        r.number()
    }
}

impl fmt::Display for Round {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl std::str::FromStr for Round {
    type Err = String;
    fn from_str(s: &str) -> Result<Round, String> {
        s.trim()
            .parse::<u8>()
            .map_err(|_| format!("unknown round {s:?}; rounds are 1 and 2"))
            .and_then(Round::try_from)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    pub format_version: u32,
    /// A random id given when the dossier is created (or, for an older
    /// dossier, when it first issues a package): a package and its result
    /// file name the dossier they belong to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    /// The rubric every score here is given against.
    pub rubric: RubricRef,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<Assessor>,
    /// The programme staff (programmabureau) by name: they see every
    /// total and status; a name that is neither staff nor an assessor sees
    /// none of the others' work (see `roles`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Application>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<Consensus>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Conflicts of interest: the assessor does not score the application.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Set when this file is one assessor's package (see `panel`): it holds
    /// only that assessor's applications and own work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<PackageInfo>,
    /// The packages this dossier has issued: only a result of one of them
    /// is imported, for its assessor and its applications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issued: Vec<Issued>,
    /// The interviews held with invited applicants between the rounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<Interview>,
    /// Addenda received after the interviews, before round 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<Addendum>,
    /// Every change, appended and never rewritten (see `audit`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<crate::audit::Entry>,
}

/// The record of an interview with an invited applicant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub application: ApplicationId,
    pub date: chrono::NaiveDate,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether the interview raised or lowered the panel's confidence in
    /// the plan (the money may follow "de gevoerde gesprekken").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<DateTime<Utc>>,
}

/// What an interview did to the panel's confidence in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Raised,
    Unchanged,
    Lowered,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [
        Confidence::Raised,
        Confidence::Unchanged,
        Confidence::Lowered,
    ];
}

/// An addendum to the plan, received after the interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addendum {
    pub application: ApplicationId,
    pub received: chrono::NaiveDate,
    pub document: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<DateTime<Utc>>,
}

/// An assessor's declared conflict of interest for one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub assessor: String,
    pub application: ApplicationId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub declared: DateTime<Utc>,
}

/// What a package is: for whom, which round, made from which dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageInfo {
    pub assessor: String,
    pub round: Round,
    /// The title of the dossier the package was made from.
    pub source: String,
    pub created: DateTime<Utc>,
    /// The id of the dossier that issued the package.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dossier: String,
    /// The package's own id, recorded in the issuing dossier.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
}

/// A package a dossier issued: to whom, for which round and applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issued {
    pub id: String,
    pub assessor: String,
    pub round: Round,
    pub applications: BTreeSet<ApplicationId>,
    pub created: DateTime<Utc>,
}

/// A new random id (for a dossier or a package).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipalities: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inhabitants: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young_people: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub id: ApplicationId,
    pub region: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<NaiveDate>,
    /// Ids of the rubric's checklist documents that were received.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub documents: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_eur: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_contribution_eur: Option<u64>,
    #[serde(default, skip_serializing_if = "ScaleData::is_empty")]
    pub scale: ScaleData,
    /// The documents kept with the application, with their text (see
    /// `document`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::document::Document>,
}

impl ScaleData {
    pub fn is_empty(&self) -> bool {
        *self == ScaleData::default()
    }
}

impl Application {
    pub fn new(id: &str, region: &str) -> Application {
        Application {
            id: ApplicationId::from(id),
            region: region.to_string(),
            plan_title: String::new(),
            contact: String::new(),
            submitted: None,
            documents: BTreeSet::new(),
            requested_eur: None,
            own_contribution_eur: None,
            scale: ScaleData::default(),
            attachments: Vec::new(),
        }
    }
}

/// A knock-out verdict while assessing. The final verdict is binary; open
/// and doubt keep an application from being ranked.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Verdict {
    #[default]
    Open,
    Met,
    NotMet,
    Doubt,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [Verdict::Met, Verdict::NotMet, Verdict::Doubt, Verdict::Open];

    /// The word used in CSV files (`../shared/formats.md` §1).
    pub fn csv_word(self) -> &'static str {
        match self {
            Verdict::Open => "open",
            Verdict::Met => "voldaan",
            Verdict::NotMet => "niet voldaan",
            Verdict::Doubt => "twijfel",
        }
    }

    pub fn from_csv_word(word: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.csv_word() == word.trim())
    }

    /// Niet voldaan and twijfel need a motivation.
    pub fn needs_motivation(self) -> bool {
        matches!(self, Verdict::NotMet | Verdict::Doubt)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KoJudgement {
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub motivation: String,
    #[serde(
        default,
        deserialize_with = "stamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Carried::is_none")]
    pub carried: Carried<Verdict>,
}

/// Round 2 starts from a copy of the assessor's round-1 work: each copied
/// value must be confirmed or changed, and a change needs a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Carried<T> {
    /// The round-1 value this was copied from; None: not copied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_one: Option<T>,
    /// The assessor has confirmed or changed the copied value.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmed: bool,
    /// Why the value differs from round 1.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why_changed: String,
}

impl<T> Default for Carried<T> {
    fn default() -> Self {
        Carried {
            round_one: None,
            confirmed: false,
            why_changed: String::new(),
        }
    }
}

impl<T> Carried<T> {
    pub fn is_none(&self) -> bool {
        self.round_one.is_none() && !self.confirmed && self.why_changed.is_empty()
    }
}

/// A score as entered. `Items` may hold only some of the items while an
/// assessment is in progress (or, in consensus, only the agreed items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Yes,
    No,
    Points(u32),
    /// "Niet behandeld": 0 points, chosen explicitly.
    NotAddressed,
    Items(#[serde(deserialize_with = "crate::unique_keys::deserialize")] BTreeMap<String, u32>),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub document: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// The passage cited from the document, word for word (empty when the
    /// reference was typed by hand).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.document.trim().is_empty() && self.page.trim().is_empty() && self.quote.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionScore {
    /// None: not yet scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub motivation: String,
    #[serde(default, skip_serializing_if = "Evidence::is_empty")]
    pub evidence: Evidence,
    #[serde(
        default,
        deserialize_with = "stamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Carried::is_none")]
    pub carried: Carried<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub application: ApplicationId,
    pub assessor: String,
    pub round: Round,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub knockouts: BTreeMap<CriterionId, KoJudgement>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub criteria: BTreeMap<CriterionId, CriterionScore>,
    /// When the assessor submitted it; None while it is a draft. Only
    /// submitted assessments count in the final score.
    #[serde(
        default,
        deserialize_with = "stamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub submitted: Option<DateTime<Utc>>,
    #[serde(
        default,
        deserialize_with = "stamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<DateTime<Utc>>,
    /// When the assessor last withdrew a submission of this assessment
    /// (`edit::withdraw`): a result file from before it is older work.
    #[serde(
        default,
        deserialize_with = "stamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub withdrawn: Option<DateTime<Utc>>,
}

impl Assessment {
    pub fn new(application: &ApplicationId, assessor: &str, round: Round) -> Assessment {
        Assessment {
            application: application.clone(),
            assessor: assessor.to_string(),
            round,
            knockouts: BTreeMap::new(),
            criteria: BTreeMap::new(),
            submitted: None,
            created: None,
            withdrawn: None,
        }
    }

    pub fn verdict(&self, ko: &CriterionId) -> Verdict {
        self.knockouts.get(ko).map_or(Verdict::Open, |j| j.verdict)
    }

    pub fn value(&self, criterion: &CriterionId) -> Option<&Value> {
        self.criteria.get(criterion).and_then(|s| s.value.as_ref())
    }

    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }

    /// The latest moment anything in this assessment was changed or
    /// submitted: what decides whether a result file is older than the
    /// dossier's copy.
    pub fn last_change(&self) -> Option<DateTime<Utc>> {
        let kos = self.knockouts.values().filter_map(|j| j.updated);
        let scores = self.criteria.values().filter_map(|s| s.updated);
        kos.chain(scores)
            .chain(self.submitted)
            .chain(self.created)
            .chain(self.withdrawn)
            .max()
    }
}

/// The panel's agreed values for one application in one round. Only the
/// criteria, items and KOs present here replace the assessors' values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    pub application: ApplicationId,
    pub round: Round,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub knockouts: BTreeMap<CriterionId, KoJudgement>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub criteria: BTreeMap<CriterionId, CriterionScore>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<DateTime<Utc>>,
    /// A draft: the chair's work in progress (a proposal taken over, values
    /// being settled). Kept in the dossier, but it counts in no total or
    /// status until the chair records it (`consensus::record`). Absent in
    /// files from before drafts existed: such a consensus counts as it
    /// always did.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// The assessors whose submitted work the panel had when it recorded
    /// this consensus; None when unknown (a draft, or an older file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_with: Option<BTreeSet<String>>,
}

impl Consensus {
    pub fn new(application: &ApplicationId, round: Round) -> Consensus {
        Consensus {
            application: application.clone(),
            round,
            knockouts: BTreeMap::new(),
            criteria: BTreeMap::new(),
            recorded_by: String::new(),
            recorded: None,
            draft: false,
            made_with: None,
        }
    }

    /// Whether it counts: recorded, not a draft.
    pub fn is_recorded(&self) -> bool {
        !self.draft
    }

    pub fn is_empty(&self) -> bool {
        self.knockouts.is_empty() && self.criteria.values().all(|s| s.value.is_none())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// Settles a group of equal totals that the award line cuts through:
    /// `awarded` of `group` are awarded, the rest of the group is not.
    TieBreak {
        group: BTreeSet<ApplicationId>,
        awarded: BTreeSet<ApplicationId>,
    },
    /// Changes how many applications are awarded in this round (in reality
    /// five regions started in the second tranche).
    AwardCount(u32),
    /// How the budget is divided over the awarded applications, in whole
    /// euros; `rule` is the code of `allocation::Rule` that made it.
    Allocation {
        #[serde(deserialize_with = "crate::unique_keys::deserialize")]
        amounts: BTreeMap<ApplicationId, u64>,
        rule: String,
    },
    /// Lets one application below the round-2 minimum take part in the
    /// award line (the literal leidraad: "de vier aanvragen die de meeste
    /// punten scoren").
    ThresholdWaiver { application: ApplicationId },
    /// Withdraws the decision at this index of `Dossier::decisions`.
    Revoke { decision: usize },
}

/// What the ranking was when a decision was recorded, where the decision
/// itself does not say it: it is `stale` once the ranking differs (see
/// `scoring::decision_states`). A tie break names its group and an
/// allocation its recipients; these name the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// Award count: the applications awarded or tied at the award line
    /// under the new count.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub in_line: BTreeSet<ApplicationId>,
    /// Threshold waiver: the application's exact total (`n/d` or `n`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub total: String,
}

impl Basis {
    pub fn is_empty(&self) -> bool {
        self.in_line.is_empty() && self.total.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub round: Round,
    pub kind: DecisionKind,
    pub motivation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
    /// The ranking it was taken over (filled in when it is recorded).
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// Application ids for a message: "A01, A02".
pub fn join_ids<'a>(ids: impl IntoIterator<Item = &'a ApplicationId>) -> String {
    ids.into_iter()
        .map(|i| i.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A score that does not fit its criterion: typed, never clamped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("unknown criterion {0}")]
    UnknownCriterion(String),
    #[error("{criterion}: {value} is outside the scale {min}..{max}")]
    OutOfRange {
        criterion: String,
        value: u32,
        min: u32,
        max: u32,
    },
    #[error("{criterion}: \"niet behandeld\" is not allowed on this scale")]
    NotAddressedNotAllowed { criterion: String },
    #[error("{criterion}: unknown item {item:?}; the items are {allowed}")]
    UnknownItem {
        criterion: String,
        item: String,
        allowed: String,
    },
    #[error("{criterion}: {given} does not fit a {expected} scale")]
    WrongKind {
        criterion: String,
        given: &'static str,
        expected: &'static str,
    },
    /// A text beyond its limit (see `store::limits` and docs/limits.md).
    #[error("{what} is too long: {length} characters; at most {max} are allowed")]
    TooLong {
        what: String,
        length: usize,
        max: usize,
    },
    /// One more would pass a limit (see `store::limits`).
    #[error("at most {max} {what} fit in one dossier")]
    TooMany { what: &'static str, max: usize },
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Yes | Value::No => "ja/nee",
            Value::Points(_) => "a number",
            Value::NotAddressed => "niet behandeld",
            Value::Items(_) => "per-item scores",
        }
    }
}

impl Value {
    /// A per-item value with one item set (`Some`) or taken out (`None`),
    /// from `current` (anything but items counts as none given); `None`
    /// when no item is left.
    pub fn with_item(current: Option<&Value>, item: &str, points: Option<u32>) -> Option<Value> {
        let mut items = match current {
            Some(Value::Items(m)) => m.clone(),
            _ => BTreeMap::new(),
        };
        match points {
            Some(p) => items.insert(item.to_string(), p),
            None => items.remove(item),
        };
        (!items.is_empty()).then_some(Value::Items(items))
    }
}

/// Check a value against its criterion's scale.
pub fn validate_value(
    rubric: &Rubric,
    criterion: &CriterionId,
    value: &Value,
) -> Result<(), ScoreError> {
    let c = rubric
        .criterion(criterion.as_str())
        .ok_or_else(|| ScoreError::UnknownCriterion(criterion.to_string()))?;
    let id = || criterion.to_string();
    let wrong = |expected| ScoreError::WrongKind {
        criterion: id(),
        given: value.kind(),
        expected,
    };
    match (&c.scale, value) {
        (Scale::YesNo { .. }, Value::Yes | Value::No) => Ok(()),
        (Scale::YesNo { .. }, _) => Err(wrong("ja/nee")),
        (Scale::Range { .. } | Scale::Points { .. }, Value::NotAddressed) => {
            if c.scale.allows_not_addressed() {
                Ok(())
            } else {
                Err(ScoreError::NotAddressedNotAllowed { criterion: id() })
            }
        }
        (Scale::Range { .. } | Scale::Points { .. }, Value::Points(n)) => {
            let (min, max) = c.scale.bounds();
            if (min..=max).contains(n) {
                Ok(())
            } else {
                Err(ScoreError::OutOfRange {
                    criterion: id(),
                    value: *n,
                    min,
                    max,
                })
            }
        }
        (Scale::Range { .. } | Scale::Points { .. }, _) => Err(wrong("number")),
        (Scale::Items { items, max_each }, Value::Items(given)) => {
            for (item, n) in given {
                if !items.iter().any(|i| &i.id == item) {
                    return Err(ScoreError::UnknownItem {
                        criterion: id(),
                        item: item.clone(),
                        allowed: items
                            .iter()
                            .map(|i| i.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                if n > max_each {
                    return Err(ScoreError::OutOfRange {
                        criterion: format!("{}.{item}", criterion.0),
                        value: *n,
                        min: 0,
                        max: *max_each,
                    });
                }
            }
            Ok(())
        }
        (Scale::Items { .. }, _) => Err(wrong("per-item")),
    }
}

/// The points a value is worth on its criterion: the sum of items is capped
/// at the criterion's cap.
pub fn points(rubric: &Rubric, criterion: &CriterionId, value: &Value) -> u32 {
    rubric
        .criterion(criterion.as_str())
        .map_or(0, |c| c.points(value))
}

impl Dossier {
    pub fn new(title: &str, rubric: &Rubric) -> Dossier {
        Dossier {
            format_version: FORMAT_VERSION,
            id: String::new(),
            title: title.to_string(),
            rubric: rubric.reference(),
            assessors: Vec::new(),
            staff: Vec::new(),
            applications: Vec::new(),
            assessments: Vec::new(),
            consensus: Vec::new(),
            decisions: Vec::new(),
            conflicts: Vec::new(),
            package: None,
            issued: Vec::new(),
            interviews: Vec::new(),
            addenda: Vec::new(),
            audit: Vec::new(),
        }
    }

    /// Whether `assessor` declared a conflict of interest for `application`.
    pub fn has_conflict(&self, assessor: &str, application: &ApplicationId) -> bool {
        self.conflicts
            .iter()
            .any(|c| c.assessor == assessor && &c.application == application)
    }

    pub fn application(&self, id: &ApplicationId) -> Option<&Application> {
        self.applications.iter().find(|a| &a.id == id)
    }

    pub fn application_mut(&mut self, id: &ApplicationId) -> Option<&mut Application> {
        self.applications.iter_mut().find(|a| &a.id == id)
    }

    pub fn assessment(
        &self,
        app: &ApplicationId,
        assessor: &str,
        round: Round,
    ) -> Option<&Assessment> {
        self.assessments
            .iter()
            .find(|a| &a.application == app && a.assessor == assessor && a.round == round)
    }

    pub fn assessment_mut(
        &mut self,
        app: &ApplicationId,
        assessor: &str,
        round: Round,
    ) -> Option<&mut Assessment> {
        self.assessments
            .iter_mut()
            .find(|a| &a.application == app && a.assessor == assessor && a.round == round)
    }

    pub fn assessments_for(
        &self,
        app: &ApplicationId,
        round: Round,
    ) -> impl Iterator<Item = &Assessment> {
        self.assessments
            .iter()
            .filter(move |a| &a.application == app && a.round == round)
    }

    pub fn consensus_for(&self, app: &ApplicationId, round: Round) -> Option<&Consensus> {
        self.consensus
            .iter()
            .find(|c| &c.application == app && c.round == round)
    }

    /// The consensus that counts for an application in a round: recorded,
    /// not a draft.
    pub fn recorded_consensus_for(&self, app: &ApplicationId, round: Round) -> Option<&Consensus> {
        self.consensus_for(app, round).filter(|c| c.is_recorded())
    }

    pub fn ensure_assessor(&mut self, name: &str) {
        if !self.assessors.iter().any(|a| a.name == name) {
            self.assessors.push(Assessor {
                name: name.to_string(),
                organisation: String::new(),
            });
        }
    }

    /// Whether this dossier was scored against exactly this rubric.
    pub fn matches(&self, rubric: &Rubric) -> bool {
        self.rubric.id == rubric.id && self.rubric.hash == rubric.hash()
    }
}
