//! Scores as CSV, exactly as `../shared/formats.md` §1: one row per
//! (application, assessor, round, criterion or item).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::dossier::{
    Application, ApplicationId, Assessment, CONSENSUS, Consensus, CriterionScore, Dossier,
    KoJudgement, Round, Value, Verdict, validate_value,
};
use crate::rubric::{CriterionId, Rubric, Scale};

pub const HEADER: [&str; 7] = [
    "application",
    "region",
    "assessor",
    "round",
    "criterion",
    "value",
    "motivation",
];

/// An import that stops: the line and what is wrong. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ImportError {
    pub file: String,
    pub line: u64,
    pub message: String,
}

/// What a row says, before it is merged into a dossier.
enum Cell {
    Ko(Verdict),
    Value(Value),
    Item(String, u32),
}

struct Row {
    line: u64,
    application: ApplicationId,
    region: String,
    assessor: String,
    round: Round,
    criterion: CriterionId,
    cell: Cell,
    motivation: String,
}

fn parse_value(rubric: &Rubric, criterion: &str, raw: &str) -> Result<(CriterionId, Cell), String> {
    let raw = raw.trim();
    if let Some(ko) = rubric.knockout(criterion) {
        let verdict = Verdict::from_csv_word(raw).ok_or_else(|| {
            format!(
                "{criterion}: {raw:?} is not a verdict; allowed: voldaan, niet voldaan, twijfel, open"
            )
        })?;
        return Ok((ko.id.clone(), Cell::Ko(verdict)));
    }
    let (cid, item) = match criterion.split_once('.') {
        Some((c, i)) => (c, Some(i)),
        None => (criterion, None),
    };
    let Some(c) = rubric.criterion(cid) else {
        return Err(format!(
            "unknown criterion {criterion:?}; allowed: {}",
            allowed_ids(rubric)
        ));
    };
    let id = c.id.clone();
    match (&c.scale, item) {
        (Scale::Items { items, max_each }, Some(item)) => {
            if !items.iter().any(|i| i.id == item) {
                let names: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
                return Err(format!(
                    "unknown item {item:?} of {cid}; allowed: {}",
                    names.join(", ")
                ));
            }
            let n = parse_number(raw).ok_or_else(|| {
                format!("{criterion}: {raw:?} is not a whole number; allowed: 0..{max_each}")
            })?;
            if n > *max_each {
                return Err(format!(
                    "{criterion}: {n} is outside the scale; allowed: 0..{max_each}"
                ));
            }
            Ok((id, Cell::Item(item.to_string(), n)))
        }
        (Scale::Items { items, .. }, None) => Err(format!(
            "{cid} is given by its items only: {}",
            items
                .iter()
                .map(|i| format!("{cid}.{}", i.id))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (_, Some(item)) => Err(format!("{cid} has no items, so {cid}.{item} is unknown")),
        (Scale::YesNo { .. }, None) => match raw {
            "ja" => Ok((id, Cell::Value(Value::Yes))),
            "nee" => Ok((id, Cell::Value(Value::No))),
            _ => Err(format!("{cid}: {raw:?} is not allowed; allowed: ja, nee")),
        },
        (scale, None) => {
            let (min, max) = scale.bounds();
            let allowed = if scale.allows_not_addressed() {
                format!("{min}..{max} or nb (niet behandeld)")
            } else {
                format!("{min}..{max}")
            };
            // "Niet behandeld" is entered the same way on every scale that
            // allows it: `nb`, or `0` where 0 is not itself on the scale.
            let value = if raw == "nb" || raw == "0" && min > 0 && scale.allows_not_addressed() {
                Value::NotAddressed
            } else {
                Value::Points(parse_number(raw).ok_or_else(|| {
                    format!("{cid}: {raw:?} is not a whole number; allowed: {allowed}")
                })?)
            };
            validate_value(rubric, &id, &value)
                .map_err(|_| format!("{cid}: {raw} is outside the scale; allowed: {allowed}"))?;
            Ok((id, Cell::Value(value)))
        }
    }
}

fn parse_number(raw: &str) -> Option<u32> {
    (!raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse().ok())
        .flatten()
}

fn allowed_ids(rubric: &Rubric) -> String {
    let mut ids: Vec<String> = rubric.knockouts.iter().map(|k| k.id.to_string()).collect();
    for c in rubric.criteria() {
        match &c.scale {
            Scale::Items { items, .. } => {
                ids.extend(items.iter().map(|i| format!("{}.{}", c.id, i.id)))
            }
            _ => ids.push(c.id.to_string()),
        }
    }
    ids.join(", ")
}

/// The characters that make a spreadsheet read a cell as a formula when the
/// cell starts with one (OWASP's list for CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: a text a spreadsheet would run as a formula gets a
/// leading `'` (shown by spreadsheets as text, not run); so does a text
/// that already starts with `'`s before such a character, so that
/// [`read_cell`] gives back exactly what was written.
pub fn write_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA_START) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell as read: the `'` that [`write_cell`] put before a formula-like
/// text is taken off again.
pub fn read_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// The line a text editor shows for a record that starts at a byte offset
/// (CR LF and LF alike). With CR LF the csv reader puts a record's start
/// on the LF that ends the line before: line breaks at the offset are
/// skipped first.
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// The line where a quoted field opens that the file never closes (a file
/// cut off inside a quoted field), if there is one.
fn unclosed_quote(text: &str) -> Option<u64> {
    let mut open_at = None;
    for (i, b) in text.bytes().enumerate() {
        if b == b'"' {
            open_at = match open_at {
                None => Some(i),
                Some(_) => None,
            };
        }
    }
    open_at.map(|i| line_at(text, i as u64))
}

fn read_rows(rubric: &Rubric, text: &str, file: &str) -> Result<Vec<Row>, ImportError> {
    let err = |line: u64, message: String| ImportError {
        file: file.to_string(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The csv reader takes a quoted field that is never closed up to the
    // end of the file: a file cut off there would be partly imported.
    if let Some(line) = unclosed_quote(text) {
        return Err(err(
            line,
            "a quoted field opens here and is never closed: the file is cut off, or a quote inside a field is not doubled (\"\")".into(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| err(1, format!("unreadable header: {e}")))?
        .clone();
    if header.iter().collect::<Vec<_>>() != HEADER {
        return Err(err(
            1,
            format!(
                "the header must be exactly `{}`; found `{}`",
                HEADER.join(","),
                header.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut keys: BTreeMap<(String, String, Round, String), u64> = BTreeMap::new();
    let mut regions: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(text, p.byte()));
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { len, .. } => {
                    format!(
                        "{len} fields; every row has the 7 columns {}",
                        HEADER.join(",")
                    )
                }
                csv::ErrorKind::Utf8 { .. } => "not valid UTF-8; save the file as UTF-8".into(),
                _ => e.to_string(),
            };
            err(line, message)
        })?;
        let line = record.position().map_or(0, |p| line_at(text, p.byte()));
        let field = |i: usize| read_cell(record.get(i).unwrap_or("")).to_string();
        let application = field(0).trim().to_string();
        let region = field(1).trim().to_string();
        let assessor = field(2).trim().to_string();
        let criterion = field(4).trim().to_string();
        if application.is_empty() {
            return Err(err(line, "the application id is empty".into()));
        }
        if region.is_empty() {
            return Err(err(line, format!("{application}: the region is empty")));
        }
        if assessor.is_empty() {
            return Err(err(
                line,
                format!("{application}: the assessor is empty; give a name or {CONSENSUS}"),
            ));
        }
        let round: Round = field(3)
            .parse()
            .map_err(|m: String| err(line, format!("{m} (round must be 1 or 2)")))?;
        let (criterion_id, cell) =
            parse_value(rubric, &criterion, &field(5)).map_err(|m| err(line, m))?;
        match regions.get(&application) {
            Some((r, first)) if *r != region => {
                return Err(err(
                    line,
                    format!(
                        "{application}: region {region:?} differs from {r:?} on line {first}; one application has one region"
                    ),
                ));
            }
            Some(_) => {}
            None => {
                regions.insert(application.clone(), (region.clone(), line));
            }
        }
        let key = (
            application.clone(),
            assessor.clone(),
            round,
            criterion.clone(),
        );
        if let Some(first) = keys.insert(key, line) {
            return Err(err(
                line,
                format!(
                    "a second row for {application}, {assessor}, round {round}, {criterion} (the first is on line {first})"
                ),
            ));
        }
        rows.push(Row {
            line,
            application: ApplicationId(application),
            region,
            assessor,
            round,
            criterion: criterion_id,
            cell,
            motivation: field(6),
        });
    }
    Ok(rows)
}

/// Merge CSV scores into `dossier`. Every row is a submitted assessment of
/// its assessor (or consensus for `CONSENSUS`). Refuses, naming the line,
/// any row that would overwrite a score already in the dossier. On error the
/// dossier is left exactly as it was.
pub fn import(
    rubric: &Rubric,
    dossier: &mut Dossier,
    text: &str,
    file: &str,
    now: DateTime<Utc>,
) -> Result<ImportSummary, ImportError> {
    let rows = read_rows(rubric, text, file)?;
    let mut work = dossier.clone();
    let err = |line: u64, message: String| ImportError {
        file: file.to_string(),
        line,
        message,
    };
    let mut summary = ImportSummary::default();
    for row in rows {
        match work.application(&row.application) {
            Some(app) if app.region != row.region => {
                return Err(err(
                    row.line,
                    format!(
                        "{}: region {:?} differs from {:?} in the dossier",
                        row.application, row.region, app.region
                    ),
                ));
            }
            Some(_) => {}
            None => {
                work.applications
                    .push(Application::new(&row.application.0, &row.region));
                summary.applications += 1;
            }
        }
        let (knockouts, criteria) = if row.assessor == CONSENSUS {
            let c = match work
                .consensus
                .iter()
                .position(|c| c.application == row.application && c.round == row.round)
            {
                Some(i) => &mut work.consensus[i],
                None => {
                    let mut c = Consensus::new(&row.application, row.round);
                    c.recorded = Some(now);
                    c.recorded_by = "CSV import".to_string();
                    work.consensus.push(c);
                    work.consensus.last_mut().expect("pushed")
                }
            };
            (&mut c.knockouts, &mut c.criteria)
        } else {
            if !work.assessors.iter().any(|a| a.name == row.assessor) {
                work.ensure_assessor(&row.assessor);
                summary.assessors += 1;
            }
            let a = match work.assessments.iter().position(|a| {
                a.application == row.application
                    && a.assessor == row.assessor
                    && a.round == row.round
            }) {
                Some(i) => &mut work.assessments[i],
                None => {
                    let mut a = Assessment::new(&row.application, &row.assessor, row.round);
                    a.created = Some(now);
                    a.submitted = Some(now);
                    work.assessments.push(a);
                    summary.assessments += 1;
                    work.assessments.last_mut().expect("pushed")
                }
            };
            (&mut a.knockouts, &mut a.criteria)
        };
        let overwrite = err(
            row.line,
            format!(
                "{}, {}, round {}, {}: the dossier holds a value for this already; import refuses to overwrite it",
                row.application, row.assessor, row.round, row.criterion
            ),
        );
        match row.cell {
            Cell::Ko(verdict) => {
                if knockouts.contains_key(&row.criterion) {
                    return Err(overwrite);
                }
                knockouts.insert(
                    row.criterion,
                    KoJudgement {
                        verdict,
                        motivation: row.motivation,
                        updated: Some(now),
                        carried: Default::default(),
                    },
                );
            }
            Cell::Value(value) => {
                if criteria
                    .get(&row.criterion)
                    .is_some_and(|s| s.value.is_some())
                {
                    return Err(overwrite);
                }
                criteria.insert(
                    row.criterion,
                    CriterionScore {
                        value: Some(value),
                        motivation: row.motivation,
                        evidence: Default::default(),
                        updated: Some(now),
                        carried: Default::default(),
                    },
                );
            }
            Cell::Item(item, n) => {
                let score = criteria.entry(row.criterion).or_default();
                let mut items = match score.value.take() {
                    Some(Value::Items(m)) => m,
                    _ => BTreeMap::new(),
                };
                if items.contains_key(&item) {
                    return Err(overwrite);
                }
                items.insert(item, n);
                score.value = Some(Value::Items(items));
                score.updated = Some(now);
                // The item rows share one motivation: keep them all.
                let m = row.motivation.trim();
                if !m.is_empty() && !score.motivation.contains(m) {
                    if !score.motivation.is_empty() {
                        score.motivation.push('\n');
                    }
                    score.motivation.push_str(m);
                }
            }
        }
        summary.rows += 1;
    }
    log_import(dossier, &mut work, file, now);
    *dossier = work;
    Ok(summary)
}

/// Log what the import changed: per assessment or consensus record a
/// summary entry, then each value it brought in.
fn log_import(before: &Dossier, after: &mut Dossier, file: &str, now: DateTime<Utc>) {
    use crate::audit::{self, Entry, Field};
    let by = format!("CSV-import {file}");
    let mut entries = Vec::new();
    for a in &after.assessments {
        let old = before.assessment(&a.application, &a.assessor, a.round);
        if old == Some(a) {
            continue;
        }
        let template = Entry::new(now, &by, Field::Import)
            .on(&a.application, Some(a.round))
            .subject(&a.assessor);
        entries.push(template.clone().change("", format!("CSV {file}")));
        entries.extend(audit::diff(&template, old.map(Into::into), Some(a.into())));
    }
    for c in &after.consensus {
        let old = before.consensus_for(&c.application, c.round);
        if old == Some(c) {
            continue;
        }
        let template = Entry::new(now, &by, Field::Import)
            .on(&c.application, Some(c.round))
            .subject(audit::CONSENSUS);
        entries.push(template.clone().change("", format!("CSV {file}")));
        entries.extend(audit::diff(&template, old.map(Into::into), Some(c.into())));
    }
    for e in entries {
        audit::record(after, e);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub rows: usize,
    pub applications: usize,
    pub assessors: usize,
    pub assessments: usize,
}

/// The long format: every value of every assessment (submitted or draft is
/// not distinguished by the format, so only submitted assessments are
/// written) and every consensus value, in rubric order.
/// Whose scores, in which round: an assessor's or the consensus.
type ScoreSet<'a> = (
    &'a ApplicationId,
    &'a str,
    Round,
    &'a BTreeMap<CriterionId, KoJudgement>,
    &'a BTreeMap<CriterionId, CriterionScore>,
);

pub fn export(rubric: &Rubric, dossier: &Dossier, round: Option<Round>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER).expect("in memory");
    let region = |id: &ApplicationId| {
        dossier
            .application(id)
            .map(|a| a.region.clone())
            .unwrap_or_default()
    };
    let mut sets: Vec<ScoreSet<'_>> = Vec::new();
    for a in dossier.assessments.iter().filter(|a| a.is_submitted()) {
        sets.push((
            &a.application,
            &a.assessor,
            a.round,
            &a.knockouts,
            &a.criteria,
        ));
    }
    // A draft counts nowhere; as CONSENSUS rows it would count on import.
    for c in dossier.consensus.iter().filter(|c| c.is_recorded()) {
        sets.push((
            &c.application,
            CONSENSUS,
            c.round,
            &c.knockouts,
            &c.criteria,
        ));
    }
    sets.retain(|s| round.is_none_or(|r| s.2 == r));
    sets.sort_by(|a, b| (a.0, a.2, a.1).cmp(&(b.0, b.2, b.1)));
    for (app, assessor, r, kos, criteria) in sets {
        let region = region(app);
        let round = r.to_string();
        let mut row = |criterion: &str, value: &str, motivation: &str| {
            w.write_record(
                [
                    &app.0, &region, assessor, &round, criterion, value, motivation,
                ]
                .map(|cell| write_cell(cell).into_owned()),
            )
            .expect("in memory");
        };
        for ko in &rubric.knockouts {
            if let Some(j) = kos.get(&ko.id) {
                row(&ko.id.0, j.verdict.csv_word(), &j.motivation);
            }
        }
        for c in rubric.criteria() {
            let Some(score) = criteria.get(&c.id) else {
                continue;
            };
            match &score.value {
                None => {}
                Some(Value::Items(items)) => {
                    for item in match &c.scale {
                        Scale::Items { items, .. } => items.as_slice(),
                        _ => &[],
                    } {
                        if let Some(n) = items.get(&item.id) {
                            row(
                                &format!("{}.{}", c.id, item.id),
                                &n.to_string(),
                                &score.motivation,
                            );
                        }
                    }
                }
                Some(v) => row(&c.id.0, &value_word(v), &score.motivation),
            }
        }
    }
    String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
}

fn value_word(v: &Value) -> String {
    match v {
        Value::Yes => "ja".into(),
        Value::No => "nee".into(),
        Value::Points(n) => n.to_string(),
        Value::NotAddressed => "nb".into(),
        Value::Items(_) => String::new(),
    }
}

#[cfg(test)]
mod cell_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_written_cell_reads_back_unchanged_and_never_starts_a_formula(cell in "['=+@\\-\t\r a-z]{0,6}.{0,4}") {
            let written = write_cell(&cell);
            prop_assert!(!written.starts_with(FORMULA_START));
            prop_assert_eq!(read_cell(&written), cell.as_str());
        }
    }
}
