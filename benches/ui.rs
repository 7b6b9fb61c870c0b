//! The window with a dossier of 1,000 applications: selecting an
//! application and changing a score, measured as update() plus view()
//! (the target is under 16 ms, one frame). A second figure adds layout,
//! through the iced_test simulator.

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};

use leidraad::ui::app::{App, Message};
use leidraad::ui::screen::{list, scoring};
use leidraad_core::dossier::{Application, ApplicationId, Dossier, Round, Value, Verdict};
use leidraad_core::edit::{self, Target};
use leidraad_core::rubric::{Rubric, Scale};

use iced::widget::canvas::{Cache, Program};
use iced::{Rectangle, Size, mouse};
use leidraad::ui::screen::ranking::{self, Column, Pane};
use leidraad::ui::widget::chart::{self, Chart, Hit, Kind, Model};

const ASSESSOR: &str = "Beoordelaar 1";

/// 1,000 applications; three assessors scored round 1 of every tenth one.
fn big() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Groot dossier", &rubric);
    let now = Utc::now();
    for n in 1..=1000 {
        let mut a = Application::new(&format!("A{n:04}"), &format!("Regio {n}"));
        a.plan_title = format!("Plan van aanpak nummer {n}");
        edit::add_application(&mut d, a).unwrap();
    }
    for n in (1..=1000).step_by(10) {
        for who in ["Beoordelaar 1", "Beoordelaar 2", "Beoordelaar 3"] {
            let t = Target {
                application: ApplicationId(format!("A{n:04}")),
                assessor: who.into(),
                round: Round::One,
            };
            for ko in &rubric.knockouts {
                edit::set_verdict(&rubric, &mut d, &t, &ko.id, Verdict::Met, now).unwrap();
            }
            for c in rubric.criteria() {
                let v = match &c.scale {
                    Scale::YesNo { .. } => Value::Yes,
                    Scale::Items { items, .. } => {
                        Value::Items(items.iter().map(|i| (i.id.clone(), 1)).collect())
                    }
                    _ => Value::Points(c.scale.bounds().1 / 2 + (n as u32 % 2)),
                };
                edit::set_value(&rubric, &mut d, &t, &c.id, Some(v), now).unwrap();
                edit::set_motivation(&rubric, &mut d, &t, &c.id, "Onderbouwd in het plan.", now)
                    .unwrap();
            }
            edit::submit(&rubric, &mut d, &t, now).unwrap();
        }
    }
    (rubric, d)
}

fn bench(c: &mut Criterion) {
    let (rubric, dossier) = big();
    let mut app = App::with_dossier(rubric, dossier, ASSESSOR);
    let mut n = 0u32;

    c.bench_function(
        "ui: select an application + change a score (update+view)",
        |b| {
            b.iter(|| {
                n += 1;
                let id = ApplicationId(format!("A{:04}", 2 + (n % 900)));
                let _ = app.update(Message::List(list::Message::Score(id)));
                black_box(app.view());
                let _ = app.update(Message::Scoring(scoring::Message::Value(
                    1,
                    Some(Value::Points(1 + n % 10)),
                )));
                black_box(app.view());
                // Back to the list without the list's re-evaluation: that is
                // measured on its own below.
                app.screen = leidraad::ui::app::Screen::List;
            })
        },
    );

    c.bench_function("ui: change a score (update+view)", |b| {
        let _ = app.update(Message::List(list::Message::Score(ApplicationId(
            "A0500".into(),
        ))));
        b.iter(|| {
            n += 1;
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            black_box(app.view());
        })
    });

    c.bench_function("ui: change a score (update+view+layout)", |b| {
        b.iter(|| {
            n += 1;
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            let ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1400.0, 900.0),
                app.view(),
            );
            black_box(ui);
        })
    });

    c.bench_function("ui: back to the list of 1,000 (update+view)", |b| {
        b.iter(|| {
            n += 1;
            let id = ApplicationId(format!("A{:04}", 2 + (n % 900)));
            let _ = app.update(Message::List(list::Message::Score(id)));
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            let _ = app.update(Message::ToList);
            black_box(app.view());
        })
    });
}

/// The ranking screen of a synthetic dossier of 1,000 applications (three
/// assessors each; round 1 ranks all of them): sorting the table, switching
/// to a chart and pointing at a chart element (update+view), building the
/// chart model, and drawing each chart's geometry with a headless renderer
/// into an empty cache (what a redraw costs after the dossier changed).
fn ranking_bench(c: &mut Criterion) {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::synthetic::dossier(&rubric, 1000, 3, 42);
    let mut app = App::with_dossier(rubric, dossier, ASSESSOR);
    let _ = app.update(Message::List(list::Message::Round(Round::One)));
    let _ = app.update(Message::List(list::Message::Ranking));
    ranking_updates(c, &mut app);
    chart_draws(c, &app);
    ranking_frames(c, &mut app);
}

/// A message for the ranking screen.
fn send(app: &mut App, m: ranking::Message) {
    let _ = app.update(Message::Ranking(m));
}

/// Sorting, switching panes and pointing at a heat map cell (update+view);
/// the ranking is left in rank order, on the heat map.
fn ranking_updates(c: &mut Criterion, app: &mut App) {
    let mut n = 0usize;

    let columns = [
        Column::Total,
        Column::Region,
        Column::Group(6),
        Column::Status,
        Column::Rank,
    ];
    c.bench_function("ranking: sort 1,000 rows by a column (update+view)", |b| {
        b.iter(|| {
            n += 1;
            send(app, ranking::Message::Sort(columns[n % columns.len()]));
            black_box(app.view());
        })
    });
    // Back to rank order (the lines drawn) for what follows.
    while !matches!(&app.screen, leidraad::ui::app::Screen::Ranking(s) if s.sort == ranking::Sort::RANK)
    {
        send(app, ranking::Message::Sort(Column::Rank));
    }

    let panes = [
        Pane::Chart(Kind::Bars),
        Pane::Chart(Kind::Heat),
        Pane::Chart(Kind::Rounds),
        Pane::Table,
    ];
    c.bench_function(
        "ranking: switch table/charts, 1,000 rows (update+view)",
        |b| {
            b.iter(|| {
                n += 1;
                send(app, ranking::Message::Pane(panes[n % panes.len()]));
                black_box(app.view());
            })
        },
    );

    send(app, ranking::Message::Pane(Pane::Chart(Kind::Heat)));
    c.bench_function("ranking: point at a heat map cell (update+view)", |b| {
        b.iter(|| {
            n += 1;
            send(
                app,
                ranking::Message::Hover(Some(Hit::Cell {
                    row: n % 900,
                    criterion: n % 11,
                })),
            );
            black_box(app.view());
        })
    });
}

/// The chart model, and each chart drawn into an empty cache and from a
/// full one.
fn chart_draws(c: &mut Criterion, app: &App) {
    let (one, two) = {
        let s = app.session.as_ref().unwrap();
        (
            s.evaluation(Round::One).clone(),
            s.evaluation(Round::Two).clone(),
        )
    };
    let rubric = app.session.as_ref().unwrap().rubric().clone();
    c.bench_function("ranking: build the chart model of 1,000", |b| {
        b.iter(|| black_box(Model::build(&rubric, Round::One, &one, &two)))
    });

    let model = Model::build(&rubric, Round::One, &one, &two);
    let renderer: iced::Renderer =
        iced::futures::executor::block_on(<iced::Renderer as iced_core::renderer::Headless>::new(
            leidraad::ui::theme::FONT,
            iced::Pixels(15.0),
            None,
        ))
        .expect("a headless renderer");
    let theme = leidraad::ui::theme::theme();
    for (kind, name) in [
        (
            Kind::Bars,
            "ranking: draw the bar chart of 1,000 (visible rows, empty cache)",
        ),
        (
            Kind::Heat,
            "ranking: draw the heat map of 1,000 (visible rows, empty cache)",
        ),
        (
            Kind::Rounds,
            "ranking: draw the round chart (visible rows, empty cache)",
        ),
    ] {
        let cache = Cache::new();
        let chart = Chart {
            model: &model,
            kind,
            cache: &cache,
            hover: Some(Hit::Pair { row: 0 }),
            on_hover: |_| (),
            max_height: 620.0,
        };
        let state = chart::Scroll::default();
        let bounds = Rectangle::with_size(Size::new(1000.0, model.height(kind).min(620.0)));
        c.bench_function(name, |b| {
            b.iter(|| {
                cache.clear();
                black_box(chart.draw(
                    &state,
                    &renderer,
                    &theme,
                    bounds,
                    mouse::Cursor::Unavailable,
                ))
            })
        });
        c.bench_function(&format!("{name} — cached"), |b| {
            b.iter(|| {
                black_box(chart.draw(
                    &state,
                    &renderer,
                    &theme,
                    bounds,
                    mouse::Cursor::Unavailable,
                ))
            })
        });
    }
}

/// A whole frame: draw and rasterise the screen (1400×900 at scale 2,
/// 2800×1800 pixels) with tiny-skia through iced_test, after the view
/// and layout are built once; per pane.
fn ranking_frames(c: &mut Criterion, app: &mut App) {
    let theme = leidraad::ui::theme::theme();
    {
        // What a frame costs here with nothing on it: the pixmap and the
        // read-back of the screenshot.
        let empty: iced::Element<'_, ()> = iced::widget::text("leeg").into();
        let mut ui = iced_test::Simulator::with_size(
            leidraad::ui::theme::settings(),
            (1400.0, 900.0),
            empty,
        );
        c.bench_function(
            "ranking: frame baseline, empty (draw+rasterise 1400x900)",
            |b| b.iter(|| black_box(ui.snapshot(&theme).unwrap())),
        );
    }
    for (pane, name) in [
        (
            Pane::Table,
            "ranking: frame of the table of 1,000 (draw+rasterise 1400x900)",
        ),
        (
            Pane::Chart(Kind::Bars),
            "ranking: frame of the bar chart (draw+rasterise 1400x900)",
        ),
        (
            Pane::Chart(Kind::Heat),
            "ranking: frame of the heat map (draw+rasterise 1400x900)",
        ),
    ] {
        send(app, ranking::Message::Pane(pane));
        let mut ui = iced_test::Simulator::with_size(
            leidraad::ui::theme::settings(),
            (1400.0, 900.0),
            app.view(),
        );
        c.bench_function(name, |b| b.iter(|| black_box(ui.snapshot(&theme).unwrap())));
    }
}

/// The keyboard over 1,000 applications: a letter typed in the list's
/// filter (Ctrl+F), and in the command palette (Ctrl+K), which offers every
/// application's actions; each as update() plus view().
fn keyboard_bench(c: &mut Criterion) {
    use leidraad::ui::app::PaletteMessage;
    let (rubric, dossier) = big();
    let mut app = App::with_dossier(rubric, dossier, ASSESSOR);
    let mut n = 0u32;
    c.bench_function("keyboard: filter the list of 1,000 (update+view)", |b| {
        b.iter(|| {
            n += 1;
            let typed = format!("regio {}", n % 100);
            let _ = app.update(Message::List(list::Message::Filter(typed)));
            black_box(app.view());
        })
    });
    let _ = app.update(Message::List(list::Message::Filter(String::new())));
    let _ = app.update(Message::Palette(PaletteMessage::Query(String::new())));
    app.palette = Some(leidraad::ui::app::Palette::default());
    c.bench_function(
        "keyboard: type in the palette over 1,000 applications (update+view)",
        |b| {
            b.iter(|| {
                n += 1;
                let typed = format!("beoordelen {}", n % 100);
                let _ = app.update(Message::Palette(PaletteMessage::Query(typed)));
                black_box(app.view());
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, ranking_bench, keyboard_bench
}
criterion_main!(benches);
