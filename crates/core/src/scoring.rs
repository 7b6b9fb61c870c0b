//! The one place where totals, KO verdicts, statuses and the ranking are
//! computed. Every face of the product (CLI, GUI, PDF) reads from
//! [`evaluate`] and [`summarize`]; none computes a total of its own.
//!
//! Pure functions over a rubric and a dossier, in exact arithmetic.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::dossier::{
    ApplicationId, Assessment, Consensus, DecisionKind, Dossier, Round, Value, Verdict,
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
            Missing::KoDoubt(id) => write!(f, "{id}: verdict twijfel"),
            Missing::KoSplit(id) => write!(f, "{id}: assessors differ, panel must decide"),
            Missing::Unscored(id) => write!(f, "{id}: not scored"),
            Missing::UnscoredBy(id, who) => write!(f, "{id}: not scored by {who}"),
            Missing::NoMotivation(id) => write!(f, "{id}: no motivation"),
            Missing::Unconfirmed(id) => write!(f, "{id}: round-1 value not confirmed"),
            Missing::NoReason(id) => write!(f, "{id}: changed since round 1 without a reason"),
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

impl AppResult {
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
}

/// The finals of a set of assessments plus an optional consensus.
struct Finals {
    knockouts: Vec<KoFinal>,
    criteria: Vec<CriterionFinal>,
    missing: Vec<Missing>,
}

/// The knock-outs finally judged "niet voldaan", in rubric order.
fn failed_knockouts(knockouts: &[KoFinal]) -> Vec<CriterionId> {
    knockouts
        .iter()
        .filter(|k| k.verdict == Verdict::NotMet)
        .map(|k| k.id.clone())
        .collect()
}

/// The rubric's ids in map order, with their position in the rubric: lets
/// an assessment's sorted maps be read in one merge walk instead of a map
/// lookup (and its string compares) per criterion.
struct Index<'r> {
    knockouts: Vec<(&'r CriterionId, usize)>,
    criteria: Vec<(&'r CriterionId, usize)>,
    /// Per criterion: its items in map order with their position (empty for
    /// a criterion without items).
    items: Vec<Vec<(&'r str, usize)>>,
    /// The criteria in rubric order.
    criterion: Vec<&'r crate::rubric::Criterion>,
    /// Where each criterion's items start in an assessor's item buffer.
    item_offset: Vec<usize>,
    item_count: usize,
}

impl<'r> Index<'r> {
    fn new(rubric: &'r Rubric) -> Index<'r> {
        let sorted = |ids: Vec<&'r CriterionId>| {
            let mut v: Vec<(&CriterionId, usize)> =
                ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
            v.sort();
            v
        };
        let items: Vec<Vec<(&str, usize)>> = rubric
            .criteria()
            .map(|c| match &c.scale {
                Scale::Items { items, .. } => {
                    let mut v: Vec<(&str, usize)> = items
                        .iter()
                        .enumerate()
                        .map(|(i, it)| (it.id.as_str(), i))
                        .collect();
                    v.sort();
                    v
                }
                _ => Vec::new(),
            })
            .collect();
        let item_offset = items
            .iter()
            .scan(0, |at, v| {
                let here = *at;
                *at += v.len();
                Some(here)
            })
            .collect();
        Index {
            knockouts: sorted(rubric.knockouts.iter().map(|k| &k.id).collect()),
            criteria: sorted(rubric.criteria().map(|c| &c.id).collect()),
            item_count: items.iter().map(Vec::len).sum(),
            items,
            criterion: rubric.criteria().collect(),
            item_offset,
        }
    }
}

/// A map key that can be compared for equality as a few bytes.
trait Key: Ord {
    fn bytes(&self) -> &[u8];
}

impl Key for CriterionId {
    fn bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }
}

impl Key for str {
    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// Equality of short keys without a call to `memcmp` (ids are a few bytes;
/// this runs for every score of every assessment).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    // Ids cloned from the rubric share its text: then no byte is read.
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a.iter().zip(b).all(|(x, y)| x == y))
}

/// Positions of `map`'s keys in `sorted` (both in the same order).
fn merge<'m, K: Key + ?Sized + 'm, V: 'm>(
    sorted: &[(&K, usize)],
    map: impl Iterator<Item = (&'m K, &'m V)>,
    mut found: impl FnMut(usize, &'m V),
) {
    let mut at = 0;
    for (key, value) in map {
        // Usually the map holds exactly the rubric's ids, so the key is the
        // next one: an equality test, no ordering compare.
        if at < sorted.len() && same(sorted[at].0.bytes(), key.bytes()) {
            found(sorted[at].1, value);
            at += 1;
            continue;
        }
        while at < sorted.len() && sorted[at].0 < key {
            at += 1;
        }
        if at < sorted.len() && same(sorted[at].0.bytes(), key.bytes()) {
            found(sorted[at].1, value);
            at += 1;
        }
    }
}

/// The submitted assessments of one application, read into rubric order in
/// flat buffers that are reused from application to application.
///
/// It also holds copies of the ids and names that results share, one set
/// per thread: a clone costs no allocation, and no two threads count on
/// the same reference counter.
struct Scratch<'a> {
    ko_ids: Vec<CriterionId>,
    criterion_ids: Vec<CriterionId>,
    group_ids: Vec<Arc<str>>,
    names: fnv::FnvHashMap<&'a str, Arc<str>>,
    assessors: Vec<&'a str>,
    /// `a * knockouts + k`
    verdicts: Vec<Verdict>,
    /// `a * criteria + c`: the points when completely scored.
    points: Vec<Option<u32>>,
    /// `a * items + offset(c) + n`: each item's score.
    items: Vec<Option<u32>>,
    /// Per knock-out, in rubric order: what [`decide`] made of it.
    ko_final: Vec<KoDecided>,
    /// Per criterion, in rubric order: the final value (None while it
    /// cannot be computed) and whether a consensus value counts.
    criterion_final: Vec<(Option<Exact>, bool)>,
}

/// The final verdict of one knock-out, before it becomes a [`KoFinal`].
#[derive(Clone, Copy)]
struct KoDecided {
    verdict: Verdict,
    from_consensus: bool,
    /// The assessors differ.
    split: bool,
}

impl<'a> Scratch<'a> {
    fn new(rubric: &Rubric) -> Scratch<'a> {
        let copy = |id: &CriterionId| CriterionId::new(id.as_str());
        Scratch {
            ko_ids: rubric.knockouts.iter().map(|k| copy(&k.id)).collect(),
            criterion_ids: rubric.criteria().map(|c| copy(&c.id)).collect(),
            group_ids: rubric
                .groups
                .iter()
                .map(|g| Arc::from(g.id.as_str()))
                .collect(),
            names: Default::default(),
            assessors: Vec::new(),
            verdicts: Vec::new(),
            points: Vec::new(),
            items: Vec::new(),
            ko_final: Vec::new(),
            criterion_final: Vec::new(),
        }
    }

    /// The shared copy of an assessor's name.
    fn name(&mut self, name: &'a str) -> Arc<str> {
        self.names
            .entry(name)
            .or_insert_with(|| Arc::from(name))
            .clone()
    }

    fn fill(&mut self, rubric: &Rubric, index: &Index<'_>, assessments: &[&'a Assessment]) {
        let (nk, nc, ni) = (
            index.knockouts.len(),
            index.criteria.len(),
            index.item_count,
        );
        let n = assessments.len();
        self.assessors.clear();
        self.assessors
            .extend(assessments.iter().map(|a| a.assessor.as_str()));
        self.verdicts.clear();
        self.verdicts.resize(n * nk, Verdict::Open);
        self.points.clear();
        self.points.resize(n * nc, None);
        self.items.clear();
        self.items.resize(n * ni, None);
        for (a, assessment) in assessments.iter().enumerate() {
            let verdicts = &mut self.verdicts[a * nk..(a + 1) * nk];
            merge(&index.knockouts, assessment.knockouts.iter(), |k, j| {
                verdicts[k] = j.verdict
            });
            let points = &mut self.points[a * nc..(a + 1) * nc];
            let items = &mut self.items[a * ni..(a + 1) * ni];
            merge(&index.criteria, assessment.criteria.iter(), |c, score| {
                let Some(value) = &score.value else { return };
                let criterion = index.criterion[c];
                if let (Scale::Items { .. }, Value::Items(m)) = (&criterion.scale, value) {
                    let at = index.item_offset[c];
                    let mine = &mut items[at..at + index.items[c].len()];
                    merge(
                        &index.items[c],
                        m.iter().map(|(k, v)| (k.as_str(), v)),
                        |p, v| mine[p] = Some(*v),
                    );
                    if mine.iter().all(Option::is_some) {
                        // The sum of the items just read, unless the map
                        // holds more than the rubric's items.
                        points[c] = Some(if m.len() == mine.len() {
                            mine.iter().flatten().sum::<u32>().min(criterion.cap)
                        } else {
                            criterion.points(value)
                        });
                    }
                } else {
                    points[c] = Some(criterion.points(value));
                }
            });
        }
        let _ = rubric;
    }
}

/// Decide each knock-out and criterion of one application from the filled
/// scratch buffers plus an optional consensus: into `scratch.ko_final` and
/// `scratch.criterion_final`, without allocating.
fn decide(
    rubric: &Rubric,
    index: &Index<'_>,
    scratch: &mut Scratch<'_>,
    consensus: Option<&Consensus>,
) {
    let n = scratch.assessors.len();
    let (nk, nc, ni) = (
        index.knockouts.len(),
        index.criteria.len(),
        index.item_count,
    );
    scratch.ko_final.clear();
    for (k, ko) in rubric.knockouts.iter().enumerate() {
        let agreed = consensus
            .and_then(|c| c.knockouts.get(&ko.id))
            .map(|j| j.verdict)
            .filter(|v| matches!(v, Verdict::Met | Verdict::NotMet));
        if let Some(v) = agreed {
            scratch.ko_final.push(KoDecided {
                verdict: v,
                from_consensus: true,
                split: false,
            });
            continue;
        }
        // The verdicts seen: a small set, without allocating.
        let mut seen = [false; 4];
        for a in 0..n {
            seen[scratch.verdicts[a * nk + k] as usize] = true;
        }
        let kinds = seen.iter().filter(|s| **s).count();
        let v = match kinds {
            0 => Verdict::Open,
            1 => Verdict::ALL
                .into_iter()
                .find(|v| seen[*v as usize])
                .expect("one verdict"),
            _ if seen[Verdict::Open as usize] => Verdict::Open,
            _ => Verdict::Doubt,
        };
        scratch.ko_final.push(KoDecided {
            verdict: v,
            from_consensus: false,
            split: kinds > 1,
        });
    }

    scratch.criterion_final.clear();
    for (i, c) in rubric.criteria().enumerate() {
        let agreed = consensus
            .and_then(|k| k.criteria.get(&c.id))
            .and_then(|s| s.value.as_ref());
        let by_assessor = (0..n).map(|a| scratch.points[a * nc + i]);
        let (value, from_consensus) = match (&c.scale, agreed) {
            (Scale::Items { items, .. }, agreed) => {
                // Per item: the consensus item where agreed, otherwise the
                // exact mean of the assessors' item scores.
                let agreed_items = match agreed {
                    Some(Value::Items(m)) => Some(m),
                    _ => None,
                };
                let mut sum = Sum::ZERO;
                let mut any_consensus = false;
                let mut ok = true;
                for (item_n, item) in items.iter().enumerate() {
                    if let Some(p) = agreed_items.and_then(|m| m.get(&item.id)) {
                        sum = sum.add(i64::from(*p), 1);
                        any_consensus = true;
                        continue;
                    }
                    let at = index.item_offset[i] + item_n;
                    let scores = (0..n).map(|a| scratch.items[a * ni + at]);
                    // The exact mean, added as a fraction over the count.
                    if n > 0 && scores.clone().all(|s| s.is_some()) {
                        sum = sum.add(scores.flatten().map(i64::from).sum(), n as i64);
                    } else {
                        ok = false;
                    }
                }
                (
                    ok.then(|| sum.exact().min(Exact::from(c.cap))),
                    any_consensus,
                )
            }
            (_, Some(v)) => (Some(Exact::from(c.points(v))), true),
            (_, None) => {
                let complete = by_assessor.clone().all(|p| p.is_some());
                let mean = if complete {
                    Exact::mean(by_assessor.flatten().map(i64::from))
                } else {
                    None
                };
                (mean, false)
            }
        };
        scratch.criterion_final.push((value, from_consensus));
    }
}

/// Whether `decide` left anything to be done: exactly when [`missing`]
/// would say something.
fn anything_missing(index: &Index<'_>, scratch: &Scratch<'_>) -> bool {
    let n = scratch.assessors.len();
    let nc = index.criteria.len();
    scratch
        .ko_final
        .iter()
        .any(|k| matches!(k.verdict, Verdict::Open | Verdict::Doubt))
        || scratch
            .criterion_final
            .iter()
            .enumerate()
            .any(|(i, (value, _))| {
                value.is_none() && (n == 0 || (0..n).any(|a| scratch.points[a * nc + i].is_none()))
            })
}

/// What `decide` left to be done, in rubric order, after `first` (only
/// when something is left).
fn missing(index: &Index<'_>, scratch: &Scratch<'_>, first: Option<Missing>) -> Vec<Missing> {
    let n = scratch.assessors.len();
    let nc = index.criteria.len();
    let open = |value: &Option<Exact>, i: usize| match value {
        Some(_) => 0,
        None if n == 0 => 1,
        None => (0..n)
            .filter(|a| scratch.points[a * nc + i].is_none())
            .count(),
    };
    let count = scratch
        .ko_final
        .iter()
        .filter(|k| matches!(k.verdict, Verdict::Open | Verdict::Doubt))
        .count()
        + scratch
            .criterion_final
            .iter()
            .enumerate()
            .map(|(i, (value, _))| open(value, i))
            .sum::<usize>();
    if count == 0 {
        return Vec::new();
    }
    let mut missing = Vec::with_capacity(count + usize::from(first.is_some()));
    missing.extend(first);
    for (id, k) in scratch.ko_ids.iter().zip(&scratch.ko_final) {
        match k.verdict {
            Verdict::Open => missing.push(Missing::KoOpen(id.clone())),
            Verdict::Doubt if k.split => missing.push(Missing::KoSplit(id.clone())),
            Verdict::Doubt => missing.push(Missing::KoDoubt(id.clone())),
            _ => {}
        }
    }
    for (i, (id, (value, _))) in scratch
        .criterion_ids
        .iter()
        .zip(&scratch.criterion_final)
        .enumerate()
    {
        if value.is_some() {
            continue;
        }
        if n == 0 {
            missing.push(Missing::Unscored(id.clone()));
        } else {
            for (a, who) in scratch.assessors.iter().enumerate() {
                if scratch.points[a * nc + i].is_none() {
                    missing.push(Missing::UnscoredBy(id.clone(), who.to_string()));
                }
            }
        }
    }
    missing
}

fn finals(
    rubric: &Rubric,
    index: &Index<'_>,
    scratch: &mut Scratch<'_>,
    consensus: Option<&Consensus>,
    first: Option<Missing>,
) -> Finals {
    decide(rubric, index, scratch, consensus);
    let knockouts = rubric
        .knockouts
        .iter()
        .zip(&scratch.ko_final)
        .zip(&scratch.ko_ids)
        .map(|((_, k), id)| KoFinal {
            id: id.clone(),
            verdict: k.verdict,
            from_consensus: k.from_consensus,
        })
        .collect();
    let criteria = rubric
        .criteria()
        .zip(&scratch.criterion_final)
        .zip(&scratch.criterion_ids)
        .map(|((c, &(value, from_consensus)), id)| CriterionFinal {
            id: id.clone(),
            value,
            cap: c.cap,
            from_consensus,
        })
        .collect();
    Finals {
        knockouts,
        criteria,
        missing: missing(index, scratch, first),
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

/// A sum of exact values, reduced once at the end instead of at every
/// addition: the values of one application share a denominator (the number
/// of its assessors), so this is mostly integer addition.
#[derive(Clone, Copy)]
struct Sum {
    num: i128,
    /// Positive.
    den: i128,
}

impl Sum {
    const ZERO: Sum = Sum { num: 0, den: 1 };

    /// Add `num / den`, `den` positive.
    fn add(self, num: i64, den: i64) -> Sum {
        let (n, d) = (i128::from(num), i128::from(den));
        let (num, den) = if d == self.den {
            (self.num + n, d)
        } else if self.den % d == 0 {
            (self.num + n * (self.den / d), self.den)
        } else if d % self.den == 0 {
            (self.num * (d / self.den) + n, d)
        } else {
            (self.num * d + n * self.den, self.den * d)
        };
        Sum { num, den }
    }

    fn plus(self, x: Exact) -> Sum {
        self.add(x.numer(), x.denom())
    }

    /// The sum, reduced.
    fn exact(self) -> Exact {
        let (mut num, mut den) = (self.num, self.den);
        if i64::try_from(num).is_err() || i64::try_from(den).is_err() {
            let g = num_integer::Integer::gcd(&num, &den);
            (num, den) = (num / g, den / g);
        }
        Exact::new(
            i64::try_from(num).expect("an exact sum fits in i64"),
            i64::try_from(den).expect("an exact sum fits in i64"),
        )
    }
}

/// The total of an application: None while any value is.
fn total(mut values: impl Iterator<Item = Option<Exact>>) -> Option<Exact> {
    values
        .try_fold(Sum::ZERO, |sum, v| v.map(|v| sum.plus(v)))
        .map(Sum::exact)
}

/// The order of two optional exact values (None first), by
/// cross-multiplication: the same order as `Exact`'s, without its
/// divisions.
fn cmp_exact(a: Option<Exact>, b: Option<Exact>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => (i128::from(a.numer()) * i128::from(b.denom()))
            .cmp(&(i128::from(b.numer()) * i128::from(a.denom()))),
        _ => a.is_some().cmp(&b.is_some()),
    }
}

fn group_totals(rubric: &Rubric, ids: &[Arc<str>], criteria: &[CriterionFinal]) -> Vec<GroupTotal> {
    // `criteria` is in rubric order, group after group.
    let mut finals = criteria.iter();
    rubric
        .groups
        .iter()
        .zip(ids)
        .map(|(g, id)| GroupTotal {
            id: id.clone(),
            total: finals
                .by_ref()
                .take(g.criteria.len())
                .filter_map(|f| f.value)
                .fold(Sum::ZERO, Sum::plus)
                .exact(),
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
    let input = Input::new(rubric, dossier, round == Round::Two);
    match round {
        Round::One => evaluate_round(&input, Round::One, None).0,
        Round::Two => {
            // Round 1 only decides who counts in round 2: its statuses,
            // without the results around them.
            let invited = input.invited(&round_one_invited(&input));
            evaluate_round(&input, Round::Two, Some(&invited)).0
        }
    }
}

/// Both rounds at once: round 1 is computed once and decides who counts in
/// round 2. For a face that shows both (the window).
pub fn evaluate_rounds(rubric: &Rubric, dossier: &Dossier) -> [Evaluation; 2] {
    let input = Input::new(rubric, dossier, true);
    let (one, invited_at) = evaluate_round(&input, Round::One, None);
    let invited = input.invited(&invited_at);
    let (two, _) = evaluate_round(&input, Round::Two, Some(&invited));
    [one, two]
}

/// Application ids to positions, hashed with FNV-1a (fast for short ids):
/// the map is built and read for every evaluation.
type Positions<'d> = fnv::FnvHashMap<&'d str, usize>;

/// What both rounds read: the submitted assessments of each round grouped
/// by application (in dossier order), indexed once; a dossier may hold tens
/// of thousands of assessments.
struct Input<'r, 'd> {
    rubric: &'r Rubric,
    dossier: &'d Dossier,
    index: Index<'r>,
    /// Where each application id stands (the last, should one repeat).
    position: Positions<'d>,
    /// Per round: the assessments of application `i` are
    /// `flat[start[i]..start[i + 1]]`.
    grouped: [(Vec<&'d Assessment>, Vec<usize>); 2],
}

impl<'r, 'd> Input<'r, 'd> {
    /// With `two`, round 2's assessments too.
    fn new(rubric: &'r Rubric, dossier: &'d Dossier, two: bool) -> Input<'r, 'd> {
        let apps = dossier.applications.len();
        let mut position = Positions::with_capacity_and_hasher(apps, Default::default());
        for (i, a) in dossier.applications.iter().enumerate() {
            position.insert(a.id.0.as_str(), i);
        }
        let unique = position.len() == apps;
        // The application of each submitted assessment of the rounds asked
        // for: usually the one of the assessment before it or the next,
        // without a hash. Each string compared is a cache miss, so this too
        // runs on every core.
        let (parts, _) = in_parts(dossier.assessments.len(), |range| {
            let mut last = 0;
            dossier.assessments[range]
                .iter()
                .map(|a| {
                    if !a.is_submitted() || (a.round != Round::One && !two) {
                        return None;
                    }
                    let id = a.application.0.as_str();
                    let near = [last, last + 1].into_iter().find(|&i| {
                        unique && dossier.applications.get(i).is_some_and(|x| x.id.0 == id)
                    });
                    let found = near.or_else(|| position.get(id).copied());
                    if let Some(i) = found {
                        last = i;
                    }
                    found.map(|i| (i, usize::from(a.round != Round::One)))
                })
                .collect::<Vec<_>>()
        });
        // (application, round) of each assessment that counts.
        let at = parts.concat();
        let grouped = [0, 1].map(|round| {
            let mut start = vec![0usize; apps + 1];
            for &(i, r) in at.iter().flatten() {
                if r == round {
                    start[i + 1] += 1;
                }
            }
            for i in 0..apps {
                start[i + 1] += start[i];
            }
            let mut fill = start.clone();
            let mut flat: Vec<Option<&Assessment>> = vec![None; start[apps]];
            for (a, at) in dossier.assessments.iter().zip(&at) {
                if let Some((i, r)) = *at
                    && r == round
                {
                    flat[fill[i]] = Some(a);
                    fill[i] += 1;
                }
            }
            let flat = flat.into_iter().flatten().collect();
            (flat, start)
        });
        Input {
            rubric,
            dossier,
            index: Index::new(rubric),
            position,
            grouped,
        }
    }

    fn assessments(&self, round: Round, i: usize) -> &[&'d Assessment] {
        let (flat, start) = &self.grouped[usize::from(round != Round::One)];
        &flat[start[i]..start[i + 1]]
    }

    /// Who round 1 invited, per application, from whether the one at each
    /// position was invited: by id, as an id that repeats counts as one.
    fn invited(&self, invited_at: &[bool]) -> Vec<bool> {
        let apps = &self.dossier.applications;
        if self.position.len() == apps.len() {
            return invited_at.to_vec();
        }
        let at = |a: &crate::dossier::Application| self.position[a.id.0.as_str()];
        let mut by_id = vec![false; apps.len()];
        for (a, &invited) in apps.iter().zip(invited_at) {
            by_id[at(a)] |= invited;
        }
        apps.iter().map(|a| by_id[at(a)]).collect()
    }
}

/// Run `work` over the positions `0..n`, on every core for a large dossier
/// (the applications are independent until they are ranked). Returns the
/// parts in order and the length of each part but the last.
fn in_parts<T: Send>(
    n: usize,
    work: impl Fn(std::ops::Range<usize>) -> Vec<T> + Sync,
) -> (Vec<Vec<T>>, usize) {
    let threads = if n >= 2048 {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    };
    let chunk = n.div_ceil(threads).max(1);
    if threads == 1 {
        return (vec![work(0..n)], chunk);
    }
    let parts = std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|from| scope.spawn(move || work(from..(from + chunk).min(n))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an evaluation thread does not panic"))
            .collect()
    });
    (parts, chunk)
}

/// Whether round 1 invites the application at each position: the status
/// [`evaluate_round`] gives it, without building its result.
fn round_one_invited(input: &Input<'_, '_>) -> Vec<bool> {
    let (rubric, dossier, index) = (input.rubric, input.dossier, &input.index);
    let threshold = Exact::from(rubric.process.interview_threshold);
    let consensus = consensus_of(dossier, Round::One);
    let (parts, _) = in_parts(dossier.applications.len(), |range| {
        let mut scratch = Scratch::new(rubric);
        range
            .map(|i| {
                let app = &dossier.applications[i];
                let assessments = input.assessments(Round::One, i);
                let agreed = consensus.get(&app.id).copied();
                scratch.fill(rubric, index, assessments);
                decide(rubric, index, &mut scratch, agreed);
                if scratch
                    .ko_final
                    .iter()
                    .any(|k| k.verdict == Verdict::NotMet)
                    || anything_missing(index, &scratch)
                {
                    return false;
                }
                let total = total(scratch.criterion_final.iter().map(|c| c.0));
                total.is_none_or(|t| t >= threshold)
            })
            .collect()
    });
    parts.concat()
}

/// The consensus of each application in a round (the last, should one
/// repeat).
fn consensus_of(dossier: &Dossier, round: Round) -> BTreeMap<&ApplicationId, &Consensus> {
    dossier
        .consensus
        .iter()
        .filter(|c| c.round == round)
        .map(|c| (&c.application, c))
        .collect()
}

/// One round's evaluation, and whether the application at each position is
/// invited (round 1).
fn evaluate_round<'d>(
    input: &Input<'_, 'd>,
    round: Round,
    invited: Option<&[bool]>,
) -> (Evaluation, Vec<bool>) {
    let (rubric, dossier, index) = (input.rubric, input.dossier, &input.index);
    let threshold = match round {
        Round::One => rubric.process.interview_threshold,
        Round::Two => rubric.process.award_minimum,
    };
    let threshold_exact = Exact::from(threshold);
    let award_count = award_count(rubric, dossier, round);
    let consensus = consensus_of(dossier, round);

    let one = |scratch: &mut Scratch<'d>, i: usize| {
        let app = &dossier.applications[i];
        let assessments = input.assessments(round, i);
        let agreed = consensus.get(&app.id).copied();
        scratch.fill(rubric, index, assessments);
        // Nothing submitted heads what is missing, if anything is.
        let first = assessments.is_empty().then_some(Missing::NoAssessments);
        let f = finals(rubric, index, scratch, agreed, first);
        let nc = index.criteria.len();
        let na = assessments.len();
        let mut points: Vec<Option<u32>> = Vec::with_capacity(nc * na);
        for c in 0..nc {
            points.extend((0..na).map(|a| scratch.points[a * nc + c]));
        }
        let missing = f.missing;
        let failed_ko = failed_knockouts(&f.knockouts);
        let total = total(f.criteria.iter().map(|c| c.value));
        let status = if invited.is_some_and(|inv| !inv[i]) {
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
        let assessor_names = assessments
            .iter()
            .map(|a| scratch.name(&a.assessor))
            .collect();
        let consensus_counts = f.knockouts.iter().any(|k| k.from_consensus)
            || f.criteria.iter().any(|c| c.from_consensus);
        AppResult {
            id: app.id.clone(),
            region: app.region.clone(),
            rank: None,
            groups: group_totals(rubric, &scratch.group_ids, &f.criteria),
            total,
            status,
            failed_ko,
            tie_group: None,
            consensus: consensus_counts,
            assessors: assessments.len() as u32,
            assessor_names,
            points,
            knockouts: f.knockouts,
            criteria: f.criteria,
            missing,
            decision: None,
        }
    };
    let apps = dossier.applications.len();
    let (mut parts, chunk) = in_parts(apps, |range| {
        let mut scratch = Scratch::new(rubric);
        range.map(|i| Some(one(&mut scratch, i))).collect()
    });
    let result = |i: usize| {
        parts[i / chunk][i % chunk]
            .as_ref()
            .expect("each result is taken once")
    };
    let invited_at: Vec<bool> = (0..apps)
        .map(|i| result(i).status == Status::Invited)
        .collect();

    // Ranked first by total (highest first), equal totals by id; then the
    // unranked by id. The keys are sorted, then each result is moved once.
    let mut order: Vec<(bool, Option<Exact>, &str, usize)> = (0..apps)
        .map(|i| {
            let r = result(i);
            let ranked = r.status.is_ranked();
            (ranked, r.total.filter(|_| ranked), r.id.0.as_str(), i)
        })
        .collect();
    order.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| cmp_exact(b.1, a.1))
            .then_with(|| a.2.cmp(b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let order: Vec<usize> = order.into_iter().map(|k| k.3).collect();
    let mut results: Vec<AppResult> = order
        .into_iter()
        .map(|i| {
            parts[i / chunk][i % chunk]
                .take()
                .expect("each result is taken once")
        })
        .collect();
    let mut rank = 0;
    for r in results.iter_mut().filter(|r| r.status.is_ranked()) {
        rank += 1;
        r.rank = Some(rank);
    }

    let mut ties = Vec::new();
    if round == Round::Two {
        draw_award_line(dossier, award_count, &mut results, &mut ties);
    }

    (
        Evaluation {
            round,
            threshold,
            award_count,
            applications: results,
            ties,
        },
        invited_at,
    )
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
            | Missing::NoMotivation(id)
            | Missing::Unconfirmed(id)
            | Missing::NoReason(id) => Some(id),
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
        // A round-2 package holds only what round 1 invited; its own copy
        // of round 1 is one assessor's and cannot say so again.
        Round::Two
            if dossier
                .package
                .as_ref()
                .is_some_and(|p| p.round == Round::Two) =>
        {
            dossier.application(app).is_some()
        }
        Round::Two => evaluate(rubric, dossier, Round::One).status_of(app) == Some(Status::Invited),
    }
}
