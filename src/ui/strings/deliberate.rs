//! Consensus as a deliberate act (draft, record, the lines it crosses, a
//! consensus made without a late assessor), a knock-out in twijfel that
//! the panel decides, and withdrawing a submission.

use chrono::{DateTime, Utc};

use leidraad_core::consensus::{Crossing, Line};
use leidraad_core::dossier::{Round, Verdict};
use leidraad_core::rubric::CriterionId;

use super::{date_time, join_and, verdict};

// A knock-out in twijfel.
/// In the list and in Verschillen: the application waits for the panel's
/// verdict on a knock-out.
pub const PANEL_DECIDES: &str = "KO: panel beslist";
pub fn panel_decides_on(ids: &[String]) -> String {
    format!("{PANEL_DECIDES} ({})", ids.join(", "))
}
pub fn panel_flag_ko_doubt(ko: &CriterionId, verdicts: &[(String, Verdict)]) -> String {
    let parts: Vec<String> = verdicts
        .iter()
        .map(|(who, v)| format!("{who} {}", verdict(*v)))
        .collect();
    format!("{ko}: twijfel, het panel beslist ({})", parts.join(", "))
}
/// The scoring screen, once submitted: what this assessor left to the panel.
pub fn doubt_submitted(ids: &[String]) -> String {
    format!("Twijfel bij {}: het panel beslist.", ids.join(", "))
}
/// The scoring screen: what this assessor leaves to the panel.
pub fn doubt_to_panel(ids: &[String]) -> String {
    format!(
        "Twijfel bij {}: u kunt indienen (met motivering); het panel beslist.",
        ids.join(", ")
    )
}

// A consensus made without a late assessor.
pub const FLAG_MADE_WITHOUT: &str = "consensus zonder beoordelaar";
pub fn made_without(names: &[String]) -> String {
    format!(
        "Vastgelegd zonder {}: die beoordeling is ingediend nadat de consensus werd vastgelegd. Bekijk de consensus opnieuw.",
        join_and(names)
    )
}

// Draft and record.
pub const CONSENSUS_DRAFT: &str = "Concept: deze consensus telt nog niet mee in het totaal of de status. Leg haar vast als elke waarde een motivering heeft.";
pub fn draft_changed(by: &str, at: &DateTime<Utc>) -> String {
    format!("Laatst gewijzigd door {by} op {}.", date_time(at))
}
pub fn consensus_recorded(by: &str, at: &DateTime<Utc>) -> String {
    format!(
        "Vastgelegd door {by} op {}: deze consensus telt mee.",
        date_time(at)
    )
}
pub const RECORD_CONSENSUS: &str = "Consensus vastleggen…";
pub const RECORD_CONFIRM_TITLE: &str = "Consensus vastleggen?";
pub const RECORD_CONFIRM: &str = "Vastleggen";
pub const RECORD_CONFIRM_ANYWAY: &str = "Toch vastleggen";
pub const RECORD_CANCEL: &str = "Annuleren";
pub fn record_result(total: Option<&str>, round: Round) -> String {
    match total {
        Some(t) => format!(
            "Na vastleggen is het eindtotaal van ronde {} {t} / 100. Elke wijziging daarna maakt er weer een concept van.",
            round.number()
        ),
        None => format!(
            "Het eindtotaal van ronde {} is daarna nog niet vast te stellen (er ontbreekt nog een waarde).",
            round.number()
        ),
    }
}
pub const RECORD_NO_CROSSING: &str =
    "Het afronden brengt de aanvraag niet over de drempel of de toekenningsgrens.";
pub fn crossing(c: &Crossing) -> String {
    let (exact, agreed) = (c.exact.to_dutch_short(), c.agreed.to_dutch_short());
    let up = c.agreed > c.exact;
    let side = if up { "boven" } else { "onder" };
    let line = match c.line {
        Line::Threshold(n) => format!("de drempel van {n}"),
        Line::Award(t) => format!("de toekenningsgrens ({})", t.to_dutch_short()),
    };
    format!(
        "Let op: het exacte gemiddelde geeft {exact}, de consensus {agreed}. Afronden brengt de aanvraag {side} {line}."
    )
}
pub const RECORDED_READ_ONLY: &str = "Deze consensus is vastgelegd. Wilt u iets wijzigen, heropen haar dan: ze wordt weer een concept en telt niet mee tot u haar opnieuw vastlegt.";
pub const REOPEN_CONSENSUS: &str = "Heropenen (wordt concept)";
pub const FROM_ROUND_ONE: &str = "voorstel: de consensus van ronde 1";
pub fn unmotivated(ids: &[CriterionId]) -> String {
    let ids: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
    format!(
        "De consensus kan nog niet worden vastgelegd: de motivering ontbreekt bij {}.",
        join_and(&ids)
    )
}
pub const NO_DRAFT: &str = "Er is nog geen concept om vast te leggen: stel eerst een waarde vast.";

/// The field of a log entry in the history: a consensus "submitted" is
/// the consensus recorded (and, emptied, reopened as a draft).
pub fn audit_field_of(e: &leidraad_core::audit::Entry) -> &'static str {
    use leidraad_core::audit::{CONSENSUS, Field};
    match e.field {
        Field::Submitted if e.subject == CONSENSUS => "vastgelegd",
        other => super::audit_field(other),
    }
}

// Withdrawing a submission.
pub const WITHDRAW: &str = "Indiening intrekken…";
pub const WITHDRAW_TITLE: &str = "Indiening intrekken";
pub const WITHDRAW_INTRO: &str = "De beoordeling wordt weer een concept en telt niet meer mee tot u haar opnieuw indient. Dat kan alleen zolang het panel nog geen consensus over deze aanvraag heeft vastgelegd.";
pub const WITHDRAW_REASON: &str = "Reden (verplicht, komt in de geschiedenis)";
pub const WITHDRAW_REASON_PLACEHOLDER: &str = "Waarom trekt u de indiening in?";
pub const WITHDRAW_CONFIRM: &str = "Intrekken";
pub const WITHDRAW_CANCEL: &str = "Annuleren";
pub const WITHDRAW_REASON_REQUIRED: &str = "Vul een reden in: die komt in de geschiedenis.";
pub const WITHDRAWN: &str = "Indiening ingetrokken: de beoordeling is weer een concept.";
pub fn withdraw_after_consensus(app: &str, round: Round, at: &str) -> String {
    format!(
        "Het panel heeft op {at} consensus over {app} in ronde {} vastgelegd; de indiening kan niet meer worden ingetrokken.",
        round.number()
    )
}
pub const NOT_SUBMITTED: &str = "Deze beoordeling is niet ingediend; er is niets in te trekken.";
