//! What both rounds read, grouped and indexed once, and the split of the
//! work over the cores.

use crate::dossier::{Assessment, Dossier, Round};
use crate::rubric::Rubric;

use super::reading::Index;

/// Application ids to positions, hashed with FNV-1a (fast for short ids):
/// the map is built and read for every evaluation.
type Positions<'d> = fnv::FnvHashMap<&'d str, usize>;

/// What both rounds read: the submitted assessments of each round grouped
/// by application (in dossier order), indexed once; a dossier may hold tens
/// of thousands of assessments.
pub(super) struct Input<'r, 'd> {
    pub(super) rubric: &'r Rubric,
    pub(super) dossier: &'d Dossier,
    pub(super) index: Index<'r>,
    /// Where each application id stands (the last, should one repeat).
    position: Positions<'d>,
    /// Per round: the assessments of application `i` are
    /// `flat[start[i]..start[i + 1]]`.
    grouped: [(Vec<&'d Assessment>, Vec<usize>); 2],
}

impl<'r, 'd> Input<'r, 'd> {
    /// With `two`, round 2's assessments too.
    pub(super) fn new(rubric: &'r Rubric, dossier: &'d Dossier, two: bool) -> Input<'r, 'd> {
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

    pub(super) fn assessments(&self, round: Round, i: usize) -> &[&'d Assessment] {
        let (flat, start) = &self.grouped[usize::from(round != Round::One)];
        &flat[start[i]..start[i + 1]]
    }

    /// Who round 1 invited, per application, from whether the one at each
    /// position was invited: by id, as an id that repeats counts as one.
    pub(super) fn invited(&self, invited_at: &[bool]) -> Vec<bool> {
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
pub(super) fn in_parts<T: Send>(
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
