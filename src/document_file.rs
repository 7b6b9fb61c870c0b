//! A document file read for the dossier (the CLI's `attach` and
//! `zelftoets --plan`, the window's "Document toevoegen…" and the
//! self-check's draft plan): its name, kind, SHA-256 and text per page.

use std::path::Path;

use leidraad_core::document::{self, Document, Kind};

/// Read and extract `file` as a document of `kind`; a file that cannot be
/// read or has no text (a scan) gives the reason in words.
pub fn read(file: &Path, kind: Kind) -> Result<Document, String> {
    let name = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| format!("{name}: could not be read: {e}"))?;
    let extracted = leidraad_docs::extract(&bytes, &name).map_err(|e| e.to_string())?;
    Ok(Document {
        name: file
            .file_name()
            .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
        kind,
        sha256: document::sha256_hex(&bytes),
        paged: extracted.paged,
        pages: extracted.pages,
    })
}
