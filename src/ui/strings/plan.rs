//! The plan beside the form: the passages found per criterion, citing one,
//! the plan's pane with its search.

/// The heading above the passages of a card, with how many there are.
pub fn passages_heading(n: usize) -> String {
    format!("Vindplaatsen in het plan ({n})")
}
pub const NOTHING_CONVINCING: &str = "niets overtuigends gevonden";
pub const NO_PLAN: &str =
    "Geen plan van aanpak bij deze aanvraag: voeg het toe om er vindplaatsen in te zoeken.";
pub const NEGATED: &str = "ontkenning";
pub const NEGATED_HINT: &str = "de passage zegt dat het niet, nog niet of niet helemaal zo is";
pub const CITE: &str = "Citeren";
pub const CITED: &str = "geciteerd";
pub const SHOW_IN_PLAN: &str = "Tonen in plan";
pub const FINDS_NOT_JUDGES: &str =
    "Het programma vindt passages; het oordeelt er niet over. Lees ze in hun samenhang.";
pub const SHOW_PLAN: &str = "Plan tonen";
pub const HIDE_PLAN: &str = "Plan verbergen";
pub const PLAN_SEARCH: &str = "Zoeken in het plan";
pub const PREVIOUS_PAGE: &str = "‹ Vorige";
pub const NEXT_PAGE: &str = "Volgende ›";
pub const NO_HITS: &str = "Niet gevonden in het plan.";

/// "p. 3", or nothing for a document without pages.
pub fn page_label(page: Option<usize>) -> String {
    page.map_or_else(String::new, |p| format!("p. {p}"))
}

/// "Pagina 3 van 31".
pub fn page_of(page: usize, pages: usize) -> String {
    format!("Pagina {page} van {pages}")
}

/// "12 treffers" above the search results.
pub fn hits(n: usize) -> String {
    match n {
        1 => "1 treffer".to_string(),
        n => format!("{n} treffers"),
    }
}

/// The document shown in the pane: its name and kind.
pub fn plan_title(name: &str, kind: &str) -> String {
    format!("{name} ({kind})")
}

/// A cited passage, in quotation marks.
pub fn quote(quote: &str) -> String {
    format!("\u{201c}{}\u{201d}", quote.trim())
}

pub const CITED_PASSAGE: &str = "Geciteerde vindplaats";
pub const NO_PASSAGE_CITED: &str = "geen passage geciteerd";

/// "plan.pdf, p. 3" (a page given as a number gets "p.").
pub fn cited_reference(document: &str, page: &str) -> String {
    let page = page.trim();
    match (document.trim(), page) {
        (d, "") => d.to_string(),
        (d, p) if p.starts_with(|c: char| c.is_ascii_digit()) => format!("{d}, p. {p}"),
        (d, p) => format!("{d}, {p}"),
    }
}

pub const ATTACH_DOCUMENT: &str = "Document toevoegen…";
pub const ATTACH_HINT: &str =
    "PDF, DOCX, ODT of tekst; bewaard in het dossier als plan van aanpak, ook offline te lezen.";
pub const ATTACH_DIALOG: &str = "Plan van aanpak toevoegen";
pub const ATTACH_FILTER: &str = "Plan (PDF, DOCX, ODT, tekst)";

/// Why a document was not added (the reason as the reader gives it).
pub fn attach_refused(why: &str) -> String {
    format!("Document niet toegevoegd: {why}")
}
