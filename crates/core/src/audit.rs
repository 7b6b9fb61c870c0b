//! The audit log: every change to a score, verdict, motivation, consensus,
//! decision, conflict, interview, addendum or import is appended to the
//! dossier as an [`Entry`] (who, when, what, old → new).
//!
//! Entries are only ever appended. Each carries a SHA-256 chain over the
//! entry before it, so an entry that was changed or removed by hand is
//! found by [`verify`]. One exception keeps the log readable: a run of
//! edits to the same text (a motivation typed letter by letter) by the same
//! person, with no other entry in between and within [`TEXT_RUN`], is kept
//! as one entry whose `old` is the text before the run and `new` the text
//! after it.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::dossier::{
    ApplicationId, Assessment, Consensus, CriterionScore, Dossier, KoJudgement, Round, Value,
    Verdict,
};
use crate::rubric::CriterionId;

/// How long a run of edits to one text may last and still be one entry.
pub const TEXT_RUN: Duration = Duration::minutes(10);

/// How long apart the edits of one value may be and still be one change:
/// a number typed digit by digit ("2", then "22") is one change from the
/// old value to 22, not two entries.
pub const VALUE_RUN: Duration = Duration::seconds(10);

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    /// A criterion's value.
    Score,
    /// A knock-out verdict.
    Verdict,
    Motivation,
    Evidence,
    /// A copied round-1 value confirmed in round 2.
    Confirmed,
    /// Why a round-2 value differs from round 1.
    WhyChanged,
    /// An assessment was submitted.
    Submitted,
    /// An assessment was created by import or removed (old/new say which).
    Assessment,
    Decision,
    Conflict,
    Interview,
    Addendum,
    /// A result file was imported (the summary; the values follow as
    /// their own entries).
    Import,
    /// A package was issued to an assessor.
    Package,
    /// A document (plan, begroting, addendum, verslag) was attached to an
    /// application.
    Document,
    /// A name was put on the programme staff list or taken off it
    /// (`subject`: the name).
    Staff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub at: DateTime<Utc>,
    /// Who made the change.
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<ApplicationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Round>,
    /// Whose work changed: an assessor's name, or "consensus".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// The criterion or knock-out, when the change is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<CriterionId>,
    pub field: Field,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub old: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub new: String,
    /// SHA-256 (hex) over the previous entry's chain and this entry.
    #[serde(default)]
    pub chain: String,
}

/// The subject of consensus entries.
pub const CONSENSUS: &str = "consensus";

impl Entry {
    pub fn new(at: DateTime<Utc>, by: &str, field: Field) -> Entry {
        Entry {
            at,
            by: by.to_string(),
            application: None,
            round: None,
            subject: String::new(),
            criterion: None,
            field,
            old: String::new(),
            new: String::new(),
            chain: String::new(),
        }
    }

    pub fn on(mut self, application: &ApplicationId, round: Option<Round>) -> Entry {
        self.application = Some(application.clone());
        self.round = round;
        self
    }

    pub fn subject(mut self, subject: &str) -> Entry {
        self.subject = subject.to_string();
        self
    }

    pub fn criterion(mut self, id: &CriterionId) -> Entry {
        self.criterion = Some(id.clone());
        self
    }

    pub fn change(mut self, old: impl Into<String>, new: impl Into<String>) -> Entry {
        self.old = old.into();
        self.new = new.into();
        self
    }

    /// How long after the last entry at the same place this one still
    /// continues it (None: every such entry stands on its own).
    fn run(&self) -> Option<Duration> {
        match self.field {
            Field::Motivation | Field::Evidence | Field::WhyChanged => Some(TEXT_RUN),
            Field::Score => Some(VALUE_RUN),
            _ => None,
        }
    }

    fn same_place(&self, other: &Entry) -> bool {
        self.by == other.by
            && self.application == other.application
            && self.round == other.round
            && self.subject == other.subject
            && self.criterion == other.criterion
            && self.field == other.field
    }

    fn digest(&self, previous: &str) -> String {
        let mut bare = self.clone();
        bare.chain = String::new();
        let json = serde_json::to_vec(&bare).expect("an entry serializes");
        let mut h = Sha256::new();
        h.update(previous.as_bytes());
        h.update([0]);
        h.update(&json);
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Append an entry (or extend the running text edit it continues).
pub fn record(dossier: &mut Dossier, mut entry: Entry) {
    if entry.old == entry.new && entry.field != Field::Import && entry.field != Field::Submitted {
        return;
    }
    let log = &mut dossier.audit;
    if let Some(run) = entry.run()
        && let Some(last) = log.last_mut()
        && last.same_place(&entry)
        && entry.at >= last.at
        && entry.at - last.at <= run
    {
        last.new = std::mem::take(&mut entry.new);
        last.at = entry.at;
        let previous = log
            .len()
            .checked_sub(2)
            .map_or("", |i| log[i].chain.as_str());
        let chain = log[log.len() - 1].digest(previous);
        log.last_mut().expect("present").chain = chain;
        if log.last().is_some_and(|l| l.old == l.new) {
            // Typed and typed back: nothing changed after all.
            log.pop();
        }
        return;
    }
    let previous = log.last().map_or("", |l| l.chain.as_str());
    entry.chain = entry.digest(previous);
    log.push(entry);
}

/// The first entry whose chain does not match: changed or removed by hand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "audit log entry {index} (of {count}) does not match its chain: the log was changed by hand"
)]
pub struct Broken {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

pub fn verify(dossier: &Dossier) -> Result<(), Broken> {
    let mut previous = "";
    for (i, e) in dossier.audit.iter().enumerate() {
        if e.digest(previous) != e.chain {
            return Err(Broken {
                index: i + 1,
                count: dossier.audit.len(),
            });
        }
        previous = &e.chain;
    }
    Ok(())
}

/// A decision as its log entry writes it: what was decided, then the
/// motivation.
pub fn decision_text(decision: &crate::dossier::Decision) -> String {
    use crate::dossier::DecisionKind;
    let join = |ids: &mut dyn Iterator<Item = &ApplicationId>| {
        ids.map(|i| i.0.as_str()).collect::<Vec<_>>().join(", ")
    };
    let what = match &decision.kind {
        DecisionKind::TieBreak { group, awarded } => format!(
            "gelijke stand {}: toegekend aan {}",
            join(&mut group.iter()),
            join(&mut awarded.iter())
        ),
        DecisionKind::AwardCount(n) => format!("aantal toekenningen {n}"),
        DecisionKind::Allocation { amounts, rule } => format!(
            "verdeling ({rule}): {}",
            amounts
                .iter()
                .map(|(id, a)| format!("{id} EUR {a}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        DecisionKind::ThresholdWaiver { application } => {
            format!("ontheffing van de drempel voor {application}")
        }
        DecisionKind::Revoke { decision } => {
            format!("intrekking van {}", crate::nl::decision_number(*decision))
        }
    };
    // The situation it was taken in is part of what was decided (older
    // decisions have none, and their text is unchanged).
    let mut what = what;
    if !decision.basis.in_line.is_empty() {
        what.push_str(&format!(
            " (toegekend of gelijk op de grens: {})",
            join(&mut decision.basis.in_line.iter())
        ));
    }
    if !decision.basis.total.is_empty() {
        what.push_str(&format!(" (totaal {})", decision.basis.total));
    }
    format!("{what}; {}", decision.motivation)
}

/// Something in the data that the audit log does not account for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: the file says {found:?}, but {logged}; changed in the file without its log entry")]
pub struct Unaccounted {
    /// Where: application, round, whose work, criterion and field.
    pub what: String,
    pub found: String,
    /// What the log says instead.
    pub logged: String,
}

/// Where a logged value lives: application, round, whose work, criterion,
/// field.
type Place = (
    Option<ApplicationId>,
    Option<Round>,
    String,
    Option<CriterionId>,
    Field,
);

fn place(e: &Entry) -> Place {
    (
        e.application.clone(),
        e.round,
        e.subject.clone(),
        e.criterion.clone(),
        e.field,
    )
}

fn describe(p: &Place) -> String {
    let mut out = Vec::new();
    if let Some(a) = &p.0 {
        out.push(a.to_string());
    }
    if let Some(r) = p.1 {
        out.push(format!("round {r}"));
    }
    if !p.2.is_empty() {
        out.push(p.2.clone());
    }
    if let Some(c) = &p.3 {
        out.push(c.to_string());
    }
    out.push(format!("{:?}", p.4).to_lowercase());
    out.join(", ")
}

/// The fields whose values the data holds and the log follows.
fn follows(field: Field) -> bool {
    matches!(
        field,
        Field::Score
            | Field::Verdict
            | Field::Motivation
            | Field::Evidence
            | Field::Confirmed
            | Field::WhyChanged
            | Field::Submitted
    )
}

/// Whether the data is what its log accounts for: every score, verdict,
/// motivation, evidence, round-2 confirmation and reason and submission
/// that the log has an entry for is the last value the log gave it,
/// nothing the log gave is missing from the file, and every decision has
/// its entry. What this cannot see: a value from before the log began (it
/// has no entry to compare with), a value whose only entries were removed,
/// a log removed whole, or rewritten and chained anew together with the
/// data; for the last ones the head of the log is printed on every sheet
/// (`leidraad verify --head`).
pub fn accounts_for(dossier: &Dossier) -> Result<(), Unaccounted> {
    let mut logged: std::collections::HashMap<Place, &str> = std::collections::HashMap::new();
    for e in &dossier.audit {
        if e.field == Field::Assessment && e.new.starts_with("verwijderd") {
            logged.retain(|p, _| !(p.0 == e.application && p.1 == e.round && p.2 == e.subject));
        } else if follows(e.field) {
            logged.insert(place(e), e.new.as_str());
        }
    }
    // Only the work the log speaks of is rendered and compared: a large
    // dossier without a log (or with a short one) costs next to nothing.
    let spoken_of: std::collections::HashSet<(Option<&ApplicationId>, Option<Round>, &str)> =
        logged
            .keys()
            .map(|p| (p.0.as_ref(), p.1, p.2.as_str()))
            .collect();
    let mut found: std::collections::HashSet<Place> = std::collections::HashSet::new();
    let mut check = |entries: Vec<Entry>| -> Result<(), Unaccounted> {
        for e in entries {
            let p = place(&e);
            match logged.get(&p) {
                // A value from before the log began (an older dossier, the
                // example, one written by hand) has no entry: not checked.
                None => {}
                Some(l) if *l == e.new => {}
                Some(l) => {
                    return Err(Unaccounted {
                        what: describe(&p),
                        found: e.new.clone(),
                        logged: format!("its log ends at {l:?}"),
                    });
                }
            }
            found.insert(p);
        }
        Ok(())
    };
    for a in &dossier.assessments {
        if !spoken_of.contains(&(Some(&a.application), Some(a.round), a.assessor.as_str())) {
            continue;
        }
        let template = Entry::new(a.created.unwrap_or_default(), "", Field::Score)
            .on(&a.application, Some(a.round))
            .subject(&a.assessor);
        check(diff(&template, None, Some(a.into())))?;
    }
    for c in &dossier.consensus {
        if !spoken_of.contains(&(Some(&c.application), Some(c.round), CONSENSUS)) {
            continue;
        }
        let template = Entry::new(DateTime::<Utc>::default(), "", Field::Score)
            .on(&c.application, Some(c.round))
            .subject(CONSENSUS);
        check(diff(&template, None, Some(c.into())))?;
    }
    if let Some((p, l)) = logged
        .iter()
        .filter(|(p, l)| !l.is_empty() && !found.contains(*p))
        .min_by(|a, b| describe(a.0).cmp(&describe(b.0)))
    {
        return Err(Unaccounted {
            what: describe(p),
            found: String::new(),
            logged: format!("its log gives {l:?}"),
        });
    }
    let decisions: Vec<&str> = dossier
        .audit
        .iter()
        .filter(|e| e.field == Field::Decision)
        .map(|e| e.new.as_str())
        .collect();
    for (n, d) in dossier.decisions.iter().enumerate() {
        let text = decision_text(d);
        if decisions.get(n) != Some(&text.as_str()) {
            return Err(Unaccounted {
                what: format!("decision {}", n + 1),
                found: text,
                logged: decisions
                    .get(n)
                    .map_or("its log has no entry for it".into(), |l| {
                        format!("its log says {l:?}")
                    }),
            });
        }
    }
    if decisions.len() > dossier.decisions.len() {
        return Err(Unaccounted {
            what: format!("decision {}", dossier.decisions.len() + 1),
            found: String::new(),
            logged: format!("its log says {:?}", decisions[dossier.decisions.len()]),
        });
    }
    Ok(())
}

/// The head of the log: how many entries, and the chain of the last one.
/// Printed on every sheet, so that a copy of the dossier can be held to it
/// later (`leidraad verify --head N:HASH`).
pub fn head(dossier: &Dossier) -> (usize, &str) {
    (
        dossier.audit.len(),
        dossier.audit.last().map_or("", |e| e.chain.as_str()),
    )
}

/// Whether this dossier's log still holds the head `count:hash` (the hash
/// may be shortened to its first characters): entry `count` has that chain.
pub fn holds_head(dossier: &Dossier, count: usize, hash: &str) -> bool {
    count == 0 && hash.is_empty()
        || count >= 1
            && !hash.is_empty()
            && dossier
                .audit
                .get(count - 1)
                .is_some_and(|e| e.chain.starts_with(&hash.to_ascii_lowercase()))
}

/// The history of one application, oldest first.
pub fn history<'a>(
    dossier: &'a Dossier,
    application: &'a ApplicationId,
) -> impl Iterator<Item = &'a Entry> + 'a {
    dossier
        .audit
        .iter()
        .filter(move |e| e.application.as_ref() == Some(application))
}

/// A value as the log writes it (the CSV words of formats.md).
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Yes) => "ja".into(),
        Some(Value::No) => "nee".into(),
        Some(Value::Points(n)) => n.to_string(),
        Some(Value::NotAddressed) => "niet behandeld".into(),
        Some(Value::Items(items)) => items
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

pub fn verdict_text(verdict: Verdict) -> String {
    match verdict {
        Verdict::Open => String::new(),
        v => v.csv_word().to_string(),
    }
}

/// The scored part of an assessment or a consensus, to compare.
pub struct Scores<'a> {
    pub knockouts: &'a BTreeMap<CriterionId, KoJudgement>,
    pub criteria: &'a BTreeMap<CriterionId, CriterionScore>,
    pub submitted: Option<DateTime<Utc>>,
}

impl<'a> From<&'a Assessment> for Scores<'a> {
    fn from(a: &'a Assessment) -> Self {
        Scores {
            knockouts: &a.knockouts,
            criteria: &a.criteria,
            submitted: a.submitted,
        }
    }
}

impl<'a> From<&'a Consensus> for Scores<'a> {
    fn from(c: &'a Consensus) -> Self {
        Scores {
            knockouts: &c.knockouts,
            criteria: &c.criteria,
            // Recorded (counting) since then; a draft is not.
            submitted: c.recorded.filter(|_| c.is_recorded()),
        }
    }
}

/// A judgement or a score: the fields the log follows, as text.
trait Logged: Default {
    fn fields(&self) -> Vec<(Field, String)>;
}

impl Logged for KoJudgement {
    fn fields(&self) -> Vec<(Field, String)> {
        vec![
            (Field::Verdict, verdict_text(self.verdict)),
            (Field::Motivation, self.motivation.clone()),
            (Field::Confirmed, yes(self.carried.confirmed)),
            (Field::WhyChanged, self.carried.why_changed.clone()),
        ]
    }
}

impl Logged for CriterionScore {
    fn fields(&self) -> Vec<(Field, String)> {
        vec![
            (Field::Score, value_text(self.value.as_ref())),
            (Field::Motivation, self.motivation.clone()),
            (Field::Evidence, evidence_text(self)),
            (Field::Confirmed, yes(self.carried.confirmed)),
            (Field::WhyChanged, self.carried.why_changed.clone()),
        ]
    }
}

/// One entry per field that differs between two maps of judgements or
/// scores (a key missing on one side counts as its default).
fn diff_map<T: Logged>(
    template: &Entry,
    before: &BTreeMap<CriterionId, T>,
    after: &BTreeMap<CriterionId, T>,
    out: &mut Vec<Entry>,
) {
    let mut ids: Vec<&CriterionId> = before.keys().chain(after.keys()).collect();
    ids.sort();
    ids.dedup();
    let empty = T::default();
    for id in ids {
        let b = before.get(id).unwrap_or(&empty).fields();
        let a = after.get(id).unwrap_or(&empty).fields();
        for ((field, old), (_, new)) in b.into_iter().zip(a) {
            if old != new {
                let mut e = template.clone().criterion(id).change(old, new);
                e.field = field;
                out.push(e);
            }
        }
    }
}

/// The entries that take `before` to `after` (each field that differs),
/// all stamped with `template`'s who, when and where.
pub fn diff(template: &Entry, before: Option<Scores<'_>>, after: Option<Scores<'_>>) -> Vec<Entry> {
    let (empty_k, empty_c) = (BTreeMap::new(), BTreeMap::new());
    let none = || Scores {
        knockouts: &empty_k,
        criteria: &empty_c,
        submitted: None,
    };
    let (before, after) = (before.unwrap_or_else(none), after.unwrap_or_else(none));
    let mut out = Vec::new();
    diff_map(template, before.knockouts, after.knockouts, &mut out);
    diff_map(template, before.criteria, after.criteria, &mut out);
    if before.submitted != after.submitted {
        let mut e = template.clone();
        e.field = Field::Submitted;
        let text = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
        e.old = text(before.submitted);
        e.new = text(after.submitted);
        out.push(e);
    }
    out
}

fn yes(b: bool) -> String {
    if b { "ja".into() } else { String::new() }
}

fn evidence_text(s: &CriterionScore) -> String {
    let reference = match (s.evidence.document.as_str(), s.evidence.page.as_str()) {
        ("", "") => String::new(),
        (d, "") => d.to_string(),
        (d, p) => format!("{d}, {p}"),
    };
    match s.evidence.quote.as_str() {
        "" => reference,
        q => format!("{reference}: \u{201c}{q}\u{201d}"),
    }
}
