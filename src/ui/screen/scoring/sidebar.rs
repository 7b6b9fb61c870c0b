//! The sidebar of the scoring screen, always in view: the subtotals, the
//! total, where the plan stands, what is still missing, and Submit.

use iced::widget::{Id, button, column, container, row, rule, scrollable, text};
use iced::{Element, Fill, Length};

use super::keys::Field;
use super::view::bold;
use super::{Message, Notice, State};
use crate::ui::{strings, theme};
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring::{Missing, Standing, Summary};
use leidraad_core::session::Session;

impl State {
    pub(super) fn sidebar<'a>(
        &'a self,
        session: &'a Session,
        summary: &Summary,
        editable: bool,
        region: &'a str,
    ) -> Element<'a, Message> {
        let rubric = session.rubric();
        let mut groups = column![].spacing(4);
        for (g, group) in rubric.groups.iter().enumerate() {
            let gt = &summary.groups[g];
            groups = groups.push(
                row![
                    text(&group.name).size(theme::TEXT).width(Fill),
                    text(format!("{} / {}", gt.total.to_dutch_short(), gt.cap))
                        .size(theme::TEXT)
                        .align_x(iced::alignment::Horizontal::Right)
                        .width(70),
                ]
                .spacing(8),
            );
        }
        let total = summary.total.to_dutch_short();
        let (line, tone) = standing_line(rubric, summary);
        let mut side = column![
            text(format!("{} · {region}", self.target.application))
                .size(16)
                .font(bold()),
            text(strings::round_long(self.target.round))
                .size(theme::SMALL)
                .style(theme::muted),
            groups,
            rule::horizontal(1),
            row![
                text(strings::TOTAL)
                    .size(theme::HEADING)
                    .font(bold())
                    .width(Fill),
                text(format!("{total} / {}", summary.total_cap))
                    .size(theme::HEADING)
                    .font(bold()),
            ],
            container(text(line).size(theme::TEXT))
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(tone)),
            text(strings::progress(
                summary.knockouts_judged,
                summary.knockouts_count,
                summary.criteria_scored,
                summary.criteria_count
            ))
            .size(theme::SMALL)
            .style(theme::muted),
        ]
        .spacing(10);

        match &self.notice {
            // Only while something is still missing: beside "Alles is
            // ingevuld" the refusal would be stale.
            Some(Notice::SubmitRefused) if !summary.may_submit() => {
                side = side.push(
                    container(text(strings::SUBMIT_REFUSED))
                        .padding(8)
                        .width(Fill)
                        .style(theme::notice_danger),
                );
            }
            Some(Notice::Error(e)) => {
                side = side.push(
                    container(text(e.as_str()))
                        .padding(8)
                        .width(Fill)
                        .style(theme::notice_danger),
                );
            }
            Some(Notice::Withdrawn) => {
                side = side.push(
                    container(text(strings::WITHDRAWN))
                        .padding(8)
                        .width(Fill)
                        .style(theme::notice_info),
                );
            }
            Some(Notice::Undone(_)) => side = side.push(self.undo_notice()),
            Some(Notice::SubmitRefused | Notice::Submitted) | None => {}
        }

        if self.may_score {
            let doubts: Vec<String> = summary.panel_decides().map(|i| i.to_string()).collect();
            if let Some(at) = self.assessment(session).and_then(|a| a.submitted) {
                side = side.push(text(strings::submitted_on(&at)).style(theme::success_text));
                if !session.is_read_only() {
                    side = side.push(self.withdraw_button());
                }
            } else if summary.may_submit() {
                side = side.push(text(strings::READY_TO_SUBMIT).style(theme::success_text));
            } else {
                let blocking: Vec<Missing> = summary.blocking().cloned().collect();
                side = side.push(still_to_do(&blocking));
            }
            if !doubts.is_empty() {
                let line = if self.is_submitted(session) {
                    strings::doubt_submitted(&doubts)
                } else {
                    strings::doubt_to_panel(&doubts)
                };
                side = side.push(
                    container(text(line).size(theme::TEXT))
                        .padding(8)
                        .width(Fill)
                        .style(theme::tone_box(theme::Tone::Warn)),
                );
            }
            if editable {
                let submit_focused = self.focus == Some(Field::Submit);
                side = side.push(
                    container(
                        button(text(strings::SUBMIT).center().width(Fill))
                            .width(Fill)
                            .padding(10)
                            .style(move |t, st| {
                                if submit_focused {
                                    theme::choice(true)(t, st)
                                } else {
                                    button::primary(t, st)
                                }
                            })
                            .on_press(Message::Submit),
                    )
                    .id(Id::new("submit")),
                );
            }
        }

        container(scrollable(side.padding(16)).height(Fill))
            .width(Length::Fixed(340.0))
            .height(Fill)
            .style(theme::sidebar)
            .into()
    }
}

/// The standing line and its tone, from the summary.
pub fn standing_line(rubric: &Rubric, summary: &Summary) -> (String, theme::Tone) {
    let total = summary.total.to_dutch_short();
    let cap = summary.total_cap;
    match &summary.standing {
        Standing::Rejected(ids) => (strings::standing_rejected(ids), theme::Tone::Bad),
        Standing::InProgress => (
            strings::standing_in_progress(
                &total,
                cap,
                summary.criteria_count - summary.criteria_scored,
            ),
            theme::Tone::Neutral,
        ),
        Standing::BelowThreshold => {
            let threshold = rubric.process.threshold(summary.round);
            (
                strings::standing_below(&total, cap, threshold, summary.round),
                theme::Tone::Warn,
            )
        }
        Standing::AtOrAboveThreshold => {
            let settled = !summary
                .missing
                .iter()
                .any(|m| matches!(m, Missing::KoOpen(_) | Missing::KoDoubt(_)));
            (
                strings::standing_above(&total, cap, summary.round, settled),
                if settled {
                    theme::Tone::Good
                } else {
                    theme::Tone::Neutral
                },
            )
        }
    }
}

/// "Nog te doen": per kind of gap its knock-outs and criteria, each a link
/// that moves to its field (as on the consensus screen).
fn still_to_do<'a>(blocking: &[Missing]) -> Element<'a, Message> {
    let mut list = column![text(strings::STILL_TO_DO).font(bold())].spacing(4);
    for (label, items) in strings::missing_groups(blocking) {
        let mut line = row![text(format!("{label}:")).size(theme::TEXT)]
            .spacing(4)
            .align_y(iced::Alignment::Center);
        if items.is_empty() {
            line = row![text(label).size(theme::TEXT)];
        }
        for m in items {
            let Some(id) = strings::missing_id(&m) else {
                continue;
            };
            let name = format!("todo-{label}-{id}");
            line = line.push(
                container(
                    button(text(id.to_string()).size(theme::TEXT))
                        .style(theme::link)
                        .padding([0, 2])
                        .on_press(Message::GoTo(m.clone())),
                )
                .id(Id::from(name)),
            );
        }
        list = list.push(line.wrap());
    }
    list.into()
}
