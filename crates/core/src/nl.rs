//! The Dutch words and formats that the window and the PDFs share, so that
//! both say a thing the same way: the verdicts, the rounds, the status of an
//! application, column and section words, counts ("1 punt", "3 punten"),
//! dates (dd-mm-jjjj, with the time of day) and amounts in euros
//! (€ 1.250.000). Exact totals are written by
//! [`Exact::to_dutch`](crate::exact::Exact::to_dutch) and
//! [`Exact::to_dutch_short`](crate::exact::Exact::to_dutch_short).
//!
//! Only words: nothing here knows of a screen or a page. The texts that one
//! face alone shows stay with it (`leidraad::ui::strings` for the window,
//! `leidraad_report::strings` for the PDFs), which re-export or call these.
//! Words written to files are a file format, not language, and are not
//! here (the verdicts of a CSV file: `Verdict::csv_word`).

use std::fmt::Display;

use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::dossier::{Round, Verdict};
use crate::scoring::Status;

// Words: headings, column heads and labels.
pub const APPLICATION: &str = "Aanvraag";
pub const ASSESSOR: &str = "Beoordelaar";
pub const DOSSIER: &str = "Dossier";
pub const RUBRIC: &str = "Leidraad";
pub const KNOCKOUTS: &str = "Knock-outcriteria";
pub const WEIGHTED_CRITERIA: &str = "Gewogen criteria";
pub const CRITERION: &str = "Criterium";
pub const MOTIVATION: &str = "Motivering";
pub const NO_MOTIVATION: &str = "(geen motivering)";
pub const TOTAL: &str = "Totaal";
pub const STATUS: &str = "Status";
/// The place in the ranking.
pub const PLACE: &str = "Plaats";
pub const FAILED_KO: &str = "KO niet voldaan";
pub const DIFFERENCE: &str = "Verschil";
pub const RANKING: &str = "Rangschikking";
pub const ALLOCATION: &str = "Verdeling van het budget";
/// The outcome of an assessment or of a self-check.
pub const RESULT: &str = "Uitkomst";
pub const SELFCHECK: &str = "Zelftoets voor aanvragers";
/// The label of the threshold line in a chart ("drempel 65").
pub const THRESHOLD_LINE: &str = "drempel";
/// The label of the award line in a chart and a table.
pub const AWARD_LINE: &str = "toekenningsgrens";
pub const TIE_AT_AWARD_LINE: &str = "Gelijke stand op de toekenningsgrens";
pub const RECORDED_BY: &str = "Vastgelegd door";
/// "71 van 100".
pub const OF: &str = "van";

// Values of a criterion.
pub const YES: &str = "ja";
pub const NO: &str = "nee";
pub const NOT_ADDRESSED: &str = "niet behandeld";
pub const NOT_SCORED: &str = "niet gescoord";

/// A knock-out verdict.
pub fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Open => "open",
        Verdict::Met => "voldaan",
        Verdict::NotMet => "niet voldaan",
        Verdict::Doubt => "twijfel",
    }
}

// Rounds.
pub const ROUND: &str = "Ronde";
pub const ROUND_1: &str = "Ronde 1";
pub const ROUND_2: &str = "Ronde 2";

/// "Ronde 1".
pub fn round_short(round: Round) -> &'static str {
    match round {
        Round::One => ROUND_1,
        Round::Two => ROUND_2,
    }
}

/// "eerste beoordeling".
pub fn round_name(round: Round) -> &'static str {
    match round {
        Round::One => "eerste beoordeling",
        Round::Two => "definitieve beoordeling",
    }
}

/// "Ronde 1: eerste beoordeling" (the short and the name, as one static
/// text).
pub fn round_long(round: Round) -> &'static str {
    match round {
        Round::One => "Ronde 1: eerste beoordeling",
        Round::Two => "Ronde 2: definitieve beoordeling",
    }
}

/// The status of an application in a round, in a word or two (for tables
/// and badges).
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Incomplete => "niet compleet",
        Status::Rejected => "afgewezen (KO)",
        Status::NotInvited => "niet uitgenodigd",
        Status::BelowThreshold => "onder de drempel",
        Status::Invited => "uitgenodigd",
        Status::Awarded => "toegekend",
        Status::NotAwarded => "niet toegekend",
        Status::Tie => "gelijke stand",
        Status::Provisional => "voorlopig",
    }
}

/// A recorded decision as people number them: "besluit 1" is the first
/// (index 0 in JSON).
pub fn decision_number(index: usize) -> String {
    format!("besluit {}", index + 1)
}

/// The kind of a recorded decision.
pub fn decision_kind(kind: &crate::dossier::DecisionKind) -> &'static str {
    use crate::dossier::DecisionKind;
    match kind {
        DecisionKind::TieBreak { .. } => "gelijke stand beslecht",
        DecisionKind::AwardCount(_) => "aantal toekenningen",
        DecisionKind::Allocation { .. } => "verdeling van het budget",
        DecisionKind::ThresholdWaiver { .. } => "ontheffing van de drempel",
        DecisionKind::Revoke { .. } => "intrekking",
    }
}

/// Where a recorded decision stands.
pub fn decision_state(state: crate::scoring::DecisionState) -> &'static str {
    use crate::scoring::DecisionState;
    match state {
        DecisionState::Current => "geldig",
        DecisionState::Stale => "verouderd",
        DecisionState::Revoked => "ingetrokken",
    }
}

/// "voorlopig: A07 is nog niet compleet" (the ids of the open ones).
pub fn provisional(pending: &[crate::dossier::ApplicationId]) -> String {
    let ids: Vec<&str> = pending.iter().map(|i| i.0.as_str()).collect();
    let verb = if ids.len() == 1 { "is" } else { "zijn" };
    format!(
        "voorlopig: {} {verb} nog niet compleet; niemand is toegekend zolang de uitslag nog kan veranderen",
        ids.join(", ")
    )
}

/// What an interview did to the panel's confidence.
pub fn confidence(c: crate::dossier::Confidence) -> &'static str {
    use crate::dossier::Confidence;
    match c {
        Confidence::Raised => "hoger",
        Confidence::Unchanged => "gelijk",
        Confidence::Lowered => "lager",
    }
}

/// A division rule (the code `allocation::Rule::code` stores) in a few
/// words.
pub fn rule_name(code: &str) -> &str {
    match code {
        "equal" => "gelijke delen",
        "requested" => "naar rato van de aangevraagde bedragen",
        "points" => "naar rato van de punten",
        "scale:inhabitants" => "naar rato van het aantal inwoners",
        "scale:young_people" => "naar rato van het aantal jeugdigen",
        "scale:municipalities" => "naar rato van het aantal gemeenten",
        "manual" => "handmatig",
        other => other,
    }
}

/// A division rule explained in a sentence, for the budget screen and the
/// ranking report.
pub fn rule_explained(code: &str) -> String {
    const CAP: &str = "Niemand krijgt meer dan het aangevraagde bedrag; wat een plafond overlaat, gaat volgens dezelfde regel naar de anderen. Bedragen in hele euro's; de laatste euro's gaan naar de grootste resten.";
    let how = match code {
        "equal" => "Elke toegekende aanvraag krijgt hetzelfde bedrag.".to_string(),
        "requested" => "Elke toegekende aanvraag krijgt een deel naar verhouding van het aangevraagde bedrag.".to_string(),
        "points" => "Elke toegekende aanvraag krijgt een deel naar verhouding van haar eindtotaal in ronde 2: meer punten, meer geld (leidraad, hoofdstuk 4: \"het aantal toegekende punten wordt bij de selectie en toekenning van de financiële middelen meegenomen\").".to_string(),
        "manual" => "De bedragen zijn met de hand vastgesteld; de motivering zegt waarom.".to_string(),
        other => match other.strip_prefix("scale:") {
            Some(_) => format!(
                "Elke toegekende aanvraag krijgt een deel {} (schaalgrootte van de proeftuin).",
                rule_name(other)
            ),
            None => other.to_string(),
        },
    };
    if code == "manual" {
        how
    } else {
        format!("{how} {CAP}")
    }
}

/// Why a recorded decision is stale or revoked (`why` in
/// `leidraad decisions`).
pub mod why {
    use super::decision_number;

    pub fn revoked(by: usize, motivation: &str) -> String {
        format!("ingetrokken door {}: {motivation}", decision_number(by))
    }

    pub fn replaced(by: usize) -> String {
        format!("vervangen door {}", decision_number(by))
    }

    pub fn tie_gone(group: &str) -> String {
        format!("er is geen gelijke stand van {group} op de toekenningsgrens meer")
    }

    pub fn tie_other(group: &str, now: &str) -> String {
        format!("de gelijke stand op de toekenningsgrens is nu {now}, niet {group}")
    }

    pub fn tie_places(places: u32, chosen: usize) -> String {
        format!(
            "er zijn nu {places} plaatsen voor de gelijke stand, het besluit kende er {chosen} toe"
        )
    }

    pub fn provisional(pending: &str) -> String {
        format!("de rangorde is voorlopig: {pending} nog niet compleet")
    }

    pub fn awarded_changed(was: &str, now: &str) -> String {
        format!("toegekend zijn nu {now}; het besluit verdeelde over {was}")
    }

    pub fn line_changed(was: &str, now: &str) -> String {
        format!("op of boven de toekenningsgrens staan nu {now}; bij het besluit waren dat {was}")
    }

    pub fn waiver_not_below(app: &str, status: &str) -> String {
        format!("{app} staat niet meer onder de drempel ({status})")
    }

    pub fn waiver_total(app: &str, was: &str, now: &str) -> String {
        format!("het totaal van {app} is nu {now}; bij het besluit was het {was}")
    }
}

// Counts.
pub const POINT: &str = "punt";
pub const POINTS: &str = "punten";

/// "1 punt", "3 punten".
pub fn points(n: u32) -> String {
    format!("{n} {}", if n == 1 { POINT } else { POINTS })
}

/// "1 plaats", "3 plaatsen".
pub fn places(n: u32) -> String {
    match n {
        1 => "1 plaats".to_string(),
        n => format!("{n} plaatsen"),
    }
}

/// "1 beoordelaar", "3 beoordelaars".
pub fn assessors(n: u32) -> String {
    match n {
        1 => "1 beoordelaar".to_string(),
        n => format!("{n} beoordelaars"),
    }
}

/// "71,33 van 100": a value (already written) out of a maximum.
pub fn of_cap(value: impl Display, cap: u32) -> String {
    format!("{value} {OF} {cap}")
}

/// "Vastgelegd door J. de Vries op 14-07-2022" (`when` already written);
/// without a name or a moment that part is left out, and without both the
/// text is empty.
pub fn recorded(by: &str, when: Option<&str>) -> String {
    match (by.trim().is_empty(), when) {
        (false, Some(when)) => format!("{RECORDED_BY} {by} op {when}"),
        (false, None) => format!("{RECORDED_BY} {by}"),
        (true, Some(when)) => format!("Vastgelegd op {when}"),
        (true, None) => String::new(),
    }
}

// Dates and amounts.

/// dd-mm-jjjj.
pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The time of day: "09:07".
pub fn time(at: &DateTime<Local>) -> String {
    at.format("%H:%M").to_string()
}

/// A moment in local time: "14-07-2022 09:07".
pub fn date_time(at: &DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local);
    format!("{} {}", date(local.date_naive()), time(&local))
}

/// "2022–2025": a span of years.
pub fn years(span: (i32, i32)) -> String {
    format!("{}–{}", span.0, span.1)
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

/// € 1.234.567
pub fn euro(amount: u64) -> String {
    format!("€ {}", thousands(amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn amounts_use_dots_between_thousands() {
        assert_eq!(euro(1_234_567), "€ 1.234.567");
        assert_eq!(euro(0), "€ 0");
        assert_eq!(euro(999), "€ 999");
        assert_eq!(euro(1000), "€ 1.000");
        assert_eq!(thousands(12_345_678_901), "12.345.678.901");
    }

    #[test]
    fn dates_are_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2022, 7, 5).unwrap();
        assert_eq!(date(d), "05-07-2022");
        let at = Local.with_ymd_and_hms(2022, 7, 5, 9, 7, 0).unwrap();
        assert_eq!(date_time(&at.with_timezone(&Utc)), "05-07-2022 09:07");
        assert_eq!(years((2022, 2025)), "2022–2025");
    }

    #[test]
    fn the_long_round_is_the_short_and_the_name() {
        for round in Round::ALL {
            assert_eq!(
                round_long(round),
                format!("{}: {}", round_short(round), round_name(round))
            );
            assert_eq!(round_short(round), format!("{ROUND} {}", round.number()));
        }
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(points(1), "1 punt");
        assert_eq!(points(0), "0 punten");
        assert_eq!(places(1), "1 plaats");
        assert_eq!(places(2), "2 plaatsen");
        assert_eq!(assessors(1), "1 beoordelaar");
        assert_eq!(assessors(3), "3 beoordelaars");
    }

    #[test]
    fn recorded_leaves_out_what_is_not_known() {
        assert_eq!(
            recorded("Jan", Some("05-07-2022")),
            "Vastgelegd door Jan op 05-07-2022"
        );
        assert_eq!(recorded("Jan", None), "Vastgelegd door Jan");
        assert_eq!(
            recorded(" ", Some("05-07-2022")),
            "Vastgelegd op 05-07-2022"
        );
        assert_eq!(recorded("", None), "");
    }
}
