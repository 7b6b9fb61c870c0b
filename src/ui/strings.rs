//! Every text the window shows, in Dutch, in one place so that a
//! translation can be added beside it. Formatting of dates and amounts lives
//! here too: it is part of the language. The words and formats that the
//! PDFs show too (verdicts, rounds, status words, dates, amounts) come from
//! [`leidraad_core::nl`] and are re-exported or called here, so that the
//! window takes every text from this module.

use chrono::{DateTime, Local, NaiveDate, Utc};

use leidraad_core::dossier::{Round, Verdict};
use leidraad_core::edit::EditError;
use leidraad_core::nl;
use leidraad_core::rubric::CriterionId;
use leidraad_core::scoring::{Missing, Status};

pub const APP_TITLE: &str = "Leidraad";

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

// Header.
pub const HOME: &str = "Start";
pub const SAVE: &str = "Opslaan";
pub const ASSESSOR: &str = nl::ASSESSOR;
pub const NO_ASSESSOR: &str = "(nog geen naam)";
pub const NOT_SAVED_YET: &str = "geen onopgeslagen wijzigingen";
pub const UNSAVED_CHANGES: &str = "wijzigingen worden opgeslagen…";
pub fn saved_at(at: &DateTime<Local>) -> String {
    format!("opgeslagen om {}", nl::time(at))
}
pub fn save_failed(detail: &str) -> String {
    format!(
        "Opslaan mislukt: {detail}. Uw wijzigingen staan nog in het venster; probeer opnieuw met Ctrl+S."
    )
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
pub const DEFAULT_DOSSIER_FILE: &str = "dossier.ron";
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

// Applications list.
pub const APPLICATIONS: &str = "Aanvragen";
pub const ADD_APPLICATION: &str = "Aanvraag toevoegen (Ctrl+N)";
pub const NO_APPLICATIONS: &str =
    "Dit dossier heeft nog geen aanvragen. Voeg de eerste toe met ‘Aanvraag toevoegen’ (Ctrl+N).";
pub const COL_REGION: &str = "Regio en plan";
pub const COL_SUBMITTED: &str = "Ingediend";
pub const COL_TOTAL_1: &str = nl::ROUND_1;
pub const COL_TOTAL_2: &str = nl::ROUND_2;
pub const COL_STATUS: &str = nl::STATUS;
pub const COL_PROGRESS: &str = "Uw voortgang";
pub const SCORE: &str = "Beoordelen";
pub const EDIT: &str = "Gegevens";
pub const NO_TOTAL: &str = "—";
pub const AFTER_DEADLINE: &str = "na de indieningsdatum";
pub const NAME_NEEDED: &str =
    "Vul eerst uw naam in: elke beoordeling wordt op naam van de beoordelaar vastgelegd.";
pub const USE_NAME: &str = "Naam gebruiken";
pub const OR_PICK: &str = "of kies:";
pub fn list_intro(round: Round) -> String {
    format!(
        "Status en voortgang gelden voor {}. Kies ‘Beoordelen’ bij een aanvraag om haar te scoren.",
        round_long(round).to_lowercase()
    )
}
pub fn progress(ko_judged: usize, ko_count: usize, scored: usize, count: usize) -> String {
    format!("KO {ko_judged}/{ko_count} · criteria {scored}/{count}")
}
pub const SUBMITTED_MARK: &str = "ingediend";
pub const NOT_STARTED: &str = "niet begonnen";
pub const MAY_NOT_SCORE: &str = "niet uitgenodigd";

pub use nl::{round_long, round_short};

/// The status badge: the PDFs' words, but shorter for two of them.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Incomplete => "onvolledig",
        Status::Invited => "gesprek",
        other => nl::status(other),
    }
}

// Application form.
pub const NEW_APPLICATION: &str = "Nieuwe aanvraag";
pub fn edit_application(id: &str) -> String {
    format!("Gegevens van aanvraag {id}")
}
pub const F_REGION: &str = "Regio";
pub const F_PLAN: &str = "Titel van het plan";
pub const F_CONTACT: &str = "Contactpersoon";
pub const F_SUBMITTED: &str = "Ingediend op (dd-mm-jjjj)";
pub const F_DOCUMENTS: &str = "Ontvangen stukken";
pub const F_REQUESTED: &str = "Gevraagde bijdrage (€)";
pub const F_OWN: &str = "Eigen bijdrage (€)";
pub const F_MUNICIPALITIES: &str = "Aantal gemeenten";
pub const F_INHABITANTS: &str = "Aantal inwoners";
pub const F_YOUNG: &str = "Aantal jeugdigen";
pub const SCALE_DATA: &str = "Schaalgrootte";
pub const SAVE_APPLICATION: &str = "Opslaan";
pub const FORM_KEYS: &str = "Tab: volgend veld · Enter: opslaan · Esc: annuleren";
pub const CANCEL: &str = "Annuleren";
pub const REGION_REQUIRED: &str = "Vul de regio in.";
pub const DATE_INVALID: &str = "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 14-07-2022.";
pub const NUMBER_INVALID: &str = "Alleen hele getallen, bijvoorbeeld 1.250.000.";
pub fn after_deadline(deadline: NaiveDate) -> String {
    format!(
        "Let op: ingediend na de uiterste indieningsdatum van {}.",
        date(deadline)
    )
}
pub fn amount_shown(eur: u64) -> String {
    format!("= {}", amount(eur))
}

// Scoring screen.
pub const BACK_TO_LIST: &str = "← Aanvragen";
pub const KNOCKOUTS: &str = nl::KNOCKOUTS;
pub const KNOCKOUTS_HINT: &str = "Alle acht moeten voldaan zijn. Eén ‘niet voldaan’ betekent dat de aanvraag wordt afgewezen, ongeacht de punten.";
pub const CRITERIA: &str = "Aanvullende selectiecriteria";
pub const MOTIVATION: &str = nl::MOTIVATION;
pub const MOTIVATION_PLACEHOLDER: &str = "Waarom deze score? Verwijs naar het plan.";
pub const KO_MOTIVATION_PLACEHOLDER: &str =
    "Motivering (verplicht bij ‘niet voldaan’ en ‘twijfel’)";
pub const EVIDENCE: &str = "Vindplaats";
pub const EVIDENCE_DOC: &str = "Document, bijvoorbeeld Plan van aanpak";
pub const EVIDENCE_PAGE: &str = "Pagina";
pub const NOT_ADDRESSED: &str = nl::NOT_ADDRESSED;
pub const YES: &str = nl::YES;
pub const NO: &str = nl::NO;
pub const CLEAR: &str = "wissen";
pub const NOT_SCORED: &str = "nog niet gescoord";
pub const TOTAL: &str = nl::TOTAL;
pub const SUBMIT: &str = "Beoordeling indienen (Ctrl+Enter)";
pub const SUBMITTED_READ_ONLY: &str =
    "Deze beoordeling is ingediend en kan niet meer worden gewijzigd.";
pub const STILL_TO_DO: &str = "Nog te doen voor indienen";
pub const READY_TO_SUBMIT: &str = "Alles is ingevuld: de beoordeling kan worden ingediend.";
pub const SUBMIT_REFUSED: &str = "Indienen kan nog niet. Vul eerst aan wat hieronder staat.";
pub const KEYS_HELP: &str = "Tab en Shift+Tab: volgend en vorig veld · cijfers: waarde kiezen · N: niet behandeld · Delete: wissen · Ctrl+Enter: indienen · Ctrl+S: opslaan";
pub const KO_KEYS: &str = "toetsen: V voldaan, N niet voldaan, T twijfel, O open";
/// The keys that pick a value on a scale, shown beside the focused one.
pub fn scale_keys(scale: &leidraad_core::rubric::Scale) -> String {
    use leidraad_core::rubric::Scale;
    match scale {
        Scale::YesNo { .. } => "toetsen: J ja, N nee".to_string(),
        Scale::Items { max_each, .. } => format!("toetsen 0 tot en met {max_each}"),
        _ => {
            let (min, max) = scale.bounds();
            let nb = if scale.allows_not_addressed() {
                ", N niet behandeld"
            } else {
                ""
            };
            if max >= 10 {
                format!("toetsen {min} tot en met {max} (10 is 1 en 0){nb}")
            } else {
                format!("toetsen {min} tot en met {max}{nb}")
            }
        }
    }
}
pub fn points_of(points: &str, cap: u32) -> String {
    nl::of_cap(points, cap)
}
pub fn max_points(cap: u32) -> String {
    format!("max. {cap} punten")
}
pub fn submitted_on(at: &DateTime<Utc>) -> String {
    let local: DateTime<Local> = at.with_timezone(&Local);
    format!(
        "Ingediend op {} om {}.",
        date(local.date_naive()),
        nl::time(&local)
    )
}
pub fn not_invited(region: &str) -> String {
    format!(
        "{region} is in ronde 1 niet uitgenodigd voor de gespreksronde en kan in ronde 2 niet worden beoordeeld."
    )
}
pub fn out_of_range(typed: &str, min: u32, max: u32) -> String {
    format!("{typed} kan niet: kies een heel getal van {min} tot en met {max}.")
}
fn kept(kept: Option<u32>) -> String {
    match kept {
        Some(n) => format!("Niet overgenomen; er blijft {n} staan."),
        None => "Niet overgenomen.".to_string(),
    }
}
/// A typed value outside the scale, refused; says what still counts.
pub fn refused(typed: &str, min: u32, max: u32, still: Option<u32>) -> String {
    format!("{} {}", out_of_range(typed, min, max), kept(still))
}
pub fn not_a_number(min: u32, max: u32, still: Option<u32>) -> String {
    format!(
        "Alleen cijfers: een heel getal van {min} tot en met {max}. {}",
        kept(still)
    )
}
pub fn range_hint(min: u32, max: u32) -> String {
    format!("{min} tot en met {max}")
}

pub use nl::verdict;

/// The one line that says where a plan stands.
pub fn standing_rejected(ids: &[CriterionId]) -> String {
    format!(
        "{} niet voldaan: aanvraag wordt afgewezen",
        join_and(&ids.iter().map(|i| i.to_string()).collect::<Vec<_>>())
    )
}
pub fn standing_in_progress(total: &str, cap: u32, left: usize) -> String {
    let what = if left == 1 {
        "nog 1 criterium te scoren".to_string()
    } else {
        format!("nog {left} criteria te scoren")
    };
    format!("{total} van {cap} tot nu toe: {what}")
}
pub fn standing_below(total: &str, cap: u32, threshold: u32, round: Round) -> String {
    match round {
        Round::One => format!("{total} van {cap}: onder de drempel van {threshold}"),
        Round::Two => {
            format!("{total} van {cap}: onder de drempel van {threshold}, wordt niet toegekend")
        }
    }
}
pub fn standing_above(total: &str, cap: u32, round: Round, kos_settled: bool) -> String {
    let line = match round {
        Round::One => format!("{total} van {cap}: door naar de gespreksronde"),
        Round::Two => format!("{total} van {cap}: komt in aanmerking voor toekenning"),
    };
    if kos_settled {
        line
    } else {
        format!("{line}, mits alle knock-outcriteria voldaan zijn")
    }
}

/// Missing items, grouped by kind: one line per kind.
pub fn missing_lines(missing: &[Missing]) -> Vec<String> {
    let mut open = Vec::new();
    let mut doubt = Vec::new();
    let mut split = Vec::new();
    let mut unscored = Vec::new();
    let mut motivation = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut reason = Vec::new();
    let mut none = false;
    for m in missing {
        match m {
            Missing::NoAssessments => none = true,
            Missing::KoOpen(id) => open.push(id.to_string()),
            Missing::KoDoubt(id) => doubt.push(id.to_string()),
            Missing::KoSplit(id) => split.push(id.to_string()),
            Missing::Unscored(id) | Missing::UnscoredBy(id, _) => {
                if !unscored.contains(&id.to_string()) {
                    unscored.push(id.to_string())
                }
            }
            Missing::NoMotivation(id) => motivation.push(id.to_string()),
            Missing::Unconfirmed(id) => unconfirmed.push(id.to_string()),
            Missing::NoReason(id) => reason.push(id.to_string()),
        }
    }
    let mut lines = Vec::new();
    if none {
        lines.push("Nog geen ingediende beoordeling".to_string());
    }
    if !open.is_empty() {
        lines.push(format!("Oordeel nog open: {}", open.join(", ")));
    }
    if !doubt.is_empty() {
        lines.push(format!(
            "Twijfel, kies voldaan of niet voldaan: {}",
            doubt.join(", ")
        ));
    }
    if !split.is_empty() {
        lines.push(format!(
            "Beoordelaars verschillen, panel beslist: {}",
            split.join(", ")
        ));
    }
    if !unscored.is_empty() {
        lines.push(format!("Nog niet gescoord: {}", unscored.join(", ")));
    }
    if !motivation.is_empty() {
        lines.push(format!("Motivering ontbreekt: {}", motivation.join(", ")));
    }
    if !unconfirmed.is_empty() {
        lines.push(format!(
            "Score uit ronde 1 nog bevestigen of wijzigen: {}",
            unconfirmed.join(", ")
        ));
    }
    if !reason.is_empty() {
        lines.push(format!(
            "Gewijzigd sinds ronde 1, reden ontbreekt: {}",
            reason.join(", ")
        ));
    }
    lines
}

/// A total in the list that the viewer may not see yet (blind scoring).
pub const LIST_HIDDEN: &str = "verborgen";
/// The ranking of a round, for an assessor who has not submitted all of it.
pub fn ranking_blind(hidden: usize, round: Round) -> String {
    format!(
        "De rangschikking van ronde {} bestaat uit de scores van alle beoordelaars. U ziet haar pas als u uw eigen beoordelingen hebt ingediend: nog {hidden} aanvra{} waarvan u de scores van anderen nog niet mag zien.",
        round.number(),
        if hidden == 1 { "ag" } else { "gen" }
    )
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
/// A disagreement whose scores the viewer may not see yet.
pub const FLAG_HIDDEN: &str =
    "Scores verborgen tot u uw eigen beoordeling van deze aanvraag hebt ingediend.";

pub fn edit_error(e: &EditError) -> String {
    use leidraad_core::dossier::ScoreError;
    match e {
        EditError::Score(ScoreError::OutOfRange {
            value, min, max, ..
        }) => out_of_range(&value.to_string(), *min, *max),
        EditError::Score(ScoreError::NotAddressedNotAllowed { criterion }) => {
            format!("Bij {criterion} kan ‘niet behandeld’ niet worden gekozen.")
        }
        EditError::Score(ScoreError::TooLong { length, max, .. }) => format!(
            "Deze tekst is te lang: {length} tekens; er passen er ten hoogste {max}. De vorige tekst is bewaard."
        ),
        EditError::Score(ScoreError::TooMany { max, .. }) => {
            format!("Er passen ten hoogste {max} in één dossier.")
        }
        EditError::Score(other) => format!("Deze waarde past niet: {other}."),
        EditError::Conflict(id) => format!(
            "U hebt voor {id} een belangenconflict gemeld; u beoordeelt deze aanvraag niet."
        ),
        EditError::UnknownApplication(id) => format!("Aanvraag {id} bestaat niet (meer)."),
        EditError::UnknownKnockout(id) => format!("Knock-outcriterium {id} bestaat niet."),
        EditError::NotInvited(_) => {
            "Deze aanvraag is in ronde 1 niet uitgenodigd; ronde 2 kan niet worden gescoord."
                .to_string()
        }
        EditError::Submitted(at) => format!(
            "Deze beoordeling is al ingediend ({}) en kan niet meer worden gewijzigd.",
            date_time(at)
        ),
        EditError::Incomplete(_) => SUBMIT_REFUSED.to_string(),
        EditError::DuplicateApplication(id) => format!("Er is al een aanvraag met nummer {id}."),
        EditError::Empty(_) => REGION_REQUIRED.to_string(),
        EditError::ReadOnly => READ_ONLY_EDIT_REFUSED.to_string(),
        EditError::Blind(id) => format!(
            "U kunt voor {id} nog geen consensus vastleggen: dien eerst uw eigen beoordeling in."
        ),
    }
}

/// "a", "a en b", "a, b en c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

pub use nl::{date, date_time};

/// Parse dd-mm-jjjj (also d-m-jjjj, with / or . between).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let d = parts[0].parse().ok()?;
    let m = parts[1].parse().ok()?;
    let y = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

pub use nl::{euro as amount, thousands};

/// A whole number as people type it: "1.250.000", "1250000", "€ 1.250.000".
pub fn parse_whole(s: &str) -> Option<u64> {
    let cleaned: String = s
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    cleaned.parse().ok()
}

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

// ---------------------------------------------------------------------
// Self-check for applicants (issue 7; src/ui/screen/selfcheck.rs). The
// result lines themselves are the PDF's: report::strings::selfcheck.
// ---------------------------------------------------------------------

pub const SELFCHECK_START: &str = nl::SELFCHECK;
pub const SELFCHECK_START_HINT: &str = "Voor regio’s: leg uw eigen concept-plan langs de leidraad, zoals de beoordelaars dat doen. Zonder dossier, zonder andere regio’s.";
pub const SELFCHECK_NEW: &str = "Nieuwe zelftoets";
pub const SELFCHECK_OPEN: &str = "Zelftoets openen…";
pub const SELFCHECK_SAVE: &str = "Zelftoets opslaan";
pub const SELFCHECK_SAVE_BUTTON: &str = "Opslaan";
pub const SELFCHECK_PRINT: &str = "Uitkomst als PDF…";
pub const SELFCHECK_FILTER: &str = "Zelftoets";
pub const SELFCHECK_FILE_NAME: &str = "zelftoets.ron";
pub const SELFCHECK_PDF_NAME: &str = "zelftoets.pdf";
pub const SELFCHECK_PREVIOUS: &str = "Vorige";
pub const SELFCHECK_NEXT: &str = "Volgende";
pub const SELFCHECK_INTRO: &str = "Doorloop de stappen in de volgorde van de leidraad. Uw antwoorden blijven op deze computer; de uitkomst is een eigen inschatting, geen oordeel van de beoordelingscommissie.";
pub const SELFCHECK_TITLE_LABEL: &str = "Uw plan";
pub const SELFCHECK_TITLE_PLACEHOLDER: &str = "Werktitel van het plan (voor uzelf)";
pub const SELFCHECK_DOCUMENTS: &str = "Mee te sturen documenten";
pub const SELFCHECK_DOCUMENTS_HINT: &str = "Klik een document aan zodra het gereed is.";
pub const SELFCHECK_SIGNATURES: &str = "Handtekeningen onder het plan van aanpak";
pub const SELFCHECK_SIGNATURES_HINT: &str =
    "Bestuurlijk draagvlak: klik aan wie het plan van aanpak heeft ondertekend.";
pub const SELFCHECK_DEADLINE: &str = "Termijn en bestedingsperiode";
pub const SELFCHECK_DATE_LABEL: &str = "Toetsen tegen datum (leeg: vandaag)";
pub const SELFCHECK_DATE_PLACEHOLDER: &str = "dd-mm-jjjj";
pub const SELFCHECK_KO_INTRO: &str = "Elk knock-outcriterium moet in het plan aannemelijk zijn gemaakt. Is één ervan niet aannemelijk gemaakt, dan wordt de aanvraag afgewezen, ongeacht de punten.";
pub const SELFCHECK_KO_QUESTION: &str = "Maakt uw plan het volgende aannemelijk?";
pub const SELFCHECK_LEIDRAAD: &str = nl::RUBRIC;
pub const SELFCHECK_NOTE_PLACEHOLDER: &str =
    "Toelichting: waar staat het in het plan, wat ontbreekt nog?";
pub const SELFCHECK_CRITERIA_INTRO: &str = "Geef uw plan per criterium de score die een beoordelaar volgens u zou geven. Bij elk criterium staat wat hoog scoort.";
pub const SELFCHECK_NOT_ADDRESSED: &str = nl::NOT_ADDRESSED;
pub const SELFCHECK_BUDGET_INTRO: &str = "Neem de bedragen over zoals ze in de begroting van het plan staan, in hele euro’s (bijv. 1.100.000).";
pub const SELFCHECK_YEARS: &str = "Bedragen per jaar";
pub const SELFCHECK_PARTS: &str = "Totaal en bijdragen";
pub const SELFCHECK_STATED_TOTAL: &str = "Totaal volgens het plan";
pub const SELFCHECK_OWN: &str = "Eigen bijdrage";
pub const SELFCHECK_REQUESTED: &str = "Gevraagde bijdrage";
pub const SELFCHECK_AMOUNT_PLACEHOLDER: &str = "bedrag in euro’s";
pub const SELFCHECK_BUDGET_CHECKS: &str = "Controle";
pub const SELFCHECK_BUDGET_OK: &str = "De begroting telt op en valt binnen de bestedingsperiode.";

pub fn selfcheck_step(step: crate::ui::screen::selfcheck::Step) -> &'static str {
    use crate::ui::screen::selfcheck::Step;
    match step {
        Step::Checklist => "Indiening",
        Step::Knockouts => nl::KNOCKOUTS,
        Step::Criteria => nl::WEIGHTED_CRITERIA,
        Step::Budget => "Begroting",
        Step::Result => nl::RESULT,
    }
}

pub fn selfcheck_ready(name: &str, ready: bool) -> String {
    if ready {
        format!("{name}: gereed")
    } else {
        format!("{name}: nog niet gereed")
    }
}

pub fn selfcheck_window(years: (i32, i32)) -> String {
    format!(
        "Bestedingsperiode: de middelen worden besteed in {}.",
        nl::years(years)
    )
}

pub fn selfcheck_year(year: i32, window: (i32, i32)) -> String {
    if (window.0..=window.1).contains(&year) {
        year.to_string()
    } else {
        format!("{year} (buiten de bestedingsperiode)")
    }
}

pub fn selfcheck_years_sum(sum: u64) -> String {
    format!("Som van de jaren: {}", amount(sum))
}

pub fn selfcheck_cap(cap: u32) -> String {
    format!("max {cap} punten")
}

pub fn selfcheck_yes(points: u32) -> String {
    format!("{YES} ({})", nl::points(points))
}

pub fn selfcheck_no(points: u32) -> String {
    format!("{NO} ({})", nl::points(points))
}

pub fn selfcheck_anchors(min: u32, low: &str, max: u32, high: &str) -> String {
    format!("{min} = {low} … {max} = {high}")
}

pub fn selfcheck_opened(path: &str) -> String {
    format!("Zelftoets geopend: {path}")
}

pub fn selfcheck_saved(path: &str) -> String {
    format!("Zelftoets opgeslagen: {path}")
}

pub fn selfcheck_printed(path: &str) -> String {
    format!("Uitkomst als PDF geschreven: {path}")
}

// Ranking screen.
pub const RANKING: &str = nl::RANKING;
pub const TO_RANKING: &str = "Rangschikking en budget";
pub fn ranking_intro(round: Round, threshold: u32, award_count: u32) -> String {
    match round {
        Round::One => format!(
            "Eerste beoordeling: aanvragen met {threshold} punten of meer en geen KO niet voldaan worden uitgenodigd voor het gesprek."
        ),
        Round::Two => format!(
            "Definitieve beoordeling: de {award_count} aanvragen met de meeste punten (minimaal {threshold}) krijgen de subsidie."
        ),
    }
}
pub const COL_RANK: &str = nl::PLACE;
pub const COL_TOTAL: &str = nl::TOTAL;
pub fn cap_short(cap: u32) -> String {
    format!("max. {cap}")
}
pub const COL_FAILED_KO: &str = nl::FAILED_KO;
pub const COL_ASSESSORS: &str = "Beoord.";
pub const COL_CONSENSUS: &str = "Consensus";
pub fn threshold_line(threshold: u32) -> String {
    format!("{}: {threshold} {}", nl::THRESHOLD_LINE, nl::POINTS)
}
pub fn award_line(award_count: u32) -> String {
    format!("{}: {}", nl::AWARD_LINE, nl::places(award_count))
}
pub const NOT_RANKED: &str = "niet gerangschikt";
/// Beside a bar whose total ties at the award line: a decision is needed.
pub const TIE_MARK: &str = "gelijk";
pub const NO_RANKED: &str = "Nog geen aanvraag is volledig beoordeeld in deze ronde.";

// Ties.
pub const TIES: &str = nl::TIE_AT_AWARD_LINE;
pub fn tie_group(members: &str, total: &str, places: u32) -> String {
    format!(
        "{members} hebben allemaal {total} punten; er is nog {}. De leidraad kent geen beslisregel: het panel legt een besluit vast.",
        nl::places(places)
    )
}
pub const RECORD_DECISION: &str = "Besluit vastleggen";
pub fn choose_awarded(places: u32) -> String {
    format!("Kies wie de subsidie krijgt ({places}):")
}
pub const DECISION_MOTIVATION: &str = "Motivering van het besluit";
pub const DECISION_MOTIVATION_PLACEHOLDER: &str =
    "Waarom deze keuze? (bijvoorbeeld: gesprek, schaalgrootte, spreiding over het land)";
pub const RECORD: &str = "Vastleggen";
pub fn tie_choose_count(places: u32, chosen: usize) -> String {
    format!("Kies precies {places}; nu gekozen: {chosen}.")
}
pub const MOTIVATION_REQUIRED: &str = "Een besluit heeft een motivering nodig.";
pub fn tie_decided(awarded: &str, motivation: &str) -> String {
    format!("Besluit vastgelegd: toegekend aan {awarded}. Motivering: {motivation}")
}
pub const DECISIONS: &str = "Vastgelegde besluiten";

// Sensitivity.
pub const SENSITIVITY: &str = "Gevoeligheid";
pub const SENSITIVITY_INTRO: &str = "Blijft de toekenning gelijk als het totaal van één beoordelaar bij één aanvraag 1 of 2 punten hoger of lager uitvalt, of als één beoordelaar wordt weggelaten?";
pub fn sensitivity_stable(tried: usize) -> String {
    format!(
        "Stabiel: bij geen van de {tried} onderzochte varianten verandert wie de subsidie krijgt."
    )
}
pub fn sensitivity_unstable(tried: usize, changing: usize) -> String {
    format!(
        "Gevoelig: {changing} van de {tried} onderzochte varianten veranderen wie de subsidie krijgt."
    )
}
pub const CROSS_AWARD: &str = "Kunnen de toekenningsgrens passeren:";
pub const CROSS_THRESHOLD: &str = "Kunnen de drempel passeren:";
pub const NOBODY: &str = "geen";
pub fn shift_change(application: &str, assessor: &str, delta: i32) -> String {
    let points = if delta.abs() == 1 {
        nl::POINT
    } else {
        nl::POINTS
    };
    format!("{application}: {assessor} {delta:+} {points}")
}
pub fn leave_out_change(assessor: &str) -> String {
    format!("zonder {assessor}")
}
pub fn awarded_then(list: &str) -> String {
    if list.is_empty() {
        "dan wordt nog niemand zeker toegekend".to_string()
    } else {
        format!("dan toegekend: {list}")
    }
}
pub fn more_findings(n: usize) -> String {
    format!("en nog {n} varianten")
}
pub const SENSITIVITY_ROUND_TWO: &str =
    "De gevoeligheid en het budget gelden voor de definitieve beoordeling (ronde 2).";

// Budget.
pub const BUDGET: &str = nl::ALLOCATION;
pub fn budget_intro(budget: u64) -> String {
    format!(
        "Budget {}. Bedragen in hele euro's; bij een verdeling naar rato gaat wat na afronden overblijft per euro naar de grootste resten, bij gelijke rest naar de hoogste plaats.",
        amount(budget)
    )
}
pub const NO_RECIPIENTS: &str = "Er is nog geen aanvraag toegekend; eerst de rangschikking en eventuele gelijke stand afronden.";
pub fn rule_label(rule: leidraad_core::allocation::Rule) -> &'static str {
    use leidraad_core::allocation::{Rule, ScaleFigure};
    match rule {
        Rule::Equal => "Gelijke delen",
        Rule::Requested => "Naar aanvraag",
        Rule::Scale(ScaleFigure::Inhabitants) => "Naar inwoners",
        Rule::Scale(ScaleFigure::YoungPeople) => "Naar jeugdigen",
        Rule::Scale(ScaleFigure::Municipalities) => "Naar gemeenten",
        Rule::Manual => "Handmatig",
    }
}
pub const PROPOSAL: &str = "Voorstel:";
pub const COL_REQUESTED: &str = "Aangevraagd";
pub const COL_INHABITANTS: &str = "Inwoners";
pub const COL_YOUNG: &str = "Jeugdigen";
pub const COL_MUNICIPALITIES: &str = "Gemeenten";
pub const COL_AMOUNT: &str = "Bedrag (€)";
pub fn budget_sum(total: u64, remainder: i128) -> String {
    if remainder >= 0 {
        format!(
            "Totaal {}; over: {}",
            amount(total),
            amount(remainder as u64)
        )
    } else {
        format!(
            "Totaal {}; {} boven het budget",
            amount(total),
            amount(remainder.unsigned_abs() as u64)
        )
    }
}
pub const OVER_BUDGET: &str = "Deze verdeling gaat boven het budget en kan niet worden vastgelegd.";
pub fn above_request(ids: &str) -> String {
    format!("Boven het aangevraagde bedrag: {ids}. Leg uit waarom in de motivering.")
}
pub const NOT_A_WHOLE_AMOUNT: &str = "geen heel bedrag";
pub const ALLOCATION_MOTIVATION_PLACEHOLDER: &str =
    "Motivering van de verdeling (beoordeling, gesprekken, schaalgrootte)";
pub const RECORD_ALLOCATION: &str = "Verdeling vastleggen";
pub fn allocation_recorded(rule: &str, total: u64) -> String {
    format!("Vastgelegde verdeling ({rule}): totaal {}", amount(total))
}
pub fn allocation_error(e: &leidraad_core::allocation::AllocationError) -> String {
    use leidraad_core::allocation::AllocationError as E;
    let ids = |v: &[leidraad_core::dossier::ApplicationId]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match e {
        E::NoRecipients => NO_RECIPIENTS.to_string(),
        E::MissingRequest(v) => format!("Geen aangevraagd bedrag bekend voor {}.", ids(v)),
        E::MissingFigure(v) => format!("Dit getal ontbreekt voor {}.", ids(v)),
        E::ZeroWeight => "De getallen tellen op tot 0; verdelen naar rato kan niet.".into(),
        E::OverBudget { .. } => OVER_BUDGET.to_string(),
        E::NotAwarded(id) => format!("{id} is niet toegekend."),
        E::AboveRequestUnmotivated(v) => above_request(&ids(v)),
        E::NoMotivation => "Een verdeling heeft een motivering nodig.".into(),
        E::Decision(e) => decision_error(e),
    }
}

/// Why a decision was not recorded.
pub fn decision_error(e: &leidraad_core::panel::DecisionError) -> String {
    use leidraad_core::panel::DecisionError as E;
    match e {
        E::NoSuchTie { .. } => {
            "Deze gelijke stand bestaat niet meer: de rangschikking is veranderd.".into()
        }
        E::NotInGroup(id) => format!("{id} hoort niet bij de gelijke stand."),
        E::Count { places, chosen } => tie_choose_count(*places, *chosen),
        E::NoAwards => "Het aantal toekenningen moet minstens 1 zijn.".into(),
        E::NoMotivation => MOTIVATION_REQUIRED.to_string(),
        E::ReadOnly(_) => READ_ONLY_EDIT_REFUSED.to_string(),
    }
}

// CSV export.
pub const EXPORT_CSV: &str = "Scores als CSV…";
pub const EXPORT_CSV_TITLE: &str = "Scores opslaan als CSV";
pub const DIALOG_FILTER_CSV: &str = "CSV-bestand";
pub const CSV_FILE_NAME: &str = "scores.csv";
pub fn exported_csv(path: &str) -> String {
    format!("CSV opgeslagen: {path}")
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
pub const CHANGED_ON_DISK: &str = "Het dossier is buiten dit venster gewijzigd (door een ander programma). Er is niets overschreven. Kies: opnieuw laden (uw niet-opgeslagen wijzigingen in dit venster vervallen) of uw versie bewaren (de andere versie blijft bewaard als NAAM.ron.bak).";
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

// ---------------------------------------------------------------------------
// Ranking: sortable table and charts (issue 6). Kept together in one block.
// ---------------------------------------------------------------------------

/// The arrow beside a sorted column header: ▲ ascending, ▼ descending.
pub fn sort_arrow(descending: bool) -> &'static str {
    if descending { "▼" } else { "▲" }
}
pub const SORT_HINT: &str =
    "Klik op een kolomkop om te sorteren; nog eens klikken draait de volgorde om.";
pub const LINES_ONLY_BY_RANK: &str =
    "De drempel en de toekenningsgrens staan alleen in de tabel als die op plaats is gesorteerd.";
pub const TAB_TABLE: &str = "Tabel";
pub const TAB_BARS: &str = "Staafdiagram";
pub const TAB_HEAT: &str = "Heatmap";
pub const TAB_ROUNDS: &str = "Ronde 1 → 2";
pub fn bars_intro(threshold: u32) -> String {
    format!(
        "Het totaal per regio, opgebouwd uit de punten per groep van criteria. De stippellijn is de drempel van {threshold} punten."
    )
}
pub const HEAT_INTRO: &str = "Het eindcijfer per criterium; hoe donkerder de cel, hoe dichter bij het maximum van dat criterium.";
pub const ROUNDS_INTRO: &str =
    "Het totaal in ronde 1 en in ronde 2, voor de aanvragen met een totaal in beide rondes.";
pub const LEGEND_ROUND_ONE: &str = "ronde 1 (open rondje)";
pub const LEGEND_ROUND_TWO: &str = "ronde 2 (dicht rondje)";
pub const HEAT_LEGEND_LOW: &str = "0% van het maximum";
pub const HEAT_LEGEND_HIGH: &str = "100%";
pub const NO_PAIRS: &str = "Nog geen aanvraag heeft een totaal in beide rondes.";
pub const HOVER_BARS: &str = "Wijs een deel van een balk aan voor de punten van die groep.";
pub const HOVER_HEAT: &str =
    "Wijs een cel aan voor de punten en de motiveringen van de beoordelaars.";
pub const HOVER_ROUNDS: &str = "Wijs een regio aan voor de totalen van beide rondes.";
pub fn chart_threshold(threshold: u32) -> String {
    format!("{} {threshold}", nl::THRESHOLD_LINE)
}
pub fn chart_cap(cap: u32) -> String {
    format!("max. {cap}")
}
/// `62 → 71 (+9)`.
pub fn chart_pair(one: &leidraad_core::exact::Exact, two: &leidraad_core::exact::Exact) -> String {
    let (sign, diff) = if two >= one {
        ("+", *two - *one)
    } else {
        ("−", *one - *two)
    };
    format!(
        "{} → {} ({sign}{})",
        one.to_dutch_short(),
        two.to_dutch_short(),
        diff.to_dutch_short()
    )
}
pub fn chart_of_cap(value: &leidraad_core::exact::Exact, cap: u32) -> String {
    nl::of_cap(value.to_dutch_short(), cap)
}
pub fn chart_total(total: &leidraad_core::exact::Exact, max: u32) -> String {
    format!("Totaal: {} van {max}", total.to_dutch_short())
}
pub const CHART_FROM_CONSENSUS: &str = "Vastgesteld in consensus.";
pub fn chart_mean_of(n: u32) -> String {
    match n {
        1 => format!("Punten van {}.", nl::assessors(n)),
        n => format!("Gemiddelde van {}.", nl::assessors(n)),
    }
}
pub const CHART_NOT_SCORED: &str = nl::NOT_SCORED;
pub const CHART_NO_MOTIVATION: &str = "Geen motivering.";
pub const CHART_CONSENSUS: &str = "Consensus";
pub const CHART_CRITERIA_IN_GROUP: &str = "Criteria in deze groep";
pub fn chart_round_total(round: Round, total: &leidraad_core::exact::Exact) -> String {
    format!("{}: {} punten", round_short(round), total.to_dutch_short())
}
pub fn chart_difference(
    one: &leidraad_core::exact::Exact,
    two: &leidraad_core::exact::Exact,
) -> String {
    if two >= one {
        format!("{}: +{}", nl::DIFFERENCE, (*two - *one).to_dutch_short())
    } else {
        format!("{}: −{}", nl::DIFFERENCE, (*one - *two).to_dutch_short())
    }
}
// ---------------------------------------------------------------------------
// End of the ranking block.
// ---------------------------------------------------------------------------

// ---- disagreements, round 2, conflicts, import ----
// (src/ui/screen/{scoring,list,disagreements}.rs)

// Round 2: the copy of round 1, to confirm or change.
pub const ROUND_TWO_HINT: &str = "Ronde 2 begint met uw eigen scores uit ronde 1. Bevestig elke score (knop ‘Bevestigen’, of Enter op de rij) of wijzig hem; schrijf bij een wijziging op waarom (Enter op de rij brengt u naar dat veld).";
pub fn round_one_value(value: &str) -> String {
    format!("Ronde 1: {value}")
}
pub const CONFIRM: &str = "Bevestigen";
pub const TO_CONFIRM: &str = "nog bevestigen";
pub const CONFIRMED: &str = "✓ bevestigd";
pub const CHANGED: &str = "gewijzigd";
pub const WHY_CHANGED: &str = "Waarom gewijzigd?";
pub const WHY_CHANGED_PLACEHOLDER: &str =
    "Verplicht: waarom wijkt dit af van ronde 1? Bijv. ‘gesprek: begroting verduidelijkt’";
/// A round-1 value as the card shows it: points, ja/nee, niet behandeld,
/// or the items with their points.
pub fn value_text(value: &leidraad_core::dossier::Value, items: &[(String, String)]) -> String {
    use leidraad_core::dossier::Value;
    match value {
        Value::Yes => YES.to_string(),
        Value::No => NO.to_string(),
        Value::NotAddressed => NOT_ADDRESSED.to_string(),
        Value::Points(n) => n.to_string(),
        Value::Items(m) => items
            .iter()
            .filter_map(|(id, name)| m.get(id).map(|n| format!("{name} {n}")))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

// Conflicts of interest.
pub const DECLARE_CONFLICT: &str = "Belangenconflict melden";
pub fn conflict_question(id: &str, region: &str) -> String {
    format!("Belangenconflict melden voor {id} · {region}?")
}
pub const CONFLICT_CONSEQUENCE: &str = "U beoordeelt deze aanvraag dan niet meer, in geen van beide rondes. Uw concept-beoordeling ervan wordt verwijderd; wat u al hebt ingediend blijft bewaard. De melding komt in het logboek van het dossier.";
pub const CONFLICT_NOTE_PLACEHOLDER: &str =
    "Toelichting (niet verplicht), bijv. ‘oud-collega van de projectleider’";
pub const CONFLICT_CONFIRM: &str = "Belangenconflict melden";
pub fn conflict_declared(at: &DateTime<Utc>, note: &str) -> String {
    let note = if note.trim().is_empty() {
        String::new()
    } else {
        format!(" (‘{}’)", note.trim())
    };
    format!(
        "U hebt op {} een belangenconflict gemeld voor deze aanvraag{note}. U beoordeelt haar niet.",
        date_time(at)
    )
}
pub const LIST_CONFLICT: &str = "belangenconflict";

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
    }
}

// Disagreements.
pub const DISAGREEMENTS: &str = "Verschillen";
pub const DISAGREEMENTS_TITLE: &str = "Verschillen tussen beoordelaars";
pub fn disagreements_intro(round: Round) -> String {
    format!(
        "Waar de ingediende beoordelingen van {} uiteenlopen, het zwaarste eerst: knock-outs, dan totalen aan weerszijden van de grens, dan de grootste spreiding. Klik op een regel om de scores naast elkaar te zien.",
        round_short(round).to_lowercase()
    )
}
pub fn no_disagreements(round: Round) -> String {
    format!(
        "Geen verschillen in {}: de ingediende beoordelingen liggen dicht genoeg bij elkaar (of er is per aanvraag nog maar één ingediend).",
        round_short(round).to_lowercase()
    )
}
pub fn disagreement_count(n: usize) -> String {
    match n {
        1 => "1 verschil".to_string(),
        n => format!("{n} verschillen"),
    }
}
pub const COL_APPLICATION: &str = nl::APPLICATION;
pub const COL_WHAT: &str = "Soort";
pub const COL_WHERE: &str = nl::CRITERION;
pub const COL_DETAIL: &str = "Scores";
pub const FLAG_KO_SPLIT: &str = "oordeel knock-out verschilt";
pub const FLAG_THRESHOLD: &str = "weerszijden van de grens";
pub const FLAG_SPREAD: &str = "grote spreiding";
pub const ALL_CRITERIA: &str = "totaal";
pub const SIDE_BY_SIDE: &str = "Naast elkaar →";
pub fn flag_verdicts(verdicts: &[(String, Verdict)]) -> String {
    verdicts
        .iter()
        .map(|(who, v)| format!("{who}: {}", verdict(*v)))
        .collect::<Vec<_>>()
        .join(" · ")
}
pub fn flag_spread(low: u32, high: u32, cap: u32) -> String {
    format!("laagste {low}, hoogste {high} van {cap} punten")
}
pub fn flag_threshold(totals: &[(String, leidraad_core::exact::Exact)], threshold: u32) -> String {
    let totals = totals
        .iter()
        .map(|(who, t)| format!("{who}: {}", t.to_dutch_short()))
        .collect::<Vec<_>>()
        .join(" · ");
    format!("{totals} (grens {threshold})")
}

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
    format!("pakket-{name}-ronde-{}.ron", round.number())
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
// ---- end of disagreements, round 2, conflicts, import ----

// ---- panel screen ----
// The panel screen of one application (src/ui/screen/panel.rs): the
// assessors side by side, the consensus, round 1 against round 2, the
// interview and addenda, and the history.

pub const PANEL_BACK: &str = "← Terug";
pub const PANEL_TITLE: &str = "Panel";
pub const PANEL_TAB_SIDE_BY_SIDE: &str = "Naast elkaar";
pub const PANEL_TAB_CONSENSUS: &str = "Consensus";
pub const PANEL_TAB_ROUNDS: &str = "Ronde 1 ↔ 2";
pub const PANEL_TAB_INTERVIEW: &str = "Gesprek en addendum";
pub const PANEL_TAB_HISTORY: &str = "Geschiedenis";
pub const PANEL_KEYS: &str = "Esc: terug naar de aanvragen";
pub const PANEL_BLIND_NOT_SUBMITTED: &str =
    "U ziet de scores van de andere beoordelaars pas nadat u uw eigen beoordeling heeft ingediend.";
pub const PANEL_BLIND_CONFLICT: &str = "U heeft een belangenconflict gemeld voor deze aanvraag. De scores van de andere beoordelaars worden u daarom niet getoond.";
pub const PANEL_NO_SUBMITTED: &str =
    "Er is in deze ronde nog geen ingediende beoordeling voor deze aanvraag.";
pub fn panel_not_submitted_yet(names: &[String]) -> String {
    format!("Nog niet ingediend: {}.", join_and(names))
}
pub const PANEL_COL_MEAN: &str = "Gemiddeld";
pub const PANEL_COL_MAJORITY: &str = "Meerderheid";
pub const PANEL_COL_CONSENSUS: &str = "Consensus";
pub const PANEL_NO_MOTIVATION: &str = nl::NO_MOTIVATION;
pub const PANEL_NO_CONSENSUS: &str = "nog niet vastgesteld";
pub const PANEL_NO_MEAN: &str = "—";
pub const PANEL_FLAGS: &str = "Verschillen tussen de beoordelaars";
pub const PANEL_NO_FLAGS: &str = "Geen opvallende verschillen tussen de beoordelaars.";
pub const PANEL_FLAG_BADGE: &str = "verschil";
pub fn panel_flag_spread(criterion: &CriterionId, low: u32, high: u32, cap: u32) -> String {
    format!("{criterion}: punten lopen uiteen van {low} tot {high} (maximaal {cap})")
}
pub fn panel_flag_ko_split(ko: &CriterionId, verdicts: &[(String, Verdict)]) -> String {
    let parts: Vec<String> = verdicts
        .iter()
        .map(|(who, v)| format!("{who} {}", verdict(*v)))
        .collect();
    format!("{ko}: oordelen verschillen ({})", parts.join(", "))
}
pub fn panel_flag_threshold(
    threshold: u32,
    totals: &[(String, leidraad_core::exact::Exact)],
) -> String {
    let parts: Vec<String> = totals
        .iter()
        .map(|(who, t)| format!("{who} {}", t.to_dutch_short()))
        .collect();
    format!(
        "Totalen liggen aan weerszijden van de drempel van {threshold} punten ({})",
        parts.join(", ")
    )
}
pub fn panel_points(points: u32) -> String {
    nl::points(points)
}
pub fn panel_max(cap: u32) -> String {
    format!("max. {cap}")
}
pub fn panel_exact(mean: &str, fraction: &str) -> String {
    format!("{mean} (exact {fraction})")
}

// Consensus.
pub const PANEL_START_FROM_PROPOSAL: &str = "Begin bij gemiddelde/meerderheid";
pub const PANEL_START_HINT: &str = "Vult elk knock-outcriterium en elk criterium dat nog geen consensuswaarde heeft met de meerderheid of het afgeronde gemiddelde van de ingediende beoordelingen. Vastgestelde waarden blijven staan.";
pub const PANEL_CONSENSUS_SHEET: &str = "Consensusscoreblad (PDF)";
pub const PANEL_CONSENSUS_INTRO: &str = "Leg per knock-outcriterium en per criterium de waarde vast waarover het panel het eens is, met een motivering. Een vastgestelde waarde gaat vóór het gemiddelde van de beoordelaars.";
pub const PANEL_CONSENSUS_MOTIVATION: &str = "Motivering van het panel";
pub const PANEL_CONSENSUS_PLACEHOLDER: &str =
    "Waarom deze waarde? Verwijs naar de beoordelingen en het plan.";
pub const PANEL_MISSING_MOTIVATIONS: &str = "Nog zonder motivering:";
pub fn panel_proposal_mean(mean: &str, value: &str) -> String {
    format!("gemiddeld {mean} → {value}")
}
pub const PANEL_NO_PROPOSAL: &str = "geen voorstel: nog niet door elke beoordelaar gescoord";
pub fn panel_proposal_majority(v: Verdict) -> String {
    format!("meerderheid: {}", verdict(v))
}
pub const PANEL_NO_MAJORITY: &str = "geen meerderheid";
pub const PANEL_ALL_MOTIVATED: &str = "Bij elke vastgestelde waarde staat een motivering.";
pub const PANEL_NOTHING_AGREED: &str = "Het panel heeft voor deze ronde nog niets vastgesteld.";
pub fn panel_final_total(round: Round, total: &leidraad_core::exact::Exact) -> String {
    format!(
        "Eindtotaal {}: {} / 100",
        round_short(round).to_lowercase(),
        total.to_dutch_short()
    )
}
pub fn panel_no_final_total(round: Round) -> String {
    format!(
        "Eindtotaal {}: nog niet vast te stellen",
        round_short(round).to_lowercase()
    )
}
pub const PANEL_FINAL_STATUS: &str = nl::STATUS;
pub fn panel_recorded(by: &str, at: &DateTime<Utc>) -> String {
    format!("Laatst vastgelegd door {by} op {}.", date_time(at))
}
pub const PANEL_NEED_NAME: &str =
    "Vul eerst uw naam in op de lijst met aanvragen: die staat bij elke vastgelegde waarde.";
pub const PANEL_ROUND_TWO_NOT_INVITED: &str =
    "Deze aanvraag is in ronde 1 niet uitgenodigd; er is voor haar geen ronde 2.";

// Round 1 against round 2.
pub const PANEL_ROUNDS_NOT_INVITED: &str = "Deze aanvraag is in ronde 1 niet uitgenodigd voor een gesprek. Er is dus geen ronde 2 om mee te vergelijken.";
pub const PANEL_ROUNDS_INTRO: &str = "De eindwaarde per criterium in beide rondes (consensus, anders het gemiddelde van de ingediende beoordelingen), en per beoordelaar waarom een waarde in ronde 2 is gewijzigd.";
pub const PANEL_COL_ITEM: &str = nl::CRITERION;
pub const PANEL_COL_DIFFERENCE: &str = nl::DIFFERENCE;
pub const PANEL_COL_WHY: &str = "Waarom gewijzigd";
pub const PANEL_NO_REASON: &str = "(geen reden gegeven)";
pub const PANEL_UNCHANGED: &str = "gelijk";
pub const PANEL_CHANGED: &str = "gewijzigd";
/// A difference between the rounds: "+⅓", "−2", or "gelijk" (`amount`
/// is the size, already written).
pub fn panel_difference(up: Option<bool>, amount: &str) -> String {
    match up {
        Some(true) => format!("+{amount}"),
        Some(false) => format!("−{amount}"),
        None => PANEL_UNCHANGED.to_string(),
    }
}
pub const PANEL_NO_NOTES: &str = "geen toelichting van de beoordelaars";
pub fn panel_changed_from(who: &str, from: &str, to: &str) -> String {
    format!("{who} ({from} → {to}):")
}

// Interview and addenda.
pub const PANEL_INTERVIEW_NOT_INVITED: &str = "Een gesprek en een addendum horen alleen bij aanvragen die in ronde 1 zijn uitgenodigd. Deze aanvraag is (nog) niet uitgenodigd.";
pub const PANEL_INTERVIEW: &str = "Gesprek";
pub const PANEL_INTERVIEW_DATE: &str = "Datum (dd-mm-jjjj)";
pub const PANEL_PARTICIPANTS: &str = "Deelnemers, gescheiden door komma’s";
pub const PANEL_INTERVIEW_NOTES: &str = "Verslag van het gesprek";
pub const PANEL_SAVE_INTERVIEW: &str = "Gesprek vastleggen";
pub const PANEL_NO_INTERVIEW: &str = "Nog geen gesprek vastgelegd.";
pub fn panel_interview_recorded(by: &str, at: Option<&DateTime<Utc>>) -> String {
    match nl::recorded(by, at.map(date_time).as_deref()) {
        line if line.is_empty() => "Vastgelegd.".to_string(),
        line => format!("{line}."),
    }
}
pub const PANEL_INTERVIEW_SAVED: &str = "Het gesprek is vastgelegd.";
pub const PANEL_ADDENDA: &str = "Addenda";
pub const PANEL_NO_ADDENDA: &str = "Nog geen addendum ontvangen.";
pub const PANEL_ADDENDUM_DATE: &str = "Ontvangen op (dd-mm-jjjj)";
pub const PANEL_ADDENDUM_DOCUMENT: &str = "Document";
pub const PANEL_ADDENDUM_DOCUMENT_PLACEHOLDER: &str = "bijvoorbeeld Aanvulling begroting";
pub const PANEL_PARTICIPANTS_PLACEHOLDER: &str = "bijvoorbeeld J. de Vries, A. Bakker";
pub const PANEL_INTERVIEW_NOTES_PLACEHOLDER: &str = "Wat is besproken, en wat levert de regio na?";
pub const PANEL_ADDENDUM_NOTE_PLACEHOLDER: &str = "Wat het addendum aanvult";
pub const PANEL_ADDENDUM_NOTE: &str = "Toelichting (niet verplicht)";
pub const PANEL_REGISTER_ADDENDUM: &str = "Addendum registreren";
pub const PANEL_ADDENDUM_SAVED: &str = "Het addendum is geregistreerd.";
pub const PANEL_DOCUMENT_REQUIRED: &str = "Vul de naam van het document in.";
pub fn panel_addendum_line(received: NaiveDate, document: &str) -> String {
    format!("{} · {document}", date(received))
}
pub fn panel_registered_by(by: &str) -> String {
    format!("geregistreerd door {by}")
}

// History.
pub const PANEL_COL_WHEN: &str = "Wanneer";
pub const PANEL_COL_WHO: &str = "Wie";
pub const PANEL_COL_ROUND: &str = nl::ROUND;
pub const PANEL_COL_SUBJECT: &str = "Werk van";
pub const PANEL_COL_CRITERION: &str = nl::CRITERION;
pub const PANEL_COL_WHAT: &str = "Wat";
pub const PANEL_COL_CHANGE: &str = "Oud → nieuw";
pub const PANEL_NO_HISTORY: &str = "Voor deze aanvraag is nog niets gewijzigd.";
pub const PANEL_HISTORY_HIDDEN: &str =
    "Wijzigingen aan scores die u nog niet mag zien (blind beoordelen) zijn weggelaten.";
pub fn panel_history_more(shown: usize, total: usize) -> String {
    format!("De nieuwste {shown} van {total} wijzigingen worden getoond.")
}
pub const PANEL_SUBJECT_CONSENSUS: &str = "panel (consensus)";
pub const PANEL_EMPTY_VALUE: &str = "(leeg)";
pub const PANEL_OLD: &str = "Oud";
pub const PANEL_NEW: &str = "Nieuw";
pub fn audit_field(field: leidraad_core::audit::Field) -> &'static str {
    use leidraad_core::audit::Field;
    match field {
        Field::Score => "score",
        Field::Verdict => "oordeel",
        Field::Motivation => "motivering",
        Field::Evidence => "vindplaats",
        Field::Confirmed => "ronde 1 bevestigd",
        Field::WhyChanged => "reden van wijziging",
        Field::Submitted => "ingediend",
        Field::Assessment => "beoordeling",
        Field::Decision => "besluit",
        Field::Conflict => "belangenconflict",
        Field::Interview => "gesprek",
        Field::Addendum => "addendum",
        Field::Import => "import",
    }
}
// ---- end of the panel screen block ----

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_use_dots_between_thousands() {
        assert_eq!(amount(1_234_567), "€ 1.234.567");
        assert_eq!(amount(0), "€ 0");
        assert_eq!(amount(999), "€ 999");
        assert_eq!(amount(1000), "€ 1.000");
        assert_eq!(parse_whole("€ 1.250.000"), Some(1_250_000));
        assert_eq!(parse_whole("12a"), None);
    }

    #[test]
    fn dates_are_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2022, 7, 5).unwrap();
        assert_eq!(date(d), "05-07-2022");
        assert_eq!(parse_date("5-7-2022"), Some(d));
        assert_eq!(parse_date("05-07-2022"), Some(d));
        assert_eq!(parse_date("2022-07-05"), None);
        assert_eq!(parse_date("31-02-2022"), None);
    }

    #[test]
    fn missing_is_grouped_by_kind() {
        let lines = missing_lines(&[
            Missing::KoOpen("KO1".into()),
            Missing::KoOpen("KO2".into()),
            Missing::NoMotivation("C3".into()),
        ]);
        assert_eq!(
            lines,
            vec![
                "Oordeel nog open: KO1, KO2".to_string(),
                "Motivering ontbreekt: C3".to_string()
            ]
        );
    }
}
