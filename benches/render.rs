//! Frames drawn as the window draws them, headless, with the software
//! renderer (tiny-skia) at 1920x1080: the input goes to the interface, its
//! messages to `update`, the view is rebuilt when they changed something,
//! and only what changed since the last frame is drawn, as iced_tiny_skia's
//! compositor does in the window (damage regions, clip masks). A regression
//! in the renderer or in the list's rows in view shows here without a
//! display. `scripts/frame-times.sh` measures the same in the real window.

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point};

use leidraad::ui::app::{App, Message};
use leidraad::ui::headless;
use leidraad::ui::screen::{list, ranking};
use leidraad::ui::widget::chart::Kind;
use leidraad_core::rubric::Rubric;

const WIDTH: u32 = 1920;
const HEIGHT: u32 = 1080;

fn window(cursor: Point) -> headless::Window {
    headless::Window::new(WIDTH, HEIGHT, cursor)
}

fn wheel(down: bool) -> Event {
    Event::Mouse(mouse::Event::WheelScrolled {
        delta: ScrollDelta::Lines {
            x: 0.0,
            y: if down { -1.0 } else { 1.0 },
        },
    })
}

fn app(applications: usize) -> App {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::synthetic::dossier(&rubric, applications, 3, 2022);
    App::with_dossier(rubric, dossier, "Beoordelaar 1")
}

/// Wheel steps over the window, ten down and ten up, one frame each.
fn scrolling(c: &mut Criterion, name: &str, app: &mut App) {
    let mut w = window(Point::new(WIDTH as f32 / 2.0, HEIGHT as f32 * 0.75));
    w.frame(app, &[]);
    let mut n = 0usize;
    c.bench_function(name, |b| {
        b.iter(|| {
            n += 1;
            w.frame(app, &[wheel(n % 20 < 10)]);
            black_box(&w.pixels);
        })
    });
}

fn render(c: &mut Criterion) {
    let mut big = app(1000);
    scrolling(
        c,
        "render: a wheel step over the list of 1,000 (1920x1080, tiny-skia)",
        &mut big,
    );

    let mut small = app(40);
    scrolling(
        c,
        "render: a wheel step over the list of 40 (1920x1080, tiny-skia)",
        &mut small,
    );

    let first = leidraad_core::dossier::ApplicationId("A00001".into());
    let _ = small.update(Message::List(list::Message::Score(first)));
    scrolling(
        c,
        "render: a wheel step over the scoring screen (1920x1080, tiny-skia)",
        &mut small,
    );

    let mut charts = app(40);
    let _ = charts.update(Message::List(list::Message::Ranking));
    let mut w = window(Point::new(10.0, 10.0));
    w.frame(&mut charts, &[]);
    let mut n = 0usize;
    c.bench_function(
        "render: switch the ranking between table and heat map (1920x1080, tiny-skia)",
        |b| {
            b.iter(|| {
                n += 1;
                let pane = if n.is_multiple_of(2) {
                    ranking::Pane::Table
                } else {
                    ranking::Pane::Chart(Kind::Heat)
                };
                let _ = charts.update(Message::Ranking(ranking::Message::Pane(pane)));
                w.frame(&mut charts, &[]);
                black_box(&w.pixels);
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = render
}
criterion_main!(benches);
