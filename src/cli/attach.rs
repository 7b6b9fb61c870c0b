//! `attach`: keep a plan, begroting, addendum or gespreksverslag with an
//! application, with its text per page, so a package carries it offline.

use super::*;

use leidraad_core::document::{self, Document, Kind};
use leidraad_core::dossier::ApplicationId;

/// The kinds as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Plan,
    Begroting,
    Addendum,
    Verslag,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Plan => Kind::Plan,
            KindArg::Begroting => Kind::Begroting,
            KindArg::Addendum => Kind::Addendum,
            KindArg::Verslag => Kind::Verslag,
        }
    }
}

pub(super) fn attach(
    path: &Path,
    application: &str,
    kind: KindArg,
    files: &[PathBuf],
    by: Option<String>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    // Every file is read before the dossier changes: one that cannot be
    // read (a scan, a damaged file) leaves the dossier as it was.
    let documents = files
        .iter()
        .map(|file| read_document(file, kind.into()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut session = open_for_writing(path, rubric)?;
    let by = by
        .or_else(super::login_name)
        .unwrap_or_else(|| "leidraad".to_string());
    let id = ApplicationId::from(application);
    let mut out = String::new();
    let mut results = Vec::new();
    session.edit_if(|_, dossier| {
        let now = leidraad_core::dossier::now();
        let mut any = false;
        for doc in &documents {
            let changed = document::attach(dossier, &id, doc.clone(), &by, now)?;
            results.push(changed);
            any |= changed;
        }
        Ok::<_, document::AttachError>(any)
    })?;
    session.save()?;
    for (doc, changed) in documents.iter().zip(results) {
        let pages = if doc.paged {
            format!("{} pages", doc.pages.len())
        } else {
            "no pages".to_string()
        };
        let what = if changed {
            "attached"
        } else {
            "already attached"
        };
        writeln!(
            out,
            "{what}: {} ({}, {pages}, sha256 {}) to {id}",
            doc.name,
            doc.kind.label(),
            doc.short_hash()
        )?;
    }
    Ok(out)
}

/// Read and extract a file as a document of `kind`.
pub(super) fn read_document(file: &Path, kind: Kind) -> Result<Document, Failure> {
    crate::document_file::read(file, kind).map_err(Failure)
}
