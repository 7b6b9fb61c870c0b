//! Where the assessors disagree in a round, worst first (from
//! `panel::disagreements`): a knock-out judged differently, totals on both
//! sides of the threshold, a wide spread on a criterion. A row opens the
//! panel screen's side-by-side view on that application and criterion.

use iced::widget::{Id, button, column, container, responsive, row, rule, scrollable, space, text};
use iced::{Alignment, Background, Border, Color, Element, Fill, Length, Theme};

use crate::ui::screen::scoring::bold;
use crate::ui::widget::bar;
use crate::ui::widget::scale;
use crate::ui::{measure, strings, theme};
use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::panel::{self, Flag};
use leidraad_core::rubric::CriterionId;
use leidraad_core::session::Session;

pub const SCROLL: &str = "disagreements-scroll";

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    /// Open flag i in the panel screen.
    Open(usize),
    Back,
}

pub enum Action {
    None,
    Back,
    /// The panel screen, side by side, on this application and round,
    /// with the criterion or knock-out in view (None: the totals).
    OpenPanel(ApplicationId, Round, Option<CriterionId>),
}

pub struct State {
    pub round: Round,
    /// The flags of the round, worst first.
    pub flags: Vec<Flag>,
}

impl State {
    pub fn new(session: &Session, round: Round) -> State {
        State {
            round,
            flags: panel::disagreements(session.rubric(), session.dossier(), round),
        }
    }

    /// Compute the flags again (the dossier changed, or the round).
    pub fn refresh(&mut self, session: &Session) {
        self.flags = panel::disagreements(session.rubric(), session.dossier(), self.round);
    }

    pub fn update(&mut self, session: &Session, message: Message) -> Action {
        match message {
            Message::Round(r) => {
                if r != self.round {
                    self.round = r;
                    self.refresh(session);
                }
                Action::None
            }
            Message::Open(i) => match self.flags.get(i) {
                Some(f) => Action::OpenPanel(f.application().clone(), self.round, criterion(f)),
                None => Action::None,
            },
            Message::Back => Action::Back,
        }
    }

    /// `viewer`: the window's user; an assessor who has not submitted an
    /// application sees that a flag exists, not the others' scores.
    pub fn view<'a>(&'a self, session: &'a Session, viewer: &str) -> Element<'a, Message> {
        let blind = panel::Blind::new(session.dossier(), viewer);
        let rounds = scale::rounds("disagreements-", self.round, true, Message::Round);
        let mut page = column![
            bar::top(Message::Back, rounds, None),
            row![
                text(strings::DISAGREEMENTS_TITLE)
                    .size(theme::TITLE)
                    .font(bold()),
                space::horizontal(),
            ]
            .push((!self.flags.is_empty()).then(|| {
                text(strings::disagreement_count(self.flags.len())).style(theme::muted)
            }),)
            .align_y(Alignment::Center),
            text(strings::disagreements_intro(self.round)).style(theme::muted),
        ]
        .spacing(12)
        .padding([16, 24]);

        if self.flags.is_empty() {
            page = page.push(
                container(text(strings::no_disagreements(self.round)))
                    .padding(16)
                    .width(Fill)
                    .style(theme::notice_info),
            );
            return page.into();
        }

        let head = |s: &'a str, w: Length| text(s).size(theme::SMALL).font(bold()).width(w);
        let id_width = measure::column(
            self.flags.iter().map(|f| f.application().0.as_str()),
            theme::SMALL,
            false,
            0.0,
        );
        let app_width = id_width.max(COL_APP);
        let header = row![
            head(strings::COL_APPLICATION, Length::Fixed(app_width)),
            head(strings::COL_WHAT, Length::Fixed(COL_KIND)),
            head(strings::COL_WHERE, Length::Fixed(COL_WHERE)),
            head(strings::COL_DETAIL, Fill),
            space().width(Length::Fixed(COL_OPEN)),
        ]
        .spacing(12)
        .padding([6, 12]);
        page = page.push(header).push(rule::horizontal(1));

        let mut rows = column![].spacing(4);
        for (i, flag) in self.flags.iter().enumerate() {
            let sees = blind.sees(flag.application(), self.round);
            rows = rows.push(flag_row(session, i, flag, sees, app_width));
        }
        column![
            page,
            scrollable(container(rows).padding([0, 24]))
                .id(Id::new(SCROLL))
                .height(Fill)
        ]
        .into()
    }
}

/// The application column: at least this wide, and as wide as the widest
/// id where that is wider.
const COL_APP: f32 = 230.0;
const COL_KIND: f32 = 220.0;
const COL_WHERE: f32 = 230.0;
const COL_OPEN: f32 = 130.0;

/// The criterion or knock-out a flag is about; None for the totals.
fn criterion(flag: &Flag) -> Option<CriterionId> {
    match flag {
        Flag::KoSplit { ko, .. } | Flag::KoDoubt { ko, .. } => Some(ko.clone()),
        Flag::Spread { criterion, .. } => Some(criterion.clone()),
        Flag::ThresholdSplit { .. } | Flag::MadeWithout { .. } => None,
    }
}

/// What kind of disagreement, and how bad (the tone of its badge).
fn kind(flag: &Flag) -> (&'static str, theme::Tone) {
    match flag {
        Flag::KoSplit { .. } => (strings::FLAG_KO_SPLIT, theme::Tone::Bad),
        Flag::KoDoubt { .. } => (strings::PANEL_DECIDES, theme::Tone::Warn),
        Flag::MadeWithout { .. } => (strings::FLAG_MADE_WITHOUT, theme::Tone::Bad),
        Flag::ThresholdSplit { .. } => (strings::FLAG_THRESHOLD, theme::Tone::Warn),
        Flag::Spread { .. } => (strings::FLAG_SPREAD, theme::Tone::Neutral),
    }
}

/// The Dutch line of what the assessors gave.
pub fn detail(flag: &Flag) -> String {
    match flag {
        Flag::KoSplit { verdicts, .. } | Flag::KoDoubt { verdicts, .. } => {
            strings::flag_verdicts(verdicts)
        }
        Flag::MadeWithout { assessors, .. } => strings::made_without(assessors),
        Flag::Spread { low, high, cap, .. } => strings::flag_spread(*low, *high, *cap),
        Flag::ThresholdSplit {
            threshold, totals, ..
        } => strings::flag_threshold(totals, *threshold),
    }
}

fn flag_row<'a>(
    session: &'a Session,
    i: usize,
    flag: &'a Flag,
    sees: bool,
    app_width: f32,
) -> Element<'a, Message> {
    let rubric = session.rubric();
    let app = session.dossier().application(flag.application());
    let region = app.map_or("", |a| a.region.as_str());
    let (label, tone) = kind(flag);
    let (id, name) = match criterion(flag) {
        Some(c) => {
            let name = rubric
                .knockout(c.as_str())
                .map(|k| k.name.clone())
                .or_else(|| rubric.criterion(c.as_str()).map(|c| c.name.clone()))
                .unwrap_or_default();
            (c.to_string(), name)
        }
        None => (strings::ALL_CRITERIA.to_string(), String::new()),
    };
    let line = row![
        // The id over the region, the region on one line with "…" where
        // it is too long (the panel screen shows it whole).
        container(
            responsive(move |size| {
                column![
                    text(flag.application().to_string())
                        .size(theme::SMALL)
                        .style(theme::muted)
                        .wrapping(text::Wrapping::None),
                    text(measure::ellipsize(region, measure::BODY, true, size.width).into_owned())
                        .font(bold())
                        .wrapping(text::Wrapping::None),
                ]
                .into()
            })
            .height(Length::Shrink)
        )
        .width(app_width),
        container(
            container(text(label).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(tone))
        )
        .width(COL_KIND),
        row![
            text(id).font(bold()).width(44),
            text(name).size(theme::SMALL)
        ]
        .spacing(4)
        .width(COL_WHERE),
        if sees {
            text(detail(flag)).size(theme::TEXT).width(Fill)
        } else {
            text(strings::FLAG_HIDDEN)
                .size(theme::SMALL)
                .style(theme::muted)
                .width(Fill)
        },
        text(strings::SIDE_BY_SIDE)
            .style(theme::primary_text)
            .width(COL_OPEN)
            .align_x(iced::alignment::Horizontal::Right),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    container(
        button(line)
            .padding([10, 12])
            .width(Fill)
            .style(row_style)
            .on_press(Message::Open(i)),
    )
    .id(Id::from(format!("flag-{i}")))
    .into()
}

/// A row that is a button: a white card, tinted when hovered.
fn row_style(theme: &Theme, status: button::Status) -> button::Style {
    let card = theme::card(theme);
    let p = theme.extended_palette();
    let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
    button::Style {
        background: Some(if hovered {
            Background::Color(Color::from_rgb(0.95, 0.97, 1.0))
        } else {
            card.background.unwrap_or(Background::Color(Color::WHITE))
        }),
        text_color: p.background.base.text,
        border: Border {
            color: if hovered {
                p.primary.base.color
            } else {
                card.border.color
            },
            ..card.border
        },
        ..button::Style::default()
    }
}
