//! Files: PDF and CSV export, the dossier lock and changes made on disk,
//! and the packages and result files of the panel's assessors.

use chrono::{DateTime, Utc};

use leidraad_core::dossier::Round;
use leidraad_core::nl;

use super::{date_time, round_short};

// PDF export.
pub const EXPORT_SHEET: &str = "PDF maken";
pub const EXPORT_ALL: &str = "Alles als PDF…";
pub const EXPORT_SHEET_TITLE: &str = "Scoreformulier opslaan als PDF";
pub const EXPORT_ALL_TITLE: &str = "Map kiezen voor alle scoreformulieren en de rangschikking";
pub const DIALOG_FILTER_PDF: &str = "PDF-document";
pub const OPEN_PDF: &str = "Openen";
pub const OPEN_FOLDER: &str = "Map openen";
pub const CLOSE_NOTICE: &str = "Sluiten";
pub const NOTHING_TO_EXPORT: &str =
    "Er is nog niets om af te drukken: dit scoreformulier heeft nog geen enkele score of oordeel.";
pub fn exported_one(path: &str) -> String {
    format!("PDF opgeslagen: {path}")
}
pub fn exported_many(count: usize, dir: &str) -> String {
    format!("{count} PDF-bestanden opgeslagen in {dir}")
}
pub fn export_failed(detail: &str) -> String {
    format!("De PDF kon niet worden gemaakt: {detail}")
}
pub fn open_failed(detail: &str) -> String {
    format!("Het bestand kon niet worden geopend ({detail}). Open het zelf vanuit de map.")
}

// CSV export.
pub const EXPORT_CSV: &str = "Scores als CSV…";
pub const EXPORT_CSV_TITLE: &str = "Scores opslaan als CSV";
pub const DIALOG_FILTER_CSV: &str = "CSV-bestand";
pub const CSV_FILE_NAME: &str = "scores.csv";
pub fn exported_csv(path: &str) -> String {
    format!("CSV opgeslagen: {path}")
}

// Spreadsheet export (.xlsx or .ods).
pub const EXPORT_WORKBOOK: &str = "Als spreadsheet…";
pub const EXPORT_WORKBOOK_TITLE: &str = "Rangschikking en scores opslaan als spreadsheet";
pub const DIALOG_FILTER_XLSX: &str = "Excel-werkmap (.xlsx)";
pub const DIALOG_FILTER_ODS: &str = "OpenDocument-spreadsheet (.ods, LibreOffice Calc)";
pub const WORKBOOK_FILE_NAME: &str = "rangschikking.xlsx";
pub fn exported_workbook(path: &str) -> String {
    format!("Spreadsheet opgeslagen: {path}")
}
pub fn workbook_failed(detail: &str) -> String {
    format!("De spreadsheet kon niet worden gemaakt: {detail}")
}

// ---- Dossier lock (issue 8) -------------------------------------------------

/// Refusal of any change while the dossier is open read-only.
pub const READ_ONLY_EDIT_REFUSED: &str = "Dit dossier is alleen te lezen: het is al geopend in een ander venster. Uw wijziging is niet overgenomen.";

/// Why a read-only dossier is not saved.
pub const READ_ONLY_NOT_SAVED: &str =
    "dit dossier is alleen te lezen (het is al geopend in een ander venster)";

/// The banner of a dossier that another window or program has open.
/// `since` is the RFC 3339 time from the lock file, or empty.
pub fn read_only_elsewhere(pid: u32, host: &str, since: &str) -> String {
    let when = DateTime::parse_from_rfc3339(since)
        .map(|t| date_time(&t.with_timezone(&Utc)))
        .unwrap_or_else(|_| "onbekend tijdstip".to_string());
    let who = if pid == 0 {
        format!("op {host}")
    } else {
        format!("door proces {pid} op {host}")
    };
    format!(
        "Dit dossier is al geopend in een ander venster ({who} sinds {when}). U kunt het alleen lezen; wijzigingen worden niet opgeslagen."
    )
}

/// The banner of a dossier whose lock could not be made.
pub fn read_only_no_lock(detail: &str) -> String {
    format!(
        "Dit dossier kan niet worden vergrendeld ({detail}). U kunt het alleen lezen; wijzigingen worden niet opgeslagen."
    )
}

/// The banner of a read-only session, by its reason.
pub fn read_only(reason: &leidraad_core::session::ReadOnly) -> String {
    use leidraad_core::session::ReadOnly;
    match reason {
        ReadOnly::OpenElsewhere(by) => read_only_elsewhere(by.pid, &by.host, &by.since),
        ReadOnly::NoLock(detail) => read_only_no_lock(detail),
    }
}

/// The banner when another program changed the open dossier on disk.
pub const CHANGED_ON_DISK: &str = "Het dossier is buiten dit venster gewijzigd (door een ander programma). Er is niets overschreven. Kies: opnieuw laden (uw niet-opgeslagen wijzigingen in dit venster vervallen) of uw versie bewaren (de andere versie blijft bewaard naast het dossier, met .bak achter de naam).";
pub const PICK_RUBRIC: &str = "Leidraad kiezen…";
pub const RELOAD_FROM_DISK: &str = "Opnieuw laden";
pub const KEEP_MINE: &str = "Mijn versie bewaren";
pub fn reload_failed(detail: &str) -> String {
    format!("Opnieuw laden mislukt: {detail}")
}
/// While an export runs off the window's thread.
pub const EXPORT_BUSY: &str = "Bezig met exporteren…";
/// A save or export whose worker stopped without an answer.
pub const WORKER_LOST: &str = "de taak is onverwacht gestopt";

/// A dossier scored against another rubric than the built-in leidraad (or
/// the one chosen for it).
pub fn other_rubric(id: &str, version: &str) -> String {
    format!(
        "Dit dossier is beoordeeld met leidraad {id} (versie {version}), niet met de leidraad waarmee het nu wordt geopend. Kies met ‘Leidraad kiezen…’ het leidraadbestand waarmee het is beoordeeld."
    )
}

// ---- End of dossier lock -----------------------------------------------------

// Packages and result files.
pub const PANEL: &str = "Panel";
pub const MAKE_PACKAGE: &str = "Pakket maken…";
pub const IMPORT_RESULT: &str = "Resultaat importeren…";
pub const PANEL_TOOLS: &str = "Panel:";
pub const PACKAGE_TITLE: &str = "Pakket maken voor één beoordelaar";
pub const PACKAGE_HINT: &str = "Een pakket is een dossier met alleen de aanvragen en het eigen werk van die beoordelaar, zonder de scores van anderen en zonder de aanvragen met een belangenconflict. Voor ronde 2: alleen de uitgenodigde aanvragen, met het eigen werk uit ronde 1.";
pub const PACKAGE_FOR: &str = nl::ASSESSOR;
pub const PACKAGE_ROUND: &str = nl::ROUND;
pub const PACKAGE_SAVE: &str = "Opslaan als…";
pub const PACKAGE_NO_ASSESSORS: &str = "Dit dossier heeft nog geen beoordelaars. Een beoordelaar komt erbij zodra hij een aanvraag beoordeelt.";
pub const PACKAGE_DIALOG_TITLE: &str = "Pakket opslaan";
pub const RESULT_DIALOG_TITLE: &str = "Resultaat van een beoordelaar importeren";
pub const DIALOG_FILTER_RESULT: &str = "Pakket of resultaat (dossier)";
pub fn package_file_name(assessor: &str, round: Round) -> String {
    let name: String = assessor
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("pakket-{name}-ronde-{}.leidraad", round.number())
}
pub fn package_written(assessor: &str, round: Round, applications: usize, path: &str) -> String {
    let what = match applications {
        1 => "1 aanvraag".to_string(),
        n => format!("{n} aanvragen"),
    };
    format!(
        "Pakket voor {assessor}, {} ({what}), opgeslagen als {path}.",
        round_short(round).to_lowercase()
    )
}
pub const PACKAGE_OVER_DOSSIER: &str = "Dat is het geopende dossier zelf; kies een nieuw bestand voor het pakket. Er is niets opgeslagen.";
pub fn package_failed(detail: &str) -> String {
    format!("Het pakket is niet gemaakt: {detail}")
}
pub fn import_counts(added: usize, updated: usize, unchanged: usize) -> String {
    format!("{added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd")
}
pub fn import_done(file: &str, assessor: &str, counts: &str) -> String {
    format!("Resultaat van {assessor} ({file}) geïmporteerd: {counts}.")
}
pub fn import_refused(file: &str, reason: &str) -> String {
    format!("Import van {file} geweigerd; er is niets gewijzigd. {reason}")
}
pub fn import_unreadable(file: &str, detail: &str) -> String {
    format!("{file} kan niet worden gelezen; er is niets gewijzigd. {detail}")
}

/// The banner over the list when the open dossier is an assessor's package.
pub fn package_banner(assessor: &str, round: Round, source: &str) -> String {
    format!(
        "Dit is het pakket van {assessor} voor ronde {} (uit \"{source}\"). Beoordeel en dien in; sla daarna het resultaat op en stuur dat bestand terug naar het programmabureau.",
        round.number()
    )
}
pub const SAVE_RESULT: &str = "Resultaat opslaan als…";
pub const RESULT_SAVE_DIALOG_TITLE: &str = "Resultaat opslaan om terug te sturen";
pub fn result_file_name(assessor: &str, round: Round) -> String {
    package_file_name(assessor, round).replacen("pakket", "resultaat", 1)
}
pub fn result_written(path: &str, still_open: usize) -> String {
    match still_open {
        0 => format!("Resultaat opgeslagen in {path}. Stuur dit bestand naar het programmabureau."),
        n => format!(
            "Resultaat opgeslagen in {path}. Let op: {n} beoordeling(en) zijn nog niet ingediend en tellen pas mee na indienen."
        ),
    }
}
pub fn result_failed(reason: &str) -> String {
    format!("Het resultaat kon niet worden opgeslagen: {reason}")
}

/// A panel refusal (import, conflict), in Dutch.
pub fn panel_error(e: &leidraad_core::panel::PanelError) -> String {
    use leidraad_core::panel::PanelError;
    match e {
        PanelError::UnknownApplication(id) => format!("Aanvraag {id} staat niet in dit dossier."),
        PanelError::Conflict {
            assessor,
            application,
        } => format!(
            "{assessor} heeft voor {application} een belangenconflict gemeld; die beoordeling kan niet worden overgenomen."
        ),
        PanelError::OtherRubric { found, expected } => format!(
            "Het resultaat is gescoord met leidraad {found}, dit dossier met {expected}."
        ),
        PanelError::NotAPackage => {
            "Dit bestand is geen resultaatbestand: het is niet gemaakt als pakket voor één beoordelaar."
                .to_string()
        }
        PanelError::OtherAssessor { expected, found } => format!(
            "Het pakket is van {expected}, maar het bestand bevat werk van {found}."
        ),
        PanelError::Older {
            application,
            assessor,
            round,
            dossier,
            result,
        } => format!(
            "{application}, {}: het dossier heeft nieuwer werk van {assessor} (gewijzigd {}) dan het resultaatbestand (gewijzigd {}).",
            round_short(*round).to_lowercase(),
            date_time(dossier),
            date_time(result)
        ),
        PanelError::Invalid {
            application,
            assessor,
            message,
        } => format!("{application} door {assessor}: {message}"),
        PanelError::NotInvited(id) => format!(
            "{id} is in ronde 1 niet uitgenodigd; een beoordeling in ronde 2 kan niet worden overgenomen."
        ),
        PanelError::ReadOnly(_) => READ_ONLY_EDIT_REFUSED.to_string(),
        PanelError::WithdrawnAfterConsensus {
            application,
            assessor,
            round,
        } => format!(
            "Het resultaat trekt de indiening van {assessor} voor {application} (ronde {}) in, maar het panel heeft daarover al consensus vastgelegd. Niets geïmporteerd.",
            round.number()
        ),
        PanelError::OtherDossier => "Dit resultaat hoort bij een pakket van een ander dossier (of is gemaakt voordat pakketten werden vastgelegd). Maak een nieuw pakket vanuit dit dossier.".to_string(),
        PanelError::NotIssued => "Dit dossier heeft het pakket van dit resultaat niet uitgegeven.".to_string(),
        PanelError::NotInPackage { application, round } => format!(
            "{application}, {}: hoort niet bij het pakket van dit resultaat.",
            round_short(*round).to_lowercase()
        ),
    }
}

// The built-in file dialog (no system dialog on this desktop).
pub const DIALOG_MISSING_LINUX: &str = "Geen systeemvenster voor bestanden gevonden: installeer xdg-desktop-portal met xdg-desktop-portal-gtk (of zenity) voor het gewone venster.";
pub const DIALOG_BUILTIN_FORCED: &str =
    "Het ingebouwde venster voor bestanden wordt gebruikt in plaats van dat van het systeem.";
pub const DIALOG_NOT_SHOWN: &str = "het venster voor bestanden kon niet worden getoond";
pub const DIALOG_PATH_HINT: &str = "Pad naar het bestand of de map";
pub const DIALOG_OPEN: &str = "Openen";
pub const DIALOG_SAVE: &str = "Opslaan";
pub const DIALOG_CHOOSE_FOLDER: &str = "Deze map kiezen";
pub const DIALOG_CANCEL: &str = "Annuleren";
pub const DIALOG_UP: &str = "Map hoger";
pub const DIALOG_EMPTY_PATH: &str = "Vul een pad in of kies een bestand uit de lijst.";
pub fn dialog_folder(dir: &str) -> String {
    format!("Map: {dir}")
}
pub fn dialog_no_file(path: &str) -> String {
    format!("{path} is geen bestaand bestand. Kies een bestand uit de lijst of vul het pad aan.")
}
pub fn dialog_no_folder(path: &str) -> String {
    format!("{path} is geen bestaande map.")
}
pub fn dialog_is_folder(path: &str) -> String {
    format!("{path} is een map: vul er een bestandsnaam achter in.")
}
pub fn dialog_no_parent(path: &str) -> String {
    format!("De map van {path} bestaat niet.")
}
pub fn dialog_replace(path: &str) -> String {
    format!("{path} bestaat al. Kies nogmaals om het te vervangen.")
}
/// The system's file dialog failed (not a cancel): the built-in one asks.
pub fn dialog_system_failed(detail: &str) -> String {
    format!(
        "Het systeemvenster voor bestanden gaf een fout ({detail}); dit ingebouwde venster neemt het over."
    )
}
