//! The self-check's draft plan: the passages per knock-out. The texts are
//! the self-check PDF's own, so the window and the PDF say the same.

use leidraad_report::strings::selfcheck_passages as pdf;

pub const SELFCHECK_PLAN_HEADING: &str = "Vindplaatsen in het conceptplan";
pub const SELFCHECK_PLAN_INTRO: &str = pdf::INTRO;
pub const SELFCHECK_NO_PLAN: &str = pdf::NO_PLAN;
pub const SELFCHECK_NOTHING_FOUND: &str = pdf::NOTHING;
pub const SELFCHECK_RED_FLAG: &str = pdf::RED_FLAG;
pub const SELFCHECK_ADD_PLAN: &str = "Conceptplan toevoegen…";
pub const SELFCHECK_PLAN_DIALOG: &str = "Conceptplan kiezen";

/// "Conceptplan: plan.pdf (31 pagina's)".
pub fn selfcheck_plan(name: &str, pages: usize) -> String {
    match pages {
        1 => format!("Conceptplan: {name} (1 pagina)"),
        n => format!("Conceptplan: {name} ({n} pagina's)"),
    }
}

/// "blz. 12: " or nothing, as the PDF writes it.
pub fn selfcheck_page(p: &leidraad_core::passages::Passage) -> String {
    pdf::page(p)
}

/// Why the draft plan was not added.
pub fn selfcheck_plan_refused(why: &str) -> String {
    format!("Conceptplan niet toegevoegd: {why}")
}
