//! Two widget operations the keyboard flow needs and iced does not offer:
//! which widget has the focus (or none), and scrolling a scrollable so
//! that a given container is in view.

use iced::Task;
use iced::widget::Id;
use iced_core::widget::operation::{Focusable, Operation, Outcome, Scrollable};
use iced_core::{Rectangle, Vector};

/// The id of the focused widget, or None when nothing has the focus.
pub fn focused() -> Task<Option<Id>> {
    iced_runtime::task::widget(Focused {
        found: None,
        any: false,
    })
}

struct Focused {
    found: Option<Id>,
    any: bool,
}

impl Operation<Option<Id>> for Focused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Option<Id>>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() && !self.any {
            self.any = true;
            self.found = id.cloned();
        }
    }

    fn finish(&self) -> Outcome<Option<Id>> {
        Outcome::Some(self.found.clone())
    }
}

/// Scroll `scrollable` so that the container `target` is in view, with a
/// margin above it.
pub fn reveal<T: Send + 'static>(scrollable: Id, target: Id) -> Task<T> {
    let find = iced_runtime::task::widget(Find {
        scrollable: scrollable.clone(),
        target,
        view: None,
        bounds: None,
    });
    find.then(move |offset| match offset {
        Some(y) => iced::widget::operation::scroll_to(
            scrollable.clone(),
            iced::widget::scrollable::AbsoluteOffset {
                x: None,
                y: Some(y),
            },
        ),
        None => Task::none(),
    })
}

struct Find {
    scrollable: Id,
    target: Id,
    /// The scrollable's bounds, its content's bounds and its translation.
    view: Option<(Rectangle, Rectangle, Vector)>,
    bounds: Option<Rectangle>,
}

const MARGIN: f32 = 24.0;

impl Operation<Option<f32>> for Find {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Option<f32>>)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&self.scrollable) {
            self.view = Some((bounds, content_bounds, translation));
        }
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        if id == Some(&self.target) {
            self.bounds = Some(bounds);
        }
    }

    fn finish(&self) -> Outcome<Option<f32>> {
        let (Some((view, content, translation)), Some(target)) = (self.view, self.bounds) else {
            return Outcome::Some(None);
        };
        Outcome::Some(offset_to_reveal(view, content, translation, target))
    }
}

/// The new vertical offset that brings `target` into view, or None when it
/// is in view already.
fn offset_to_reveal(
    view: Rectangle,
    content: Rectangle,
    translation: Vector,
    target: Rectangle,
) -> Option<f32> {
    let top = target.y - content.y;
    let bottom = top + target.height;
    let shown_top = translation.y;
    let shown_bottom = translation.y + view.height;
    if top >= shown_top + 4.0 && bottom <= shown_bottom - 4.0 {
        return None;
    }
    let max = (content.height - view.height).max(0.0);
    let wanted = if target.height + 2.0 * MARGIN > view.height || top < shown_top {
        top - MARGIN
    } else {
        bottom + MARGIN - view.height
    };
    Some(wanted.clamp(0.0, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(y: f32, h: f32) -> Rectangle {
        Rectangle {
            x: 0.0,
            y,
            width: 100.0,
            height: h,
        }
    }

    #[test]
    fn a_field_below_the_view_is_scrolled_up_into_it() {
        let view = r(50.0, 500.0);
        let content = r(50.0, 3000.0);
        assert_eq!(
            offset_to_reveal(view, content, Vector::new(0.0, 0.0), r(50.0 + 100.0, 100.0)),
            None
        );
        let y = offset_to_reveal(view, content, Vector::new(0.0, 0.0), r(50.0 + 900.0, 100.0));
        assert_eq!(y, Some(900.0 + 100.0 + MARGIN - 500.0));
        let y = offset_to_reveal(
            view,
            content,
            Vector::new(0.0, 800.0),
            r(50.0 + 100.0, 100.0),
        );
        assert_eq!(y, Some(100.0 - MARGIN));
    }
}
