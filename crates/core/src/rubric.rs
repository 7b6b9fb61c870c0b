//! The rubric: the leidraad's criteria, scales and process settings, loaded
//! from a RON file and validated before anything scores against it.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{LoadError, Location};

/// The rubric file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The leidraad of the second tranche, as shipped in `rubrics/`.
pub const BUILTIN_SOURCE: &str =
    include_str!("../../../rubrics/leidraad-proeftuinen-tweede-tranche-2022.ron");
pub const BUILTIN_NAME: &str = "rubrics/leidraad-proeftuinen-tweede-tranche-2022.ron";

/// Earlier editions of the built-in leidraad, kept so that a dossier
/// scored against one keeps opening without a rubric file.
const EARLIER_BUILTINS: [(&str, &str); 1] = [(
    include_str!("../../../rubrics/leidraad-proeftuinen-tweede-tranche-2022-editie1.ron"),
    "rubrics/leidraad-proeftuinen-tweede-tranche-2022-editie1.ron",
)];

/// A knock-out or criterion id (`KO1`, `C4`). Shared, so the many copies
/// an evaluation hands out cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct CriterionId(pub std::sync::Arc<str>);

/// Read ids share one allocation per id: a dossier of 10,000 applications
/// holds 1.5 million of them, but only the rubric's 19 different ones.
impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        thread_local! {
            static SEEN: std::cell::RefCell<Vec<std::sync::Arc<str>>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = CriterionId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a knock-out or criterion id")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<CriterionId, E> {
                Ok(SEEN.with_borrow_mut(|seen| {
                    if let Some(id) = seen.iter().find(|id| ***id == *text) {
                        return CriterionId(id.clone());
                    }
                    let id: std::sync::Arc<str> = text.into();
                    // A few dozen ids at most; any more are read unshared.
                    if seen.len() < 64 {
                        seen.push(id.clone());
                    }
                    CriterionId(id)
                }))
            }
        }
        d.deserialize_str(Id)
    }
}

/// Natural order: KO1 < KO2 < C1 < C2 < C10 (letters, then the number), so
/// maps of scores read in the leidraad's order.
impl Ord for CriterionId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Hot: every score lookup in a map compares ids. No parsing: a
        // longer run of digits is a larger number (ids carry no leading
        // zeros; where they do, the full text breaks the tie).
        fn split(s: &[u8]) -> (&[u8], &[u8]) {
            let digits = s.iter().rev().take_while(|b| b.is_ascii_digit()).count();
            s.split_at(s.len() - digits)
        }
        let (a, da) = split(self.0.as_bytes());
        let (b, db) = split(other.0.as_bytes());
        // KO before C: the knock-outs come first in the leidraad.
        let rank = |h: &[u8]| h != b"KO";
        let trim = |d: &[u8]| {
            let zeros = d.iter().take_while(|b| **b == b'0').count();
            d.len() - zeros
        };
        (rank(a), a)
            .cmp(&(rank(b), b))
            .then_with(|| trim(da).cmp(&trim(db)))
            .then_with(|| da[da.len() - trim(da)..].cmp(&db[db.len() - trim(db)..]))
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for CriterionId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl CriterionId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn new(s: &str) -> CriterionId {
        CriterionId(s.into())
    }
}

impl From<&str> for CriterionId {
    fn from(s: &str) -> Self {
        CriterionId(s.into())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub format_version: u32,
    /// Stable identifier, recorded in every dossier scored against this rubric.
    pub id: String,
    pub version: String,
    pub title: String,
    pub programme: String,
    pub publisher: String,
    pub published: NaiveDate,
    pub source: Source,
    /// General notes on how the product reads the leidraad.
    #[serde(default)]
    pub notes: Vec<String>,
    pub knockouts: Vec<Knockout>,
    pub groups: Vec<Group>,
    /// The declared total of all caps; must equal their sum.
    pub total: u32,
    pub process: Process,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub document: String,
    pub section: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Knockout {
    pub id: CriterionId,
    pub name: String,
    /// The leidraad's own text, quoted.
    pub text: String,
    /// Where in the leidraad the text stands.
    pub section: String,
    /// What must be made plausible, in short (used by the self-check).
    #[serde(default)]
    pub plausible: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Words a plan uses for this matter, for the passage finder: the
    /// leidraad's own words plus synonyms and abbreviations. An
    /// interpretation of the product, and no part of the rubric's hash
    /// (see [`Rubric::hash`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: CriterionId,
    pub name: String,
    /// The leidraad's own text, quoted.
    pub text: String,
    pub section: String,
    pub scale: Scale,
    pub cap: u32,
    /// What a plan needs to show to score high, from the leidraad's text.
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// As [`Knockout::search_terms`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchors {
    pub low: String,
    pub high: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: String,
}

/// How a criterion is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Scale {
    /// Ja / nee with the points for each.
    YesNo { yes: u32, no: u32 },
    /// A whole number min..=max, with the anchor words at both ends. With
    /// `not_addressed`, "niet behandeld" (0 points) may be chosen as well.
    Range {
        min: u32,
        max: u32,
        anchors: Option<Anchors>,
        not_addressed: bool,
    },
    /// Each item scored 0..=max_each; the criterion's score is the sum,
    /// capped at the criterion's cap.
    Items { items: Vec<Item>, max_each: u32 },
    /// A whole number 0..=max, no anchors.
    Points { max: u32, not_addressed: bool },
}

impl Criterion {
    /// The points a value is worth here: the sum of items is capped at the
    /// cap. A value of the wrong kind (refused by validation) is worth 0.
    pub fn points(&self, value: &crate::dossier::Value) -> u32 {
        use crate::dossier::Value;
        match (&self.scale, value) {
            (Scale::YesNo { yes, .. }, Value::Yes) => *yes,
            (Scale::YesNo { no, .. }, Value::No) => *no,
            (_, Value::Points(n)) => *n,
            (_, Value::NotAddressed) => 0,
            (_, Value::Items(items)) => items.values().sum::<u32>().min(self.cap),
            _ => 0,
        }
    }
}

impl Scale {
    /// The highest score the scale itself can give (before the cap).
    pub fn reach(&self) -> u32 {
        match self {
            Scale::YesNo { yes, no } => (*yes).max(*no),
            Scale::Range { max, .. } | Scale::Points { max, .. } => *max,
            Scale::Items { items, max_each } => {
                max_each.saturating_mul(u32::try_from(items.len()).unwrap_or(u32::MAX))
            }
        }
    }

    pub fn allows_not_addressed(&self) -> bool {
        match self {
            Scale::Range { not_addressed, .. } | Scale::Points { not_addressed, .. } => {
                *not_addressed
            }
            _ => false,
        }
    }

    /// The lowest and highest whole number that may be entered.
    pub fn bounds(&self) -> (u32, u32) {
        match self {
            Scale::YesNo { yes, no } => ((*yes).min(*no), (*yes).max(*no)),
            Scale::Range { min, max, .. } => (*min, *max),
            Scale::Points { max, .. } => (0, *max),
            Scale::Items { max_each, .. } => (0, *max_each),
        }
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        match self {
            Scale::Items { items, .. } => items.iter().find(|i| i.id == id),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    /// Round 1: this many points or more (inclusive) is invited.
    pub interview_threshold: u32,
    #[serde(default)]
    pub interview_threshold_note: Option<String>,
    /// Round 2: at most this many applications are awarded.
    pub award_count: u32,
    #[serde(default)]
    pub award_count_note: Option<String>,
    /// Round 2: an application needs at least this total to be awarded.
    pub award_minimum: u32,
    #[serde(default)]
    pub award_minimum_note: Option<String>,
    pub budget_eur: u64,
    #[serde(default)]
    pub budget_note: Option<String>,
    pub deadline: NaiveDate,
    /// First and last calendar year in which the money is spent.
    pub spending_years: (i32, i32),
    pub documents: Vec<DocumentSpec>,
    /// Who must sign the plan (bestuurlijk draagvlak).
    #[serde(default)]
    pub signatories: Vec<String>,
    /// A spread between assessors larger than this share of a criterion's
    /// cap is flagged as disagreement: (numerator, denominator).
    #[serde(default = "default_disagreement_share")]
    pub disagreement_share: (u32, u32),
    #[serde(default)]
    pub tie_note: Option<String>,
}

fn default_disagreement_share() -> (u32, u32) {
    (1, 3)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    pub id: String,
    pub name: String,
    pub text: String,
}

/// A reference to a rubric, as dossiers and reports record it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricRef {
    pub id: String,
    pub version: String,
    pub hash: String,
}

/// Only the format version, read first so that a file of another version
/// is named as such instead of failing on its first unknown field.
#[derive(Deserialize)]
#[serde(rename = "Rubric")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// The most points a rubric (and so any criterion) may have: far above the
/// leidraad's 100, and small enough that no sum of points, caps or means
/// in the program can overflow.
pub const MAX_POINTS: u32 = 1_000;

impl Process {
    /// The threshold of a round: the interview threshold in round 1, the
    /// minimum for an award in round 2. The one place that chooses.
    pub fn threshold(&self, round: crate::dossier::Round) -> u32 {
        match round {
            crate::dossier::Round::One => self.interview_threshold,
            crate::dossier::Round::Two => self.award_minimum,
        }
    }
}

impl Rubric {
    /// The built-in leidraad. It is validated by the test suite, so a
    /// failure here is a build defect, not a user error.
    pub fn builtin() -> Rubric {
        Rubric::parse(BUILTIN_SOURCE, BUILTIN_NAME).expect("the built-in rubric is valid")
    }

    /// The built-in edition with this hash: the current one, or an earlier
    /// one that dossiers may still name.
    pub fn builtin_with_hash(hash: &str) -> Option<Rubric> {
        let current = Rubric::builtin();
        if current.hash() == hash {
            return Some(current);
        }
        EARLIER_BUILTINS
            .iter()
            .map(|(source, name)| Rubric::parse(source, name).expect("a built-in rubric is valid"))
            .find(|r| r.hash() == hash)
    }

    pub fn load(path: &Path) -> Result<Rubric, LoadError> {
        let name = path.display().to_string();
        let text = crate::store::read_text(path)?;
        Rubric::parse(&text, &name)
    }

    /// Parse and validate a rubric; `file` names it in messages.
    pub fn parse(text: &str, file: &str) -> Result<Rubric, LoadError> {
        let probe: VersionProbe = crate::error::from_ron(text, file)?;
        crate::error::check_version(text, file, "rubric", probe.format_version, FORMAT_VERSION)?;
        let rubric: Rubric = crate::error::from_ron(text, file)?;
        rubric.validate(text, file)?;
        Ok(rubric)
    }

    fn validate(&self, text: &str, file: &str) -> Result<(), LoadError> {
        let mut check = Check {
            text,
            file,
            seen: BTreeSet::new(),
        };
        self.validate_texts(&check)?;
        self.validate_knockouts(&mut check)?;
        self.validate_groups(&mut check)?;
        self.validate_process(&check)?;
        self.validate_search_terms(&check)
    }

    /// The search terms of each knock-out and criterion: none empty, none
    /// twice (letter case and spacing aside).
    fn validate_search_terms(&self, check: &Check<'_>) -> Result<(), LoadError> {
        let lists = self
            .knockouts
            .iter()
            .map(|k| (&k.id, &k.search_terms))
            .chain(self.criteria().map(|c| (&c.id, &c.search_terms)));
        for (id, terms) in lists {
            let mut seen = BTreeSet::new();
            for term in terms {
                let key = term
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                if key.is_empty() {
                    return check.fail(
                        Some(id.as_str()),
                        "search_terms",
                        "an empty search term; give words a plan would use, or leave it out".into(),
                    );
                }
                if !seen.insert(key) {
                    return check.fail(
                        Some(id.as_str()),
                        "search_terms",
                        format!("search term {term:?} is given twice"),
                    );
                }
            }
        }
        Ok(())
    }

    /// The rubric's own id, version and titles are not empty.
    fn validate_texts(&self, check: &Check<'_>) -> Result<(), LoadError> {
        for (field, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
            ("programme", &self.programme),
            ("publisher", &self.publisher),
        ] {
            if value.trim().is_empty() {
                return check.fail(None, field, format!("`{field}` is empty; give a text"));
            }
        }
        Ok(())
    }

    /// There are knock-outs, each with a good id, a name and a text.
    fn validate_knockouts(&self, check: &mut Check<'_>) -> Result<(), LoadError> {
        if self.knockouts.is_empty() {
            return check.fail(None, "knockouts", "no knock-out criteria".into());
        }
        for ko in &self.knockouts {
            check.id(&ko.id)?;
            for (what, value) in [("name", &ko.name), ("text", &ko.text)] {
                if value.trim().is_empty() {
                    return check.fail(
                        Some(&ko.id.0),
                        what,
                        format!("empty {what}; give the leidraad's text"),
                    );
                }
            }
        }
        Ok(())
    }

    /// Each group has an id of its own, a name and criteria, each criterion
    /// is sound, and the caps add up to the declared total.
    fn validate_groups(&self, check: &mut Check<'_>) -> Result<(), LoadError> {
        let mut group_ids = BTreeSet::new();
        let mut sum = 0u32;
        for group in &self.groups {
            if group.name.trim().is_empty() || group.id.trim().is_empty() {
                return check.fail(
                    Some(&group.id),
                    "groups",
                    "a group needs an id and a name".into(),
                );
            }
            if !group_ids.insert(group.id.clone()) {
                return Err(LoadError::at(
                    check.file,
                    Location::of_nth_id(check.text, &group.id, 1),
                    format!("group {}: duplicate group id", group.id),
                ));
            }
            if group.criteria.is_empty() {
                return check.fail(
                    Some(&group.id),
                    "criteria",
                    "a group needs at least one criterion".into(),
                );
            }
            for c in &group.criteria {
                validate_criterion(check, c)?;
                if c.cap > MAX_POINTS {
                    return check.fail(
                        Some(c.id.as_str()),
                        "cap",
                        format!("criterion {}: a cap of at most {MAX_POINTS} points", c.id),
                    );
                }
                // At most a thousand criteria of at most a thousand points:
                // no overflow, but checked all the same.
                sum = sum.checked_add(c.cap).ok_or_else(|| {
                    LoadError::at(
                        check.file,
                        Location::of_field(check.text, "total"),
                        "the caps add up to more than a whole number can hold".to_string(),
                    )
                })?;
            }
        }
        if sum > MAX_POINTS {
            return check.fail(
                None,
                "total",
                format!("the caps add up to {sum}; a rubric has at most {MAX_POINTS} points"),
            );
        }
        if sum != self.total {
            return check.fail(
                None,
                "total",
                format!(
                    "declared total {} is not the sum of the caps, {sum}",
                    self.total
                ),
            );
        }
        Ok(())
    }

    /// The process settings: thresholds within the total, an award, the
    /// years in order, a disagreement share that is a fraction, and
    /// documents with an id of their own and a name.
    fn validate_process(&self, check: &Check<'_>) -> Result<(), LoadError> {
        let p = &self.process;
        for (field, value) in [
            ("interview_threshold", p.interview_threshold),
            ("award_minimum", p.award_minimum),
        ] {
            if value > self.total {
                return check.fail(
                    None,
                    field,
                    format!(
                        "{field} {value} is above the rubric total {}; it could never be reached",
                        self.total
                    ),
                );
            }
        }
        if p.award_count == 0 {
            return check.fail(
                None,
                "award_count",
                "award_count is 0; at least one application is awarded".into(),
            );
        }
        if p.spending_years.0 > p.spending_years.1 {
            return check.fail(
                None,
                "spending_years",
                "spending_years: the first year is after the last".into(),
            );
        }
        let (n, d) = p.disagreement_share;
        if d == 0 || n > d {
            return check.fail(
                None,
                "disagreement_share",
                "disagreement_share must be a fraction between 0 and 1, as (n, d)".into(),
            );
        }
        let mut doc_ids = BTreeSet::new();
        for doc in &p.documents {
            if doc.id.trim().is_empty() || doc.name.trim().is_empty() {
                return check.fail(
                    Some(&doc.id),
                    "documents",
                    "a document needs an id and a name".into(),
                );
            }
            if !doc_ids.insert(&doc.id) {
                return check.fail(
                    Some(&doc.id),
                    "documents",
                    format!("duplicate document id {:?}", doc.id),
                );
            }
        }
        Ok(())
    }

    /// SHA-256 over the rubric's canonical JSON form: stable under changes
    /// of layout and comments in the file, changed by any change of content.
    ///
    /// The search terms are left out: they help find passages in a plan and
    /// change no score, so adding or improving them keeps every dossier
    /// scored against the rubric loading.
    pub fn hash(&self) -> String {
        let mut content = self.clone();
        for ko in &mut content.knockouts {
            ko.search_terms.clear();
        }
        for group in &mut content.groups {
            for c in &mut group.criteria {
                c.search_terms.clear();
            }
        }
        let canonical = serde_json::to_vec(&content).expect("a rubric serialises");
        let digest = Sha256::digest(&canonical);
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn reference(&self) -> RubricRef {
        RubricRef {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: self.hash(),
        }
    }

    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.groups.iter().flat_map(|g| g.criteria.iter())
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria().find(|c| c.id.as_str() == id)
    }

    pub fn knockout(&self, id: &str) -> Option<&Knockout> {
        self.knockouts.iter().find(|k| k.id.as_str() == id)
    }

    pub fn group_of(&self, id: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.criteria.iter().any(|c| c.id.as_str() == id))
    }
}

/// What the checks of [`Rubric::validate`] share: the text and the file's
/// name, to say where a failure is, and the knock-out and criterion ids
/// seen so far.
struct Check<'t> {
    text: &'t str,
    file: &'t str,
    seen: BTreeSet<CriterionId>,
}

impl Check<'_> {
    /// A failure at `id` (named in the message) or, without one, at the
    /// first `field:`.
    fn fail(&self, id: Option<&str>, field: &str, msg: String) -> Result<(), LoadError> {
        let loc = match id {
            Some(id) => Location::of_id(self.text, id),
            None => Location::of_field(self.text, field),
        };
        let msg = match id {
            Some(id) => format!("{id}: {msg}"),
            None => msg,
        };
        Err(LoadError::at(self.file, loc, msg))
    }

    /// A knock-out or criterion id: letters, digits, '-' and '_' only, and
    /// not seen before.
    fn id(&mut self, id: &CriterionId) -> Result<(), LoadError> {
        let ok = !id.0.is_empty()
            && id
                .0
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            return Err(LoadError::at(
                self.file,
                Location::of_id(self.text, &id.0),
                format!(
                    "id {:?}: only letters, digits, '-' and '_' are allowed",
                    id.0
                ),
            ));
        }
        if !self.seen.insert(id.clone()) {
            return Err(LoadError::at(
                self.file,
                Location::of_nth_id(self.text, &id.0, 1),
                format!("{id}: duplicate id; every knock-out and criterion id must be unique"),
            ));
        }
        Ok(())
    }
}

/// One criterion: a good id, a name, a text, a cap, a sound scale, and a
/// cap that the scale reaches.
fn validate_criterion(check: &mut Check<'_>, c: &Criterion) -> Result<(), LoadError> {
    check.id(&c.id)?;
    let id = Some(c.id.as_str());
    for (what, value) in [("name", &c.name), ("text", &c.text)] {
        if value.trim().is_empty() {
            return check.fail(id, what, format!("empty {what}; give the leidraad's text"));
        }
    }
    if c.cap == 0 {
        return check.fail(
            id,
            "cap",
            "cap is 0; a criterion must be worth at least 1 point".into(),
        );
    }
    validate_scale(check, id, &c.scale)?;
    validate_reach(check, id, c)
}

/// A scale on its own: a range that is not empty, anchor words at both
/// ends, ja above nee, items with an id of their own and a name.
fn validate_scale(check: &Check<'_>, id: Option<&str>, scale: &Scale) -> Result<(), LoadError> {
    match scale {
        Scale::Range {
            min, max, anchors, ..
        } => {
            if min > max {
                return check.fail(
                    id,
                    "scale",
                    format!("scale {min}..{max} is empty: min must not exceed max"),
                );
            }
            if let Some(a) = anchors
                && (a.low.trim().is_empty() || a.high.trim().is_empty())
            {
                return check.fail(
                    id,
                    "anchors",
                    "empty anchor words; give both ends' words".into(),
                );
            }
        }
        Scale::YesNo { yes, no } => {
            if yes <= no {
                return check.fail(
                    id,
                    "scale",
                    format!("ja ({yes}) must score more than nee ({no})"),
                );
            }
        }
        Scale::Items { items, max_each } => {
            if items.is_empty() || *max_each == 0 {
                return check.fail(
                    id,
                    "items",
                    "an item scale needs items and max_each of at least 1".into(),
                );
            }
            if *max_each > MAX_POINTS || items.len() > 100 {
                return check.fail(
                    id,
                    "items",
                    format!("an item scale has at most 100 items of at most {MAX_POINTS} points"),
                );
            }
            let mut ids = BTreeSet::new();
            for item in items {
                if item.id.trim().is_empty() || item.name.trim().is_empty() {
                    return check.fail(id, "items", "an item needs an id and a name".into());
                }
                if !ids.insert(&item.id) {
                    return check.fail(id, "items", format!("duplicate item id {:?}", item.id));
                }
            }
        }
        Scale::Points { .. } => {}
    }
    Ok(())
}

/// The scale reaches the cap: exactly, or at least for items (whose sum is
/// capped).
fn validate_reach(check: &Check<'_>, id: Option<&str>, c: &Criterion) -> Result<(), LoadError> {
    let reach = c.scale.reach();
    match &c.scale {
        Scale::Items { .. } if reach < c.cap => {
            return check.fail(
                id,
                "cap",
                format!(
                    "cap {} cannot be reached: the items give at most {reach}",
                    c.cap
                ),
            );
        }
        Scale::Items { .. } => {}
        _ if reach != c.cap => {
            let how = if reach < c.cap {
                "cannot reach"
            } else {
                "exceeds"
            };
            return check.fail(
                id,
                "cap",
                format!(
                    "the scale {how} the cap: it gives at most {reach}, the cap is {}; they must be equal",
                    c.cap
                ),
            );
        }
        _ => {}
    }
    Ok(())
}

/// The short form of a hash that sheets and screens show.
pub fn short_hash(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_ids_sort_naturally() {
        let mut ids: Vec<CriterionId> = ["C10", "C2", "KO8", "C1", "KO1", "C11", "C01"]
            .into_iter()
            .map(CriterionId::from)
            .collect();
        ids.sort();
        let sorted: Vec<&str> = ids.iter().map(|i| i.as_str()).collect();
        assert_eq!(sorted, ["KO1", "KO8", "C01", "C1", "C2", "C10", "C11"]);
    }
}
