//! Exact totals of an application and its groups, and their order.

use std::sync::Arc;

use crate::exact::Exact;
use crate::rubric::Rubric;

use super::{CriterionFinal, GroupTotal};

/// A sum of exact values, reduced once at the end instead of at every
/// addition: the values of one application share a denominator (the number
/// of its assessors), so this is mostly integer addition.
#[derive(Clone, Copy)]
pub(super) struct Sum {
    num: i128,
    /// Positive.
    den: i128,
}

impl Sum {
    pub(super) const ZERO: Sum = Sum { num: 0, den: 1 };

    /// Add `num / den`, `den` positive.
    pub(super) fn add(self, num: i64, den: i64) -> Sum {
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
    pub(super) fn exact(self) -> Exact {
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
pub(super) fn total(mut values: impl Iterator<Item = Option<Exact>>) -> Option<Exact> {
    values
        .try_fold(Sum::ZERO, |sum, v| v.map(|v| sum.plus(v)))
        .map(Sum::exact)
}

/// The order of two optional exact values (None first), by
/// cross-multiplication: the same order as `Exact`'s, without its
/// divisions.
pub(super) fn cmp_exact(a: Option<Exact>, b: Option<Exact>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => (i128::from(a.numer()) * i128::from(b.denom()))
            .cmp(&(i128::from(b.numer()) * i128::from(a.denom()))),
        _ => a.is_some().cmp(&b.is_some()),
    }
}

pub(super) fn group_totals(
    rubric: &Rubric,
    ids: &[Arc<str>],
    criteria: &[CriterionFinal],
) -> Vec<GroupTotal> {
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
