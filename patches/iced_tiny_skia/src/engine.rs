use crate::Primitive;
use crate::core::renderer::Quad;
use crate::core::{
    Background, Color, Gradient, Rectangle, Size, Transformation, Vector,
};
use crate::graphics::{Image, Text};
use crate::text;

#[derive(Debug)]
pub struct Engine {
    text_pipeline: text::Pipeline,
    /// What the clip mask holds (leidraad patch, iced #3368).
    pub(crate) clip: Clip,

    #[cfg(feature = "image")]
    pub(crate) raster_pipeline: crate::raster::Pipeline,
    #[cfg(feature = "svg")]
    pub(crate) vector_pipeline: crate::vector::Pipeline,
}

impl Engine {
    pub fn new() -> Self {
        Self {
            text_pipeline: text::Pipeline::new(),
            clip: Clip::default(),
            #[cfg(feature = "image")]
            raster_pipeline: crate::raster::Pipeline::new(),
            #[cfg(feature = "svg")]
            vector_pipeline: crate::vector::Pipeline::new(),
        }
    }

    pub fn draw_quad(
        &mut self,
        quad: &Quad,
        background: &Background,
        transformation: Transformation,
        pixels: &mut tiny_skia::PixmapMut<'_>,
        clip_mask: &mut tiny_skia::Mask,
        clip_bounds: Rectangle,
    ) {
        let physical_bounds = quad.bounds * transformation;

        if !clip_bounds.intersects(&physical_bounds) {
            return;
        }

        if !physical_bounds.is_within(&clip_bounds)
            && let Some(rect) = plain_rectangle(quad, background)
        {
            // leidraad patch (iced #3368): a plain rectangle is cut to the
            // pixels the clip mask would let through, and drawn without
            // the mask, so it costs its visible area instead of its whole
            // area through the mask (a page background drawn once per
            // damaged region cost a window of masked pixels each time).
            fill_cut(pixels, rect, physical_bounds, clip_bounds);
            return;
        }

        if !physical_bounds.is_within(&clip_bounds)
            && let Some(color) = interior_color(
                quad,
                background,
                physical_bounds,
                clip_bounds,
                transformation.scale_factor(),
                (pixels.width(), pixels.height()),
            )
        {
            // leidraad patch (iced #3368): when all that shows of a quad
            // through its clip is the inside of its fill (away from the
            // rounded corners and the border), that part is a plain
            // rectangle: a card around a scrolled list drew its whole area
            // through the clip mask for every damaged region inside it.
            fill_cut(pixels, color, physical_bounds, clip_bounds);
            return;
        }

        if !physical_bounds.is_within(&clip_bounds)
            && quad.shadow.color.a <= 0.0
            && let Some([x0, y0, x1, y1]) = visible_part(
                physical_bounds,
                clip_bounds,
                (pixels.width(), pixels.height()),
            )
        {
            // leidraad patch (iced #3368): when only part of a quad shows
            // through its clip (a row of a list under a narrow damaged
            // column), that part of the pixels, with a margin, is copied
            // out, the quad is drawn on the copy, which clips without a
            // mask, and the part is put back: the visible area and two
            // copies of it instead of the whole quad through the mask, and
            // the pixels a whole frame gives (the same drawing, moved by
            // whole pixels; the anti-aliasing where a path is cut at the
            // copy's edge differs a little, so that edge is a margin that is
            // not put back).
            const MARGIN: u32 = 2;
            let (width, height) = (pixels.width(), pixels.height());
            let outer = [
                x0.saturating_sub(MARGIN),
                y0.saturating_sub(MARGIN),
                (x1 + MARGIN).min(width),
                (y1 + MARGIN).min(height),
            ];
            let Some(mut part) = tiny_skia::Pixmap::new(
                outer[2] - outer[0],
                outer[3] - outer[1],
            ) else {
                return;
            };
            copy_part(pixels, &mut part, outer, outer, true);
            let shifted = Transformation::translate(
                -(outer[0] as f32),
                -(outer[1] as f32),
            ) * transformation;
            let whole = quad.bounds * shifted;
            self.draw_quad(
                quad,
                background,
                shifted,
                &mut part.as_mut(),
                clip_mask,
                whole,
            );
            copy_part(pixels, &mut part, outer, [x0, y0, x1, y1], false);
            return;
        }

        let clip_mask = (!physical_bounds.is_within(&clip_bounds))
            .then(|| self.clip.mask(clip_mask, clip_bounds));

        let transform = into_transform(transformation);

        // Make sure the border radius is not larger than the bounds
        let border_width = quad
            .border
            .width
            .min(quad.bounds.width / 2.0)
            .min(quad.bounds.height / 2.0);

        let mut fill_border_radius = <[f32; 4]>::from(quad.border.radius);

        for radius in &mut fill_border_radius {
            *radius = (*radius)
                .min(quad.bounds.width / 2.0)
                .min(quad.bounds.height / 2.0);
        }

        let path = rounded_rectangle(quad.bounds, fill_border_radius);

        let shadow = quad.shadow;

        if shadow.color.a > 0.0 {
            let shadow_bounds = Rectangle {
                x: quad.bounds.x + shadow.offset.x - shadow.blur_radius,
                y: quad.bounds.y + shadow.offset.y - shadow.blur_radius,
                width: quad.bounds.width + shadow.blur_radius * 2.0,
                height: quad.bounds.height + shadow.blur_radius * 2.0,
            } * transformation;

            let radii = fill_border_radius
                .into_iter()
                .map(|radius| radius * transformation.scale_factor())
                .collect::<Vec<_>>();
            let (x, y, width, height) = (
                shadow_bounds.x as u32,
                shadow_bounds.y as u32,
                shadow_bounds.width as u32,
                shadow_bounds.height as u32,
            );
            let half_width = physical_bounds.width / 2.0;
            let half_height = physical_bounds.height / 2.0;

            let colors = (y..y + height)
                .flat_map(|y| (x..x + width).map(move |x| (x as f32, y as f32)))
                .filter_map(|(x, y)| {
                    tiny_skia::Size::from_wh(half_width, half_height).map(
                        |size| {
                            let shadow_distance = rounded_box_sdf(
                                Vector::new(
                                    x - physical_bounds.position().x
                                        - (shadow.offset.x
                                            * transformation.scale_factor())
                                        - half_width,
                                    y - physical_bounds.position().y
                                        - (shadow.offset.y
                                            * transformation.scale_factor())
                                        - half_height,
                                ),
                                size,
                                &radii,
                            )
                            .max(0.0);
                            let shadow_alpha = 1.0
                                - smoothstep(
                                    -shadow.blur_radius
                                        * transformation.scale_factor(),
                                    shadow.blur_radius
                                        * transformation.scale_factor(),
                                    shadow_distance,
                                );

                            let mut color = into_color(shadow.color);
                            color.apply_opacity(shadow_alpha);

                            color.to_color_u8().premultiply()
                        },
                    )
                })
                .collect();

            if let Some(pixmap) = tiny_skia::IntSize::from_wh(width, height)
                .and_then(|size| {
                    tiny_skia::Pixmap::from_vec(
                        bytemuck::cast_vec(colors),
                        size,
                    )
                })
            {
                pixels.draw_pixmap(
                    x as i32,
                    y as i32,
                    pixmap.as_ref(),
                    &tiny_skia::PixmapPaint::default(),
                    tiny_skia::Transform::default(),
                    None,
                );
            }
        }

        pixels.fill_path(
            &path,
            &tiny_skia::Paint {
                shader: match background {
                    Background::Color(color) => {
                        tiny_skia::Shader::SolidColor(into_color(*color))
                    }
                    Background::Gradient(Gradient::Linear(linear)) => {
                        let (start, end) =
                            linear.angle.to_distance(&quad.bounds);

                        let stops: Vec<tiny_skia::GradientStop> = linear
                            .stops
                            .into_iter()
                            .flatten()
                            .map(|stop| {
                                tiny_skia::GradientStop::new(
                                    stop.offset,
                                    tiny_skia::Color::from_rgba(
                                        stop.color.b,
                                        stop.color.g,
                                        stop.color.r,
                                        stop.color.a,
                                    )
                                    .expect("Create color"),
                                )
                            })
                            .collect();

                        tiny_skia::LinearGradient::new(
                            tiny_skia::Point {
                                x: start.x,
                                y: start.y,
                            },
                            tiny_skia::Point { x: end.x, y: end.y },
                            if stops.is_empty() {
                                vec![tiny_skia::GradientStop::new(
                                    0.0,
                                    tiny_skia::Color::BLACK,
                                )]
                            } else {
                                stops
                            },
                            tiny_skia::SpreadMode::Pad,
                            tiny_skia::Transform::identity(),
                        )
                        .expect("Create linear gradient")
                    }
                },
                anti_alias: true,
                ..tiny_skia::Paint::default()
            },
            tiny_skia::FillRule::EvenOdd,
            transform,
            clip_mask,
        );

        if border_width > 0.0 {
            // Border path is offset by half the border width
            let border_bounds = Rectangle {
                x: quad.bounds.x + border_width / 2.0,
                y: quad.bounds.y + border_width / 2.0,
                width: quad.bounds.width - border_width,
                height: quad.bounds.height - border_width,
            };

            // Make sure the border radius is correct
            let mut border_radius = <[f32; 4]>::from(quad.border.radius);
            let mut is_simple_border = true;

            for radius in &mut border_radius {
                *radius = if *radius == 0.0 {
                    // Path should handle this fine
                    0.0
                } else if *radius > border_width / 2.0 {
                    *radius - border_width / 2.0
                } else {
                    is_simple_border = false;
                    0.0
                }
                .min(border_bounds.width / 2.0)
                .min(border_bounds.height / 2.0);
            }

            // Stroking a path works well in this case
            if is_simple_border {
                let border_path =
                    rounded_rectangle(border_bounds, border_radius);

                pixels.stroke_path(
                    &border_path,
                    &tiny_skia::Paint {
                        shader: tiny_skia::Shader::SolidColor(into_color(
                            quad.border.color,
                        )),
                        anti_alias: true,
                        ..tiny_skia::Paint::default()
                    },
                    &tiny_skia::Stroke {
                        width: border_width,
                        ..tiny_skia::Stroke::default()
                    },
                    transform,
                    clip_mask,
                );
            } else {
                // Draw corners that have too small border radii as having no border radius,
                // but mask them with the rounded rectangle with the correct border radius.
                let mut temp_pixmap = tiny_skia::Pixmap::new(
                    quad.bounds.width as u32,
                    quad.bounds.height as u32,
                )
                .unwrap();

                let mut quad_mask = tiny_skia::Mask::new(
                    quad.bounds.width as u32,
                    quad.bounds.height as u32,
                )
                .unwrap();

                let zero_bounds = Rectangle {
                    x: 0.0,
                    y: 0.0,
                    width: quad.bounds.width,
                    height: quad.bounds.height,
                };
                let path = rounded_rectangle(zero_bounds, fill_border_radius);

                quad_mask.fill_path(
                    &path,
                    tiny_skia::FillRule::EvenOdd,
                    true,
                    transform,
                );
                let path_bounds = Rectangle {
                    x: border_width / 2.0,
                    y: border_width / 2.0,
                    width: quad.bounds.width - border_width,
                    height: quad.bounds.height - border_width,
                };

                let border_radius_path =
                    rounded_rectangle(path_bounds, border_radius);

                temp_pixmap.stroke_path(
                    &border_radius_path,
                    &tiny_skia::Paint {
                        shader: tiny_skia::Shader::SolidColor(into_color(
                            quad.border.color,
                        )),
                        anti_alias: true,
                        ..tiny_skia::Paint::default()
                    },
                    &tiny_skia::Stroke {
                        width: border_width,
                        ..tiny_skia::Stroke::default()
                    },
                    transform,
                    Some(&quad_mask),
                );

                pixels.draw_pixmap(
                    quad.bounds.x as i32,
                    quad.bounds.y as i32,
                    temp_pixmap.as_ref(),
                    &tiny_skia::PixmapPaint::default(),
                    transform,
                    clip_mask,
                );
            }
        }
    }

    pub fn draw_text(
        &mut self,
        text: &Text,
        transformation: Transformation,
        pixels: &mut tiny_skia::PixmapMut<'_>,
        clip_bounds: Rectangle,
    ) {
        // leidraad patch: text is cut to its clip's pixels glyph by glyph
        // (`text::blit_glyph`), never drawn through the clip mask.
        match text {
            Text::Paragraph {
                paragraph,
                position,
                color,
                clip_bounds: local_clip_bounds,
                transformation: local_transformation,
            } => {
                let transformation = transformation * *local_transformation;
                let Some(clip_bounds) = clip_bounds
                    .intersection(&(*local_clip_bounds * transformation))
                else {
                    return;
                };

                let physical_bounds =
                    Rectangle::new(*position, paragraph.min_bounds)
                        * transformation;

                if !clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip = pixel_span(clip_bounds, pixels.width(), pixels.height());

                self.text_pipeline.draw_paragraph(
                    paragraph,
                    *position,
                    *color,
                    pixels,
                    clip,
                    transformation,
                );
            }
            Text::Editor {
                editor,
                position,
                color,
                clip_bounds: local_clip_bounds,
                transformation: local_transformation,
            } => {
                let transformation = transformation * *local_transformation;
                let Some(clip_bounds) = clip_bounds
                    .intersection(&(*local_clip_bounds * transformation))
                else {
                    return;
                };

                let physical_bounds =
                    Rectangle::new(*position, editor.bounds) * transformation;

                if !clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip = pixel_span(clip_bounds, pixels.width(), pixels.height());

                self.text_pipeline.draw_editor(
                    editor,
                    *position,
                    *color,
                    pixels,
                    clip,
                    transformation,
                );
            }
            Text::Cached {
                content,
                bounds,
                color,
                size,
                line_height,
                font,
                align_x,
                align_y,
                shaping,
                clip_bounds: local_clip_bounds,
            } => {
                // leidraad patch: the text is clipped to its own clip bounds
                // too (a canvas's), not only to the layer's; upstream drew
                // the rows of a scrolled canvas beyond its edge.
                let Some(clip_bounds) = clip_bounds
                    .intersection(&(*local_clip_bounds * transformation))
                else {
                    return;
                };
                let clip = pixel_span(clip_bounds, pixels.width(), pixels.height());

                self.text_pipeline.draw_cached(
                    content,
                    *bounds,
                    *color,
                    *size,
                    *line_height,
                    *font,
                    *align_x,
                    *align_y,
                    *shaping,
                    pixels,
                    clip,
                    transformation,
                );
            }
            Text::Raw {
                raw,
                transformation: local_transformation,
            } => {
                let Some(buffer) = raw.buffer.upgrade() else {
                    return;
                };

                let transformation = transformation * *local_transformation;
                let (width, height) = buffer.size();

                let physical_bounds = Rectangle::new(
                    raw.position,
                    Size::new(
                        width.unwrap_or(clip_bounds.width),
                        height.unwrap_or(clip_bounds.height),
                    ),
                ) * transformation;

                if !clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip = pixel_span(clip_bounds, pixels.width(), pixels.height());

                self.text_pipeline.draw_raw(
                    &buffer,
                    raw.position,
                    raw.color,
                    pixels,
                    clip,
                    transformation,
                );
            }
        }
    }

    pub fn draw_primitive(
        &mut self,
        primitive: &Primitive,
        transformation: Transformation,
        pixels: &mut tiny_skia::PixmapMut<'_>,
        clip_mask: &mut tiny_skia::Mask,
        clip_bounds: Rectangle,
    ) {
        match primitive {
            Primitive::Fill { path, paint, rule } => {
                let physical_bounds = {
                    let bounds = path.bounds();

                    Rectangle {
                        x: bounds.x(),
                        y: bounds.y(),
                        width: bounds.width(),
                        height: bounds.height(),
                    } * transformation
                };

                if !clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip_mask = (!physical_bounds.is_within(&clip_bounds))
                    .then(|| self.clip.mask(clip_mask, clip_bounds));

                pixels.fill_path(
                    path,
                    paint,
                    *rule,
                    into_transform(transformation),
                    clip_mask,
                );
            }
            Primitive::Stroke {
                path,
                paint,
                stroke,
            } => {
                let physical_bounds = {
                    let bounds = path.bounds();

                    Rectangle {
                        x: bounds.x() - stroke.width / 2.0,
                        y: bounds.y() - stroke.width / 2.0,
                        width: bounds.width() + stroke.width,
                        height: bounds.height() + stroke.width,
                    } * transformation
                };

                if !clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip_mask = (!physical_bounds.is_within(&clip_bounds))
                    .then(|| self.clip.mask(clip_mask, clip_bounds));

                pixels.stroke_path(
                    path,
                    paint,
                    stroke,
                    into_transform(transformation),
                    clip_mask,
                );
            }
        }
    }

    pub fn draw_image(
        &mut self,
        image: &Image,
        _transformation: Transformation,
        _pixels: &mut tiny_skia::PixmapMut<'_>,
        _clip_mask: &mut tiny_skia::Mask,
        _clip_bounds: Rectangle,
    ) {
        match image {
            #[cfg(feature = "image")]
            Image::Raster { image, bounds, .. } => {
                let physical_bounds = *bounds * _transformation;

                if !_clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip_mask = (!physical_bounds.is_within(&_clip_bounds))
                    .then(|| self.clip.mask(_clip_mask, _clip_bounds));

                let center = physical_bounds.center();
                let radians = f32::from(image.rotation);

                let transform = into_transform(_transformation).post_rotate_at(
                    radians.to_degrees(),
                    center.x,
                    center.y,
                );

                self.raster_pipeline.draw(
                    &image.handle,
                    image.filter_method,
                    *bounds,
                    image.opacity,
                    _pixels,
                    transform,
                    clip_mask,
                );
            }
            #[cfg(feature = "svg")]
            Image::Vector { svg, bounds, .. } => {
                let physical_bounds = *bounds * _transformation;

                if !_clip_bounds.intersects(&physical_bounds) {
                    return;
                }

                let clip_mask = (!physical_bounds.is_within(&_clip_bounds))
                    .then(|| self.clip.mask(_clip_mask, _clip_bounds));

                let center = physical_bounds.center();
                let radians = f32::from(svg.rotation);

                let transform = into_transform(_transformation).post_rotate_at(
                    radians.to_degrees(),
                    center.x,
                    center.y,
                );

                self.vector_pipeline.draw(
                    &svg.handle,
                    svg.color,
                    *bounds,
                    svg.opacity,
                    _pixels,
                    transform,
                    clip_mask,
                );
            }
            #[cfg(not(feature = "image"))]
            Image::Raster { .. } => {
                log::warn!(
                    "Unsupported primitive in `iced_tiny_skia`: {image:?}",
                );
            }
            #[cfg(not(feature = "svg"))]
            Image::Vector { .. } => {
                log::warn!(
                    "Unsupported primitive in `iced_tiny_skia`: {image:?}",
                );
            }
        }
    }

    pub fn trim(&mut self) {
        self.text_pipeline.trim_cache();

        #[cfg(feature = "image")]
        self.raster_pipeline.trim_cache();

        #[cfg(feature = "svg")]
        self.vector_pipeline.trim_cache();
    }
}

pub fn into_color(color: Color) -> tiny_skia::Color {
    tiny_skia::Color::from_rgba(color.b, color.g, color.r, color.a)
        .expect("Convert color from iced to tiny_skia")
}

fn into_transform(transformation: Transformation) -> tiny_skia::Transform {
    let translation = transformation.translation();

    tiny_skia::Transform {
        sx: transformation.scale_factor(),
        kx: 0.0,
        ky: 0.0,
        sy: transformation.scale_factor(),
        tx: translation.x,
        ty: translation.y,
    }
}

fn rounded_rectangle(
    bounds: Rectangle,
    border_radius: [f32; 4],
) -> tiny_skia::Path {
    let [top_left, top_right, bottom_right, bottom_left] = border_radius;

    if top_left == 0.0
        && top_right == 0.0
        && bottom_right == 0.0
        && bottom_left == 0.0
    {
        return tiny_skia::PathBuilder::from_rect(
            tiny_skia::Rect::from_xywh(
                bounds.x,
                bounds.y,
                bounds.width,
                bounds.height,
            )
            .expect("Build quad rectangle"),
        );
    }

    if top_left == top_right
        && top_left == bottom_right
        && top_left == bottom_left
        && top_left == bounds.width / 2.0
        && top_left == bounds.height / 2.0
    {
        return tiny_skia::PathBuilder::from_circle(
            bounds.x + bounds.width / 2.0,
            bounds.y + bounds.height / 2.0,
            top_left,
        )
        .expect("Build circle path");
    }

    let mut builder = tiny_skia::PathBuilder::new();

    builder.move_to(bounds.x + top_left, bounds.y);
    builder.line_to(bounds.x + bounds.width - top_right, bounds.y);

    if top_right > 0.0 {
        arc_to(
            &mut builder,
            bounds.x + bounds.width - top_right,
            bounds.y,
            bounds.x + bounds.width,
            bounds.y + top_right,
            top_right,
        );
    }

    maybe_line_to(
        &mut builder,
        bounds.x + bounds.width,
        bounds.y + bounds.height - bottom_right,
    );

    if bottom_right > 0.0 {
        arc_to(
            &mut builder,
            bounds.x + bounds.width,
            bounds.y + bounds.height - bottom_right,
            bounds.x + bounds.width - bottom_right,
            bounds.y + bounds.height,
            bottom_right,
        );
    }

    maybe_line_to(
        &mut builder,
        bounds.x + bottom_left,
        bounds.y + bounds.height,
    );

    if bottom_left > 0.0 {
        arc_to(
            &mut builder,
            bounds.x + bottom_left,
            bounds.y + bounds.height,
            bounds.x,
            bounds.y + bounds.height - bottom_left,
            bottom_left,
        );
    }

    maybe_line_to(&mut builder, bounds.x, bounds.y + top_left);

    if top_left > 0.0 {
        arc_to(
            &mut builder,
            bounds.x,
            bounds.y + top_left,
            bounds.x + top_left,
            bounds.y,
            top_left,
        );
    }

    builder.finish().expect("Build rounded rectangle path")
}

fn maybe_line_to(path: &mut tiny_skia::PathBuilder, x: f32, y: f32) {
    if path.last_point() != Some(tiny_skia::Point { x, y }) {
        path.line_to(x, y);
    }
}

fn arc_to(
    path: &mut tiny_skia::PathBuilder,
    x_from: f32,
    y_from: f32,
    x_to: f32,
    y_to: f32,
    radius: f32,
) {
    let svg_arc = kurbo::SvgArc {
        from: kurbo::Point::new(f64::from(x_from), f64::from(y_from)),
        to: kurbo::Point::new(f64::from(x_to), f64::from(y_to)),
        radii: kurbo::Vec2::new(f64::from(radius), f64::from(radius)),
        x_rotation: 0.0,
        large_arc: false,
        sweep: true,
    };

    match kurbo::Arc::from_svg_arc(&svg_arc) {
        Some(arc) => {
            arc.to_cubic_beziers(0.1, |p1, p2, p| {
                path.cubic_to(
                    p1.x as f32,
                    p1.y as f32,
                    p2.x as f32,
                    p2.y as f32,
                    p.x as f32,
                    p.y as f32,
                );
            });
        }
        None => {
            path.line_to(x_to, y_to);
        }
    }
}

fn smoothstep(a: f32, b: f32, x: f32) -> f32 {
    let x = ((x - a) / (b - a)).clamp(0.0, 1.0);

    x * x * (3.0 - 2.0 * x)
}

fn rounded_box_sdf(
    to_center: Vector,
    size: tiny_skia::Size,
    radii: &[f32],
) -> f32 {
    let radius = match (to_center.x > 0.0, to_center.y > 0.0) {
        (true, true) => radii[2],
        (true, false) => radii[1],
        (false, true) => radii[3],
        (false, false) => radii[0],
    };

    let x = (to_center.x.abs() - size.width() + radius).max(0.0);
    let y = (to_center.y.abs() - size.height() + radius).max(0.0);

    (x.powf(2.0) + y.powf(2.0)).sqrt() - radius
}

/// Fill the part of a plain rectangle that lies in the clip's pixels,
/// without a mask (leidraad patch, iced #3368).
fn fill_cut(
    pixels: &mut tiny_skia::PixmapMut<'_>,
    color: Color,
    physical_bounds: Rectangle,
    clip_bounds: Rectangle,
) {
    let Some(cut) = pixel_rect(clip_bounds, pixels.width(), pixels.height())
        .and_then(|clip| clip.intersection(&physical_bounds))
    else {
        return;
    };
    let Some(cut) = tiny_skia::Rect::from_xywh(
        cut.x, cut.y, cut.width, cut.height,
    ) else {
        return;
    };
    pixels.fill_path(
        &tiny_skia::PathBuilder::from_rect(cut),
        &tiny_skia::Paint {
            shader: tiny_skia::Shader::SolidColor(into_color(color)),
            anti_alias: true,
            ..tiny_skia::Paint::default()
        },
        tiny_skia::FillRule::EvenOdd,
        tiny_skia::Transform::identity(),
        None,
    );
}

/// The clip mask and the rectangle it holds (leidraad patch, iced #3368).
///
/// Upstream cleared the whole window-sized mask and filled it anew once per
/// layer, per primitive group and per text that overflows its bounds. Here
/// the mask is filled only when a primitive needs it, only when it must hold
/// another rectangle than it does, and only the rows of the rectangle it held
/// are cleared.
#[derive(Debug, Default)]
pub struct Clip {
    /// The pixels set in the mask (x0, y0, x1, y1, ends excluded); None when
    /// its contents are not known (a new frame, a new mask).
    held: Option<[u32; 4]>,
}

impl Clip {
    /// Forget what the mask holds: the next use clears it whole.
    pub fn reset(&mut self) {
        self.held = None;
    }

    /// The mask, holding `bounds`.
    pub fn mask<'a>(
        &mut self,
        mask: &'a mut tiny_skia::Mask,
        bounds: Rectangle,
    ) -> &'a tiny_skia::Mask {
        let (width, height) = (mask.width(), mask.height());
        let wanted = pixel_span(bounds, width, height);

        if self.held != Some(wanted) {
            let stride = width as usize;
            let data = mask.data_mut();

            match self.held {
                Some([x0, y0, x1, y1]) => {
                    for y in y0 as usize..y1 as usize {
                        data[y * stride + x0 as usize..y * stride + x1 as usize]
                            .fill(0);
                    }
                }
                None => data.fill(0),
            }

            let [x0, y0, x1, y1] = wanted;
            for y in y0 as usize..y1 as usize {
                data[y * stride + x0 as usize..y * stride + x1 as usize]
                    .fill(255);
            }

            self.held = Some(wanted);
        }

        mask
    }
}

/// The pixels of `bounds` that the clip mask lets through: those whose
/// centres lie inside, as tiny-skia fills a rectangle without anti-aliasing
/// (edges in 26.6 fixed point, rounded to the nearest pixel edge).
fn pixel_span(bounds: Rectangle, width: u32, height: u32) -> [u32; 4] {
    let snap = |v: f32, max: u32| {
        ((((v * 64.0) as i64) + 32) >> 6).clamp(0, i64::from(max)) as u32
    };
    let x0 = snap(bounds.x, width);
    let y0 = snap(bounds.y, height);
    let x1 = snap(bounds.x + bounds.width, width).max(x0);
    let y1 = snap(bounds.y + bounds.height, height).max(y0);

    [x0, y0, x1, y1]
}

/// The pixels of a quad that its clip lets through (x0, y0, x1, y1, ends
/// excluded); None when none show (leidraad patch).
fn visible_part(
    physical_bounds: Rectangle,
    clip_bounds: Rectangle,
    (width, height): (u32, u32),
) -> Option<[u32; 4]> {
    let [cx0, cy0, cx1, cy1] = pixel_span(clip_bounds, width, height);
    let cover = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
    let qx0 = cover(physical_bounds.x.floor(), width);
    let qy0 = cover(physical_bounds.y.floor(), height);
    let qx1 = cover((physical_bounds.x + physical_bounds.width).ceil(), width);
    let qy1 =
        cover((physical_bounds.y + physical_bounds.height).ceil(), height);
    let [x0, y0] = [cx0.max(qx0), cy0.max(qy0)];
    let [x1, y1] = [cx1.min(qx1), cy1.min(qy1)];

    (x1 > x0 && y1 > y0).then_some([x0, y0, x1, y1])
}

/// Copies the pixels of `rect` (x0, y0, x1, y1 in the window's pixels) from
/// `pixels` into `part` (`into_part`) or back from `part` into `pixels`;
/// `part` holds the pixels of `outer`, which holds `rect` and lies within
/// `pixels` (leidraad patch).
fn copy_part(
    pixels: &mut tiny_skia::PixmapMut<'_>,
    part: &mut tiny_skia::Pixmap,
    outer: [u32; 4],
    rect: [u32; 4],
    into_part: bool,
) {
    let stride = pixels.width() as usize * 4;
    let part_stride = part.width() as usize * 4;
    let span = (rect[2] - rect[0]) as usize * 4;
    let window = pixels.data_mut();
    let part = part.data_mut();

    for y in rect[1]..rect[3] {
        let at = y as usize * stride + rect[0] as usize * 4;
        let part_at = (y - outer[1]) as usize * part_stride
            + (rect[0] - outer[0]) as usize * 4;
        let window_row = &mut window[at..at + span];
        let part_row = &mut part[part_at..part_at + span];
        if into_part {
            part_row.copy_from_slice(window_row);
        } else {
            window_row.copy_from_slice(part_row);
        }
    }
}

/// [`pixel_span`] as a rectangle; None when empty.
fn pixel_rect(bounds: Rectangle, width: u32, height: u32) -> Option<Rectangle> {
    let [x0, y0, x1, y1] = pixel_span(bounds, width, height);

    (x1 > x0 && y1 > y0).then(|| Rectangle {
        x: x0 as f32,
        y: y0 as f32,
        width: (x1 - x0) as f32,
        height: (y1 - y0) as f32,
    })
}

/// The colour of what shows of a quad through its clip, when that is only the
/// inside of its fill: one colour, no shadow, and the visible pixels at least
/// a pixel away from its border and its rounded corners (leidraad patch).
fn interior_color(
    quad: &Quad,
    background: &Background,
    physical_bounds: Rectangle,
    clip_bounds: Rectangle,
    scale_factor: f32,
    (width, height): (u32, u32),
) -> Option<Color> {
    let Background::Color(color) = background else {
        return None;
    };
    if quad.shadow.color.a > 0.0 {
        return None;
    }
    let visible = pixel_rect(clip_bounds, width, height)?
        .intersection(&physical_bounds)?;
    let border = quad.border.width.max(0.0) * scale_factor;
    let radius = <[f32; 4]>::from(quad.border.radius)
        .into_iter()
        .fold(0.0_f32, f32::max)
        * scale_factor;
    let edge = border + 1.0;
    let corner = radius.max(border) + 1.0;
    let within = |dx: f32, dy: f32| {
        visible.x >= physical_bounds.x + dx
            && visible.y >= physical_bounds.y + dy
            && visible.x + visible.width
                <= physical_bounds.x + physical_bounds.width - dx
            && visible.y + visible.height
                <= physical_bounds.y + physical_bounds.height - dy
    };

    (within(corner, edge) || within(edge, corner)).then_some(*color)
}

/// The colour of a quad that is a plain rectangle: no rounded corners, no
/// border, no shadow, one colour.
fn plain_rectangle(quad: &Quad, background: &Background) -> Option<Color> {
    let Background::Color(color) = background else {
        return None;
    };
    let square = <[f32; 4]>::from(quad.border.radius)
        .iter()
        .all(|radius| *radius == 0.0);

    (square && quad.border.width <= 0.0 && quad.shadow.color.a <= 0.0)
        .then_some(*color)
}
