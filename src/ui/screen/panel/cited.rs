//! The side-by-side view: every assessor's cited passage of a criterion,
//! in the assessors' columns, under their values.

use iced::widget::{column, container, row, space, text};
use iced::{Element, FillPortion};

use super::Message;
use crate::ui::{strings, theme};
use leidraad_core::dossier::Assessment;
use leidraad_core::rubric::CriterionId;

/// The passages the assessors cited for `criterion`, one column each
/// (aligned with the columns above: the mean's and the consensus's
/// columns stay empty); nothing when no one cited a passage.
pub(super) fn cited_row<'a>(
    criterion: &CriterionId,
    submitted: &[&'a Assessment],
) -> Option<Element<'a, Message>> {
    let evidence = |a: &&'a Assessment| a.criteria.get(criterion).map(|s| &s.evidence);
    if !submitted
        .iter()
        .any(|a| evidence(a).is_some_and(|e| !e.quote.trim().is_empty()))
    {
        return None;
    }
    let mut cols = row![].spacing(12);
    for a in submitted {
        let mut col = column![
            text(strings::CITED_PASSAGE)
                .size(theme::SMALL)
                .style(theme::muted)
        ]
        .spacing(2);
        match evidence(a).filter(|e| !e.quote.trim().is_empty()) {
            Some(e) => {
                col = col
                    .push(
                        text(strings::cited_reference(&e.document, &e.page))
                            .size(theme::SMALL)
                            .font(crate::ui::screen::scoring::bold()),
                    )
                    .push(text(strings::quote(&e.quote)).size(theme::SMALL));
            }
            None => {
                col = col.push(
                    text(strings::NO_PASSAGE_CITED)
                        .size(theme::SMALL)
                        .style(theme::muted),
                );
            }
        }
        cols = cols.push(container(col).width(FillPortion(3)));
    }
    cols = cols
        .push(space().width(FillPortion(2)))
        .push(space().width(FillPortion(3)));
    Some(cols.into())
}
