//! Reading the submitted assessments of one application into rubric order:
//! the rubric's index, the merge walk over an assessment's sorted maps and
//! the scratch buffers reused from application to application.

use std::sync::Arc;

use crate::dossier::{Assessment, Value, Verdict};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};

/// The rubric's ids in map order, with their position in the rubric: lets
/// an assessment's sorted maps be read in one merge walk instead of a map
/// lookup (and its string compares) per criterion.
pub(super) struct Index<'r> {
    pub(super) knockouts: Vec<(&'r CriterionId, usize)>,
    pub(super) criteria: Vec<(&'r CriterionId, usize)>,
    /// Per criterion: its items in map order with their position (empty for
    /// a criterion without items).
    items: Vec<Vec<(&'r str, usize)>>,
    /// The criteria in rubric order.
    criterion: Vec<&'r crate::rubric::Criterion>,
    /// Where each criterion's items start in an assessor's item buffer.
    pub(super) item_offset: Vec<usize>,
    pub(super) item_count: usize,
}

impl<'r> Index<'r> {
    pub(super) fn new(rubric: &'r Rubric) -> Index<'r> {
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
pub(super) struct Scratch<'a> {
    pub(super) ko_ids: Vec<CriterionId>,
    pub(super) criterion_ids: Vec<CriterionId>,
    pub(super) group_ids: Vec<Arc<str>>,
    names: fnv::FnvHashMap<&'a str, Arc<str>>,
    pub(super) assessors: Vec<&'a str>,
    /// `a * knockouts + k`
    pub(super) verdicts: Vec<Verdict>,
    /// `a * criteria + c`: the points when completely scored.
    pub(super) points: Vec<Option<u32>>,
    /// `a * items + offset(c) + n`: each item's score.
    pub(super) items: Vec<Option<u32>>,
    /// Per knock-out, in rubric order: what [`decide`](super::finals::decide)
    /// made of it.
    pub(super) ko_final: Vec<KoDecided>,
    /// Per criterion, in rubric order: the final value (None while it
    /// cannot be computed) and whether a consensus value counts.
    pub(super) criterion_final: Vec<(Option<Exact>, bool)>,
}

/// The final verdict of one knock-out, before it becomes a
/// [`KoFinal`](super::KoFinal).
#[derive(Clone, Copy)]
pub(super) struct KoDecided {
    pub(super) verdict: Verdict,
    pub(super) from_consensus: bool,
    /// The assessors differ.
    pub(super) split: bool,
}

impl<'a> Scratch<'a> {
    pub(super) fn new(rubric: &Rubric) -> Scratch<'a> {
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
    pub(super) fn name(&mut self, name: &'a str) -> Arc<str> {
        self.names
            .entry(name)
            .or_insert_with(|| Arc::from(name))
            .clone()
    }

    pub(super) fn fill(
        &mut self,
        rubric: &Rubric,
        index: &Index<'_>,
        assessments: &[&'a Assessment],
    ) {
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
