//! The spreadsheets of leidraad, for programme staff who work in Excel or
//! LibreOffice Calc: per round the ranking and the scores side by side
//! (one column per assessor per criterion), the long format of
//! `formats.md` §1, the recorded decisions and the rubric's criteria, as
//! `.xlsx` (through `rust_xlsxwriter`) or `.ods` (through
//! `spreadsheet-ods`).
//!
//! Numbers are numbers in both formats, shown with a number format, so a
//! Dutch spreadsheet shows `72,00` and can sum and sort. Text cells are
//! typed as text: a motivation that starts with `=` is never run as a
//! formula (the CSV export needs its leading `'` for that; a workbook does
//! not).
//!
//! The content is built once as plain data ([`model::Workbook`]) and
//! written by either writer, so the two files hold the same.

use std::path::Path;

use chrono::NaiveDateTime;

use leidraad_core::dossier::{Dossier, Round};
use leidraad_core::rubric::Rubric;
use leidraad_core::store::{self, SaveError};

mod content;
pub mod model;
mod ods;
pub mod words;
mod xlsx;

pub use content::{round_has_data, rounds};

/// The two kinds of workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML, for Excel (and Calc).
    Xlsx,
    /// OpenDocument, for LibreOffice Calc (and Excel).
    Ods,
}

impl Format {
    /// The format a file name asks for by its extension (`.xlsx`, `.ods`,
    /// in any case).
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SheetError {
    #[error(
        "{0}: the file name must end in .xlsx (Excel) or .ods (LibreOffice Calc); that decides the format"
    )]
    Extension(String),
    #[error("nothing to export: no submitted assessment or consensus{}", round.map_or_else(String::new, |r| format!(" in round {r}")))]
    Nothing { round: Option<Round> },
    #[error("could not make the .xlsx workbook: {0}")]
    Xlsx(String),
    #[error("could not make the .ods workbook: {0}")]
    Ods(String),
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// The workbook's content: see the module documentation. `made` is the
/// local time written in the title lines.
pub fn workbook(
    rubric: &Rubric,
    dossier: &Dossier,
    round: Option<Round>,
    made: NaiveDateTime,
) -> model::Workbook {
    let made = made.format("%d-%m-%Y %H:%M").to_string();
    content::workbook(rubric, dossier, round, &made)
}

/// The bytes of a workbook file in `format`.
pub fn render(book: &model::Workbook, format: Format) -> Result<Vec<u8>, SheetError> {
    match format {
        Format::Xlsx => xlsx::render(book),
        Format::Ods => ods::render(book),
    }
}

/// Write the workbook of `round` (or of every round with data) to `path`,
/// in the format its extension names, atomically (a temporary file
/// renamed over the old one: a failed export leaves what was there).
/// Refused when no round asked for has data.
pub fn export(
    rubric: &Rubric,
    dossier: &Dossier,
    round: Option<Round>,
    path: &Path,
    made: NaiveDateTime,
) -> Result<(), SheetError> {
    let format =
        Format::of_path(path).ok_or_else(|| SheetError::Extension(path.display().to_string()))?;
    if rounds(dossier, round).is_empty() {
        return Err(SheetError::Nothing { round });
    }
    let bytes = render(&workbook(rubric, dossier, round, made), format)?;
    store::write_atomic(path, &bytes, false)?;
    Ok(())
}
