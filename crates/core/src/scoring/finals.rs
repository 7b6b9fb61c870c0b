//! The final value of each knock-out and criterion of one application, and
//! what is still missing.

use crate::dossier::{Consensus, Value, Verdict};
use crate::exact::Exact;
use crate::rubric::{CriterionId, Rubric, Scale};

use super::reading::{Index, KoDecided, Scratch};
use super::totals::Sum;
use super::{CriterionFinal, KoFinal, Missing};

/// The finals of a set of assessments plus an optional consensus.
pub(super) struct Finals {
    pub(super) knockouts: Vec<KoFinal>,
    pub(super) criteria: Vec<CriterionFinal>,
    pub(super) missing: Vec<Missing>,
}

/// The knock-outs finally judged "niet voldaan", in rubric order.
pub(super) fn failed_knockouts(knockouts: &[KoFinal]) -> Vec<CriterionId> {
    knockouts
        .iter()
        .filter(|k| k.verdict == Verdict::NotMet)
        .map(|k| k.id.clone())
        .collect()
}

/// Decide each knock-out and criterion of one application from the filled
/// scratch buffers plus an optional consensus: into `scratch.ko_final` and
/// `scratch.criterion_final`, without allocating.
pub(super) fn decide(
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
pub(super) fn anything_missing(index: &Index<'_>, scratch: &Scratch<'_>) -> bool {
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

pub(super) fn finals(
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
