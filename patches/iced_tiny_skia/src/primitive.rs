use crate::core::Rectangle;

#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// A path filled with some paint.
    Fill {
        /// The path to fill.
        path: tiny_skia::Path,
        /// The paint to use.
        paint: tiny_skia::Paint<'static>,
        /// The fill rule to follow.
        rule: tiny_skia::FillRule,
    },
    /// A path stroked with some paint.
    Stroke {
        /// The path to stroke.
        path: tiny_skia::Path,
        /// The paint to use.
        paint: tiny_skia::Paint<'static>,
        /// The stroke settings.
        stroke: tiny_skia::Stroke,
    },
}

impl Primitive {
    /// Returns the visible bounds of the [`Primitive`].
    pub fn visible_bounds(&self) -> Rectangle {
        let (bounds, outside) = match self {
            Primitive::Fill { path, .. } => (path.bounds(), 0.0),
            // leidraad patch: a stroke reaches beyond its path by half its
            // width (and further at a mitred corner); upstream counted the
            // path's bounds only, so the damage of a changed stroke left its
            // outer half on the screen (a heat map cell's hover outline).
            Primitive::Stroke { stroke, path, .. } => {
                (path.bounds(), stroke.width + 1.0)
            }
        };

        Rectangle {
            x: bounds.x(),
            y: bounds.y(),
            width: bounds.width(),
            height: bounds.height(),
        }
        .expand(outside)
    }
}
