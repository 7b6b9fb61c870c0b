//! Ranking the sentences of an [`Index`] for a [`Query`], and building the
//! passages around the best ones.

use std::collections::HashMap;

use super::{
    B, Found, Index, K1, NEGATION_AFTER, NEGATION_BEFORE, NEGATION_WEIGHT, Passage, Query,
    WHOLE_TERM_BONUS, WordFeatures, is_abbreviation, split_compound,
};

/// A query word, resolved against the document's features.
#[derive(Debug)]
enum Resolved {
    /// An abbreviation, matched as written (`None`: not in the document).
    Exact(Option<u32>),
    /// A stem, and the parts of a compound that the document has as words.
    Stem { stem: Option<u32>, parts: Vec<u32> },
}

/// How a sentence matched.
#[derive(Debug, Clone)]
struct Hit {
    sentence: usize,
    score: f64,
    /// Terms (indices into the query) that stand whole in the sentence.
    whole: Vec<usize>,
    negated: bool,
}

/// A neighbour joins a passage when it scores at least this share of the
/// best sentence, or when the best sentence is shorter than `SHORT` words.
const NEIGHBOUR_SHARE: f64 = 0.3;
const SHORT: usize = 12;
const NEIGHBOUR_WEIGHT: f64 = 0.25;
/// Maps the raw score onto 0..1: `1 - exp(-raw / SCALE)`.
const SCALE: f64 = 40.0;
/// How far apart the parts of a split compound may stand ("team voor
/// veiligheid"), and how many words more than it has a term may span.
const PART_SPAN: usize = 3;
const TERM_SLACK: usize = 2;
/// The share of the bonus for each whole term after the best one.
const OTHER_TERMS_SHARE: f64 = 0.3;

impl Index {
    fn resolve(&self, word: &str) -> Resolved {
        if is_abbreviation(word) {
            return Resolved::Exact(self.features.get(&format!("={word}")).copied());
        }
        let lower = word.to_lowercase();
        let stem = self.features.get(&self.stem(&lower)).copied();
        let parts: Option<Vec<u32>> = split_compound(&lower, &self.vocabulary)
            .iter()
            .map(|p| self.features.get(&self.stem(p)).copied())
            .collect();
        Resolved::Stem {
            stem,
            parts: parts.unwrap_or_default(),
        }
    }

    /// The positions of the sentence's words that match a resolved word.
    fn positions(&self, sentence: usize, word: &Resolved) -> Vec<usize> {
        let s = &self.sentences[sentence];
        let found = |f: u32| -> Vec<usize> {
            s.features
                .iter()
                .enumerate()
                .filter(|(_, wf)| wf.stem == f || wf.parts.contains(&f) || wf.exact == Some(f))
                .map(|(i, _)| i)
                .collect()
        };
        match word {
            Resolved::Exact(Some(f)) => found(*f),
            Resolved::Exact(None) => Vec::new(),
            Resolved::Stem { stem, parts } => {
                let direct = stem.map(found).unwrap_or_default();
                if !direct.is_empty() || parts.is_empty() {
                    return direct;
                }
                // "team voor veiligheid" for "veiligheidsteam": every part,
                // close together.
                let each: Vec<Vec<usize>> = parts.iter().map(|p| found(*p)).collect();
                near(&each, PART_SPAN, &s.features)
            }
        }
    }

    /// The passages for a query, at most `top`, best first.
    pub fn search(&self, query: &Query, top: usize) -> Found {
        let resolved: Vec<Vec<Resolved>> = query
            .terms
            .iter()
            .map(|t| t.words.iter().map(|w| self.resolve(w)).collect())
            .collect();
        let mut candidates: Vec<u32> = query_features(&resolved)
            .iter()
            .flat_map(|f| self.postings[*f as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut hits: Vec<Hit> = candidates
            .iter()
            .map(|s| self.hit(*s as usize, query, &resolved))
            .filter(|h| h.score > 0.0)
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.sentence.cmp(&b.sentence))
        });
        let passages = self.passages(query, &hits, top);
        Found {
            found: passages.iter().any(|p| !p.terms.is_empty()),
            passages,
        }
    }

    /// The sentence's score: per term, BM25 over its words (more for a
    /// whole term); the best term counts in full, the others a little, so
    /// a sentence that names the thing itself beats one that lists many of
    /// its partners. And whether a matched word stands near a negation.
    fn hit(&self, sentence: usize, query: &Query, resolved: &[Vec<Resolved>]) -> Hit {
        let s = &self.sentences[sentence];
        let norm = K1 * (1.0 - B + B * s.len as f64 / self.average_len);
        let bm25 = |f: u32| {
            s.tf.get(&f).map_or(0.0, |tf| {
                let tf = f64::from(*tf);
                self.idf(f) * tf * (K1 + 1.0) / (tf + norm)
            })
        };
        let mut whole = Vec::new();
        let mut matched = Vec::new();
        let mut scores = Vec::new();
        for (i, (term, words)) in query.terms.iter().zip(resolved).enumerate() {
            let partial: f64 = words.iter().map(|w| word_score(w, &bm25)).sum();
            if partial <= 0.0 {
                continue;
            }
            let positions: Vec<Vec<usize>> =
                words.iter().map(|w| self.positions(sentence, w)).collect();
            let together = near(&positions, words.len() + TERM_SLACK, &s.features);
            let bonus = if together.is_empty() {
                1.0
            } else {
                if term.shown.is_some() {
                    whole.push(i);
                    matched.extend(together);
                }
                1.0 + WHOLE_TERM_BONUS
            };
            scores.push(term.weight * partial * bonus / (words.len() as f64).sqrt());
        }
        scores.sort_by(|a, b| b.total_cmp(a));
        let score: f64 = scores
            .iter()
            .enumerate()
            .map(|(n, v)| if n == 0 { *v } else { OTHER_TERMS_SHARE * v })
            .sum();
        let negated = matched.iter().any(|&at| {
            let from = at.saturating_sub(NEGATION_BEFORE);
            let to = (at + NEGATION_AFTER).min(s.features.len().saturating_sub(1));
            // A negation inside a term ("Geweld hoort nergens thuis") is
            // the term's own word, not a negation of it.
            (from..=to).any(|i| s.features[i].negation && !matched.contains(&i))
        });
        Hit {
            sentence,
            score: if negated {
                score * NEGATION_WEIGHT
            } else {
                score
            },
            whole,
            negated,
        }
    }

    /// Passages around the best sentences: each sentence in one passage
    /// at most, neighbours from the same paragraph only.
    fn passages(&self, query: &Query, hits: &[Hit], top: usize) -> Vec<Passage> {
        let by_sentence: HashMap<usize, &Hit> = hits.iter().map(|h| (h.sentence, h)).collect();
        let mut used = vec![false; self.sentences.len()];
        let mut out: Vec<(f64, Passage)> = Vec::new();
        for hit in hits {
            if out.len() >= top.saturating_mul(2).max(top + 3) {
                break;
            }
            if used[hit.sentence] {
                continue;
            }
            let mut members = vec![hit.sentence];
            let mut raw = hit.score;
            let block = self.sentences[hit.sentence].piece.block;
            let neighbour = |i: Option<usize>| {
                i.filter(|&i| i < self.sentences.len() && !used[i])
                    .filter(|&i| self.sentences[i].piece.block == block)
            };
            for side in [hit.sentence.checked_sub(1), Some(hit.sentence + 1)] {
                let Some(n) = neighbour(side) else { continue };
                let n_score = by_sentence.get(&n).map_or(0.0, |h| h.score);
                let short = self.sentences[hit.sentence].len < SHORT && n > hit.sentence;
                if members.len() < 3 && (n_score >= NEIGHBOUR_SHARE * hit.score || short) {
                    members.push(n);
                    raw += NEIGHBOUR_WEIGHT * n_score;
                }
            }
            members.sort_unstable();
            // A heading or a short list item is read with what follows it
            // on the page, so a passage is long enough to judge.
            let page = self.sentences[hit.sentence].piece.page;
            loop {
                let words: usize = members.iter().map(|m| self.sentences[*m].len).sum();
                let last = &self.sentences[members[members.len() - 1]].piece;
                let next = members[members.len() - 1] + 1;
                // Into the next block only from a heading or an item
                // without a closing full stop.
                let open = !last.text.ends_with(['.', '!', '?']);
                let fits = next < self.sentences.len()
                    && !used[next]
                    && self.sentences[next].piece.page == page
                    && (open || self.sentences[next].piece.block == last.block);
                if words >= 2 * SHORT || members.len() >= 3 || !fits {
                    break;
                }
                members.push(next);
            }
            let mut terms: Vec<usize> = Vec::new();
            let mut negated = false;
            for m in &members {
                used[*m] = true;
                if let Some(h) = by_sentence.get(m) {
                    terms.extend(&h.whole);
                    negated |= h.negated;
                }
            }
            terms.sort_unstable();
            terms.dedup();
            let first = &self.sentences[members[0]].piece;
            let text: Vec<&str> = members
                .iter()
                .map(|m| self.sentences[*m].piece.text.as_str())
                .collect();
            out.push((
                raw,
                Passage {
                    page: self.paged.then_some(first.page + 1),
                    text: text.join(" "),
                    score: 1.0 - (-raw / SCALE).exp(),
                    negated,
                    terms: terms
                        .iter()
                        .filter_map(|t| query.terms[*t].shown.clone())
                        .collect(),
                },
            ));
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out.truncate(top);
        out.into_iter().map(|(_, p)| p).collect()
    }
}

/// A word's BM25 in a sentence: its stem's (or abbreviation's), or the
/// mean of its parts' when the sentence has them all.
fn word_score(word: &Resolved, bm25: &impl Fn(u32) -> f64) -> f64 {
    match word {
        Resolved::Exact(Some(f)) => bm25(*f),
        Resolved::Exact(None) => 0.0,
        Resolved::Stem { stem, parts } => {
            let direct = stem.map_or(0.0, bm25);
            if direct > 0.0 || parts.is_empty() {
                return direct;
            }
            let each: Vec<f64> = parts.iter().map(|p| bm25(*p)).collect();
            if each.iter().any(|v| *v <= 0.0) {
                return 0.0;
            }
            each.iter().sum::<f64>() / each.len() as f64
        }
    }
}

/// The positions of words that stand together: for each word's list of
/// positions, those within `span` words of a position of the first word
/// around which every word has one, in the same clause (no comma, colon or
/// bracket between them). Empty when there is no such place.
fn near(each: &[Vec<usize>], span: usize, words: &[WordFeatures]) -> Vec<usize> {
    let Some(first) = each.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &at in first {
        let clause = words[at].clause;
        let close = |p: &usize| p.abs_diff(at) <= span && words[*p].clause == clause;
        if each.iter().all(|ps| ps.iter().any(close)) {
            out.extend(each.iter().flat_map(|ps| ps.iter().copied().filter(close)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The features a query looks for: the stems, abbreviations and parts of
/// its words.
fn query_features(resolved: &[Vec<Resolved>]) -> Vec<u32> {
    let mut out = Vec::new();
    for word in resolved.iter().flatten() {
        match word {
            Resolved::Exact(Some(f)) | Resolved::Stem { stem: Some(f), .. } => out.push(*f),
            Resolved::Stem { parts, .. } => out.extend(parts),
            Resolved::Exact(None) => {}
        }
    }
    out
}
