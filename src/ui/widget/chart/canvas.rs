//! The chart as an iced canvas program: a viewport that scrolls a tall
//! chart under its fixed header, redraws from a cache, and reports the
//! element under the pointer.

use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry};
use iced::{Element, Fill, Length, Point, Rectangle, Renderer, Theme};

use super::{Hit, Kind, Model, ROW_H};

/// A chart on a canvas, at most `max_height` high; a taller chart scrolls
/// inside the canvas (mouse wheel) under a header that stays put. The
/// visible part is kept in `cache` (clear it when the model changes; a
/// scroll clears it too); the outline of `hover` is drawn on top each
/// frame. Moving the pointer onto another element publishes `on_hover`.
pub struct Chart<'a, Message> {
    pub model: &'a Model,
    pub kind: Kind,
    pub cache: &'a Cache,
    pub hover: Option<Hit>,
    pub on_hover: fn(Option<Hit>) -> Message,
    pub max_height: f32,
}

/// How far the chart in a canvas is scrolled, and which chart that was.
#[derive(Debug, Default)]
pub struct Scroll {
    kind: Option<Kind>,
    offset: f32,
}

impl<Message> Chart<'_, Message> {
    /// The scroll offset that applies: another chart's offset does not.
    fn offset(&self, state: &Scroll, bounds: Rectangle) -> f32 {
        if state.kind == Some(self.kind) {
            state
                .offset
                .clamp(0.0, self.model.max_offset(self.kind, bounds.height))
        } else {
            0.0
        }
    }

    /// The element under `p`, a point in the viewport.
    fn hit_at(&self, p: Point, bounds: Rectangle, offset: f32) -> Option<Hit> {
        if p.y < Model::header(self.kind) {
            return None;
        }
        self.model
            .hit(self.kind, bounds.width, Point::new(p.x, p.y + offset))
    }
}

impl<Message> canvas::Program<Message> for Chart<'_, Message> {
    type State = Scroll;

    fn update(
        &self,
        state: &mut Scroll,
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Message>> {
        let offset = self.offset(state, bounds);
        let hit_now = |offset: f32| {
            cursor
                .position_in(bounds)
                .and_then(|p| self.hit_at(p, bounds, offset))
        };
        match event {
            canvas::Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::CursorLeft) => {
                let hit = hit_now(offset);
                (hit != self.hover).then(|| canvas::Action::publish((self.on_hover)(hit)))
            }
            canvas::Event::Mouse(mouse::Event::WheelScrolled { delta })
                if cursor.is_over(bounds) =>
            {
                let dy = match delta {
                    mouse::ScrollDelta::Lines { y, .. } => -y * ROW_H * 2.0,
                    mouse::ScrollDelta::Pixels { y, .. } => -y,
                };
                let max = self.model.max_offset(self.kind, bounds.height);
                let new = (offset + dy).clamp(0.0, max);
                state.kind = Some(self.kind);
                if new == offset {
                    // At either end the page scrolls on.
                    return None;
                }
                state.offset = new;
                self.cache.clear();
                let hit = hit_now(new);
                let action = if hit != self.hover {
                    canvas::Action::publish((self.on_hover)(hit))
                } else {
                    canvas::Action::request_redraw()
                };
                Some(action.and_capture())
            }
            _ => None,
        }
    }

    fn draw(
        &self,
        state: &Scroll,
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let offset = self.offset(state, bounds);
        let base = self.cache.draw(renderer, bounds.size(), |frame| {
            self.model.draw(self.kind, frame, offset);
        });
        let mut out = vec![base];
        if let Some(hit) = self.hover {
            let mut frame = Frame::new(renderer, bounds.size());
            self.model.draw_hover(self.kind, &mut frame, hit, offset);
            out.push(frame.into_geometry());
        }
        out
    }

    fn mouse_interaction(
        &self,
        state: &Scroll,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        let offset = self.offset(state, bounds);
        match cursor
            .position_in(bounds)
            .and_then(|p| self.hit_at(p, bounds, offset))
        {
            Some(_) => mouse::Interaction::Crosshair,
            None => mouse::Interaction::default(),
        }
    }
}

impl<'a, Message: 'a> Chart<'a, Message> {
    /// The canvas: as tall as the chart, up to `max_height`.
    pub fn view(self) -> Element<'a, Message> {
        let h = self.model.height(self.kind).min(self.max_height);
        canvas::Canvas::new(self)
            .width(Fill)
            .height(Length::Fixed(h))
            .into()
    }
}
