//! `passages`: the passages of a plan that speak to a knock-out or
//! criterion (formats.md section 5).

use super::*;

use leidraad_core::passages::{Found, Index, Passage, Query};

/// Where the passages go: the format of section 5, or lines to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PassageFormat {
    Text,
    Json,
}

pub(super) fn passages(
    document: &Path,
    criterion: &str,
    top: usize,
    format: PassageFormat,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let rubric = match rubric {
        Some(path) => Rubric::load(path)?,
        None => Rubric::builtin(),
    };
    let Some(query) = Query::for_criterion(&rubric, criterion) else {
        let ids: Vec<&str> = rubric
            .knockouts
            .iter()
            .map(|k| k.id.as_str())
            .chain(rubric.criteria().map(|c| c.id.as_str()))
            .collect();
        return Err(Failure(format!(
            "no knock-out or criterion {criterion:?} in {}; one of {}",
            rubric.title,
            ids.join(", ")
        )));
    };
    let bytes = std::fs::read(document)
        .map_err(|e| Failure(format!("{}: could not be read: {e}", document.display())))?;
    let extracted = leidraad_docs::extract(&bytes, &document.display().to_string())?;
    let index = Index::new(&extracted.pages, extracted.paged);
    let found = index.search(&query, top);
    let name = document.file_name().map_or_else(
        || document.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let sha256 = leidraad_core::document::sha256_hex(&bytes);
    Ok(match format {
        PassageFormat::Json => json(&name, &sha256, criterion, &found),
        PassageFormat::Text => text(&name, &sha256, criterion, &rubric, &found)?,
    })
}

/// The JSON of formats.md section 5, its keys in the documented order.
#[derive(serde::Serialize)]
struct Output<'a> {
    document: &'a str,
    sha256: &'a str,
    criterion: &'a str,
    found: bool,
    passages: Vec<Passage>,
}

fn json(name: &str, sha256: &str, criterion: &str, found: &Found) -> String {
    let passages = found
        .passages
        .iter()
        .map(|p| Passage {
            score: (p.score * 100.0).round() / 100.0,
            ..p.clone()
        })
        .collect();
    let output = Output {
        document: name,
        sha256,
        criterion,
        found: found.found,
        passages,
    };
    let mut out = serde_json::to_string_pretty(&output).expect("JSON of plain values");
    out.push('\n');
    out
}

fn text(
    name: &str,
    sha256: &str,
    criterion: &str,
    rubric: &Rubric,
    found: &Found,
) -> Result<String, Failure> {
    let title = rubric
        .knockout(criterion)
        .map(|k| k.name.as_str())
        .or_else(|| rubric.criterion(criterion).map(|c| c.name.as_str()))
        .unwrap_or("");
    let mut out = String::new();
    writeln!(out, "{name} (sha256 {})", &sha256[..12])?;
    writeln!(out, "{criterion} {title}")?;
    if found.found {
        writeln!(out, "{} passages, best first:", found.passages.len())?;
    } else {
        writeln!(
            out,
            "Nothing convincing found: no passage holds a whole search term. Weak candidates only:"
        )?;
    }
    for (i, p) in found.passages.iter().enumerate() {
        let page = p
            .page
            .map_or_else(|| "-".to_string(), |n| format!("p. {n}"));
        let negated = if p.negated { "  NEGATED" } else { "" };
        writeln!(out, "\n{}. {page}  score {:.2}{negated}", i + 1, p.score)?;
        if !p.terms.is_empty() {
            writeln!(out, "   terms: {}", p.terms.join(", "))?;
        }
        writeln!(out, "   {}", p.text)?;
    }
    writeln!(
        out,
        "\nThe passages are found by their words; they are not a judgement of the plan."
    )?;
    Ok(out)
}
