//! Texts that more than one screen shows: the title, the header, the
//! rounds, verdicts and status words, the refusals of an edit, and the
//! Dutch way of writing lists, dates and amounts (mostly the shared ones of
//! [`leidraad_core::nl`]).

use chrono::{DateTime, Local, NaiveDate};

use leidraad_core::edit::EditError;
use leidraad_core::nl;
use leidraad_core::scoring::Status;

use super::{READ_ONLY_EDIT_REFUSED, REGION_REQUIRED, SUBMIT_REFUSED, out_of_range};

pub const APP_TITLE: &str = "Leidraad";

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

// Rounds, verdicts and status.
pub use nl::{round_long, round_short};

/// The status badge: the PDFs' words, but shorter for two of them.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Incomplete => "onvolledig",
        Status::Invited => "gesprek",
        other => nl::status(other),
    }
}

pub use nl::verdict;

// Refusals of an edit.
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
        EditError::Empty("the reason") => super::WITHDRAW_REASON_REQUIRED.to_string(),
        EditError::Empty(_) => REGION_REQUIRED.to_string(),
        EditError::ReadOnly => READ_ONLY_EDIT_REFUSED.to_string(),
        EditError::Blind(id) => format!(
            "U kunt voor {id} nog geen consensus vastleggen: dien eerst uw eigen beoordeling in."
        ),
        EditError::Unmotivated(ids) => super::unmotivated(ids),
        EditError::NoDraft(..) => super::NO_DRAFT.to_string(),
        EditError::ConsensusRecorded {
            application,
            round,
            at,
        } => super::withdraw_after_consensus(&application.0, *round, at),
        EditError::NotSubmitted => super::NOT_SUBMITTED.to_string(),
    }
}

// Lists, dates and amounts.

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

/// Why `s` is no date: a day that does not exist ("31-02-2022") is told
/// apart from a date written otherwise than dd-mm-jjjj.
pub fn date_problem(s: &str) -> String {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    let well_formed = parts.len() == 3
        && parts[2].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if well_formed {
        format!("{} bestaat niet: kijk de dag en de maand na.", s.trim())
    } else {
        super::DATE_INVALID.to_string()
    }
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
}
