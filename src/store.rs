//! Reading and writing dossiers: format versions, strict loading with
//! line:column messages, and saves that lose nothing.
//!
//! A save writes a temporary file in the same folder, flushes it to disk,
//! keeps the previous version as `NAME.bak` and renames the new file into
//! place, so the file on disk is always the complete old or the complete
//! new version.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dossier::{Dossier, FORMAT_VERSION, validate_value};
use crate::error::{LoadError, Location};
use crate::rubric::Rubric;

/// Read a text file; invalid UTF-8 is named with its line:column.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| LoadError::io(&name, e))?;
    decode(bytes, &name)
}

pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        LoadError::at(
            name,
            Location::of_offset(&text, valid),
            "the file is not valid UTF-8 text; save it as UTF-8",
        )
    })
}

#[derive(serde::Deserialize)]
#[serde(rename = "Dossier")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// Parse a dossier and check it against its rubric.
pub fn parse_dossier(text: &str, file: &str, rubric: &Rubric) -> Result<Dossier, LoadError> {
    let dossier = parse_unchecked(text, file)?;
    check_dossier(&dossier, rubric, text, file)?;
    Ok(dossier)
}

/// Parse a dossier without checking it against a rubric: the first step of
/// loading one whose rubric is not known yet. Follow with [`check_dossier`].
///
/// The text is parsed once; only when that fails is the format version read
/// on its own, so a file of another version is named as such instead of
/// failing on its first unknown field.
pub fn parse_unchecked(text: &str, file: &str) -> Result<Dossier, LoadError> {
    let error = match crate::error::from_ron::<Dossier>(text, file) {
        Ok(d) if d.format_version == FORMAT_VERSION => return Ok(d),
        Ok(d) => return Err(version_error(text, file, d.format_version)),
        Err(e) => e,
    };
    match crate::error::from_ron::<VersionProbe>(text, file) {
        Ok(probe) if probe.format_version != FORMAT_VERSION => {
            Err(version_error(text, file, probe.format_version))
        }
        _ => Err(error),
    }
}

fn version_error(text: &str, file: &str, version: u32) -> LoadError {
    if version == 0 {
        LoadError::at(
            file,
            Location::start(),
            format!("no format_version; a dossier starts with `format_version: {FORMAT_VERSION}`"),
        )
    } else {
        LoadError::at(
            file,
            Location::of_field(text, "format_version"),
            format!(
                "unknown format version {version}; this build reads dossier format {FORMAT_VERSION}"
            ),
        )
    }
}

pub fn load_dossier(path: &Path, rubric: &Rubric) -> Result<Dossier, LoadError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    parse_dossier(&text, &name, rubric)
}

/// The rules a dossier must keep beyond its syntax.
pub fn check_dossier(
    d: &Dossier,
    rubric: &Rubric,
    text: &str,
    file: &str,
) -> Result<(), LoadError> {
    let at_field =
        |field: &str, msg: String| LoadError::at(file, Location::of_field(text, field), msg);
    if !d.matches(rubric) {
        return Err(at_field(
            "rubric",
            format!(
                "this dossier was scored against rubric {} {} (hash {}), not against {} {} (hash {}); open it with the rubric it names",
                d.rubric.id,
                d.rubric.version,
                d.rubric.hash,
                rubric.id,
                rubric.version,
                rubric.hash(),
            ),
        ));
    }
    let at_id = |id: &str, n: usize, msg: String| {
        LoadError::at(file, Location::of_nth_id(text, id, n), msg)
    };
    let mut ids = std::collections::BTreeSet::new();
    for app in &d.applications {
        if app.id.0.trim().is_empty() {
            return Err(at_field(
                "applications",
                "an application has an empty id".into(),
            ));
        }
        if !ids.insert(&app.id) {
            return Err(at_id(
                &app.id.0,
                1,
                format!("{}: duplicate application id", app.id),
            ));
        }
        if app.region.trim().is_empty() {
            return Err(at_id(
                &app.id.0,
                0,
                format!("{}: the region is empty", app.id),
            ));
        }
        for doc in &app.documents {
            if !rubric.process.documents.iter().any(|d| &d.id == doc) {
                let allowed: Vec<&str> = rubric
                    .process
                    .documents
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect();
                return Err(at_id(
                    doc,
                    0,
                    format!(
                        "{}: unknown document {doc:?}; the rubric's documents are {}",
                        app.id,
                        allowed.join(", ")
                    ),
                ));
            }
        }
    }
    let mut keys = std::collections::BTreeSet::new();
    for (n, a) in d.assessments.iter().enumerate() {
        let here = || Location::of_nth_field(text, "assessor", n);
        let fail = |msg: String| LoadError::at(file, here(), msg);
        if !ids.contains(&a.application) {
            return Err(fail(format!(
                "assessment of unknown application {}",
                a.application
            )));
        }
        if a.assessor.trim().is_empty() || a.assessor == crate::dossier::CONSENSUS {
            return Err(fail(format!(
                "{}: an assessment needs an assessor's name (not empty, not {})",
                a.application,
                crate::dossier::CONSENSUS
            )));
        }
        if !keys.insert((&a.application, &a.assessor, a.round)) {
            return Err(fail(format!(
                "{}: a second assessment by {} in round {}",
                a.application, a.assessor, a.round
            )));
        }
        check_scores(rubric, &a.knockouts, &a.criteria)
            .map_err(|m| fail(format!("{} by {}: {m}", a.application, a.assessor)))?;
    }
    let mut seen = std::collections::BTreeSet::new();
    for (n, c) in d.consensus.iter().enumerate() {
        let fail =
            |msg: String| LoadError::at(file, Location::of_nth_field(text, "recorded_by", n), msg);
        if !ids.contains(&c.application) {
            return Err(fail(format!(
                "consensus for unknown application {}",
                c.application
            )));
        }
        if !seen.insert((&c.application, c.round)) {
            return Err(fail(format!(
                "{}: a second consensus for round {}",
                c.application, c.round
            )));
        }
        check_scores(rubric, &c.knockouts, &c.criteria)
            .map_err(|m| fail(format!("consensus {}: {m}", c.application)))?;
    }
    for d in &d.decisions {
        if d.motivation.trim().is_empty() {
            return Err(at_field(
                "decisions",
                "a decision needs a motivation".into(),
            ));
        }
    }
    Ok(())
}

fn check_scores(
    rubric: &Rubric,
    knockouts: &std::collections::BTreeMap<crate::rubric::CriterionId, crate::dossier::KoJudgement>,
    criteria: &std::collections::BTreeMap<
        crate::rubric::CriterionId,
        crate::dossier::CriterionScore,
    >,
) -> Result<(), String> {
    for id in knockouts.keys() {
        if rubric.knockout(id.as_str()).is_none() {
            let allowed: Vec<&str> = rubric.knockouts.iter().map(|k| k.id.as_str()).collect();
            return Err(format!(
                "unknown knock-out {id}; the rubric has {}",
                allowed.join(", ")
            ));
        }
    }
    for (id, score) in criteria {
        if let Some(v) = &score.value {
            validate_value(rubric, id, v).map_err(|e| e.to_string())?;
        } else if rubric.criterion(id.as_str()).is_none() {
            return Err(format!("unknown criterion {id}"));
        }
    }
    Ok(())
}

pub fn to_ron(dossier: &Dossier) -> String {
    // Nesting below the assessments' maps goes on one line: one line per
    // score reads well and keeps large dossiers small.
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .separate_tuple_members(false)
        .depth_limit(4)
        .indentor("  ".to_string());
    ron::ser::to_string_pretty(dossier, config).expect("a dossier serialises")
}

/// Where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}: could not save: {source}")]
pub struct SaveError {
    pub file: String,
    #[source]
    pub source: std::sync::Arc<std::io::Error>,
}

/// Save atomically; the previous version, if any, becomes `NAME.bak`.
pub fn save_dossier(path: &Path, dossier: &Dossier) -> Result<(), SaveError> {
    write_atomic(path, to_ron(dossier).as_bytes(), true)
}

/// Write `bytes` to `path` so that the file is always the complete old or
/// the complete new content. The temporary file is user-only (0600) and is
/// removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let fail = |e: std::io::Error| SaveError {
        file: path.display().to_string(),
        source: std::sync::Arc::new(e),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".leidraad-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    if keep_backup && path.exists() {
        // Hard-link the old version as the backup: atomic, and the old
        // file stays in place until the rename below replaces it.
        let backup = backup_path(path);
        let _ = fs::remove_file(&backup);
        if fs::hard_link(path, &backup).is_err() {
            fs::copy(path, &backup).map_err(fail)?;
        }
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_named_with_its_position() {
        let err = decode(b"ab\ncd\xffe".to_vec(), "x.ron").unwrap_err();
        assert_eq!(err.location(), Some(Location { line: 2, column: 3 }));
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    #[test]
    fn a_save_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        write_atomic(&path, b"one", true).unwrap();
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "no temporary file is left behind: {names:?}"
        );
    }
}
