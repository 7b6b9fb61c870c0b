//! The list of applications while it is scrolled, driven as the runtime
//! drives the window: each batch of events goes to the interface, the
//! messages it produced go to `update`, and the interface is built anew
//! from the view with the widgets' state kept (the scroll offset). The
//! list builds only the rows in view; a click must still land on the
//! application drawn under the pointer, also when it arrives in one batch
//! with the wheel steps before it (events queued during a slow frame), and
//! the list must not move on once the wheel has stopped.

use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point, Size};

use leidraad::ui::app::{App, Message};
use leidraad::ui::screen::list::{self, ROW_GAP, ROW_HEIGHT};
use leidraad_core::dossier::ApplicationId;
use leidraad_core::rubric::Rubric;

const SIZE: Size = Size::new(1400.0, 900.0);
const WHEEL_DOWN: Event = Event::Mouse(mouse::Event::WheelScrolled {
    delta: ScrollDelta::Lines { x: 0.0, y: -1.0 },
});

use crate::ui_window::Window;

fn window() -> Window {
    Window::with_size(SIZE)
}

/// A list of 1,000 applications, and their ids in the list's order.
fn big_list() -> (App, Vec<ApplicationId>) {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::synthetic::dossier(&rubric, 1000, 1, 7);
    let ids = dossier.applications.iter().map(|a| a.id.clone()).collect();
    (App::with_dossier(rubric, dossier, "Beoordelaar 1"), ids)
}

/// The last viewport the list reported.
fn last_viewport(messages: &[Message]) -> Option<iced::widget::scrollable::Viewport> {
    messages.iter().rev().find_map(|m| match m {
        Message::List(list::Message::Scrolled(v)) => Some(*v),
        _ => None,
    })
}

/// The application the list places under `y` (window coordinates), from
/// the viewport and the row height alone.
fn row_under(app_ids: &[ApplicationId], viewport_top: f32, offset: f32, y: f32) -> ApplicationId {
    let index = ((y - viewport_top + offset) / (ROW_HEIGHT + ROW_GAP)).floor() as usize;
    app_ids[index].clone()
}

fn scored(messages: &[Message]) -> Vec<ApplicationId> {
    messages
        .iter()
        .filter_map(|m| match m {
            Message::List(list::Message::Score(id)) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_list_builds_only_the_rows_in_view_and_scrolls_through_all() {
    let (mut app, _) = big_list();
    let mut w = window();
    w.cursor = mouse::Cursor::Available(Point::new(700.0, 600.0));
    let _ = w.turn(&mut app, &[]);
    assert!(
        w.bounds_of(&app, "row-0").is_some(),
        "the first row is built"
    );
    assert!(
        w.bounds_of(&app, "row-300").is_none(),
        "a row far below the window is not built"
    );
    // 600 wheel steps of 60 px: 36,000 px, row 600 of 1,000.
    let mut viewport = None;
    for _ in 0..600 {
        viewport = last_viewport(&w.turn(&mut app, &[WHEEL_DOWN])).or(viewport);
    }
    let viewport = viewport.expect("the list reported its viewport");
    assert_eq!(viewport.absolute_offset().y, 36_000.0);
    assert!(
        w.bounds_of(&app, "row-0").is_none(),
        "the first row is gone"
    );
    let row = w.bounds_of(&app, "row-600").expect("row 600 is built");
    // Row 600 begins at 600 row pitches down the list: in the window, that
    // is the list's top plus its place minus the offset.
    let expected_y = viewport.bounds().y + 600.0 * (ROW_HEIGHT + ROW_GAP) - 36_000.0;
    assert!(
        (row.y - expected_y).abs() < 0.5,
        "row 600 at y {} instead of {expected_y}",
        row.y
    );
}

#[test]
fn a_click_after_scrolling_lands_on_the_row_under_the_pointer() {
    let (mut app, ids) = big_list();
    let mut w = window();
    w.cursor = mouse::Cursor::Available(Point::new(700.0, 500.0));
    let _ = w.turn(&mut app, &[]);

    // Ten wheel steps, each in a frame of its own.
    let mut viewport = None;
    for _ in 0..10 {
        viewport = last_viewport(&w.turn(&mut app, &[WHEEL_DOWN])).or(viewport);
    }
    let viewport = viewport.expect("the list reported its viewport");
    assert_eq!(viewport.absolute_offset().y, 600.0);

    // The pointer on the "Beoordelen" button of the row at y = 500.
    let wanted = row_under(
        &ids,
        viewport.bounds().y,
        viewport.absolute_offset().y,
        500.0,
    );
    let button = w
        .bounds_of(&app, &format!("score-{wanted}"))
        .expect("the row under the pointer is built");
    let at = Point::new(button.center_x(), 500.0);
    assert!(button.contains(at), "the button of {wanted} is at y 500");
    w.cursor = mouse::Cursor::Available(at);
    let clicked = w.turn(&mut app, &iced_test::simulator::click().collect::<Vec<_>>());
    assert_eq!(scored(&clicked), vec![wanted.clone()]);
    assert_ne!(wanted, ids[0], "the list had moved");

    // A fresh window; five wheel steps and a click queued together in one
    // batch, as when they arrive during a slow frame: the click is taken
    // where the five steps have brought the list.
    let (mut app, _) = big_list();
    let mut w = window();
    w.cursor = mouse::Cursor::Available(at);
    let first = w.turn(&mut app, &[]);
    let viewport = last_viewport(&first).expect("the list reported its viewport");
    let mut batch = vec![WHEEL_DOWN; 5];
    batch.extend(iced_test::simulator::click());
    let messages = w.turn(&mut app, &batch);
    let after = last_viewport(&messages).expect("the list reported the scroll");
    assert_eq!(after.absolute_offset().y, 300.0);
    let wanted = row_under(&ids, viewport.bounds().y, 300.0, at.y);
    assert_eq!(scored(&messages), vec![wanted]);

    // The wheel has stopped: the next frames do not move the list.
    for _ in 0..3 {
        let messages = w.turn(&mut app, &[]);
        if let Some(v) = last_viewport(&messages) {
            assert_eq!(v.absolute_offset().y, 300.0, "the list drifted");
        }
    }
}
