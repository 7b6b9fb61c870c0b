//! Every text the window shows, in Dutch, in one place so that a
//! translation can be added beside it. Formatting of dates and amounts lives
//! here too: it is part of the language.

use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::dossier::{Round, Verdict};
use crate::edit::EditError;
use crate::rubric::CriterionId;
use crate::scoring::{Missing, Status};

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
pub const ASSESSOR: &str = "Beoordelaar";
pub const NO_ASSESSOR: &str = "(nog geen naam)";
pub const NOT_SAVED_YET: &str = "geen onopgeslagen wijzigingen";
pub const UNSAVED_CHANGES: &str = "wijzigingen worden opgeslagen…";
pub fn saved_at(at: &DateTime<Local>) -> String {
    format!("opgeslagen om {}", at.format("%H:%M"))
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
pub const DIALOG_FILTER_DOSSIER: &str = "Dossier";
pub const DIALOG_FILTER_RUBRIC: &str = "Leidraad";
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
pub const COL_TOTAL_1: &str = "Ronde 1";
pub const COL_TOTAL_2: &str = "Ronde 2";
pub const COL_STATUS: &str = "Status";
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

pub fn round_short(round: Round) -> &'static str {
    match round {
        Round::One => "Ronde 1",
        Round::Two => "Ronde 2",
    }
}

pub fn round_long(round: Round) -> &'static str {
    match round {
        Round::One => "Ronde 1: eerste beoordeling",
        Round::Two => "Ronde 2: definitieve beoordeling",
    }
}

pub fn status(status: Status) -> &'static str {
    match status {
        Status::Incomplete => "onvolledig",
        Status::Rejected => "afgewezen (KO)",
        Status::NotInvited => "niet uitgenodigd",
        Status::BelowThreshold => "onder de drempel",
        Status::Invited => "gesprek",
        Status::Awarded => "toegekend",
        Status::NotAwarded => "niet toegekend",
        Status::Tie => "gelijke stand",
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
pub const KNOCKOUTS: &str = "Knock-outcriteria";
pub const KNOCKOUTS_HINT: &str = "Alle acht moeten voldaan zijn. Eén ‘niet voldaan’ betekent dat de aanvraag wordt afgewezen, ongeacht de punten.";
pub const CRITERIA: &str = "Aanvullende selectiecriteria";
pub const MOTIVATION: &str = "Motivering";
pub const MOTIVATION_PLACEHOLDER: &str = "Waarom deze score? Verwijs naar het plan.";
pub const KO_MOTIVATION_PLACEHOLDER: &str =
    "Motivering (verplicht bij ‘niet voldaan’ en ‘twijfel’)";
pub const EVIDENCE: &str = "Vindplaats";
pub const EVIDENCE_DOC: &str = "Document, bijvoorbeeld Plan van aanpak";
pub const EVIDENCE_PAGE: &str = "Pagina";
pub const NOT_ADDRESSED: &str = "niet behandeld";
pub const YES: &str = "ja";
pub const NO: &str = "nee";
pub const CLEAR: &str = "wissen";
pub const NOT_SCORED: &str = "nog niet gescoord";
pub const TOTAL: &str = "Totaal";
pub const SUBMIT: &str = "Beoordeling indienen (Ctrl+Enter)";
pub const SUBMITTED_READ_ONLY: &str =
    "Deze beoordeling is ingediend en kan niet meer worden gewijzigd.";
pub const STILL_TO_DO: &str = "Nog te doen voor indienen";
pub const READY_TO_SUBMIT: &str = "Alles is ingevuld: de beoordeling kan worden ingediend.";
pub const SUBMIT_REFUSED: &str = "Indienen kan nog niet. Vul eerst aan wat hieronder staat.";
pub const KEYS_HELP: &str = "Tab en Shift+Tab: volgend en vorig veld · cijfers: waarde kiezen · N: niet behandeld · Delete: wissen · Ctrl+Enter: indienen · Ctrl+S: opslaan";
pub const KO_KEYS: &str = "toetsen: V voldaan, N niet voldaan, T twijfel, O open";
/// The keys that pick a value on a scale, shown beside the focused one.
pub fn scale_keys(scale: &crate::rubric::Scale) -> String {
    use crate::rubric::Scale;
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
    format!("{points} van {cap}")
}
pub fn max_points(cap: u32) -> String {
    format!("max. {cap} punten")
}
pub fn submitted_on(at: &DateTime<Utc>) -> String {
    let local: DateTime<Local> = at.with_timezone(&Local);
    format!(
        "Ingediend op {} om {}.",
        local.format("%d-%m-%Y"),
        local.format("%H:%M")
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

pub fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Open => "open",
        Verdict::Met => "voldaan",
        Verdict::NotMet => "niet voldaan",
        Verdict::Doubt => "twijfel",
    }
}

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
    lines
}

pub fn edit_error(e: &EditError) -> String {
    use crate::dossier::ScoreError;
    match e {
        EditError::Score(ScoreError::OutOfRange {
            value, min, max, ..
        }) => out_of_range(&value.to_string(), *min, *max),
        EditError::Score(ScoreError::NotAddressedNotAllowed { criterion }) => {
            format!("Bij {criterion} kan ‘niet behandeld’ niet worden gekozen.")
        }
        EditError::Score(other) => format!("Deze waarde past niet: {other}."),
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

/// dd-mm-jjjj.
pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub fn date_time(at: &DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%d-%m-%Y %H:%M")
        .to_string()
}

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

/// € 1.234.567
pub fn amount(eur: u64) -> String {
    format!("€ {}", thousands(eur))
}

/// 1.234.567
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

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
