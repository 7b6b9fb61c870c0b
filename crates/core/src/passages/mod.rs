//! The passage finder: for a knock-out or criterion, the passages of one to
//! three sentences in a plan that speak to it, best first.
//!
//! Sentences are ranked by BM25 over Dutch stems (Snowball, through
//! `rust-stemmers`), with compound words split into their parts where both
//! parts occur as words ("veiligheidsteam" meets "team voor veiligheid"),
//! and with the rubric's search terms weighing more than the words of the
//! criterion's name, and more again where a whole term stands in a sentence.
//! A passage is the best sentence, with a neighbour in the same paragraph
//! that matches as well or that the sentence needs to be read (it is short).
//!
//! Why BM25 by hand and not the `bm25` crate: see `docs/passages.md`.
//!
//! It finds passages; it does not judge them. [`Found::found`] is `false`
//! when no passage holds a whole search term: then the passages are weak
//! candidates, not evidence.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::rubric::Rubric;

mod text;

use text::{Piece, Word};

/// A passage found, as `leidraad passages` prints it (formats.md section 5).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Passage {
    /// The page (from 1), or `None` for a document without pages.
    pub page: Option<usize>,
    pub text: String,
    /// Relevance between 0 and 1 (higher is better); for ordering and
    /// display only.
    pub score: f64,
    /// The passage says the matter is not, not yet or not fully the case.
    pub negated: bool,
    /// The rubric's search terms that stand whole in the passage.
    pub terms: Vec<String>,
}

/// The passages for one criterion, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// A passage holds a whole search term: there is something to read.
    pub found: bool,
    pub passages: Vec<Passage>,
}

/// What is searched for: words with a weight, and the whole terms.
#[derive(Debug, Clone)]
pub struct Query {
    terms: Vec<QueryTerm>,
}

#[derive(Debug, Clone)]
struct QueryTerm {
    /// As the rubric gives it; `None` for a word of the criterion's name.
    shown: Option<String>,
    weight: f64,
    words: Vec<String>,
}

/// The weight of a word of a rubric's search term, and of a word of the
/// criterion's name: the search terms are the boost.
const TERM_WEIGHT: f64 = 2.0;
const NAME_WEIGHT: f64 = 1.0;
/// The bonus, per unit of a term's weight and IDF, for a whole term in one
/// sentence.
const WHOLE_TERM_BONUS: f64 = 0.6;
/// BM25's parameters, the usual ones.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A sentence that negates a whole term counts this much more: "we
/// richten geen regionaal veiligheidsteam op" decides a knock-out as much
/// as a sentence that says it is there, and it is the one a reader misses.
const NEGATION_WEIGHT: f64 = 1.25;
/// How far (in words) a negation may stand from a matched word.
const NEGATION_BEFORE: usize = 5;
const NEGATION_AFTER: usize = 3;

/// Words that say "not": alone, or before "meer", "volledig", ...
const NEGATIONS: &[&str] = &["geen", "niet", "nooit", "zonder", "noch", "nergens"];

/// Dutch words too common to search for.
const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "van", "in", "op", "voor", "met", "te", "aan", "is", "zijn",
    "die", "dat", "er", "om", "als", "bij", "door", "naar", "tot", "uit", "ook", "wordt", "worden",
    "zich", "dit", "deze", "wat", "waar", "hoe",
];

impl Query {
    /// The query for a knock-out or criterion of the rubric: its search
    /// terms and the words of its name. `None` for an unknown id.
    pub fn for_criterion(rubric: &Rubric, id: &str) -> Option<Query> {
        let (name, terms) = if let Some(ko) = rubric.knockout(id) {
            (&ko.name, &ko.search_terms)
        } else {
            let c = rubric.criterion(id)?;
            (&c.name, &c.search_terms)
        };
        Some(Query::new(name, terms))
    }

    /// A query of a name (each word a weak term) and search terms.
    pub fn new(name: &str, terms: &[String]) -> Query {
        let mut out: Vec<QueryTerm> = terms
            .iter()
            .map(|t| QueryTerm {
                shown: Some(t.clone()),
                weight: TERM_WEIGHT,
                words: split_words(t),
            })
            .filter(|t| !t.words.is_empty())
            .collect();
        // The name as a whole, as strong as a search term but not shown.
        let name_words = split_words(name);
        if name_words.len() > 1 {
            out.push(QueryTerm {
                shown: None,
                weight: TERM_WEIGHT,
                words: name_words,
            });
        }
        for word in split_words(name) {
            if !STOP_WORDS.contains(&word.to_lowercase().as_str()) {
                out.push(QueryTerm {
                    shown: None,
                    weight: NAME_WEIGHT,
                    words: vec![word],
                });
            }
        }
        Query { terms: out }
    }
}

fn split_words(text: &str) -> Vec<String> {
    text::words(text)
        .iter()
        .map(|w| text[w.start..w.end].to_string())
        .collect()
}

/// An abbreviation (a capital after the first letter: RVT, OM, RvdK) is
/// matched only as written.
fn is_abbreviation(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// A sentence, its words and their features.
#[derive(Debug)]
struct Sentence {
    piece: Piece,
    /// Per word: its stem's feature and its parts' features.
    features: Vec<WordFeatures>,
    /// Feature -> count, for BM25.
    tf: HashMap<u32, u32>,
    len: usize,
}

#[derive(Debug, Default, Clone)]
struct WordFeatures {
    stem: u32,
    parts: Vec<u32>,
    /// The word as written, for an abbreviation.
    exact: Option<u32>,
    negation: bool,
    /// Counts the commas, colons, semicolons and brackets before the word:
    /// words of one term stand in one clause.
    clause: u32,
}

/// A document, read for searching.
pub struct Index {
    sentences: Vec<Sentence>,
    /// Feature ids of stems, parts ("=RVT" for an abbreviation as written).
    features: HashMap<String, u32>,
    /// Feature -> the sentences it occurs in.
    postings: Vec<Vec<u32>>,
    /// Lower-case words of the document, for splitting compounds.
    vocabulary: std::collections::HashSet<String>,
    average_len: f64,
    paged: bool,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("sentences", &self.sentences.len())
            .field("features", &self.features.len())
            .finish()
    }
}

impl Index {
    /// Index the pages of a document (its text per page, as extracted);
    /// `paged` says whether they are real pages (else passages have no page).
    pub fn new(pages: &[String], paged: bool) -> Index {
        let mut pieces = Vec::new();
        let mut block = 0;
        for (i, page) in pages.iter().enumerate() {
            let (mut p, next) = text::pieces(i, page, block);
            block = next;
            pieces.append(&mut p);
        }
        let mut index = Index {
            sentences: Vec::with_capacity(pieces.len()),
            features: HashMap::new(),
            postings: Vec::new(),
            vocabulary: std::collections::HashSet::new(),
            average_len: 1.0,
            paged,
            stemmer: Stemmer::create(Algorithm::Dutch),
        };
        let split: Vec<Vec<Word>> = pieces.iter().map(|p| text::words(&p.text)).collect();
        for (piece, words) in pieces.iter().zip(&split) {
            for w in words {
                index
                    .vocabulary
                    .insert(piece.text[w.start..w.end].to_lowercase());
            }
        }
        let mut compounds: HashMap<String, Vec<String>> = HashMap::new();
        let mut total = 0usize;
        for (piece, words) in pieces.into_iter().zip(split) {
            let id = u32::try_from(index.sentences.len()).unwrap_or(u32::MAX);
            let mut features = Vec::with_capacity(words.len());
            let mut tf: HashMap<u32, u32> = HashMap::new();
            let mut clause = 0u32;
            let mut last_end = 0;
            for w in &words {
                if piece.text[last_end..w.start].contains([',', ';', ':', '(', ')']) {
                    clause += 1;
                }
                last_end = w.end;
                let original = &piece.text[w.start..w.end];
                let lower = original.to_lowercase();
                let parts = compounds
                    .entry(lower.clone())
                    .or_insert_with(|| split_compound(&lower, &index.vocabulary))
                    .clone();
                let wf = WordFeatures {
                    stem: index.feature(&index.stem(&lower)),
                    parts: parts
                        .iter()
                        .map(|p| index.feature(&index.stem(p)))
                        .collect(),
                    exact: is_abbreviation(original)
                        .then(|| index.feature(&format!("={original}"))),
                    negation: !w.joined && NEGATIONS.contains(&lower.as_str()),
                    clause,
                };
                for f in std::iter::once(wf.stem)
                    .chain(wf.parts.iter().copied())
                    .chain(wf.exact)
                {
                    *tf.entry(f).or_insert(0) += 1;
                }
                features.push(wf);
            }
            for f in tf.keys() {
                index.postings[*f as usize].push(id);
            }
            total += words.len();
            index.sentences.push(Sentence {
                len: words.len(),
                piece,
                features,
                tf,
            });
        }
        if !index.sentences.is_empty() {
            index.average_len = (total as f64 / index.sentences.len() as f64).max(1.0);
        }
        index
    }

    fn stem(&self, lower: &str) -> String {
        self.stemmer.stem(lower).into_owned()
    }

    fn feature(&mut self, key: &str) -> u32 {
        if let Some(id) = self.features.get(key) {
            return *id;
        }
        let id = u32::try_from(self.features.len()).unwrap_or(u32::MAX);
        self.features.insert(key.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    /// The number of sentences indexed.
    pub fn sentences(&self) -> usize {
        self.sentences.len()
    }

    fn idf(&self, feature: u32) -> f64 {
        let n = self.sentences.len() as f64;
        let df = self.postings.get(feature as usize).map_or(0, Vec::len) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// Split a compound into two words of the document: "veiligheidsteam" into
/// "veiligheid" and "team" (with the linking "s" dropped), when both occur
/// on their own. The split with the longest last part wins.
fn split_compound(word: &str, vocabulary: &std::collections::HashSet<String>) -> Vec<String> {
    const MIN_PART: usize = 3;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() < 2 * MIN_PART + 1 || !chars.iter().all(|(_, c)| c.is_alphabetic()) {
        return Vec::new();
    }
    for &(at, _) in &chars[MIN_PART..chars.len() + 1 - MIN_PART] {
        let (head, tail) = word.split_at(at);
        if !vocabulary.contains(tail) {
            continue;
        }
        for linked in [
            head,
            head.strip_suffix('s').unwrap_or(""),
            head.strip_suffix("en").unwrap_or(""),
        ] {
            if linked.chars().count() >= MIN_PART && vocabulary.contains(linked) {
                return vec![linked.to_string(), tail.to_string()];
            }
        }
    }
    Vec::new()
}

mod search;

#[cfg(test)]
mod tests;

/// The naive keyword search the finder is measured against
/// (`docs/passages.md`): the same sentences, ranked by how many of the search
/// terms they contain as written (letter case aside), without stems,
/// compounds, weights or neighbours; `found` when any sentence has one.
pub fn keyword_baseline(pages: &[String], terms: &[String], top: usize) -> Found {
    let mut ranked: Vec<(usize, usize, Piece)> = Vec::new();
    let mut block = 0;
    let lower: Vec<String> = terms.iter().map(|t| t.to_lowercase()).collect();
    for (i, page) in pages.iter().enumerate() {
        let (pieces, next) = text::pieces(i, page, block);
        block = next;
        for piece in pieces {
            let text = piece.text.to_lowercase();
            let hits = lower.iter().filter(|t| text.contains(t.as_str())).count();
            if hits > 0 {
                ranked.push((hits, ranked.len(), piece));
            }
        }
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let passages: Vec<Passage> = ranked
        .into_iter()
        .take(top)
        .map(|(hits, _, piece)| Passage {
            page: Some(piece.page + 1),
            terms: terms
                .iter()
                .zip(&lower)
                .filter(|(_, l)| piece.text.to_lowercase().contains(l.as_str()))
                .map(|(t, _)| t.clone())
                .collect(),
            text: piece.text,
            score: hits as f64,
            negated: false,
        })
        .collect();
    Found {
        found: !passages.is_empty(),
        passages,
    }
}
