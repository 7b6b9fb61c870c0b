//! What the scoring screen shows: the title, the notices, the knock-out
//! cards and the criterion cards in their groups, the round-2 rows and the
//! conflict-of-interest form. The sidebar is in `sidebar`.

use iced::widget::{
    Id, button, column, container, row, scrollable, space, text, text_editor, text_input,
};
use iced::{Alignment, Element, Fill, Font, font};

use super::keys::{Field, key_binding};
use super::{Message, SCROLL, State, uses_number_field, widget_id_str};
use crate::ui::widget::bar;
use crate::ui::widget::scale::{self, Choice, choices};
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Assessment, Carried, Value, Verdict};
use leidraad_core::edit::Target;
use leidraad_core::rubric::{Criterion, CriterionId, Rubric, Scale};
use leidraad_core::scoring;
use leidraad_core::session::Session;

/// The evidence of a criterion not scored yet.
static NO_EVIDENCE: leidraad_core::dossier::Evidence = leidraad_core::dossier::Evidence {
    document: String::new(),
    page: String::new(),
    quote: String::new(),
};

impl State {
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let rubric = session.rubric();
        let assessment = self.assessment(session);
        // Not started yet: an empty assessment.
        let empty = Assessment::new(
            &self.target.application,
            &self.target.assessor,
            self.target.round,
        );
        let assessment_ref = assessment.unwrap_or(&empty);
        let summary = scoring::summarize(rubric, assessment_ref);
        // Read-only: every control that would change the dossier is disabled.
        let read_only = session.is_read_only();
        let editable = self.may_score && !assessment_ref.is_submitted() && !read_only;
        let conflict = self.conflict(session);

        let app = session.dossier().application(&self.target.application);
        let region = app.map_or("", |a| a.region.as_str());
        let plan = app.map_or("", |a| a.plan_title.as_str());

        let rounds = scale::rounds("", self.target.round, true, Message::Round);

        let mut content = column![
            bar::top(
                Message::Back,
                rounds,
                Some((
                    strings::EXPORT_SHEET,
                    assessment.map(|_| Message::ExportPdf)
                ))
            ),
            row![
                text(format!("{} · {}", self.target.application, region))
                    .size(theme::TITLE)
                    .font(bold())
                    .width(Fill),
            ]
            .push(conflict.is_none().then(|| {
                container(
                    button(text(strings::DECLARE_CONFLICT).size(theme::TEXT))
                        .padding([4, 10])
                        .style(theme::secondary)
                        .on_press_maybe(
                            (self.conflict_form.is_none() && !read_only)
                                .then_some(Message::AskConflict),
                        ),
                )
                .id(Id::new("declare-conflict"))
            }))
            .spacing(12)
            .align_y(Alignment::Center),
        ]
        .spacing(10)
        .padding([16, 24])
        .max_width(1000);
        content = content.push(self.plan_title_row(plan));
        content = content.push(
            text(strings::KEYS_HELP)
                .size(theme::SMALL)
                .style(theme::muted),
        );
        if let Some(note) = &self.conflict_form {
            content = content.push(conflict_form(&self.target, region, note));
        }
        content = content.push(self.withdraw_form_view());

        if let Some(c) = conflict {
            content = content.push(
                container(text(strings::conflict_declared(&c.declared, &c.note)))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        } else if !self.may_score {
            content = content.push(
                container(text(strings::not_invited(region)))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        } else {
            let carried = assessment_ref
                .knockouts
                .values()
                .any(|j| j.carried.round_one.is_some())
                || assessment_ref
                    .criteria
                    .values()
                    .any(|s| s.carried.round_one.is_some());
            if carried && editable {
                content = content.push(
                    container(text(strings::ROUND_TWO_HINT))
                        .padding(12)
                        .width(Fill)
                        .style(theme::notice_info),
                );
            }
            if let Some(at) = assessment_ref.submitted {
                content = content.push(
                    container(text(format!(
                        "{} {}",
                        strings::submitted_on(&at),
                        strings::SUBMITTED_READ_ONLY
                    )))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
                );
            }
            content = content.push(heading(strings::KNOCKOUTS));
            content = content.push(text(strings::KNOCKOUTS_HINT).style(theme::muted));
            for (i, ko) in rubric.knockouts.iter().enumerate() {
                content = content.push(self.ko_card(assessment_ref, i, ko, editable));
            }
            content = content.push(heading(strings::CRITERIA));
            let mut i = 0;
            for (g, group) in rubric.groups.iter().enumerate() {
                let gt = &summary.groups[g];
                content = content.push(
                    row![
                        text(&group.name).size(18).font(bold()),
                        space::horizontal(),
                        text(strings::points_of(&gt.total.to_dutch_short(), gt.cap))
                            .size(theme::TEXT)
                            .style(theme::muted),
                    ]
                    .padding([0, 4]),
                );
                for c in &group.criteria {
                    content =
                        content.push(self.criterion_card(rubric, assessment_ref, i, c, editable));
                    i += 1;
                }
            }
        }

        let main = scrollable(container(content).center_x(Fill))
            .id(Id::new(SCROLL))
            .width(Fill)
            .height(Fill);

        row![main]
            .push(self.plan_pane(read_only))
            .push(self.sidebar(session, &summary, editable, region))
            .height(Fill)
            .into()
    }

    fn ko_card<'a>(
        &'a self,
        a: &Assessment,
        i: usize,
        ko: &'a leidraad_core::rubric::Knockout,
        editable: bool,
    ) -> Element<'a, Message> {
        let current = a.verdict(&ko.id);
        let verdicts = choices(
            [Verdict::Met, Verdict::NotMet, Verdict::Doubt, Verdict::Open]
                .into_iter()
                .map(|v| Choice {
                    label: strings::verdict(v).to_string(),
                    id: format!("{}={}", ko.id, strings::verdict(v)),
                    selected: current == v,
                    on_press: editable.then_some(Message::Verdict(i, v)),
                    style: Some(v),
                })
                .collect(),
        );
        let focused = matches!(self.focus, Some(Field::Verdict(j) | Field::KoNote(j)) if j == i);
        let picking = self.focus == Some(Field::Verdict(i));
        let mut pick_row = column![
            row![marker(picking), verdicts]
                .spacing(6)
                .align_y(Alignment::Center)
        ]
        .spacing(4);
        if picking {
            pick_row = pick_row.push(row![
                space().width(20),
                text(strings::KO_KEYS)
                    .size(theme::SMALL)
                    .style(theme::muted)
            ]);
        }
        let editor = text_editor(&self.ko_notes[i])
            .id(widget_id_str(&format!("ko-note-{}", ko.id)))
            .placeholder(strings::KO_MOTIVATION_PLACEHOLDER)
            .on_action(move |action| Message::KoNote(i, action))
            .key_binding(key_binding)
            .min_height(44)
            .size(theme::TEXT)
            .style(theme::editor);
        let carried = a.knockouts.get(&ko.id).and_then(|j| {
            let was = j.carried.round_one?;
            Some(carried_row(
                &ko.id,
                &j.carried,
                j.verdict == was,
                strings::verdict(was).to_string(),
                editable,
            ))
        });
        let body = column![
            row![
                text(ko.id.to_string()).font(bold()).size(16).width(44),
                text(&ko.name).font(bold()).size(16),
            ],
            text(&ko.text).size(theme::TEXT),
            pick_row,
        ]
        .push(carried)
        .push(editor)
        .push(self.passages_view(&ko.id.0, None, editable))
        .spacing(8);
        card(body, focused, &ko.id.0)
    }

    fn criterion_card<'a>(
        &'a self,
        rubric: &Rubric,
        a: &Assessment,
        i: usize,
        c: &'a Criterion,
        editable: bool,
    ) -> Element<'a, Message> {
        let value = a.value(&c.id);
        let points = value.map(|v| leidraad_core::dossier::points(rubric, &c.id, v));
        let focused = matches!(
            self.focus,
            Some(Field::Value(j) | Field::Item(j, _) | Field::Note(j) | Field::EvidenceDoc(j) | Field::EvidencePage(j)) if j == i
        );
        let score_text = match points {
            Some(p) => strings::points_of(&p.to_string(), c.cap),
            None => format!("{} · {}", strings::NOT_SCORED, strings::max_points(c.cap)),
        };
        let header = row![
            text(c.id.to_string()).font(bold()).size(16).width(44),
            text(&c.name).font(bold()).size(16).width(Fill),
            text(score_text)
                .size(theme::TEXT)
                .style(if points.is_some() {
                    theme::primary_text
                } else {
                    theme::muted
                }),
        ]
        .spacing(8);

        let scale = self.scale_view(c, i, value, editable);
        let carried = a.criteria.get(&c.id).and_then(|s| {
            let was = s.carried.round_one.as_ref()?;
            let items: Vec<(String, String)> = match &c.scale {
                Scale::Items { items, .. } => items
                    .iter()
                    .map(|it| (it.id.clone(), it.name.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            Some(carried_row(
                &c.id,
                &s.carried,
                s.value.as_ref() == Some(was),
                strings::value_text(was, &items),
                editable,
            ))
        });

        let note = text_editor(&self.notes[i])
            .id(widget_id_str(&format!("note-{}", c.id)))
            .placeholder(strings::MOTIVATION_PLACEHOLDER)
            .on_action(move |action| Message::Note(i, action))
            .key_binding(key_binding)
            .min_height(44)
            .size(theme::TEXT)
            .style(theme::editor);
        let evidence = a.criteria.get(&c.id).map(|s| &s.evidence);
        let doc = text_input(
            strings::EVIDENCE_DOC,
            evidence.map_or("", |e| e.document.as_str()),
        )
        .id(widget_id_str(&format!("doc-{}", c.id)))
        .on_input_maybe(editable.then_some(move |s| Message::EvidenceDoc(i, s)))
        .size(theme::TEXT)
        .padding(6)
        .style(theme::input);
        let page = text_input(
            strings::EVIDENCE_PAGE,
            evidence.map_or("", |e| e.page.as_str()),
        )
        .id(widget_id_str(&format!("page-{}", c.id)))
        .on_input_maybe(editable.then_some(move |s| Message::EvidencePage(i, s)))
        .size(theme::TEXT)
        .padding(6)
        .width(110)
        .style(theme::input);

        let body = column![header, text(&c.text).size(theme::TEXT), scale]
            .push(carried)
            .push(
                column![
                    text(strings::MOTIVATION)
                        .size(theme::SMALL)
                        .style(theme::muted),
                    note
                ]
                .spacing(2),
            )
            .push(
                row![
                    text(strings::EVIDENCE)
                        .size(theme::SMALL)
                        .style(theme::muted)
                        .width(70),
                    doc,
                    page
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            )
            .push(evidence.filter(|e| !e.quote.is_empty()).map(|e| {
                text(strings::quote(&e.quote))
                    .size(theme::SMALL)
                    .style(theme::muted)
            }))
            .push(self.passages_view(
                &c.id.0,
                Some((i, evidence.unwrap_or(&NO_EVIDENCE))),
                editable,
            ))
            .spacing(8);
        card(body, focused, &c.id.0)
    }

    fn scale_view<'a>(
        &'a self,
        c: &'a Criterion,
        i: usize,
        value: Option<&Value>,
        editable: bool,
    ) -> Element<'a, Message> {
        let on = |v: Option<Value>| editable.then_some(Message::Value(i, v));
        let main: Element<'a, Message> = match &c.scale {
            Scale::YesNo { yes, no } => choices(vec![
                Choice {
                    label: format!("{} ({yes})", strings::YES),
                    id: format!("{}=ja", c.id),
                    selected: value == Some(&Value::Yes),
                    on_press: on(Some(Value::Yes)),
                    style: None,
                },
                Choice {
                    label: format!("{} ({no})", strings::NO),
                    id: format!("{}=nee", c.id),
                    selected: value == Some(&Value::No),
                    on_press: on(Some(Value::No)),
                    style: None,
                },
            ]),
            Scale::Items { items, max_each } => {
                let given = match value {
                    Some(Value::Items(m)) => Some(m),
                    _ => None,
                };
                let rows = items.iter().enumerate().map(|(k, item)| {
                    let current = given.and_then(|m| m.get(&item.id)).copied();
                    let row_focused = self.focus == Some(Field::Item(i, k));
                    let buttons = choices(
                        (0..=*max_each)
                            .map(|n| Choice {
                                label: n.to_string(),
                                id: format!("{}.{}={n}", c.id, item.id),
                                selected: current == Some(n),
                                on_press: editable.then_some(Message::Item(i, k, Some(n))),
                                style: None,
                            })
                            .collect(),
                    );
                    let mut r = row![marker(row_focused), text(&item.name).width(150), buttons];
                    if row_focused {
                        r = r.push(
                            text(strings::scale_keys(&c.scale))
                                .size(theme::SMALL)
                                .style(theme::muted),
                        );
                    }
                    r.spacing(6).align_y(Alignment::Center).into()
                });
                column(rows).spacing(4).into()
            }
            Scale::Range { .. } | Scale::Points { .. } if uses_number_field(&c.scale) => {
                let (min, max) = c.scale.bounds();
                let refused = self.refusals[i].is_some();
                let input = text_input(&strings::range_hint(min, max), &self.numbers[i])
                    .id(widget_id_str(&format!("value-{}", c.id)))
                    .on_input_maybe(editable.then_some(move |s| Message::Number(i, s)))
                    .width(90)
                    .padding(6)
                    .size(theme::TEXT)
                    .style(if refused {
                        theme::input_refused
                    } else {
                        theme::input
                    });
                let mut r = row![
                    input,
                    text(format!("punten ({})", strings::range_hint(min, max))).style(theme::muted)
                ]
                .spacing(8)
                .align_y(Alignment::Center);
                if let Some(reason) = &self.refusals[i] {
                    r = r.push(text(reason).style(theme::danger_text));
                }
                r.into()
            }
            Scale::Range {
                min, max, anchors, ..
            } => {
                let buttons = self.number_choices(c, i, *min, *max, value, editable);
                match anchors {
                    Some(a) => row![
                        text(&a.low)
                            .size(theme::SMALL)
                            .style(theme::muted)
                            .width(120)
                            .align_x(iced::alignment::Horizontal::Right),
                        buttons,
                        text(&a.high)
                            .size(theme::SMALL)
                            .style(theme::muted)
                            .width(140),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center)
                    .into(),
                    None => buttons,
                }
            }
            Scale::Points { max, .. } => self.number_choices(c, i, 0, *max, value, editable),
        };
        let picking = self.focus == Some(Field::Value(i));
        let items = matches!(c.scale, Scale::Items { .. });
        let mut r = row![].spacing(12).align_y(Alignment::Center);
        if !items {
            r = r.push(marker(picking));
        }
        r = r.push(main);
        if c.scale.allows_not_addressed() {
            r = r.push(scale::choice(Choice {
                label: strings::NOT_ADDRESSED.to_string(),
                id: format!("{}=nb", c.id),
                selected: value == Some(&Value::NotAddressed),
                on_press: on(Some(Value::NotAddressed)),
                style: None,
            }));
        }
        let clear = (value.is_some() && editable && !uses_number_field(&c.scale)).then(|| {
            button(text(strings::CLEAR).size(theme::SMALL))
                .style(theme::link)
                .on_press(Message::Value(i, None))
        });
        let hint = (picking && !uses_number_field(&c.scale)).then(|| {
            row![
                space().width(26),
                text(strings::scale_keys(&c.scale))
                    .size(theme::SMALL)
                    .style(theme::muted)
            ]
        });
        let mut out = match (items, clear) {
            (false, Some(clear)) => column![r.push(clear)],
            (true, Some(clear)) => column![r, row![space().width(170), clear]],
            (_, None) => column![r],
        };
        if let Some(hint) = hint {
            out = out.push(hint);
        }
        out.spacing(4).into()
    }

    fn number_choices<'a>(
        &self,
        c: &Criterion,
        i: usize,
        min: u32,
        max: u32,
        value: Option<&Value>,
        editable: bool,
    ) -> Element<'a, Message> {
        choices(
            (min..=max)
                .map(|n| Choice {
                    label: n.to_string(),
                    id: format!("{}={n}", c.id),
                    selected: value == Some(&Value::Points(n)),
                    on_press: editable.then_some(Message::Value(i, Some(Value::Points(n)))),
                    style: None,
                })
                .collect(),
        )
    }
}

/// Round 2: the value copied from round 1, beside the current one, and
/// what is still to do about it: confirm it, or say why it changed.
fn carried_row<'a, T>(
    id: &CriterionId,
    carried: &Carried<T>,
    same: bool,
    round_one: String,
    editable: bool,
) -> Element<'a, Message> {
    let mut line = row![text(strings::round_one_value(&round_one)).font(bold())]
        .spacing(10)
        .align_y(Alignment::Center);
    let waiting = !carried.confirmed;
    if waiting {
        line = line.push(
            container(text(strings::TO_CONFIRM).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Warn)),
        );
    } else if same {
        line = line.push(
            text(strings::CONFIRMED)
                .size(theme::SMALL)
                .style(theme::success_text),
        );
    }
    if !same {
        line = line.push(
            container(text(strings::CHANGED).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Neutral)),
        );
    }
    line = line.push(space::horizontal());
    if waiting && editable {
        line = line.push(
            container(
                button(text(strings::CONFIRM).size(theme::TEXT))
                    .padding([4, 12])
                    .style(button::primary)
                    .on_press(Message::Confirm(id.clone())),
            )
            .id(widget_id_str(&format!("confirm-{id}"))),
        );
    }
    let mut body = column![line].spacing(6);
    let no_reason = !same && carried.why_changed.trim().is_empty();
    if !same {
        let field_id = id.clone();
        body = body.push(
            row![
                text(strings::WHY_CHANGED)
                    .size(theme::SMALL)
                    .font(bold())
                    .width(160),
                text_input(strings::WHY_CHANGED_PLACEHOLDER, &carried.why_changed)
                    .id(widget_id_str(&format!("why-{id}")))
                    .on_input_maybe(
                        editable.then_some(move |s| Message::WhyChanged(field_id.clone(), s)),
                    )
                    .size(theme::TEXT)
                    .padding(6)
                    .style(if no_reason {
                        theme::input_refused
                    } else {
                        theme::input
                    }),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    let tone = if (waiting || no_reason) && editable {
        theme::Tone::Warn
    } else {
        theme::Tone::Neutral
    };
    container(body)
        .padding([8, 10])
        .width(Fill)
        .style(theme::tone_box(tone))
        .into()
}

/// The confirmation of a conflict of interest, with a note that may stay
/// empty.
fn conflict_form<'a>(target: &Target, region: &str, note: &str) -> Element<'a, Message> {
    container(
        column![
            text(strings::conflict_question(
                &target.application.to_string(),
                region
            ))
            .font(bold()),
            text(strings::CONFLICT_CONSEQUENCE).size(theme::TEXT),
            text_input(strings::CONFLICT_NOTE_PLACEHOLDER, note)
                .id(Id::new("conflict-note"))
                .on_input(Message::ConflictNote)
                .on_submit(Message::DeclareConflict)
                .size(theme::TEXT)
                .padding(6)
                .style(theme::input),
            row![
                container(
                    button(text(strings::CONFLICT_CONFIRM))
                        .padding([6, 12])
                        .style(button::danger)
                        .on_press(Message::DeclareConflict),
                )
                .id(Id::new("conflict-confirm")),
                button(text(strings::CANCEL))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::CancelConflict),
            ]
            .spacing(8),
        ]
        .spacing(8),
    )
    .padding(12)
    .width(Fill)
    .style(theme::notice_danger)
    .into()
}

fn card<'a>(
    body: impl Into<Element<'a, Message>>,
    focused: bool,
    id: &str,
) -> Element<'a, Message> {
    container(body)
        .padding(14)
        .width(Fill)
        .style(if focused {
            theme::card_focused
        } else {
            theme::card
        })
        .id(widget_id_str(&format!("card-{id}")))
        .into()
}

/// Marks the choice row that has the keyboard.
fn marker<'a>(on: bool) -> Element<'a, Message> {
    text(if on { "▶" } else { "" })
        .width(14)
        .style(theme::primary_text)
        .into()
}

fn heading<'a>(s: &'a str) -> Element<'a, Message> {
    container(text(s).size(theme::HEADING).font(bold()))
        .padding([8, 0])
        .into()
}

pub fn bold() -> Font {
    Font {
        weight: font::Weight::Bold,
        ..crate::ui::theme::FONT
    }
}
