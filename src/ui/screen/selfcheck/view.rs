//! What the self-check shows: the tools and the steps above, then the page
//! of the current step (checklist, knock-outs, criteria, budget, result),
//! and the buttons to the step before and after.

use iced::widget::{Column, Id, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill};

use super::{Amount, Message, State, Step};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::dossier::Value;
use leidraad_core::rubric::{Criterion, CriterionId, Scale};
use leidraad_core::selfcheck::KoAnswer;
use leidraad_report::strings::selfcheck as result_text;

impl State {
    pub fn view(&self) -> Element<'_, Message> {
        let marking = container(text(result_text::MARKING).font(bold()))
            .padding([4, 10])
            .style(theme::notice_info);
        let tools = row![
            button(text(strings::HOME))
                .padding([6, 12])
                .style(theme::secondary)
                .on_press(Message::Home),
            button(text(strings::SELFCHECK_NEW))
                .padding([6, 12])
                .style(theme::secondary)
                .on_press(Message::New),
            button(text(strings::SELFCHECK_OPEN))
                .padding([6, 12])
                .style(theme::secondary)
                .on_press(Message::Open),
            button(text(strings::SELFCHECK_SAVE_BUTTON))
                .padding([6, 12])
                .style(theme::secondary)
                .on_press(Message::Save),
            button(text(strings::SELFCHECK_PRINT))
                .padding([6, 12])
                .style(button::primary)
                .on_press(Message::Print),
        ]
        .spacing(6);
        let steps = scale::choices(
            Step::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| Choice {
                    label: format!("{}. {}", i + 1, strings::selfcheck_step(*s)),
                    id: format!("step-{}", i + 1),
                    selected: *s == self.step,
                    on_press: Some(Message::Go(*s)),
                    style: None,
                })
                .collect(),
        );
        let mut page = column![
            text(result_text::TITLE).size(theme::TITLE).font(bold()),
            marking,
            tools,
            steps,
        ]
        .spacing(12)
        .padding(24)
        .max_width(1000);
        if self.confirm_new {
            page = page.push(
                container(
                    row![
                        text(strings::SELFCHECK_NEW_CONFIRM).width(Fill),
                        button(text(strings::SELFCHECK_NEW_YES))
                            .style(button::danger)
                            .on_press(Message::NewConfirmed),
                        button(text(strings::DIALOG_CANCEL))
                            .style(theme::secondary)
                            .on_press(Message::NewCancelled),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                )
                .padding(8)
                .style(theme::notice_danger),
            );
        }
        if let Some((ok, m)) = &self.notice {
            // A file written: 'Map openen' beside where it went.
            let open = self.written_in.as_ref().filter(|_| *ok).map(|dir| {
                container(
                    button(text(strings::OPEN_FOLDER))
                        .style(button::primary)
                        .on_press(Message::OpenFolder(dir.clone())),
                )
                .id(iced::widget::Id::new("selfcheck-open-folder"))
            });
            page = page.push(
                container(
                    row![text(m.as_str()).width(Fill)]
                        .push(open)
                        .spacing(8)
                        .align_y(Alignment::Center),
                )
                .padding(8)
                .width(Fill)
                .style(if *ok {
                    theme::notice_info
                } else {
                    theme::notice_danger
                }),
            );
        }
        let body = match self.step {
            Step::Checklist => self.checklist(),
            Step::Knockouts => self.knockouts(),
            Step::Criteria => self.criteria(),
            Step::Budget => self.budget(),
            Step::Result => self.result(),
        };
        page = page.push(body);
        let i = self.step.index();
        let mut nav = row![].spacing(8);
        if i > 0 {
            nav = nav.push(
                button(text(strings::SELFCHECK_PREVIOUS))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::Go(Step::ALL[i - 1])),
            );
        }
        if i + 1 < Step::ALL.len() {
            nav = nav.push(
                container(
                    button(text(strings::SELFCHECK_NEXT))
                        .padding([8, 14])
                        .style(button::primary)
                        .on_press(Message::Go(Step::ALL[i + 1])),
                )
                .id("step-next"),
            );
        }
        page = page.push(nav);
        scrollable(container(page).center_x(Fill))
            .id(Id::new("selfcheck-scroll"))
            .height(Fill)
            .into()
    }

    fn checklist(&self) -> Element<'_, Message> {
        let p = &self.rubric.process;
        let mut docs = column![
            text(strings::SELFCHECK_DOCUMENTS).font(bold()),
            text(strings::SELFCHECK_DOCUMENTS_HINT).style(theme::muted),
        ]
        .spacing(6);
        for d in &p.documents {
            docs = docs.push(
                column![
                    scale::choice(Choice {
                        label: strings::selfcheck_ready(
                            &d.name,
                            self.check.documents.contains(&d.id)
                        ),
                        id: format!("doc-{}", d.id),
                        selected: self.check.documents.contains(&d.id),
                        on_press: Some(Message::Document(d.id.clone())),
                        style: None,
                    }),
                    text(d.text.as_str()).size(theme::SMALL).style(theme::muted),
                ]
                .spacing(2),
            );
        }
        let mut signs = column![
            text(strings::SELFCHECK_SIGNATURES).font(bold()),
            text(strings::SELFCHECK_SIGNATURES_HINT).style(theme::muted),
        ]
        .spacing(6);
        let mut line = row![].spacing(4);
        for (i, s) in p.signatories.iter().enumerate() {
            line = line.push(scale::choice(Choice {
                label: s.clone(),
                id: format!("sign-{i}"),
                selected: self.check.signatures.contains(s),
                on_press: Some(Message::Signature(s.clone())),
                style: None,
            }));
        }
        signs = signs.push(line.wrap());
        let on = self.check.date.unwrap_or(self.today);
        let dates = column![
            text(strings::SELFCHECK_DEADLINE).font(bold()),
            text(result_text::deadline_line(p.deadline, on)),
            row![
                text(strings::SELFCHECK_DATE_LABEL),
                text_input(strings::SELFCHECK_DATE_PLACEHOLDER, &self.date_text)
                    .id(Id::new("selfcheck-date"))
                    .on_input(Message::Date)
                    .padding(6)
                    .width(160)
                    .style(if self.date_ok {
                        theme::input
                    } else {
                        theme::input_refused
                    }),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            text(strings::selfcheck_window(p.spending_years)),
        ]
        .spacing(6);
        let title = column![
            text(strings::SELFCHECK_TITLE_LABEL).font(bold()),
            text_input(strings::SELFCHECK_TITLE_PLACEHOLDER, &self.check.title)
                .id(Id::new("selfcheck-title"))
                .on_input(Message::Title)
                .padding(6)
                .style(theme::input),
        ]
        .spacing(6);
        column![
            text(strings::SELFCHECK_INTRO),
            card(title),
            card(docs),
            card(signs),
            card(dates)
        ]
        .spacing(12)
        .into()
    }

    fn knockouts(&self) -> Element<'_, Message> {
        let mut col = column![text(strings::SELFCHECK_KO_INTRO), self.plan_header()].spacing(12);
        for ko in &self.rubric.knockouts {
            let answer = self.check.answer(&ko.id);
            let mut c = column![
                text(format!("{} {}", ko.id, ko.name))
                    .size(theme::HEADING)
                    .font(bold()),
                text(strings::SELFCHECK_KO_QUESTION),
            ]
            .spacing(6);
            for p in &ko.plausible {
                c = c.push(text(format!("– {p}")));
            }
            c = c.push(
                text(format!("{}: {}", strings::SELFCHECK_LEIDRAAD, ko.text))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
            c = c.push(scale::choices(
                KoAnswer::ALL
                    .iter()
                    .map(|a| Choice {
                        label: result_text::answer(*a).to_string(),
                        id: format!("{}={}", ko.id, answer_code(*a)),
                        selected: answer == *a,
                        on_press: Some(Message::Answer(ko.id.clone(), *a)),
                        style: None,
                    })
                    .collect(),
            ));
            let note = self
                .check
                .knockouts
                .get(&ko.id)
                .map(|k| k.note.as_str())
                .unwrap_or("");
            let id = ko.id.clone();
            c = c.push(
                text_input(strings::SELFCHECK_NOTE_PLACEHOLDER, note)
                    .id(Id::from(format!("note-{}", ko.id)))
                    .on_input(move |s| Message::KoNote(id.clone(), s))
                    .padding(6)
                    .style(theme::input),
            );
            c = c.push(self.ko_passages_view(&ko.id));
            col = col.push(card(c));
        }
        col.into()
    }

    fn criteria(&self) -> Element<'_, Message> {
        let mut col = column![text(strings::SELFCHECK_CRITERIA_INTRO)].spacing(12);
        for group in &self.rubric.groups {
            col = col.push(text(group.name.as_str()).size(theme::HEADING).font(bold()));
            for c in &group.criteria {
                col = col.push(card(self.criterion(c)));
            }
        }
        col.into()
    }

    fn criterion<'a>(&'a self, c: &'a Criterion) -> Column<'a, Message> {
        let value = self.check.value(&c.id);
        let mut col = column![
            row![
                text(format!("{} {}", c.id, c.name))
                    .font(bold())
                    .width(Fill),
                text(strings::selfcheck_cap(c.cap)).style(theme::muted),
            ]
            .spacing(8),
        ]
        .spacing(6);
        if let Some(g) = &c.guidance {
            col = col.push(text(format!("{}: {g}", result_text::HIGH_SCORE)));
        }
        let id = &c.id;
        match &c.scale {
            Scale::YesNo { yes, no } => {
                col = col.push(scale::choices(vec![
                    Choice {
                        label: strings::selfcheck_yes(*yes),
                        id: format!("{id}=ja"),
                        selected: value == Some(&Value::Yes),
                        on_press: Some(Message::Score(id.clone(), Some(Value::Yes))),
                        style: None,
                    },
                    Choice {
                        label: strings::selfcheck_no(*no),
                        id: format!("{id}=nee"),
                        selected: value == Some(&Value::No),
                        on_press: Some(Message::Score(id.clone(), Some(Value::No))),
                        style: None,
                    },
                ]));
            }
            Scale::Range {
                min,
                max,
                anchors,
                not_addressed,
            } => {
                if let Some(a) = anchors {
                    col = col.push(
                        text(strings::selfcheck_anchors(*min, &a.low, *max, &a.high))
                            .style(theme::muted),
                    );
                }
                col = col.push(self.points_row(id, *min, *max, *not_addressed, value));
            }
            Scale::Points { max, not_addressed } => {
                col = col.push(self.points_row(id, 0, *max, *not_addressed, value));
            }
            Scale::Items { items, max_each } => {
                let given = match value {
                    Some(Value::Items(m)) => Some(m),
                    _ => None,
                };
                for item in items {
                    let current = given.and_then(|m| m.get(&item.id)).copied();
                    let mut choices = Vec::new();
                    for n in 0..=*max_each {
                        choices.push(Choice {
                            label: n.to_string(),
                            id: format!("{id}-{}={n}", item.id),
                            selected: current == Some(n),
                            on_press: Some(Message::Item(id.clone(), item.id.clone(), n)),
                            style: None,
                        });
                    }
                    col = col.push(
                        row![text(item.name.as_str()).width(160), scale::choices(choices)]
                            .spacing(8)
                            .align_y(Alignment::Center),
                    );
                }
            }
        }
        let note = self
            .check
            .criteria
            .get(id)
            .map(|s| s.note.as_str())
            .unwrap_or("");
        let nid = id.clone();
        col = col.push(
            text_input(strings::SELFCHECK_NOTE_PLACEHOLDER, note)
                .id(Id::from(format!("note-{id}")))
                .on_input(move |s| Message::Note(nid.clone(), s))
                .padding(6)
                .style(theme::input),
        );
        col
    }

    fn points_row<'a>(
        &self,
        id: &CriterionId,
        min: u32,
        max: u32,
        not_addressed: bool,
        value: Option<&Value>,
    ) -> Element<'a, Message> {
        let mut choices = Vec::new();
        if not_addressed {
            choices.push(Choice {
                label: strings::SELFCHECK_NOT_ADDRESSED.to_string(),
                id: format!("{id}=nb"),
                selected: value == Some(&Value::NotAddressed),
                on_press: Some(Message::Score(id.clone(), Some(Value::NotAddressed))),
                style: None,
            });
        }
        for n in min..=max {
            choices.push(Choice {
                label: n.to_string(),
                id: format!("{id}={n}"),
                selected: value == Some(&Value::Points(n)),
                on_press: Some(Message::Score(id.clone(), Some(Value::Points(n)))),
                style: None,
            });
        }
        row(choices.into_iter().map(scale::choice))
            .spacing(4)
            .wrap()
            .into()
    }

    fn budget(&self) -> Element<'_, Message> {
        let field = |f: Amount, label: String| -> Element<'_, Message> {
            let (t, ok) = self
                .amounts
                .get(&f)
                .cloned()
                .unwrap_or((String::new(), true));
            row![
                text(label).width(260),
                text_input(strings::SELFCHECK_AMOUNT_PLACEHOLDER, &t)
                    .id(Id::from(amount_id(f)))
                    .on_input(move |s| Message::Amount(f, s))
                    .padding(6)
                    .width(200)
                    .style(if ok {
                        theme::input
                    } else {
                        theme::input_refused
                    }),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .into()
        };
        let window = self.rubric.process.spending_years;
        let mut years = column![
            text(strings::SELFCHECK_YEARS).font(bold()),
            text(strings::selfcheck_window(window)).style(theme::muted),
        ]
        .spacing(6);
        for y in self.years() {
            years = years.push(field(Amount::Year(y), strings::selfcheck_year(y, window)));
        }
        years = years
            .push(text(strings::selfcheck_years_sum(self.check.budget.years_sum())).font(bold()));
        let parts = column![
            text(strings::SELFCHECK_PARTS).font(bold()),
            field(Amount::Total, strings::SELFCHECK_STATED_TOTAL.to_string()),
            field(Amount::Own, strings::SELFCHECK_OWN.to_string()),
            field(Amount::Requested, strings::SELFCHECK_REQUESTED.to_string()),
        ]
        .spacing(6);
        let findings = self
            .check
            .budget
            .findings(window, self.rubric.process.budget_eur);
        let mut checks = column![text(strings::SELFCHECK_BUDGET_CHECKS).font(bold())].spacing(4);
        let b = &self.check.budget;
        // Nothing entered yet adds up to nothing: no green "it adds up".
        let nothing_entered = b.years.values().all(|v| *v == 0)
            && b.stated_total.is_none()
            && b.own_contribution.is_none()
            && b.requested.is_none();
        if nothing_entered {
            checks = checks.push(text(strings::SELFCHECK_BUDGET_EMPTY).style(theme::muted));
        } else if findings.is_empty() {
            checks = checks.push(text(strings::SELFCHECK_BUDGET_OK).style(theme::success_text));
        }
        for f in &findings {
            checks = checks.push(text(result_text::finding(f)).style(theme::danger_text));
        }
        column![
            text(strings::SELFCHECK_BUDGET_INTRO),
            card(years),
            card(parts),
            card(checks)
        ]
        .spacing(12)
        .into()
    }

    fn result(&self) -> Element<'_, Message> {
        let o = self.check.outcome(&self.rubric, self.today);
        let mut ko = column![
            text(result_text::KO_SECTION)
                .size(theme::HEADING)
                .font(bold())
        ]
        .spacing(6);
        if o.ko_risks.is_empty() {
            ko = ko.push(text(result_text::KO_NONE).style(theme::success_text));
        }
        for r in &o.ko_risks {
            let line = text(result_text::ko_risk(r));
            ko = ko.push(if r.answer == KoAnswer::NotPlausible {
                line.style(theme::danger_text).font(bold())
            } else {
                line.style(theme::warning_text)
            });
        }
        let total = column![
            text(result_text::TOTAL_SECTION)
                .size(theme::HEADING)
                .font(bold()),
            text(result_text::total_line(&o)),
            text(result_text::standing_line(&o)).font(bold()),
        ]
        .spacing(6);
        let mut gains = column![
            text(result_text::GAIN_SECTION)
                .size(theme::HEADING)
                .font(bold())
        ]
        .spacing(6);
        if o.gains.is_empty() {
            gains = gains.push(text(result_text::GAIN_NONE));
        }
        for g in &o.gains {
            gains = gains.push(text(result_text::gain_line(g)));
        }
        let mut findings = column![
            text(result_text::FINDINGS_SECTION)
                .size(theme::HEADING)
                .font(bold()),
            text(result_text::deadline_line(o.deadline, o.date)),
        ]
        .spacing(6);
        if o.findings.is_empty() {
            findings = findings.push(text(result_text::FINDINGS_NONE).style(theme::success_text));
        }
        for f in &o.findings {
            findings = findings.push(text(result_text::finding(f)));
        }
        column![card(ko), card(total), card(gains), card(findings)]
            .spacing(12)
            .into()
    }
}

fn card<'a>(c: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(c)
        .padding(16)
        .width(Fill)
        .style(theme::card)
        .into()
}

/// The id of a knock-out answer's choice: `KO2=niet`.
pub fn answer_code(a: KoAnswer) -> &'static str {
    match a {
        KoAnswer::Open => "open",
        KoAnswer::Plausible => "ja",
        KoAnswer::NotPlausible => "niet",
        KoAnswer::DontKnow => "weetniet",
    }
}

/// The id of an amount field: `amount-2023`, `amount-total`.
pub fn amount_id(f: Amount) -> String {
    match f {
        Amount::Year(y) => format!("amount-{y}"),
        Amount::Total => "amount-total".into(),
        Amount::Own => "amount-own".into(),
        Amount::Requested => "amount-requested".into(),
    }
}
