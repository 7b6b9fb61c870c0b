//! The start-up messages on the terminal, the start screen and the error
//! screen of a dossier that cannot be opened.

use leidraad_core::nl;

// Start-up, on the terminal.
pub const NO_DISPLAY: &str = "leidraad: er is geen beeldscherm gevonden (DISPLAY is niet gezet). \
Start leidraad in een grafische sessie, of gebruik de opdrachtregel: `leidraad --help`.";
pub const WAYLAND_ONLY: &str = "leidraad: alleen een Wayland-beeldscherm gevonden; dit programma \
heeft X11 (of XWayland) nodig. Zet DISPLAY, of gebruik de opdrachtregel: `leidraad --help`.";
pub fn display_unreachable(display: &str) -> String {
    format!(
        "leidraad: het beeldscherm {display} is niet bereikbaar; het venster kan niet worden geopend. \
Controleer DISPLAY, of gebruik de opdrachtregel: `leidraad --help`."
    )
}
pub fn window_failed(detail: &str) -> String {
    format!("leidraad: het venster kon niet worden geopend: {detail}")
}
pub fn example_copy_failed(detail: &str) -> String {
    format!("leidraad: het voorbeelddossier kon niet in de gegevensmap worden gezet: {detail}")
}

// Start screen.
pub const START_TITLE: &str = "Leidraad proeftuinen tweede tranche";
pub const START_SUBTITLE: &str = "Beoordeel de plannen van de regio’s aan de hand van de leidraad.";
pub const WHO: &str = "Wie beoordeelt?";
pub const WHO_HINT: &str = "Uw naam staat bij elke beoordeling die u geeft. Hij wordt onthouden.";
pub const NAME_PLACEHOLDER: &str = "Uw naam, bijv. J. de Vries (VNG)";
pub const OPEN_DOSSIER: &str = "Dossier openen…";
pub const NEW_DOSSIER: &str = "Nieuw dossier…";
pub const NEW_DOSSIER_TITLE: &str = "Nieuw dossier";
pub const NEW_DOSSIER_HINT: &str =
    "Een nieuw, leeg dossier voor een leidraad. U kiest daarna waar het wordt bewaard.";
pub const DOSSIER_TITLE_PLACEHOLDER: &str =
    "Naam van het dossier, bijvoorbeeld Tweede tranche 2022";
pub const BUILTIN_RUBRIC: &str = "Ingebouwde leidraad";
pub const RUBRIC_FROM_FILE: &str = "Leidraad uit bestand…";
pub const CREATE: &str = "Aanmaken en bewaren…";
pub const RECENT: &str = "Recente dossiers";
pub const NO_RECENT: &str = "Nog geen recente dossiers.";
pub const BACK_TO_DOSSIER: &str = "Terug naar het open dossier";
pub const EXAMPLE_DOSSIER: &str = "Voorbeelddossier (verzonnen regio’s)";
pub const DIALOG_BUSY: &str = "Er staat al een venster voor een bestand open.";
pub const DIALOG_FILTER_DOSSIER: &str = nl::DOSSIER;
pub const DIALOG_FILTER_RUBRIC: &str = nl::RUBRIC;
pub const DEFAULT_DOSSIER_FILE: &str = "dossier.leidraad";
pub const NEED_TITLE: &str = "Geef het dossier een naam.";
pub fn rubric_chosen(title: &str, version: &str) -> String {
    format!("Gekozen: {title} ({version})")
}
pub const KEYS_START: &str = "Ctrl+O dossier openen";

// Error screen.
pub const LOAD_FAILED_TITLE: &str = "Dit bestand kan niet worden geopend";
pub const LOAD_FAILED_UNTOUCHED: &str = "Het bestand is niet gewijzigd. Herstel de fout (of open de reservekopie met de extensie .bak) en open het opnieuw.";
pub const FILE: &str = "Bestand";
pub const POSITION: &str = "Plaats";
pub const PROBLEM: &str = "Wat er mis is";
pub const IN_THE_FILE: &str = "In het bestand";
pub fn line_column(line: usize, column: usize) -> String {
    format!("regel {line}, kolom {column}")
}
pub const TRY_AGAIN: &str = "Opnieuw proberen";
