//! Reading and writing dossiers: format versions, strict loading with
//! line:column messages, and saves that lose nothing.
//!
//! A save writes a temporary file in the same folder, flushes it to disk,
//! keeps the previous version as `NAME.bak` and renames the new file into
//! place, so the file on disk is always the complete old or the complete
//! new version.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::dossier::{Dossier, FORMAT_VERSION, validate_value};
use crate::error::{LoadError, Location};
use crate::rubric::Rubric;

/// Read a text file; invalid UTF-8 is named with its line:column.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_file(path)?;
    decode(bytes, &path.display().to_string())
}

/// The bytes of a file, with the checks of [`read_text`] (a regular file,
/// within the size limit), for a file whose encoding is not known yet (a
/// CSV file: `interchange::csv::decode`).
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| LoadError::io(&name, e))?;
    // A FIFO would block the open, a device (/dev/zero) would be read
    // until memory runs out: only a regular file is read.
    if !meta.is_file() {
        return Err(LoadError::at(
            &name,
            Location::start(),
            "not a regular file (a folder, a device or a pipe); give the path of a file"
                .to_string(),
        ));
    }
    let size = meta.len();
    if size > limits::FILE_BYTES {
        return Err(LoadError::at(
            &name,
            Location::start(),
            format!(
                "the file is {size} bytes; at most {} bytes are read",
                limits::FILE_BYTES
            ),
        ));
    }
    read_bytes(path, size).map_err(|e| LoadError::io(&name, e))
}

/// The bytes of a file of about `size` bytes. A large file is read by two
/// threads, one half each: filling fresh memory is slow, and so is the
/// copy. A file that changes size meanwhile is read again the plain way.
fn read_bytes(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    if size >= 16 << 20 {
        use std::os::unix::fs::FileExt;
        let file = fs::File::open(path)?;
        let size = usize::try_from(size).map_err(std::io::Error::other)?;
        let mut bytes = vec![0u8; size];
        let (one, two) = bytes.split_at_mut(size / 2);
        let whole = std::thread::scope(|scope| {
            let first = scope.spawn(|| file.read_exact_at(one, 0));
            let second = file.read_exact_at(two, (size / 2) as u64);
            first.join().is_ok_and(|r| r.is_ok()) && second.is_ok()
        });
        // Nothing may follow: the file did not grow.
        if whole && file.read_at(&mut [0u8; 1], size as u64)? == 0 {
            return Ok(bytes);
        }
    }
    // Never more than the limit, also when the file grows while it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    fs::File::open(path)?
        .take(limits::FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits::FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "the file grew past {} bytes while it was read",
            limits::FILE_BYTES
        )));
    }
    Ok(bytes)
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
    let check = |v| crate::error::check_version(text, file, "dossier", v, FORMAT_VERSION);
    // A large dossier is read on several threads (see `crate::fastron`).
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parallel = crate::fastron::with_list_on_threads(
        body,
        "\n  assessments: [",
        "\n    Assessment(",
        |d: &mut Dossier| &mut d.assessments,
    );
    let error = match parallel.map_or_else(|| crate::error::from_ron::<Dossier>(text, file), Ok) {
        Ok(d) => return check(d.format_version).map(|()| d),
        Err(e) => e,
    };
    match crate::error::from_ron::<VersionProbe>(text, file) {
        Ok(probe) => check(probe.format_version).and(Err(error)),
        Err(_) => Err(error),
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
    if let Err(broken) = crate::audit::verify(d) {
        return Err(at_field("audit", broken.to_string()));
    }
    if let Err(unaccounted) = crate::audit::accounts_for(d) {
        return Err(at_field("audit", unaccounted.to_string()));
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
        for doc in &app.attachments {
            crate::document::check(doc)
                .map_err(|msg| at_id(&app.id.0, 0, format!("{}: {msg}", app.id)))?;
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
    check_limits(d, text, file)
}

/// The limits of a dossier (documented in docs/limits.md): generous for
/// real use, small enough that no file can make the program hang or run
/// out of memory.
pub mod limits {
    /// Applications in one dossier.
    pub const APPLICATIONS: usize = 10_000;
    /// Assessors named in one dossier (and distinct assessors scoring).
    pub const ASSESSORS: usize = 100;
    /// Characters of one motivation (a KO, a criterion, a decision).
    pub const MOTIVATION: usize = 20_000;
    /// Characters of a name: a region, an assessor, an organisation, a plan
    /// title, a contact, a dossier title, an evidence reference.
    pub const NAME: usize = 300;
    /// Characters of an application id.
    pub const ID: usize = 40;
    /// Bytes of a dossier file.
    pub const FILE_BYTES: u64 = 1024 * 1024 * 1024;

    /// `Err(message)` when `value` has more than `max` characters.
    pub fn text(what: &str, value: &str, max: usize) -> Result<(), String> {
        text_of(|| what.to_string(), value, max)
    }

    /// [`text`] with a name that is only made when the text is too long.
    pub fn text_of(what: impl FnOnce() -> String, value: &str, max: usize) -> Result<(), String> {
        // No more bytes than the limit means no more characters; otherwise
        // count only as far as needed: a huge text costs no more than the
        // limit.
        if value.len() <= max || value.chars().take(max + 1).count() <= max {
            return Ok(());
        }
        Err(format!(
            "{} is too long: {} characters; at most {max} are allowed",
            what(),
            value.chars().count()
        ))
    }
}

fn check_limits(d: &Dossier, text: &str, file: &str) -> Result<(), LoadError> {
    use limits::{ID, MOTIVATION, NAME};
    let at_field = |field: &str, n: usize, msg: String| {
        LoadError::at(file, Location::of_nth_field(text, field, n), msg)
    };
    if d.applications.len() > limits::APPLICATIONS {
        return Err(at_field(
            "applications",
            0,
            format!(
                "{} applications; a dossier holds at most {}",
                d.applications.len(),
                limits::APPLICATIONS
            ),
        ));
    }
    let mut names: std::collections::BTreeSet<&str> =
        d.assessors.iter().map(|a| a.name.as_str()).collect();
    names.extend(d.assessments.iter().map(|a| a.assessor.as_str()));
    if names.len() > limits::ASSESSORS {
        return Err(at_field(
            "assessors",
            0,
            format!(
                "{} assessors; a dossier holds at most {}",
                names.len(),
                limits::ASSESSORS
            ),
        ));
    }
    limits::text("the title", &d.title, NAME).map_err(|m| at_field("title", 0, m))?;
    for (n, a) in d.assessors.iter().enumerate() {
        limits::text("the assessor's name", &a.name, NAME)
            .and_then(|()| limits::text("the organisation", &a.organisation, NAME))
            .map_err(|m| {
                LoadError::at(
                    file,
                    Location::of_id(text, &a.name),
                    format!("assessor {}: {m}", n + 1),
                )
            })?;
    }
    for (n, app) in d.applications.iter().enumerate() {
        let fail = |m: String| at_field("region", n, format!("{}: {m}", app.id));
        limits::text("the id", &app.id.0, ID).map_err(|m| at_field("id", n, m))?;
        limits::text("the region", &app.region, NAME).map_err(fail)?;
        limits::text("the plan title", &app.plan_title, NAME).map_err(fail)?;
        limits::text("the contact", &app.contact, NAME).map_err(fail)?;
    }
    let scores = |knockouts: &std::collections::BTreeMap<
        crate::rubric::CriterionId,
        crate::dossier::KoJudgement,
    >,
                  criteria: &std::collections::BTreeMap<
        crate::rubric::CriterionId,
        crate::dossier::CriterionScore,
    >|
     -> Result<(), String> {
        for (id, j) in knockouts {
            limits::text_of(
                || format!("the motivation of {id}"),
                &j.motivation,
                MOTIVATION,
            )?;
        }
        for (id, s) in criteria {
            limits::text_of(
                || format!("the motivation of {id}"),
                &s.motivation,
                MOTIVATION,
            )?;
            limits::text_of(
                || format!("the evidence document of {id}"),
                &s.evidence.document,
                NAME,
            )?;
            limits::text_of(
                || format!("the evidence page of {id}"),
                &s.evidence.page,
                NAME,
            )?;
            limits::text_of(
                || format!("the evidence quote of {id}"),
                &s.evidence.quote,
                MOTIVATION,
            )?;
        }
        Ok(())
    };
    for (n, a) in d.assessments.iter().enumerate() {
        limits::text("the assessor's name", &a.assessor, NAME)
            .and_then(|()| scores(&a.knockouts, &a.criteria))
            .map_err(|m| {
                at_field(
                    "assessor",
                    n,
                    format!("{} by {}: {m}", a.application, a.assessor),
                )
            })?;
    }
    for (n, c) in d.consensus.iter().enumerate() {
        limits::text("the name", &c.recorded_by, NAME)
            .and_then(|()| scores(&c.knockouts, &c.criteria))
            .map_err(|m| {
                at_field(
                    "recorded_by",
                    n,
                    format!("consensus {}: {m}", c.application),
                )
            })?;
    }
    for (n, c) in d.conflicts.iter().enumerate() {
        limits::text("the note of a conflict of interest", &c.note, MOTIVATION)
            .map_err(|m| at_field("declared", n, format!("{}: {m}", c.application)))?;
    }
    for (n, dec) in d.decisions.iter().enumerate() {
        limits::text("the motivation of a decision", &dec.motivation, MOTIVATION)
            .and_then(|()| limits::text("the name", &dec.by, NAME))
            .map_err(|m| at_field("kind", n, m))?;
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

const TEMP_PREFIX: &str = ".leidraad-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file of ours must be before a save removes it: a
/// save that is under way in another process is never that slow.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Remove the temporary files (`.leidraad-*.tmp`) that a save killed half
/// way (power loss, `kill -9`) left in `dir`, once they are older than
/// [`STALE_TEMPORARY`]. They hold assessment data and would otherwise stay.
/// Best effort: failures are ignored, the save goes on.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TEMPORARY);
        if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
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
    remove_stale_temporaries(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    // The old version is kept under a temporary name (a hard link, or a
    // copy) and becomes the backup only once the new file is in place, so
    // a save that fails leaves both the file and the previous backup.
    let mut kept = None;
    if keep_backup && path.exists() {
        let link = dir.join(format!(
            "{TEMP_PREFIX}bak-{}-{}{TEMP_SUFFIX}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        if fs::hard_link(path, &link).is_err() {
            fs::copy(path, &link).map_err(fail)?;
        }
        // The backup is user-only like the new file, also when the old one
        // was not (a dossier written by hand or by another program). With
        // a hard link this also tightens the old file, which the rename
        // below replaces anyway.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Err(e) = fs::set_permissions(&link, fs::Permissions::from_mode(0o600)) {
                let _ = fs::remove_file(&link);
                return Err(fail(e));
            }
        }
        kept = Some(link);
    }
    if let Err(e) = tmp.persist(path) {
        if let Some(link) = &kept {
            let _ = fs::remove_file(link);
        }
        return Err(fail(e.error));
    }
    // The new file is saved. The backup is best effort from here: should
    // it not be replaced, the previous backup stays.
    if let Some(link) = kept
        && fs::rename(&link, backup_path(path)).is_err()
    {
        let _ = fs::remove_file(&link);
    }
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

pub use crate::lock::{Lock, LockError, LockOwner, lock_path};

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
