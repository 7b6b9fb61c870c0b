//! Documents of an application kept in the dossier: the plan van aanpak,
//! the begroting, an addendum, the gespreksverslag. The dossier keeps each
//! one's name, kind, SHA-256 and text per page, so a package carries what an
//! assessor needs offline.

use sha2::{Digest, Sha256};

/// SHA-256 of a file's bytes, as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

use serde::{Deserialize, Serialize};

use crate::audit::{Entry, Field};
use crate::dossier::{ApplicationId, Dossier};

/// What a document is to the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// The plan van aanpak.
    Plan,
    Begroting,
    Addendum,
    /// The gespreksverslag.
    Verslag,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Plan, Kind::Begroting, Kind::Addendum, Kind::Verslag];

    /// The Dutch word, as the window and the audit log show it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Plan => "plan van aanpak",
            Kind::Begroting => "begroting",
            Kind::Addendum => "addendum",
            Kind::Verslag => "gespreksverslag",
        }
    }
}

/// A document kept with an application: enough to search it and cite it
/// offline, and to recognise the original file (its SHA-256).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The file's name, without its folder.
    pub name: String,
    pub kind: Kind,
    /// SHA-256 of the file, 64 hex digits.
    pub sha256: String,
    /// Whether `pages` are the document's pages (a PDF; a DOCX or ODT with
    /// page breaks) or one text without pages.
    #[serde(default = "yes")]
    pub paged: bool,
    /// The text per page, hyphenation at line ends undone.
    pub pages: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachError {
    #[error("no application {0} in this dossier")]
    UnknownApplication(ApplicationId),
    #[error("{0}: a document needs a name")]
    NoName(String),
    #[error(transparent)]
    ReadOnly(#[from] crate::session::ReadOnlyError),
}

impl Document {
    /// The short form of the hash, as the window and the log show it.
    pub fn short_hash(&self) -> &str {
        &self.sha256[..self.sha256.len().min(12)]
    }

    fn summary(&self) -> String {
        format!(
            "{}: {} ({} pagina's, sha256 {})",
            self.kind.label(),
            self.name,
            self.pages.len(),
            self.short_hash()
        )
    }
}

/// Attach a document to an application, with an entry in the audit log.
/// A document of the same kind and name is replaced (a newer version); the
/// same file attached again changes nothing (returns `false`).
pub fn attach(
    dossier: &mut Dossier,
    application: &ApplicationId,
    document: Document,
    by: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AttachError> {
    if document.name.trim().is_empty() {
        return Err(AttachError::NoName(document.sha256));
    }
    let app = dossier
        .applications
        .iter_mut()
        .find(|a| a.id == *application)
        .ok_or_else(|| AttachError::UnknownApplication(application.clone()))?;
    let same = |d: &Document| d.kind == document.kind && d.name == document.name;
    let old = app.attachments.iter().position(same);
    if let Some(i) = old
        && app.attachments[i] == document
    {
        return Ok(false);
    }
    let entry = Entry::new(at, by, Field::Document)
        .on(application, None)
        .change(
            old.map(|i| app.attachments[i].summary())
                .unwrap_or_default(),
            document.summary(),
        );
    match old {
        Some(i) => app.attachments[i] = document,
        None => app.attachments.push(document),
    }
    crate::audit::record(dossier, entry);
    Ok(true)
}

/// The rules a kept document keeps: a name, a SHA-256 of 64 hex digits.
pub fn check(document: &Document) -> Result<(), String> {
    if document.name.trim().is_empty() {
        return Err("an attached document has no name".into());
    }
    let hex = document.sha256.len() == 64
        && document
            .sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !hex {
        return Err(format!(
            "attached document {}: sha256 {:?} is not 64 lower-case hex digits",
            document.name, document.sha256
        ));
    }
    Ok(())
}
