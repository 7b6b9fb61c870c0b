//! The workbook as `.ods`, through `spreadsheet-ods`.
//!
//! The number and date formats carry the locale nl-NL, so Calc shows
//! `72,00` and `14-07-2022 09:07` whatever the user's own locale.

use icu_locale_core::{Locale, locale};
use spreadsheet_ods::color::Rgb;
use spreadsheet_ods::format::FormatNumberStyle;
use spreadsheet_ods::style::units::{Border, FontSize, Length, PrintOrientation};
use spreadsheet_ods::style::{MasterPage, PageStyle, TableStyle, TableStyleRef};
use spreadsheet_ods::{
    CellStyle, CellStyleRef, Sheet, ValueFormatDateTime, ValueFormatNumber, WorkBook,
};

use crate::SheetError;
use crate::model::{self, Cell};

const DUTCH: Locale = locale!("nl-NL");

/// About how wide one character of the default font (10 pt) is, in mm.
const MM_PER_CHARACTER: f64 = 2.1;

struct Styles {
    title: CellStyleRef,
    about: CellStyleRef,
    head: CellStyleRef,
    whole: CellStyleRef,
    two: CellStyleRef,
    moment: CellStyleRef,
    /// A4 landscape when printed.
    page: TableStyleRef,
}

fn landscape(wb: &mut WorkBook) -> TableStyleRef {
    let mut page = PageStyle::new("a4-landscape");
    page.set_page_width(Length::Mm(297.0));
    page.set_page_height(Length::Mm(210.0));
    page.set_print_orientation(PrintOrientation::Landscape);
    let page = wb.add_pagestyle(page);
    let mut master = MasterPage::new("a4-landscape");
    master.set_pagestyle(&page);
    let master = wb.add_masterpage(master);
    let mut table = TableStyle::new("a4-landscape");
    table.set_master_page(&master);
    wb.add_tablestyle(table)
}

fn number_style(wb: &mut WorkBook, name: &str, decimals: u8) -> CellStyleRef {
    let mut format = ValueFormatNumber::new_localized(format!("{name}-format"), DUTCH);
    format
        .part_number()
        .min_integer_digits(1)
        .fixed_decimal_places(decimals)
        .build();
    let format = wb.add_number_format(format);
    wb.add_cellstyle(CellStyle::new(name, &format))
}

/// dd-mm-jjjj uu:mm, as `leidraad_core::nl::date_time` writes a moment.
fn moment_style(wb: &mut WorkBook) -> CellStyleRef {
    let mut format = ValueFormatDateTime::new_localized("moment-format", DUTCH);
    format.part_day().style(FormatNumberStyle::Long).build();
    format.part_text("-").build();
    format.part_month().style(FormatNumberStyle::Long).build();
    format.part_text("-").build();
    format.part_year().style(FormatNumberStyle::Long).build();
    format.part_text(" ").build();
    format.part_hours().style(FormatNumberStyle::Long).build();
    format.part_text(":").build();
    format.part_minutes().style(FormatNumberStyle::Long).build();
    let format = wb.add_datetime_format(format);
    wb.add_cellstyle(CellStyle::new("moment", &format))
}

fn text_style(wb: &mut WorkBook, name: &str, shape: impl FnOnce(&mut CellStyle)) -> CellStyleRef {
    let mut style = CellStyle::new_empty();
    style.set_name(name);
    shape(&mut style);
    wb.add_cellstyle(style)
}

impl Styles {
    fn new(wb: &mut WorkBook) -> Styles {
        Styles {
            title: text_style(wb, "title", |s| {
                s.set_font_bold();
                s.set_font_size(FontSize::Length(Length::Pt(12.0)));
            }),
            about: text_style(wb, "about", |s| s.set_font_italic()),
            head: text_style(wb, "head", |s| {
                s.set_font_bold();
                s.set_background_color(Rgb::new(0xE8, 0xEE, 0xF4));
                s.set_border_bottom(Length::Pt(0.75), Border::Solid, Rgb::new(0, 0, 0));
            }),
            whole: number_style(wb, "whole", 0),
            two: number_style(wb, "two-decimals", 2),
            moment: moment_style(wb),
            page: landscape(wb),
        }
    }
}

pub(crate) fn render(book: &model::Workbook) -> Result<Vec<u8>, SheetError> {
    let mut wb = WorkBook::default();
    let styles = Styles::new(&mut wb);
    {
        let meta = wb.metadata_mut();
        meta.title = book.title.clone();
        meta.subject = book.subject.clone();
        meta.creator = "leidraad".to_string();
        meta.language = DUTCH.to_string();
    }
    for sheet in &book.sheets {
        wb.push_sheet(write_sheet(sheet, &styles));
    }
    spreadsheet_ods::write_ods_buf(&mut wb, Vec::new()).map_err(|e| SheetError::Ods(e.to_string()))
}

fn write_sheet(sheet: &model::Sheet, s: &Styles) -> Sheet {
    let mut out = Sheet::new(&sheet.name);
    for (i, line) in sheet.title.iter().enumerate() {
        let style = if i == 0 { &s.title } else { &s.about };
        out.set_styled_value(i as u32, 0, line.as_str(), style);
    }
    let head = sheet.header_row();
    for (c, name) in sheet.header.iter().enumerate() {
        out.set_styled_value(head, c as u32, name.as_str(), &s.head);
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = head + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u32;
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => out.set_value(r, c, text.as_str()),
                Cell::Whole(n) => out.set_styled_value(r, c, *n as f64, &s.whole),
                Cell::TwoDecimals(x) => out.set_styled_value(r, c, *x, &s.two),
                Cell::Moment(at) => out.set_styled_value(r, c, *at, &s.moment),
            }
        }
    }
    for (c, width) in sheet.widths().into_iter().enumerate() {
        out.set_col_width(c as u32, Length::Mm(width as f64 * MM_PER_CHARACTER));
    }
    out.split_row_header(head);
    // Printed: the title lines and the head on every page.
    out.set_style(&s.page);
    out.set_header_rows(0, head);
    out
}
