//! A passage cited from the plan prints on the score sheet under the
//! criterion, after its reference.

use crate::report_support::{
    assert_in_order, assert_valid_pdf, example, find_across_pages, pages, printed, squashed,
};

use leidraad_core::rubric::CriterionId;
use leidraad_report::{self as report, SheetKind, strings};

#[test]
fn the_score_sheet_prints_the_cited_quote_under_the_criterion() {
    let (rubric, mut dossier) = example();
    let quote = "Er is een projectleider aangesteld die de proeftuin trekt.";
    let a = dossier
        .assessments
        .iter_mut()
        .find(|a| a.is_submitted())
        .unwrap();
    let c1 = CriterionId::from("C1");
    let e = &mut a.criteria.get_mut(&c1).expect("C1 is scored").evidence;
    e.document = "plan-testkust.pdf".into();
    e.page = "3".into();
    e.quote = quote.into();
    let kind = SheetKind::Assessment {
        application: a.application.clone(),
        assessor: a.assessor.clone(),
        round: a.round,
    };
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    assert_valid_pdf(&pdf);
    let flat = squashed(&pages(&pdf));
    assert!(find_across_pages(&flat, &strings::quote(quote)).is_some());
    assert_in_order(
        &flat.concat(),
        &[
            "C1".to_string(),
            strings::evidence("plan-testkust.pdf", "3"),
            strings::quote(quote),
            "C2".to_string(),
        ],
        "the quote of C1",
    );
}
