//! All Dutch text of the PDF reports, in one place. The words and formats
//! that the window shows too (verdicts, rounds, status words, dates,
//! amounts) come from [`leidraad_core::nl`]; the texts here are the pages'
//! own.

use chrono::NaiveDate;

use leidraad_core::dossier::{Round, Verdict};
use leidraad_core::exact::Exact;
use leidraad_core::nl;
use leidraad_core::rubric::{CriterionId, Scale};
use leidraad_core::scoring::{Standing, Status};

pub use nl::{date, euro, round_name};

// Titles
pub const SHEET_TITLE: &str = "Scoreformulier";
pub const CONSENSUS_TITLE: &str = "Scoreformulier consensus";
pub const RANKING_TITLE: &str = nl::RANKING;
pub const CONTINUED: &str = "vervolg";

// Header block
pub const APPLICATION: &str = nl::APPLICATION;
pub const PLAN: &str = "Plan";
pub const ROUND: &str = nl::ROUND;
pub const ASSESSOR: &str = nl::ASSESSOR;
pub const CONSENSUS_PANEL: &str = "Consensus panel";
pub const RECORDED_BY: &str = nl::RECORDED_BY;
pub const ASSESSED_ON: &str = "Datum beoordeling";
pub const RECORDED_ON: &str = "Datum consensus";
pub const PRINTED_ON: &str = "Datum afdruk";
pub const RUBRIC: &str = nl::RUBRIC;
pub const DOSSIER: &str = nl::DOSSIER;
pub const FINGERPRINT: &str = "Vingerafdruk";
/// Before the head of the audit log in the footer (`logboek 42:3fa9c2e1`).
pub const AUDIT_HEAD: &str = "logboek";
pub const RUBRIC_HASH: &str = "Leidraad-hash";
pub const NOT_SUBMITTED: &str = "nog niet ingediend (concept)";
pub const UNKNOWN_DATE: &str = "onbekend";
pub const NO_PLAN_TITLE: &str = "(geen titel opgegeven)";

// Knock-out table
pub const KO_SECTION: &str = nl::KNOCKOUTS;
pub const KO_INTRO: &str = "Alle knock-outcriteria moeten voldaan zijn; één knock-outcriterium ‘niet voldaan’ betekent afwijzing, ongeacht de punten.";
pub const COL_CRITERION: &str = nl::CRITERION;
pub const COL_VERDICT: &str = "Oordeel";
pub const COL_MOTIVATION: &str = nl::MOTIVATION;
pub const COL_MAX: &str = "Max";
pub const COL_SCORE: &str = "Score";
pub const COL_MOTIVATION_EVIDENCE: &str = "Motivering en bron";

// Weighted criteria
pub const CRITERIA_SECTION: &str = nl::WEIGHTED_CRITERIA;
pub const SUBTOTAL: &str = "subtotaal";
pub const TOTAL: &str = nl::TOTAL;
pub const OF: &str = nl::OF;
pub const NOT_SCORED: &str = nl::NOT_SCORED;
pub const NOT_ADDRESSED: &str = nl::NOT_ADDRESSED;
pub const YES: &str = nl::YES;
pub const NO: &str = nl::NO;
pub const EVIDENCE: &str = "Bron";
pub const PAGE_ABBR: &str = "p.";
pub const NO_MOTIVATION: &str = nl::NO_MOTIVATION;
pub const FROM_CONSENSUS: &str = "consensus";
pub const MEAN_NO_CONSENSUS: &str = "gemiddelde, geen consensus";
pub const MEAN_NO_CONSENSUS_KO: &str = "oordeel beoordelaars, geen consensus";
pub const NO_CONSENSUS_KO: &str =
    "Geen consensus vastgelegd: het oordeel volgt uit de ingediende beoordelingen.";
pub const NO_CONSENSUS_MOTIVATION: &str =
    "Geen consensus vastgelegd: de score is het gemiddelde van de ingediende beoordelingen.";
pub const ASSESSORS_SCORES: &str = "Beoordelaars";
pub const KO_ASSESSORS: &str = "Oordelen beoordelaars";

// Result
pub const RESULT_SECTION: &str = nl::RESULT;
pub const ASSESSOR_VERDICT: &str = "Oordeel van deze beoordelaar";
pub const APPLICATION_STANDING: &str = "Stand van de aanvraag op de afdrukdatum";
pub const KO_ALL_MET: &str = "Alle knock-outcriteria voldaan.";
pub const CONCEPT_WARNING: &str =
    "Concept: deze beoordeling is nog niet ingediend en telt nog niet mee.";

// Signatures
pub const SIGNATURE_SECTION: &str = "Ondertekening";
pub const SIGNATURE: &str = "Handtekening";
pub const NAME: &str = "Naam";
pub const DATE: &str = "Datum";
pub const CHAIR: &str = "Voorzitter panel";
pub const SECRETARY: &str = "Secretaris panel";

// Footer
pub const PAGE: &str = "pagina";

// Ranking report
pub const THRESHOLD: &str = "Drempel";
pub const AWARD_COUNT: &str = "Aantal toekenningen";
pub const BUDGET: &str = "Budget";
pub const POINTS: &str = nl::POINTS;
pub const CHART_SECTION: &str = "Totalen";
pub const TABLE_SECTION: &str = "Rangschikking per aanvraag";
pub const COL_PLACE: &str = nl::PLACE;
pub const COL_APPLICATION: &str = nl::APPLICATION;
pub const COL_TOTAL: &str = nl::TOTAL;
pub const COL_STATUS: &str = nl::STATUS;
pub const COL_KO: &str = nl::FAILED_KO;
pub const COL_BASIS: &str = "Basis";
pub const THRESHOLD_LINE: &str = nl::THRESHOLD_LINE;
pub const AWARD_LINE: &str = nl::AWARD_LINE;
pub const NO_TOTAL: &str = "–";
pub const COMPARISON_SECTION: &str = "Eerste en definitieve beoordeling";
pub const COL_ROUND1: &str = nl::ROUND_1;
pub const COL_ROUND2: &str = nl::ROUND_2;
pub const COL_DIFFERENCE: &str = nl::DIFFERENCE;
pub const TIES_SECTION: &str = "Gelijke stand";
pub const NO_TIES: &str = "Geen gelijke stand op de toekenningsgrens.";
pub const DECISIONS_SECTION: &str = "Besluiten van het panel";
pub const NO_DECISIONS: &str = "Geen besluiten vastgelegd in deze ronde.";
pub const DECISION_PENDING: &str =
    "Nog geen besluit: het panel legt een besluit met motivering vast.";
pub const ALLOCATION_SECTION: &str = nl::ALLOCATION;
pub const NO_ALLOCATION: &str = "Er is (nog) geen verdeling van het budget vastgelegd.";
pub const UNRANKED_SECTION: &str = "Niet gerangschikt";
pub const NO_APPLICATIONS: &str = "Het dossier bevat nog geen aanvragen.";
pub const LEGEND: &str = "Legenda";
pub const BY_DECISION: &str = "besluit van het panel";
pub const TIE_DECIDED: &str = "gelijke stand, besloten door het panel";

/// "Ronde 1 (eerste beoordeling)"
pub fn round_label(round: Round) -> String {
    format!("{ROUND} {} ({})", round.number(), round_name(round))
}

/// A knock-out verdict; an open one says that it is not judged yet.
pub fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Open => "open (nog niet beoordeeld)",
        v => nl::verdict(v),
    }
}

fn ko_list(ids: &[CriterionId]) -> String {
    let list = ids
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() == 1 {
        format!("knock-outcriterium {list}")
    } else {
        format!("knock-outcriteria {list}")
    }
}

/// The status line of an application in a round (from `scoring::evaluate`).
pub fn status_line(
    status: Status,
    round: Round,
    threshold: u32,
    failed_ko: &[CriterionId],
) -> String {
    match status {
        Status::Rejected => format!("Afgewezen op {}", ko_list(failed_ko)),
        Status::Incomplete => "Nog niet compleet: kan niet worden gerangschikt".to_string(),
        Status::NotInvited => "Niet uitgenodigd na de eerste beoordeling".to_string(),
        Status::BelowThreshold => match round {
            Round::One => format!(
                "Onder de drempel van {threshold} punten: niet uitgenodigd voor het gesprek"
            ),
            Round::Two => format!("Onder de drempel van {threshold} punten: niet toegekend"),
        },
        Status::Invited => "Uitgenodigd voor het gesprek".to_string(),
        Status::Awarded => "Toegekend".to_string(),
        Status::NotAwarded => "Niet toegekend".to_string(),
        Status::Tie => format!("{}: besluit van het panel nodig", nl::TIE_AT_AWARD_LINE),
        Status::Provisional => {
            "Voorlopig: de rangorde staat pas vast als elke uitgenodigde aanvraag compleet is"
                .to_string()
        }
    }
}

/// A short status word for tables.
pub fn status_short(status: Status) -> &'static str {
    nl::status(status)
}

/// One assessor's own verdict (from `scoring::summarize`).
pub fn standing_line(standing: &Standing, round: Round, threshold: u32) -> String {
    match standing {
        Standing::Rejected(kos) => format!("Afgewezen op {}", ko_list(kos)),
        Standing::InProgress => "Nog niet volledig beoordeeld".to_string(),
        Standing::BelowThreshold => format!("Onder de drempel van {threshold} punten"),
        Standing::AtOrAboveThreshold => match round {
            Round::One => format!("{threshold} punten of meer: uitnodigen voor het gesprek"),
            Round::Two => format!("{threshold} punten of meer: in aanmerking voor toekenning"),
        },
    }
}

/// How a scale is scored, with its anchor words.
pub fn scale(scale: &Scale) -> String {
    match scale {
        Scale::YesNo { yes, no } => format!("ja = {yes}, nee = {no}"),
        Scale::Range {
            min,
            max,
            anchors,
            not_addressed,
        } => {
            let mut s = match anchors {
                Some(a) => format!("{min} ({}) tot {max} ({})", a.low, a.high),
                None => format!("{min} tot {max}"),
            };
            if *not_addressed {
                s.push_str(&format!("; of {NOT_ADDRESSED} = 0"));
            }
            s
        }
        Scale::Items { items, max_each } => {
            let names = items
                .iter()
                .map(|i| i.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            format!("0 tot {max_each} per leefgebied ({names}), opgeteld")
        }
        Scale::Points { max, not_addressed } => {
            let mut s = format!("0 tot {max}");
            if *not_addressed {
                s.push_str(&format!("; of {NOT_ADDRESSED} = 0"));
            }
            s
        }
    }
}

pub fn scale_label() -> &'static str {
    "Schaal"
}

/// "71,33 van 100"
pub fn out_of(total: &Exact, cap: u32) -> String {
    nl::of_cap(total.to_dutch(), cap)
}

pub fn page_of(page: usize, pages: usize) -> String {
    format!("{PAGE} {page} {OF} {pages}")
}

pub fn sheet_running_title(application: &str, region: &str, round: Round, who: &str) -> String {
    format!(
        "{SHEET_TITLE} {application} · {region} · {ROUND} {} · {who}",
        round.number()
    )
}

pub fn ranking_running_title(round: Round) -> String {
    format!("{RANKING_TITLE} · {}", round_label(round))
}

pub fn ranking_heading(round: Round) -> String {
    format!("{RANKING_TITLE} {}", round_label(round).to_lowercase())
}

pub fn assessors_count(n: u32) -> String {
    nl::assessors(n)
}

pub fn award_count_note(rubric_count: u32, in_force: u32) -> String {
    if rubric_count == in_force {
        format!("{in_force}")
    } else {
        format!("{in_force} (besluit van het panel; de leidraad noemt {rubric_count})")
    }
}

pub fn tie_group(number: u32, total: &Exact, places: u32) -> String {
    format!(
        "Groep {number}: gelijk totaal {}, nog {} toe te kennen",
        total.to_dutch(),
        nl::places(places)
    )
}

pub fn tie_decision(awarded: &str) -> String {
    format!("Besluit: toegekend aan {awarded}")
}

pub fn tie_break_decision(group: &str, awarded: &str) -> String {
    format!("{TIES_SECTION} ({group}): toegekend aan {awarded}")
}

pub fn waiver_decision(app: &str) -> String {
    format!("Ontheffing van de drempel voor {app}: mag meedingen naar toekenning")
}

pub fn revoke_decision(index: usize) -> String {
    format!("Intrekking van {}", nl::decision_number(index))
}

/// A decision that is not current: "VEROUDERD: ..." / "INGETROKKEN: ...".
pub fn decision_state_line(state: leidraad_core::scoring::DecisionState, why: &str) -> String {
    format!("{}: {why}", nl::decision_state(state).to_uppercase())
}

/// A sentence with its first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// On a sheet: a decision about this application no longer applies.
pub fn stale_decision_note(index: usize, kind: &str, why: &str) -> String {
    format!(
        "{} ({kind}) is verouderd en wordt niet toegepast: {why}",
        capitalised(&nl::decision_number(index))
    )
}

pub const STALE_HEADING: &str = "Verouderde besluiten";
pub const STALE_ADVICE: &str = "Deze besluiten gelden niet meer: de rangorde is veranderd sinds ze werden genomen. Ze worden niet toegepast; het panel legt ze opnieuw vast of trekt ze in, met een motivering.";
pub const ALLOCATION_STALE: &str =
    "De vastgelegde verdeling is verouderd en geldt niet (zie de besluiten hierboven).";

/// One line of the allocation table.
pub fn allocation_line(
    rank: Option<u32>,
    id: &str,
    region: &str,
    total: &str,
    requested: Option<u64>,
    amount: u64,
) -> String {
    let place = rank.map_or("-".to_string(), |r| r.to_string());
    let requested = requested.map_or("onbekend".to_string(), euro);
    format!(
        "{place}. {id} {region}: {total} punten; aangevraagd {requested}; toegekend {}",
        euro(amount)
    )
}

pub fn award_count_decision(n: u32) -> String {
    format!("Aantal toekenningen vastgesteld op {n}")
}

pub fn decided_by(by: &str, at: Option<NaiveDate>) -> String {
    nl::recorded(by, at.map(date).as_deref())
}

pub fn missing_intro() -> &'static str {
    "Ontbreekt"
}

pub fn not_ranked_reason(status: Status, failed_ko: &[CriterionId]) -> String {
    match status {
        Status::Rejected => format!("afgewezen op {}", ko_list(failed_ko)),
        Status::NotInvited => "niet uitgenodigd na de eerste beoordeling".to_string(),
        _ => "nog niet compleet".to_string(),
    }
}

pub fn with_consensus(consensus: bool, assessors: u32) -> String {
    if consensus {
        format!("consensus; {}", assessors_count(assessors))
    } else {
        format!("gemiddelde van {}", assessors_count(assessors))
    }
}

pub fn difference(d: &Exact) -> String {
    if d.numer() > 0 {
        format!("+{}", d.to_dutch())
    } else {
        d.to_dutch()
    }
}

/// The author of the ranking report: the assessment committee of the
/// programme.
pub fn ranking_author(programme: &str) -> String {
    if programme.trim().is_empty() {
        "Beoordelingscommissie".to_string()
    } else {
        format!("Beoordelingscommissie {programme}")
    }
}

pub fn dossier_label(title: &str) -> String {
    format!("{DOSSIER}: {title}")
}

pub fn chart_caption(threshold: u32) -> String {
    format!(
        "Totaal per aanvraag (schaal 0 tot 100). De gestippelde lijn is de drempel van {threshold} punten; de rode lijn is de toekenningsgrens."
    )
}

pub fn chart_caption_round1(threshold: u32) -> String {
    format!(
        "Totaal per aanvraag (schaal 0 tot 100). De gestippelde lijn is de drempel van {threshold} punten voor de uitnodiging voor het gesprek."
    )
}

pub fn chart_round1_marker() -> &'static str {
    "Het smalle grijze balkje onder een balk is het totaal van de eerste beoordeling."
}

/// One bar of the chart, for its alternative text.
pub struct ChartBar {
    /// "A01 Regio Lindewaard".
    pub label: String,
    pub total: String,
    pub status: Status,
    /// The total of the first assessment, drawn under the bar in round 2.
    pub round1: Option<String>,
}

/// The alternative text of the bar chart of the totals: what it shows, bar
/// by bar, for a reader who cannot see it. `award_line`: the number of
/// awards and the bar the award line is drawn under.
pub fn chart_alt(threshold: u32, award_line: Option<(u32, String)>, bars: &[ChartBar]) -> String {
    let mut out = format!(
        "Staafdiagram van het totaal per aanvraag op een schaal van 0 tot 100, met de drempel van {threshold} punten. "
    );
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            let round1 = b
                .round1
                .as_ref()
                .map(|t| format!(" (eerste beoordeling {t})"))
                .unwrap_or_default();
            format!("{}: {}{round1}, {}", b.label, b.total, nl::status(b.status))
        })
        .collect();
    out.push_str(&items.join("; "));
    out.push('.');
    if let Some((count, below)) = award_line {
        out.push_str(&format!(" De {AWARD_LINE} ({count}) ligt onder {below}.",));
    }
    out
}

/// What keeps an assessment or an application from being complete.
pub fn missing(m: &leidraad_core::scoring::Missing) -> String {
    use leidraad_core::scoring::Missing;
    match m {
        Missing::NoAssessments => "geen ingediende beoordeling".to_string(),
        Missing::KoOpen(id) => format!("{id}: oordeel nog open"),
        Missing::KoDoubt(id) => format!("{id}: twijfel, het panel beslist"),
        Missing::KoSplit(id) => format!("{id}: beoordelaars verschillen, het panel beslist"),
        Missing::Unscored(id) => format!("{id}: niet gescoord"),
        Missing::UnscoredBy(id, who) => format!("{id}: niet gescoord door {who}"),
        Missing::NoMotivation(id) => format!("{id}: geen motivering"),
        Missing::Unconfirmed(id) => format!("{id}: score uit ronde 1 niet bevestigd"),
        Missing::NoReason(id) => format!("{id}: gewijzigd sinds ronde 1 zonder reden"),
    }
}

/// "Ontbreekt: C4: niet gescoord; KO2: oordeel nog open" (at most `max`
/// items, then "en nog 3").
pub fn missing_list(items: &[leidraad_core::scoring::Missing], max: usize) -> String {
    let mut parts: Vec<String> = items.iter().take(max).map(missing).collect();
    if items.len() > max {
        parts.push(format!("en nog {}", items.len() - max));
    }
    format!("{}: {}", missing_intro(), parts.join("; "))
}

pub fn place(rank: u32) -> String {
    format!("plaats {rank}")
}

pub fn standing_with_place(line: &str, rank: Option<u32>) -> String {
    match rank {
        Some(r) => format!("{line} ({})", place(r)),
        None => line.to_string(),
    }
}

/// A passage cited from the plan, word for word, in quotation marks.
pub fn quote(quote: &str) -> String {
    format!("\u{201c}{}\u{201d}", quote.trim())
}

pub fn evidence(document: &str, page: &str) -> String {
    let page = page.trim();
    // "12" becomes "p. 12"; "p. 12", "blz. 3" or "bijlage 2" stay as given.
    let page = if page.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{PAGE_ABBR} {page}")
    } else {
        page.to_string()
    };
    match (document.trim().is_empty(), page.is_empty()) {
        (false, false) => format!("{EVIDENCE}: {}, {page}", document.trim()),
        (false, true) => format!("{EVIDENCE}: {}", document.trim()),
        (true, false) => format!("{EVIDENCE}: {page}"),
        (true, true) => String::new(),
    }
}

/// A long hex hash in groups of eight, so that it wraps between groups.
pub fn grouped_hash(hash: &str) -> String {
    hash.chars()
        .collect::<Vec<_>>()
        .chunks(8)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn points_value(points: u32) -> String {
    format!("({})", nl::points(points))
}

pub fn item_score(name: &str, value: Option<u32>) -> String {
    match value {
        Some(v) => format!("{name}: {v}"),
        None => format!("{name}: {NOT_SCORED}"),
    }
}

pub fn group_label(name: &str) -> String {
    format!("{name} ({SUBTOTAL})")
}

pub fn assessor_scores(scores: &[(String, String)]) -> String {
    let list = scores
        .iter()
        .map(|(who, v)| format!("{who} {v}"))
        .collect::<Vec<_>>()
        .join(" · ");
    format!("{ASSESSORS_SCORES}: {list}")
}

pub fn assessor_verdicts(verdicts: &[(String, Verdict)]) -> String {
    let list = verdicts
        .iter()
        .map(|(who, v)| format!("{who}: {}", verdict(*v)))
        .collect::<Vec<_>>()
        .join(" · ");
    format!("{KO_ASSESSORS}: {list}")
}

pub fn basis_line(consensus: bool, assessors: u32) -> String {
    format!("{}: {}", COL_BASIS, with_consensus(consensus, assessors))
}

pub fn out_of_label(cap: u32) -> String {
    format!("{OF} {cap}")
}

// ---------------------------------------------------------------------
// Self-check for applicants (issue 7): the result as text and as PDF.
// ---------------------------------------------------------------------

pub mod selfcheck {
    use chrono::NaiveDate;

    use super::{date, euro};
    use leidraad_core::exact::Exact;
    use leidraad_core::nl;
    use leidraad_core::selfcheck::{Finding, Gain, KoAnswer, KoRisk, Outcome};

    /// On every page of the PDF and at the top of the text output.
    pub const MARKING: &str = "Zelftoets: geen officiële beoordeling";
    pub const TITLE: &str = nl::SELFCHECK;
    /// The author in the document properties: the applicant checks its own
    /// plan.
    pub const AUTHOR: &str = "Aanvrager";
    pub const INTRO: &str = "Deze zelftoets legt het eigen concept-plan langs de leidraad, zoals de beoordelaars dat doen. De uitkomst is een inschatting van de aanvrager zelf: geen oordeel van de beoordelingscommissie.";
    pub const PLAN: &str = "Plan";
    pub const NO_TITLE: &str = "(geen titel opgegeven)";
    pub const CHECKED_ON: &str = "Datum zelftoets";
    pub const KO_SECTION: &str = "1. Knock-outrisico’s";
    pub const KO_NONE: &str =
        "Alle knock-outcriteria zijn volgens de zelftoets aannemelijk gemaakt.";
    pub const TOTAL_SECTION: &str = "2. Geschatte puntentotaal";
    pub const GAIN_SECTION: &str = "3. Waar de meeste punten te halen zijn";
    pub const GAIN_NONE: &str = "Alle criteria staan volgens de zelftoets op het maximum.";
    pub const FINDINGS_SECTION: &str = "4. Indiening en begroting";
    pub const FINDINGS_NONE: &str =
        "Geen bevindingen: documenten, handtekeningen, termijn en begroting zijn in orde.";
    pub const MAKE_PLAUSIBLE: &str = "Aannemelijk maken";
    pub const HIGH_SCORE: &str = "Wat hoog scoort";
    pub const SCALE: &str = "Schaal";
    pub const YOUR_NOTE: &str = "Uw notitie";
    pub const NOTE: &str = "Toelichting";
    pub const COL_CRITERION: &str = nl::CRITERION;
    pub const COL_SELF: &str = "Zelfscore";
    pub const COL_MAX: &str = "Max";
    pub const COL_GAIN: &str = "Te halen";
    /// A criterion without a self-score (the PDF's table shows "–").
    pub const NOT_SCORED: &str = "niet ingevuld";

    pub fn answer(a: KoAnswer) -> &'static str {
        match a {
            KoAnswer::Open => "nog niet beantwoord",
            KoAnswer::Plausible => "aannemelijk gemaakt",
            KoAnswer::NotPlausible => "niet aannemelijk gemaakt",
            KoAnswer::DontKnow => "weet niet",
        }
    }

    /// "KO2 Regionaal veiligheidsteam: niet aannemelijk gemaakt: de aanvraag
    /// wordt afgewezen"
    pub fn ko_risk(r: &KoRisk) -> String {
        let consequence = match r.answer {
            KoAnswer::NotPlausible => "de aanvraag wordt afgewezen",
            KoAnswer::DontKnow => {
                "maak dit aannemelijk in het plan; anders wordt de aanvraag afgewezen"
            }
            KoAnswer::Open | KoAnswer::Plausible => {
                "beantwoord deze vraag; een knock-out die niet aannemelijk is gemaakt, betekent afwijzing"
            }
        };
        format!("{} {}: {}: {consequence}", r.id, r.name, answer(r.answer))
    }

    pub fn total_line(o: &Outcome) -> String {
        let s = &o.summary;
        let mut line = format!(
            "Geschat totaal: {} van {} punten; de drempel voor de gespreksronde is {}.",
            s.total.to_dutch(),
            s.total_cap,
            o.threshold
        );
        if s.criteria_scored < s.criteria_count {
            line.push_str(&format!(
                " Voorlopig: {} van de {} criteria zijn ingevuld.",
                s.criteria_scored, s.criteria_count
            ));
        }
        line
    }

    pub fn standing_line(o: &Outcome) -> String {
        let short = Exact::from(o.threshold) - o.total();
        if o.rejected() {
            "Met een knock-out die niet aannemelijk is gemaakt, telt het puntentotaal niet: de aanvraag wordt afgewezen.".to_string()
        } else if o.total() >= Exact::from(o.threshold) {
            format!(
                "Op of boven de drempel van {}: de aanvraag zou door kunnen naar de gespreksronde.",
                o.threshold
            )
        } else {
            format!(
                "Onder de drempel van {}: er ontbreken nog {} punten.",
                o.threshold,
                short.to_dutch()
            )
        }
    }

    pub fn self_points(g: &Gain) -> String {
        g.points.map_or_else(|| "–".to_string(), |p| p.to_string())
    }

    /// "C11 Algemene indruk: 15 punten te halen (zelfscore 10 van 25)"
    pub fn gain_line(g: &Gain) -> String {
        let basis = match g.points {
            Some(p) => format!("zelfscore {p} van {}", g.cap),
            None => format!("{NOT_SCORED}, max {}", g.cap),
        };
        format!("{} {}: {} punten te halen ({basis})", g.id, g.name, g.gain)
    }

    pub fn finding(f: &Finding) -> String {
        match f {
            Finding::DocumentMissing { name, .. } => {
                format!("Document nog niet gereed: {name}.")
            }
            Finding::SignatureMissing(who) => format!("Handtekening ontbreekt: {who}."),
            Finding::DeadlinePassed { deadline, date: d } => format!(
                "De indieningstermijn is verstreken: uiterlijk {}, de datum van de toets is {}.",
                date(*deadline),
                date(*d)
            ),
            Finding::YearsDoNotAddUp { sum, stated } => format!(
                "De bedragen per jaar tellen op tot {}, maar het plan noemt als totaal {} (verschil {}).",
                euro(*sum),
                euro(*stated),
                euro(sum.abs_diff(*stated))
            ),
            Finding::PartsDoNotAddUp {
                own,
                requested,
                stated,
            } => format!(
                "Eigen bijdrage {} plus gevraagde bijdrage {} is {}, niet het totaal {}.",
                euro(*own),
                euro(*requested),
                euro(own.saturating_add(*requested)),
                euro(*stated)
            ),
            Finding::YearOutsideWindow {
                year,
                amount,
                window,
            } => format!(
                "{year}: {} valt buiten de bestedingsperiode {}.",
                euro(*amount),
                nl::years(*window)
            ),
            Finding::RequestAboveBudget { requested, budget } => format!(
                "De gevraagde bijdrage {} is meer dan het hele beschikbare bedrag van {}.",
                euro(*requested),
                euro(*budget)
            ),
            Finding::NoStatedTotal => {
                "De begroting noemt geen totaal; vul het totaal in dat het plan noemt.".to_string()
            }
            Finding::NoBudget => "Er is nog geen begroting ingevuld. KO8 vraagt een projectbegroting met financiële onderbouwing, eigen bijdrage en gevraagde bijdrage: zonder begroting is dit een knock-outrisico.".to_string(),
            Finding::NoOwnContribution => "De eigen bijdrage ontbreekt; KO8 vraagt welke bijdrage uit eigen middelen wordt ingezet.".to_string(),
            Finding::NoRequest => "De gevraagde bijdrage ontbreekt.".to_string(),
        }
    }

    pub fn deadline_line(deadline: NaiveDate, on: NaiveDate) -> String {
        let days = (deadline - on).num_days();
        match days {
            d if d < 0 => format!(
                "Indieningstermijn: uiterlijk {} (verstreken).",
                date(deadline)
            ),
            0 => format!("Indieningstermijn: uiterlijk {} (vandaag).", date(deadline)),
            d => format!(
                "Indieningstermijn: uiterlijk {} (nog {d} dagen).",
                date(deadline)
            ),
        }
    }

    /// The whole result as plain text, for the command line.
    pub fn text(title: &str, o: &Outcome) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        line(MARKING);
        line(&format!(
            "{TITLE}: {}",
            if title.trim().is_empty() {
                NO_TITLE
            } else {
                title
            }
        ));
        line(&format!("{CHECKED_ON}: {}", date(o.date)));
        line("");
        line(KO_SECTION);
        if o.ko_risks.is_empty() {
            line(&format!("  {KO_NONE}"));
        }
        for r in &o.ko_risks {
            line(&format!("  {}", ko_risk(r)));
            if !r.note.trim().is_empty() {
                line(&format!("    {NOTE}: {}", r.note.trim()));
            }
            for p in &r.plausible {
                line(&format!("    – {p}"));
            }
        }
        line("");
        line(TOTAL_SECTION);
        line(&format!("  {}", total_line(o)));
        line(&format!("  {}", standing_line(o)));
        line("");
        line(GAIN_SECTION);
        if o.gains.is_empty() {
            line(&format!("  {GAIN_NONE}"));
        }
        for g in &o.gains {
            line(&format!("  {}", gain_line(g)));
        }
        line("");
        line(FINDINGS_SECTION);
        line(&format!("  {}", deadline_line(o.deadline, o.date)));
        if o.findings.is_empty() {
            line(&format!("  {FINDINGS_NONE}"));
        }
        for f in &o.findings {
            line(&format!("  {}", finding(f)));
        }
        out
    }
}

/// A recorded budget allocation: "Verdeling van het budget (gelijke delen):
/// A01 € 1.000.000; A02 € 1.000.000".
pub fn allocation_decision(
    amounts: &std::collections::BTreeMap<leidraad_core::dossier::ApplicationId, u64>,
    rule: &str,
) -> String {
    let rule = nl::rule_name(rule);
    let parts: Vec<String> = amounts
        .iter()
        .map(|(id, eur)| format!("{id} {}", euro(*eur)))
        .collect();
    let total: u64 = amounts.values().sum();
    format!(
        "{} ({rule}): {}; totaal {}",
        nl::ALLOCATION,
        parts.join("; "),
        euro(total)
    )
}

/// The passages per knock-out of a self-check with its draft plan.
pub mod selfcheck_passages {
    use leidraad_core::passages::Passage;
    use leidraad_core::selfcheck::KoPassages;

    pub const SECTION: &str = "5. Vindplaatsen in het conceptplan";
    pub const INTRO: &str = "De zelftoets zoekt per knock-outcriterium de passages in het conceptplan die erover gaan, op hun woorden. Hij vindt passages; hij beoordeelt ze niet. Of het plan het criterium aannemelijk maakt, beslissen u en de beoordelaars.";
    pub const NO_PLAN: &str = "Geen conceptplan toegevoegd: voeg het plan toe om per knock-outcriterium de vindplaatsen te zien.";
    pub const NOTHING: &str = "geen passage gevonden: knock-outrisico";
    pub const RED_FLAG: &str = "rode vlag: uw plan zegt";

    /// "blz. 12" or nothing for a plan without pages.
    pub fn page(p: &Passage) -> String {
        p.page.map_or_else(String::new, |n| format!("blz. {n}: "))
    }

    /// The lines for one knock-out: its passages, or the risk; a negated
    /// passage as a red flag.
    pub fn lines(k: &KoPassages) -> Vec<String> {
        let mut out = Vec::new();
        if k.nothing_found() {
            out.push(NOTHING.to_string());
            return out;
        }
        for p in k.negated() {
            out.push(format!("{RED_FLAG}: {}“{}”", page(p), p.text));
        }
        for p in k
            .found
            .passages
            .iter()
            .filter(|p| !p.terms.is_empty() && !p.negated)
        {
            out.push(format!("{}“{}” ({})", page(p), p.text, p.terms.join(", ")));
        }
        out
    }

    /// The section as plain text, for the command line.
    pub fn text(list: &[KoPassages]) -> String {
        let mut out = format!("\n{SECTION}\n  {INTRO}\n");
        if list.is_empty() {
            out.push_str(&format!("  {NO_PLAN}\n"));
        }
        for k in list {
            out.push_str(&format!("  {} {}\n", k.id, k.name));
            for line in lines(k) {
                out.push_str(&format!("    – {line}\n"));
            }
        }
        out
    }
}
